import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import { describeFailure, NodemailerMailer } from './mail/mailer.ts';
import { ServerMetrics } from './http/metrics.ts';
import { eemsdelta } from './seed/eemsdelta.ts';
import { seedCommunity } from './seed/seed.ts';
import { systemClock } from './services/clock.ts';
import { createFieldCipher, encryptionKeyFromEnvironment } from './services/encryption.ts';
import { ServiceEvents } from './services/events.ts';
import type { ReportRound } from './services/report-schedule-service.ts';
import { createServices, type Services } from './services/services.ts';
import { openStore } from './store/open-store.ts';
import type { PleinStore } from './store/store.ts';

/** Seeds the demo community "eemsdelta" when the database has no community at all. */
export async function seedIfEmpty(store: PleinStore): Promise<{ questions: number; answers: number } | null> {
  if ((await store.countRows('communities')) > 0) return null;
  return seedCommunity(store, eemsdelta, systemClock);
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Migrates, seeds when empty, and listens. Closing drains requests before the database closes. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const { connection, store, migrations } = await openStore(config.databaseUrl);
  // Work that runs after a response (mail, live updates, the sweep) reports failures here, never addresses or text.
  const logger: { current?: FastifyBaseLogger } = {};
  const report = (error: unknown, what: string) =>
    logger.current?.error({ what, failure: describeFailure(error) }, 'background work failed');
  const metrics = new ServerMetrics();
  const mailer = metrics.countMails(new NodemailerMailer(config.mail));
  const readiness = { stopping: false };
  const services = createServices(store, systemClock, new ServiceEvents(report), {
    secret: config.secret,
    personalDataAllow: config.personalDataAllow,
    follow: { mailer, publicUrl: config.publicUrl, questionUrl: config.questionUrl, onError: report },
    accounts: { signInUrl: config.signInUrl },
    encryption: createFieldCipher(encryptionKeyFromEnvironment()),
    privateThreadUrl: config.privateThreadUrl,
  });
  const app = await buildApp({
    store,
    services,
    logLevel: config.logLevel,
    rateLimits: config.rateLimits,
    liveAnswersRedisUrl: config.redisUrl,
    secret: config.secret,
    introspection: config.introspection,
    persistedOperations: config.persistedOperations,
    trustProxy: config.trustProxy,
    metrics,
    metricsAccess: config.metrics,
    readiness,
  });
  logger.current = app.log;
  app.log.info({ database: connection.describe, migrations }, 'database ready');
  if (config.seedWhenEmpty) {
    const seeded = await seedIfEmpty(store);
    if (seeded) app.log.info(seeded, 'seeded the demo community eemsdelta');
  }
  const url = await app.listen({ port: config.port, host: config.host });
  const stopSweeper = startFollowSweeper(services, report);
  const stopReminders = startAppointmentReminders(services, report);
  // A round that sent or failed something is worth a line; a quiet one only at debug level.
  const stopReports = startReportScheduler(services, report, (round) =>
    app.log[round.sent + round.failed > 0 ? 'info' : 'debug'](round, 'report e-mail round'),
  );
  let closing: Promise<void> | undefined;
  return {
    app,
    url,
    close: () =>
      (closing ??= (async () => {
        // Readiness turns false first, so a load balancer stops sending before the listener closes.
        readiness.stopping = true;
        if (config.shutdownDelayMs > 0) {
          app.log.info({ delayMs: config.shutdownDelayMs }, 'not ready; waiting before closing the listener');
          await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
        }
        app.log.info('closing the listener; waiting for requests in flight');
        await stopSweeper();
        await stopReminders();
        await stopReports();
        // Waits for requests in flight; live-answer sockets get a close frame (@fastify/websocket's preClose).
        await app.close();
        app.log.info('listener closed; sending mail still in flight');
        // Mail already started still leaves before the database closes.
        await services.events.settled();
        await services.follows.settled();
        await services.accounts.settled();
        await services.appointments.settled();
        mailer.close();
        await connection.close();
      })()),
  };
}

/** How often the retention sweep runs: addresses, private threads, appointments, sign-in data, rejected text. */
export const FOLLOW_SWEEP_INTERVAL_MS = 60 * 60_000;

/**
 * The retention sweep: deletes or erases what Plein no longer needs (docs/privacy.md, "Wat de server bewaart"), now and
 * every hour; the timer never keeps the process alive. Every instance runs it: each job deletes or erases by a cutoff
 * in one transaction and reads nothing first, so instances that sweep at the same moment remove each item once between
 * them, and the later one finds nothing left. One failing job does not stop the others. The returned function stops
 * the timer and waits for a sweep that is running. (The name is older than the jobs it runs now.)
 */
export function startFollowSweeper(
  services: Services,
  report: (error: unknown, what: string) => void,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const sweep = () => {
    running = running.then(async () => {
      await services.follows.sweep().catch((error: unknown) => report(error, 'follow sweep'));
      // Private threads 90 days after the last message.
      await services.privateQuestions.sweep().catch((error: unknown) => report(error, 'private question sweep'));
      // Appointments and slots 30 days after the appointment.
      await services.appointments.sweep().catch((error: unknown) => report(error, 'appointment sweep'));
      // Sessions, sign-in links and OpenID Connect states a day after they expired.
      await services.sessions.sweep().catch((error: unknown) => report(error, 'sign-in data sweep'));
      // The text of rejected questions and answers 30 days after the rejection; the rows stay.
      await services.moderation.sweep().catch((error: unknown) => report(error, 'rejected content sweep'));
    });
  };
  sweep();
  const timer = setInterval(sweep, FOLLOW_SWEEP_INTERVAL_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}

/** How often appointments that start within a day are looked for, to send their reminder. */
export const APPOINTMENT_REMINDER_INTERVAL_MS = 5 * 60_000;

/**
 * Sends appointment reminders now and every 5 minutes (AppointmentService.sendReminders claims each one first, so
 * several instances send it once); the timer never keeps the process alive. The returned function stops it and
 * waits for a run that is going.
 */
export function startAppointmentReminders(
  services: Services,
  report: (error: unknown, what: string) => void,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const remind = () => {
    running = running.then(() =>
      services.appointments.sendReminders().then(
        () => undefined,
        (error: unknown) => report(error, 'appointment reminders'),
      ),
    );
  };
  remind();
  const timer = setInterval(remind, APPOINTMENT_REMINDER_INTERVAL_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}

/** How often the report e-mail looks for a period that has ended (see ReportScheduleService.sendDue). */
export const REPORT_CHECK_INTERVAL_MS = 60_000;

/**
 * Sends the report e-mails that are due now and then every minute; the timer never keeps the process alive. Every
 * instance does this: the delivery rows make sure each report goes out once. A round still running when the next is
 * due is not doubled. The returned function stops the timer and waits for a running round.
 */
export function startReportScheduler(
  services: Services,
  report: (error: unknown, what: string) => void,
  onRound: (round: ReportRound) => void = () => {},
  intervalMs: number = REPORT_CHECK_INTERVAL_MS,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const check = () => {
    running ??= services.reportSchedules
      .sendDue()
      .then(onRound, (error: unknown) => report(error, 'report e-mail'))
      .finally(() => {
        running = undefined;
      });
  };
  check();
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
