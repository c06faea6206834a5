/*
 * Child process of migration-restart.test.ts: runs the real migrateToLatest on DATABASE_URL and, when KILL_AFTER is
 * a number, SIGKILLs itself right after that many SQL statements have returned (a Kysely plugin counts them), so the
 * kill lands between two statements of a migration, or between a migration and its bookkeeping row. Without
 * KILL_AFTER it runs to the end and prints how many statements the whole migration took.
 */
import type { KyselyPlugin } from 'kysely';
import { connect } from '../src/store/connect.ts';
import { migrateToLatest } from '../src/store/migrate.ts';

const killAfter = process.env.KILL_AFTER ? Number(process.env.KILL_AFTER) : undefined;
let statements = 0;
const killer: KyselyPlugin = {
  transformQuery: ({ node }) => node,
  transformResult: async ({ result }) => {
    statements++;
    if (statements === killAfter) process.kill(process.pid, 'SIGKILL');
    return result;
  },
};

const connection = connect(process.env.DATABASE_URL);
try {
  const ran = await migrateToLatest(connection.db.withPlugin(killer), connection.engine);
  console.log(JSON.stringify({ statements, ran }));
} finally {
  await connection.close();
}
