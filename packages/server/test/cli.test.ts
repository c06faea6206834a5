import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { freshSqliteDatabase } from './engines.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/plein.js', import.meta.url));

/** Runs `plein …` as a user would, against its own database file. */
function plein(databaseUrl: string, ...args: string[]) {
  return run(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
  });
}

describe('the plein command', () => {
  const database = freshSqliteDatabase();
  let server: ChildProcess | undefined;
  after(async () => {
    server?.kill('SIGKILL');
    await database.drop();
  });

  it('migrates, seeds the demo and manages communities', async () => {
    assert.match((await plein(database.url, 'migrate')).stdout, /0001-initial/);
    assert.match((await plein(database.url, 'migrate')).stdout, /al actueel/);
    assert.match((await plein(database.url, 'seed')).stdout, /Demo gevuld: \d+ vragen/);
    await assert.rejects(plein(database.url, 'seed'), /bestaat al/);
    assert.match(
      (await plein(database.url, 'community', 'add', 'westerkwartier', 'WerkNet Westerkwartier')).stdout,
      /aangemaakt/,
    );
    assert.match(
      (await plein(database.url, 'community', 'allow-origin', 'westerkwartier', 'https://www.westerkwartier.nl/'))
        .stdout,
      /https:\/\/www\.westerkwartier\.nl mag nu/,
    );
    const listed = (await plein(database.url, 'community', 'list')).stdout;
    assert.match(listed, /eemsdelta\tWerkNet Eemsdelta/);
    assert.match(listed, /westerkwartier\tWerkNet Westerkwartier/);
    await assert.rejects(plein(database.url, 'community', 'allow-origin', 'westerkwartier', 'ftp://x'), /not an http/);
    await assert.rejects(plein(database.url, 'onbekend'), /Gebruik: plein/);
    // The rules of the sweep are tested in follow.test.ts; here: the command runs and says what it removed.
    const swept = (await plein(database.url, 'sweep')).stdout;
    assert.match(swept, /Verwijderd: 0 niet-bevestigde en 0 adressen/);
    assert.match(swept, /Verlopen en verwijderd: 0 sessies, 0 inloglinks en 0 aanmeldingen/);
    assert.match(swept, /Tekst gewist van afgewezen berichten: 0 vragen en 0 antwoorden\./);
  });

  it('starts, serves the seeded questions, and stops cleanly on SIGTERM', async () => {
    const fresh = freshSqliteDatabase();
    server = spawn(process.execPath, [bin, 'start'], {
      env: { ...process.env, DATABASE_URL: fresh.url, PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    while (!/draait op (\S+) /.test(output)) await once(server.stdout!, 'data');
    const url = /draait op (\S+) /.exec(output)![1]!;

    assert.equal((await fetch(`${url}/readyz`)).status, 200);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ community(slug: "eemsdelta") { name topics { slug } questions { totalCount } } }',
      }),
    });
    const { data } = (await response.json()) as {
      data: { community: { name: string; topics: unknown[]; questions: { totalCount: number } } };
    };
    assert.equal(data.community.name, 'WerkNet Eemsdelta');
    assert.equal(data.community.topics.length, 17);
    assert.ok(data.community.questions.totalCount >= 60);

    server.kill('SIGTERM');
    const [code] = await once(server, 'exit');
    assert.equal(code, 0);
    server = undefined;
    await fresh.drop();
  });
});
