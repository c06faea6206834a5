import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import {
  backupSqlite,
  checkPleinDatabase,
  postgresBackupAdvice,
  restoreSqlite,
  runBackupCommand,
} from '../src/backup-cli.ts';
import { eemsdelta } from '../src/seed/eemsdelta.ts';
import { seedCommunity } from '../src/seed/seed.ts';
import { connect } from '../src/store/connect.ts';
import { knownMigrations, migrateSqliteUpTo } from '../src/store/migrate.ts';
import { openStore, type OpenedStore } from '../src/store/open-store.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';

const bin = fileURLToPath(new URL('../bin/plein.js', import.meta.url));

/** Row count of every table, including the search index and the migrations table. */
function countsPerTable(path: string): Map<string, number> {
  const database = new BetterSqlite3(path, { readonly: true });
  try {
    const tables = database
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`)
      .all() as { name: string }[];
    return new Map(
      tables.map(({ name }) => [
        name,
        (database.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n,
      ]),
    );
  } finally {
    database.close();
  }
}

/** Every row of a table by id, as stored. */
function rowsById(path: string, table: string): Map<string, unknown> {
  const database = new BetterSqlite3(path, { readonly: true });
  try {
    const rows = database.prepare(`select * from "${table}"`).all() as { id: string }[];
    return new Map(rows.map((row) => [row.id, row]));
  } finally {
    database.close();
  }
}

const sampledTables = ['communities', 'questions', 'answers', 'experts', 'topics'];

describe('plein backup and restore (SQLite)', () => {
  let dir: string;
  let sourcePath: string;
  let opened: OpenedStore;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plein-backup-'));
    sourcePath = join(dir, 'plein.db');
    opened = await openStore(`sqlite:${sourcePath}`);
    await seedCommunity(opened.store, eemsdelta, fixedClock);
  });
  after(async () => {
    await opened.connection.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a quiet database with the same rows in every table', async () => {
    const backupPath = join(dir, 'quiet.backup.db');
    await backupSqlite(sourcePath, backupPath);
    const restoredPath = join(dir, 'restored-quiet', 'plein.db');
    const { migrations } = await restoreSqlite(backupPath, restoredPath);
    assert.deepEqual(migrations, [], 'the copy was already at this version');
    const source = countsPerTable(sourcePath);
    assert.ok((source.get('questions') ?? 0) > 10 && (source.get('answers') ?? 0) > 10, 'the seed wrote rows');
    assert.deepEqual(countsPerTable(restoredPath), source);
    for (const table of sampledTables) assert.deepEqual(rowsById(restoredPath, table), rowsById(sourcePath, table));
    assert.equal(checkPleinDatabase(restoredPath), null);
  });

  it('backs up while the server writes, and the restored copy is one consistent moment', async () => {
    const before = countsPerTable(sourcePath);
    // Another connection keeps writing whole communities (one transaction each) until the backup is done.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing || written === 0) {
        await seedCommunity(opened.store, { ...fixtureCommunity, slug: `test-${written}` }, fixedClock);
        written += 1;
        // better-sqlite3 answers without I/O, so without this the loop would never let the backup's steps run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const backupPath = join(dir, 'busy.backup.db');
    await new Promise((resolve) => setImmediate(resolve));
    await backupSqlite(sourcePath, backupPath);
    writing = false;
    await writer;
    const restoredPath = join(dir, 'restored-busy', 'plein.db');
    await restoreSqlite(backupPath, restoredPath);

    const backup = countsPerTable(backupPath);
    const restored = countsPerTable(restoredPath);
    const after = countsPerTable(sourcePath);
    assert.deepEqual(restored, backup, 'the restore holds exactly what the backup holds');
    assert.ok(written > 0);
    for (const [table, count] of restored) {
      assert.ok(count >= before.get(table)!, `${table}: nothing from before the backup is missing`);
      assert.ok(count <= after.get(table)!, `${table}: nothing that was never written`);
    }
    // A community is written in one transaction: the copy has each one whole or not at all.
    const communities = [...rowsById(restoredPath, 'communities').values()] as { id: string; slug: string }[];
    const questions = [...rowsById(restoredPath, 'questions').values()] as { community_id: string }[];
    const fixtureQuestions = fixtureCommunity.questions.length;
    for (const community of communities.filter((c) => c.slug.startsWith('test-')))
      assert.equal(questions.filter((q) => q.community_id === community.id).length, fixtureQuestions, community.slug);
    // Every sampled row in the copy is the row in the live database, field by field.
    for (const table of sampledTables) {
      const live = rowsById(sourcePath, table);
      for (const [id, row] of rowsById(restoredPath, table)) assert.deepEqual(row, live.get(id), `${table} ${id}`);
    }
  });

  it('refuses to restore over a database that a server has open, and leaves it as it was', async () => {
    const backupPath = join(dir, 'refused.backup.db');
    await backupSqlite(sourcePath, backupPath);
    const busyPath = join(dir, 'in-use', 'plein.db');
    const running = await openStore(`sqlite:${busyPath}`);
    try {
      await assert.rejects(restoreSqlite(backupPath, busyPath), /is in gebruik\. Stop eerst de server/);
      assert.equal(await running.store.countRows('communities'), 0, 'the running database was not replaced');
    } finally {
      await running.connection.close();
    }
    assert.deepEqual(
      readdirSync(join(dir, 'in-use')).filter((name) => name.startsWith('.')),
      [],
      'no partial copy is left behind',
    );
  });

  it('refuses files that are not a Plein database of this or an older version', async () => {
    const other = join(dir, 'other.db');
    const database = new BetterSqlite3(other);
    database.exec('create table notes (id text)');
    database.close();
    assert.match(checkPleinDatabase(other)!, /geen Plein-database/);
    assert.match(checkPleinDatabase(join(dir, 'missing.db'))!, /bestaat niet/);

    const newer = join(dir, 'newer.db');
    copyFileSync(join(dir, 'quiet.backup.db'), newer);
    const future = new BetterSqlite3(newer);
    future.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999-future', 'x');
    future.close();
    assert.match(checkPleinDatabase(newer)!, /nieuwere versie van Plein \(onbekende migraties: 9999-future\)/);
    const target = join(dir, 'untouched', 'plein.db');
    await assert.rejects(restoreSqlite(newer, target), /nieuwere versie/);
    assert.equal(existsSync(target), false);
  });

  it('migrates a copy from an older version while restoring, and keeps its rows', async () => {
    // A database exactly as version 0006 of the schema left it: every migration up to "insight", none after.
    const older = join(dir, 'older.db');
    const connection = connect(`sqlite:${older}`);
    try {
      assert.deepEqual((await migrateSqliteUpTo(connection.db, '0006-insight')).at(-1), '0006-insight');
      await sql`insert into communities (id, slug, name, created_at) values ('c-oud', 'oudgemeente', 'Oude Gemeente', '2025-03-01T09:00:00.000Z')`.execute(
        connection.db,
      );
    } finally {
      await connection.close();
    }
    assert.equal(countsPerTable(older).has('appointments'), false, 'the older schema has no appointments yet');

    const restoredPath = join(dir, 'restored-older', 'plein.db');
    const { migrations } = await restoreSqlite(older, restoredPath);
    // The restore ran exactly the migrations the older version did not know, and the copy is now current.
    assert.deepEqual(migrations, knownMigrations().slice(knownMigrations().indexOf('0006-insight') + 1));
    assert.ok(migrations.includes('0007-beyond-the-forum'));
    assert.equal(countsPerTable(restoredPath).get('kysely_migration'), knownMigrations().length);
    assert.equal(countsPerTable(restoredPath).get('appointments'), 0);
    assert.deepEqual(rowsById(restoredPath, 'communities').get('c-oud'), rowsById(older, 'communities').get('c-oud'));
    // And a server opens it without migrating anything more.
    const reopened = await openStore(`sqlite:${restoredPath}`);
    try {
      assert.deepEqual(reopened.migrations, []);
      assert.equal((await reopened.store.communityBySlug('oudgemeente'))?.name, 'Oude Gemeente');
    } finally {
      await reopened.connection.close();
    }
  });

  it('on PostgreSQL refuses and gives the pg_dump and pg_restore commands, without the password', async () => {
    const lines: string[] = [];
    const original = console.error;
    console.error = (line: string) => lines.push(line);
    try {
      assert.equal(await runBackupCommand('backup', ['--to', 'x.dump'], 'postgres://plein:geheim@db:5432/plein'), 2);
    } finally {
      console.error = original;
    }
    const text = lines.join('\n');
    assert.equal(text, postgresBackupAdvice('postgres://plein:geheim@db:5432/plein'));
    assert.match(text, /pg_dump --format=custom --no-owner --file=plein\.dump "postgres:\/\/plein@db:5432\/plein"/);
    assert.match(
      text,
      /pg_restore --clean --if-exists --no-owner --dbname="postgres:\/\/plein@db:5432\/plein" plein\.dump/,
    );
    assert.doesNotMatch(text, /geheim/);
  });

  it('works as `plein backup --to` and `plein restore --from` from the command line', async () => {
    const backupPath = join(dir, 'cli.backup.db');
    const restoredPath = join(dir, 'cli-restored', 'plein.db');
    const run = async (args: string[], databaseUrl: string) => {
      const child = spawn(process.execPath, [bin, ...args], {
        env: { ...process.env, DATABASE_URL: databaseUrl },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number];
      return { code, output };
    };
    const backup = await run(['backup', '--to', backupPath], `sqlite:${sourcePath}`);
    assert.equal(backup.code, 0, backup.output);
    assert.match(backup.output, /Back-up gemaakt/);
    const restore = await run(['restore', '--from', backupPath], `sqlite:${restoredPath}`);
    assert.equal(restore.code, 0, restore.output);
    assert.deepEqual(countsPerTable(restoredPath), countsPerTable(sourcePath));
    const refused = await run(['restore', '--from', backupPath], `sqlite:${sourcePath}`);
    assert.equal(refused.code, 1, refused.output);
    assert.match(refused.output, /in gebruik/);
  });
});
