import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type DocumentNode, Kind } from 'graphql';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Mailer, MailMessage } from '../mail/mailer.ts';

/**
 * The figures behind `GET /metrics` (Prometheus text format; docs/decisions/0021-operations.md). One registry per
 * server, never prom-client's global one, so several apps in one test process do not share counters. Labels are
 * route patterns (`/notifications/:token`), methods, status codes and operation types: never ids, paths with ids,
 * operation names (the client chooses those) or anything else a user typed.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  /** E-mails handed to the mailer that the mail server has not yet taken or refused. */
  private mailsInFlight = 0;
  readonly requests = new Counter({
    name: 'plein_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'plein_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly graphqlOperations = new Counter({
    name: 'plein_graphql_operations_total',
    help: 'GraphQL operations executed, by type (query, mutation, subscription).',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly mails = new Counter({
    name: 'plein_emails_total',
    help: 'E-mails handed to the mail server (result "sent") or refused by it (result "failed").',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor() {
    // Pre-set so a scrape shows 0 instead of nothing before the first e-mail.
    this.mails.inc({ result: 'sent' }, 0);
    this.mails.inc({ result: 'failed' }, 0);
    this.gauge('plein_emails_in_flight', 'E-mails on their way to the mail server.', () => this.mailsInFlight);
  }

  /** A gauge read at scrape time, such as a queue size; a failing read leaves the gauge out of that scrape. */
  gauge(name: string, help: string, read: () => number | Promise<number>): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read());
      },
    });
  }

  /** The same mailer, counting what it sends, what fails and what is on its way. */
  countMails(mailer: Mailer): Mailer {
    return {
      send: async (message: MailMessage) => {
        this.mailsInFlight += 1;
        try {
          await mailer.send(message);
        } catch (error) {
          this.mails.inc({ result: 'failed' });
          throw error;
        } finally {
          this.mailsInFlight -= 1;
        }
        this.mails.inc({ result: 'sent' });
      },
      close: () => mailer.close(),
    };
  }
}

/** The queues `/metrics` reports, read at scrape time. */
export interface QueueSizes {
  /** Questions and answers waiting for a moderator, in all communities. */
  moderationWaiting(): Promise<number>;
  /** Work started after a response that has not finished yet: e-mails and live answers (services/events.ts). */
  backgroundTasks(): number;
}

/** PLEIN_METRICS and PLEIN_METRICS_TOKEN (config.ts): who may read `/metrics`. */
export type MetricsAccess = { enabled: false } | { enabled: true; token: string | undefined };

/**
 * Counts every request and answers `GET /metrics`. Without access the route does not exist (404, as any unknown
 * path); with a token it answers 401 to any request without `Authorization: Bearer <token>`.
 */
export function registerMetrics(
  app: FastifyInstance,
  metrics: ServerMetrics,
  access: MetricsAccess,
  queues: QueueSizes,
): void {
  app.addHook('onResponse', async (request, reply) => {
    // The pattern the router matched, never the path itself: `/notifications/:token`, not the token.
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    const method = request.method;
    metrics.requests.inc({ method, route, status: String(reply.statusCode) });
    metrics.latency.observe({ method, route }, reply.elapsedTime / 1000);
  });
  // Only the operation's type: its name and variables come from the client.
  const countOperation = async (_schema: unknown, document: DocumentNode) => {
    for (const definition of document.definitions)
      if (definition.kind === Kind.OPERATION_DEFINITION) metrics.graphqlOperations.inc({ type: definition.operation });
  };
  app.graphql.addHook('preExecution', countOperation);
  app.graphql.addHook('preSubscriptionExecution', countOperation);
  metrics.gauge('plein_live_connections', 'Open WebSocket connections for live answers.', () => {
    const server = (app as unknown as { websocketServer?: { clients: Set<unknown> } }).websocketServer;
    return server?.clients.size ?? 0;
  });
  metrics.gauge(
    'plein_moderation_queue_items',
    'Questions and answers waiting for a moderator, in all communities.',
    queues.moderationWaiting,
  );
  metrics.gauge(
    'plein_background_tasks',
    'Work started after a response that has not finished: e-mails and live answers.',
    queues.backgroundTasks,
  );
  if (!access.enabled) return;
  const expected = access.token ? Buffer.from(`Bearer ${access.token}`) : undefined;
  app.get('/metrics', async (request, reply) => {
    if (expected) {
      const given = Buffer.from(request.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized' });
      }
    }
    reply.header('content-type', metrics.registry.contentType);
    reply.header('cache-control', 'no-store');
    return metrics.registry.metrics();
  });
}
