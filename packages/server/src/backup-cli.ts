import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { connect } from './store/connect.ts';
import { knownMigrations, migrateToLatest } from './store/migrate.ts';

export const backupUsage = `  backup --to BESTAND                   maakt een kopie van de SQLite-database, ook terwijl de server draait
  restore --from BESTAND                zet een kopie terug (SQLite; stop eerst de server)`;

/** The commands for PostgreSQL, which has its own tools: given in the refusal so nobody has to look them up. */
export function postgresBackupAdvice(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const target = `${url.protocol}//${url.username ? `${url.username}@` : ''}${url.host}${url.pathname}`;
  return [
    'Met PostgreSQL maakt u een back-up met de gereedschappen van PostgreSQL zelf, niet met plein.',
    'Back-up (ook terwijl de server draait):',
    `  pg_dump --format=custom --no-owner --file=plein.dump "${target}"`,
    'Terugzetten (stop eerst de server; --clean vervangt wat er al staat):',
    `  pg_restore --clean --if-exists --no-owner --dbname="${target}" plein.dump`,
    'Het wachtwoord geeft u mee met PGPASSWORD of ~/.pgpass, niet op de opdrachtregel.',
  ].join('\n');
}

/** The most pages better-sqlite3 takes per backup step: in practice, all of them. */
const ALL_PAGES = 0x7fffffff;

function sqlitePath(databaseUrl: string): string | null {
  return databaseUrl.startsWith('sqlite:') ? resolve(databaseUrl.slice('sqlite:'.length)) : null;
}

/**
 * Copies the database with SQLite's online backup API, safe while the server runs (WAL). All pages go in one step,
 * inside one read transaction, so the copy is one consistent moment and the server's writes never wait: copied a
 * hundred pages at a time (the default), the backup starts over whenever another connection writes, and under
 * steady writes it never finished (backup.test.ts showed it). Written next to the target, fsynced, then renamed.
 */
export async function backupSqlite(sourcePath: string, targetPath: string): Promise<{ pages: number }> {
  if (!existsSync(sourcePath)) throw new Error(`De database ${sourcePath} bestaat niet.`);
  const source = new BetterSqlite3(sourcePath, { fileMustExist: true });
  const partial = join(dirname(targetPath), `.${basename(targetPath)}.${process.pid}.partial`);
  try {
    source.pragma('busy_timeout = 5000');
    const { totalPages } = await source.backup(partial, { progress: () => ALL_PAGES });
    fsyncFile(partial);
    renameSync(partial, targetPath);
    fsyncFile(dirname(targetPath));
    return { pages: totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
}

/** Why a file cannot be restored, in Dutch; null when it is a Plein database this version can use. */
export function checkPleinDatabase(path: string): string | null {
  if (!existsSync(path)) return `Het bestand ${path} bestaat niet.`;
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  } catch {
    return `${path} is geen SQLite-database.`;
  }
  try {
    const integrity = database.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return `${path} is beschadigd (integrity_check: ${String(integrity)}).`;
    const hasMigrations = database
      .prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`)
      .get();
    if (!hasMigrations) return `${path} is geen Plein-database: de tabel met migraties ontbreekt.`;
    const names = (database.prepare('select name from kysely_migration').all() as { name: string }[]).map(
      (row) => row.name,
    );
    const known = new Set(knownMigrations());
    const unknown = names.filter((name) => !known.has(name));
    if (unknown.length > 0)
      return `${path} komt van een nieuwere versie van Plein (onbekende migraties: ${unknown.join(', ')}). Werk Plein eerst bij.`;
    return null;
  } catch {
    return `${path} is geen leesbare SQLite-database.`;
  } finally {
    database.close();
  }
}

/**
 * True when another connection has the database open. A server keeps its connection open in WAL mode, and then
 * SQLite refuses an exclusive lock at once (SQLITE_BUSY); with nobody else connected the lock is granted.
 */
export function sqliteInUse(path: string): boolean {
  if (!existsSync(path)) return false;
  const database = new BetterSqlite3(path, { fileMustExist: true, timeout: 0 });
  try {
    database.pragma('locking_mode = EXCLUSIVE');
    database.exec('BEGIN EXCLUSIVE');
    database.exec('COMMIT');
    // Fold the write-ahead log into the file and stop using one, so no -wal file of the old database stays behind
    // to be read together with the restored one.
    database.pragma('wal_checkpoint(TRUNCATE)');
    database.pragma('journal_mode = DELETE');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY' || (error as { code?: string }).code === 'SQLITE_LOCKED')
      return true;
    throw error;
  } finally {
    database.close();
  }
}

/**
 * Replaces the database at `targetPath` with the copy at `sourcePath`: checks it, copies it next to the target,
 * migrates the copy to this version, fsyncs it and renames it over the target, so the target is either the old or
 * the restored database, never half of each.
 */
export async function restoreSqlite(sourcePath: string, targetPath: string): Promise<{ migrations: string[] }> {
  const problem = checkPleinDatabase(sourcePath);
  if (problem) throw new Error(problem);
  if (sqliteInUse(targetPath))
    throw new Error(`De database ${targetPath} is in gebruik. Stop eerst de server en probeer het opnieuw.`);
  mkdirSync(dirname(targetPath), { recursive: true });
  const partial = join(dirname(targetPath), `.${basename(targetPath)}.${process.pid}.restoring`);
  try {
    const source = new BetterSqlite3(sourcePath, { readonly: true, fileMustExist: true });
    try {
      await source.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    const connection = connect(`sqlite:${partial}`);
    let migrations: string[];
    try {
      migrations = await migrateToLatest(connection.db, connection.engine);
    } finally {
      await connection.close();
    }
    // Closing the last connection folded the log into the file; DELETE mode makes sure nothing is left beside it.
    const copy = new BetterSqlite3(partial, { fileMustExist: true });
    copy.pragma('journal_mode = DELETE');
    copy.close();
    fsyncFile(partial);
    if (sqliteInUse(targetPath))
      throw new Error(`De database ${targetPath} is in gebruik. Stop eerst de server en probeer het opnieuw.`);
    rmSync(`${targetPath}-wal`, { force: true });
    rmSync(`${targetPath}-shm`, { force: true });
    renameSync(partial, targetPath);
    fsyncFile(dirname(targetPath));
    return { migrations };
  } finally {
    rmSync(partial, { force: true });
    rmSync(`${partial}-wal`, { force: true });
    rmSync(`${partial}-shm`, { force: true });
  }
}

function fsyncFile(path: string): void {
  const descriptor = openSync(path, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/** `plein backup --to FILE` and `plein restore --from FILE`. */
export async function runBackupCommand(command: 'backup' | 'restore', args: string[], databaseUrl: string) {
  const { values } = parseArgs({
    args,
    options: { to: { type: 'string' }, from: { type: 'string' } },
    strict: true,
  });
  const path = sqlitePath(databaseUrl);
  if (!path) {
    console.error(postgresBackupAdvice(databaseUrl));
    return 2;
  }
  if (command === 'backup') {
    if (!values.to) {
      console.error(`Gebruik:\n${backupUsage}`);
      return 2;
    }
    const target = resolve(values.to);
    if (target === path) {
      console.error('De kopie kan niet op de plek van de database zelf komen.');
      return 2;
    }
    const { pages } = await backupSqlite(path, target);
    console.log(`Back-up gemaakt: ${target} (${pages} pagina's).`);
    return 0;
  }
  if (!values.from) {
    console.error(`Gebruik:\n${backupUsage}`);
    return 2;
  }
  try {
    const { migrations } = await restoreSqlite(resolve(values.from), path);
    console.log(
      `Teruggezet in ${path}.` +
        (migrations.length ? ` Bijgewerkt met: ${migrations.join(', ')}.` : ' Het schema was al actueel.'),
    );
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
