import { parseArgs } from 'node:util';
import { backupUsage, runBackupCommand } from './backup-cli.ts';
import { accountUsage, isAccountCommand, runAccountCommand } from './account-cli.ts';
import { configFromEnvironment } from './config.ts';
import { contactUsage, runContactCommand } from './contact-cli.ts';
import { expertUsage, runExpertCommand } from './expert-cli.ts';
import { moderationUsage, runModerationCommand } from './moderation-cli.ts';
import { reportUsage, runReportCommand } from './report-cli.ts';
import { eemsdelta } from './seed/eemsdelta.ts';
import { seedCommunity } from './seed/seed.ts';
import { systemClock } from './services/clock.ts';
import { createServices } from './services/services.ts';
import { startServer } from './runtime.ts';
import { openStore } from './store/open-store.ts';

const usage = `Gebruik: plein <opdracht>

  start                                 start de server (migreert en vult een lege database met de demo)
  migrate                               zet het databaseschema op de nieuwste versie
  seed                                  vult de database met de demo-community eemsdelta
  sweep                                 verwijdert e-mailadressen die niet meer nodig zijn, privévragen 90 dagen
                                        na het laatste bericht, afspraken 30 dagen na de afspraak en verlopen
                                        sessies en inloglinks na een dag; wist de tekst van afgewezen vragen en
                                        antwoorden 30 dagen na de afwijzing (de server doet dit elk uur)
  community add SLUG "NAAM"             maakt een community aan
  community allow-origin SLUG ORIGIN    staat een website toe, bijvoorbeeld https://www.eemsdelta.nl
  community list                        toont alle communities
${expertUsage}
${accountUsage}
${moderationUsage}
${contactUsage}
${reportUsage}
${backupUsage}

Instellingen via de omgeving: PORT, HOST, DATABASE_URL (sqlite:PAD of postgres://…), LOG_LEVEL,
PLEIN_METRICS, PLEIN_METRICS_TOKEN, PLEIN_SHUTDOWN_DELAY_MS, PLEIN_SHUTDOWN_TIMEOUT_MS, REDIS_URL (meerdere
instanties: gedeelde grenzen en live antwoorden). Zie README.md en docs/deployment.md.`;

async function withStore<T>(work: (opened: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const opened = await openStore(configFromEnvironment().databaseUrl);
  try {
    return await work(opened);
  } finally {
    await opened.connection.close();
  }
}

async function start(): Promise<void> {
  const config = configFromEnvironment();
  const server = await startServer(config);
  console.log(`Plein draait op ${server.url} (GraphQL: ${server.url}/graphql)`);
  let stopping = false;
  const stop = (signal: string) => {
    // A second signal, or work that does not finish within PLEIN_SHUTDOWN_TIMEOUT_MS, ends the process at once.
    if (stopping) {
      server.app.log.warn({ signal }, 'second signal: stopping without waiting');
      process.exit(1);
    }
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      server.app.log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown took too long: stopping without waiting');
      process.exit(1);
    }, config.shutdownDelayMs + config.shutdownTimeoutMs).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

export async function runCli(argv: string[]): Promise<number> {
  // `expert …` has options of its own (--community, --topic, …): see expert-cli.ts.
  if (argv[0] === 'expert') return withStore(({ store }) => runExpertCommand(argv.slice(1), createServices(store)));
  // `moderation settings` has options of its own: see moderation-cli.ts.
  if (argv[0] === 'moderation') {
    return withStore(({ store }) => runModerationCommand(argv.slice(1), createServices(store)));
  }
  // `contact show|set` has options of its own: see contact-cli.ts.
  if (argv[0] === 'contact') return withStore(({ store }) => runContactCommand(argv.slice(1), createServices(store)));
  // `report …` has options of its own: see report-cli.ts.
  if (argv[0] === 'report') return withStore(({ store }) => runReportCommand(argv.slice(1), createServices(store)));
  // `backup --to FILE` and `restore --from FILE`: see backup-cli.ts.
  if (argv[0] === 'backup' || argv[0] === 'restore')
    return runBackupCommand(argv[0], argv.slice(1), configFromEnvironment().databaseUrl);
  // `user …`, `community set-oidc` and `community set-portal-secret` have options of their own: see account-cli.ts.
  if (isAccountCommand(argv)) return runAccountCommand(argv);
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true });
  const [command, sub, ...rest] = positionals;
  switch (command) {
    case 'start':
      await start();
      return -1;
    case 'migrate':
      await withStore(async ({ migrations }) =>
        console.log(migrations.length ? `Uitgevoerd: ${migrations.join(', ')}` : 'Het schema is al actueel.'),
      );
      return 0;
    case 'sweep':
      return withStore(async ({ store }) => {
        const services = createServices(store);
        const removed = await services.follows.sweep();
        const privateThreads = await services.privateQuestions.sweep();
        const appointments = await services.appointments.sweep();
        const signIn = await services.sessions.sweep();
        const rejected = await services.moderation.sweep();
        console.log(
          `Verwijderd: ${removed.unconfirmed} niet-bevestigde en ${removed.resolved} adressen bij opgeloste vragen, ` +
            `${privateThreads} privévragen met hun antwoorden, en ${appointments.appointments} afspraken.`,
        );
        console.log(
          `Verlopen en verwijderd: ${signIn.sessions} sessies, ${signIn.signInLinks} inloglinks en ` +
            `${signIn.oidcStates} aanmeldingen via de organisatie.`,
        );
        console.log(
          `Tekst gewist van afgewezen berichten: ${rejected.questions} vragen en ${rejected.answers} antwoorden.`,
        );
        return 0;
      });
    case 'seed':
      return withStore(async ({ store }) => {
        if (await store.communityBySlug(eemsdelta.slug)) {
          console.error(`De community ${eemsdelta.slug} bestaat al.`);
          return 1;
        }
        const seeded = await seedCommunity(store, eemsdelta, systemClock);
        console.log(`Demo gevuld: ${seeded.questions} vragen, ${seeded.answers} antwoorden.`);
        return 0;
      });
    case 'community':
      return withStore(async ({ store }) => {
        const services = createServices(store);
        if (sub === 'add' && rest.length === 2) {
          const community = await services.communities.create(rest[0]!, rest[1]!);
          console.log(`Community ${community.slug} aangemaakt.`);
          return 0;
        }
        if (sub === 'allow-origin' && rest.length === 2) {
          const origin = await services.communities.allowOrigin(rest[0]!, rest[1]!);
          console.log(`${origin} mag nu de community ${rest[0]} gebruiken.`);
          return 0;
        }
        if (sub === 'list') {
          for (const community of await services.communities.list())
            console.log(`${community.slug}\t${community.name}`);
          return 0;
        }
        console.error(usage);
        return 2;
      });
    default:
      console.error(usage);
      return command === undefined || command === 'help' ? 0 : 2;
  }
}
