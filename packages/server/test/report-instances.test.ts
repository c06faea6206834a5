import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { seedCommunity } from '../src/seed/seed.ts';
import { lastCompletedPeriod } from '../src/services/report-schedule-service.ts';
import { createServices } from '../src/services/services.ts';
import { cliActor } from '../src/services/verification-service.ts';
import { openStore } from '../src/store/open-store.ts';
import { freshPostgresDatabase, postgresTestUrl, type TestDatabase } from './engines.ts';
import { fixtureCommunity } from './fixture-community.ts';
import { createAccount } from './sign-in-helper.ts';

const bin = fileURLToPath(new URL('../bin/plein.js', import.meta.url));

/** One `plein start` process, with its log lines (pino JSON on stdout) as they come. */
interface ServerProcess {
  child: ChildProcess;
  /** The `report e-mail round` log lines so far. */
  rounds(): { sent: number; failed: number }[];
  /** Resolves once the process has logged `count` report rounds; rejects when it stops before. */
  roundsLogged(count: number): Promise<void>;
  stop(): Promise<number | null>;
}

function startServer(env: NodeJS.ProcessEnv): ServerProcess {
  const child = spawn(process.execPath, [bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const lines = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; sent?: number; failed?: number; what?: string });
  const rounds = () =>
    lines()
      .filter((line) => line.msg === 'report e-mail round')
      .map(({ sent, failed }) => ({ sent: sent ?? 0, failed: failed ?? 0 }));
  return {
    child,
    rounds,
    async roundsLogged(count) {
      while (rounds().length < count) {
        if (child.exitCode !== null) throw new Error(`the server stopped:\n${output}\n${errors}`);
        const failure = lines().find((line) => line.msg === 'background work failed');
        if (failure) throw new Error(`the server reported a failure: ${JSON.stringify(failure)}`);
        const [event] = await Promise.race([
          once(child.stdout!, 'data').then(() => ['data']),
          once(child, 'exit').then(() => ['exit']),
        ]);
        if (event === 'exit') throw new Error(`the server stopped:\n${output}\n${errors}`);
      }
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

const serverUrl = postgresTestUrl;

if (!serverUrl) {
  describe('report e-mail with two server instances on PostgreSQL', () => {
    it('was NOT tested: set PLEIN_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it', {
      skip: 'PLEIN_TEST_POSTGRES_URL is not set, so two instances on one PostgreSQL database were not tested',
    });
  });
} else {
  describe('report e-mail with two server instances on one PostgreSQL database', () => {
    let database: TestDatabase;
    let outbox: string;
    const servers: ServerProcess[] = [];
    const recipients: { id: string; email: string }[] = [];
    let communityId: string;

    before(async () => {
      database = await freshPostgresDatabase(serverUrl);
      outbox = mkdtempSync(join(tmpdir(), 'plein-report-instances-'));
      const { connection, store } = await openStore(database.url);
      try {
        await seedCommunity(store, fixtureCommunity, () => new Date());
        // A schedule made long before the month that ended last, so that month is due when the servers start.
        const services = createServices(store, () => new Date('2025-01-01T00:00:00.000Z'));
        for (const name of ['een', 'twee']) {
          const account = await createAccount(services, {
            community: 'testgemeente',
            email: `staf-${name}@testgemeente.nl`,
            displayName: `Staf ${name}`,
            roles: ['STAFF'],
          });
          recipients.push({ id: account.id, email: account.email });
        }
        const set = await services.reportSchedules.setSchedule(cliActor, {
          community: 'testgemeente',
          frequency: 'MONTHLY',
          recipientIds: recipients.map((recipient) => recipient.id),
        });
        assert.deepEqual(set.errors, []);
        communityId = (await store.communityBySlug('testgemeente'))!.id;
      } finally {
        await connection.close();
      }
    });
    after(async () => {
      for (const server of servers) await server.stop();
      await database?.drop();
      if (outbox) rmSync(outbox, { recursive: true, force: true });
    });

    const environment = (): NodeJS.ProcessEnv => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: '0',
        PLEIN_SEED: 'off',
        // The quiet rounds are logged at debug level: the test waits for them.
        LOG_LEVEL: 'debug',
        PLEIN_OUTBOX_DIR: outbox,
        PUBLIC_URL: 'https://plein.example.org',
      };
      delete env.SMTP_URL;
      return env;
    };
    const emlFiles = () => readdirSync(outbox).filter((name) => name.endsWith('.eml'));
    const deliveries = async () => {
      const { connection, store } = await openStore(database.url);
      try {
        return (await store.reportSchedules.deliveries(communityId)).map((row) => [
          row.period_key,
          row.user_id,
          row.state,
        ]);
      } finally {
        await connection.close();
      }
    };

    it(
      'sends exactly one report per period and recipient, and none again after a restart',
      { timeout: 120_000 },
      async () => {
        const { key } = lastCompletedPeriod('MONTHLY', new Date());
        const expected = recipients
          .map((recipient) => [key, recipient.id, 'SENT'])
          .sort((a, b) => a[1]!.localeCompare(b[1]!));

        // Both instances start at the same moment; each runs a round as it starts.
        const first = startServer(environment());
        const second = startServer(environment());
        servers.push(first, second);
        await Promise.all([first.roundsLogged(1), second.roundsLogged(1)]);

        assert.equal(emlFiles().length, 2, 'one e-mail per recipient');
        const sent = [...first.rounds(), ...second.rounds()].reduce((sum, round) => sum + round.sent, 0);
        assert.equal(sent, 2, 'the two instances together sent two messages');
        assert.deepEqual(await deliveries(), expected);
        const addressed = await Promise.all(
          emlFiles().map(async (name) => {
            const mail = await simpleParser(readFileSync(join(outbox, name)));
            return { to: mail.to && 'text' in mail.to ? mail.to.text : '', messageId: mail.messageId };
          }),
        );
        assert.deepEqual(
          addressed.sort((a, b) => a.to.localeCompare(b.to)),
          recipients.map((recipient) => ({
            to: recipient.email,
            messageId: `<report.testgemeente.${key}.${recipient.id}@plein.example.org>`,
          })),
        );

        assert.equal(await first.stop(), 0);
        assert.equal(await second.stop(), 0);

        // A restart: one instance comes back on the same database and runs its first round again.
        const again = startServer(environment());
        servers.push(again);
        await again.roundsLogged(1);
        assert.deepEqual(again.rounds(), [{ sent: 0, failed: 0 }]);
        assert.equal(emlFiles().length, 2, 'still two e-mails');
        assert.deepEqual(await deliveries(), expected);
        assert.equal(await again.stop(), 0);
      },
    );
  });
}
