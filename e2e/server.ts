import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const embedBundle = join(root, 'packages/elements/dist/embed/plein.js');
const pleinBin = join(root, 'packages/server/bin/plein.js');

export interface RealServer {
  url: string;
  /** The server's own folder: the SQLite file and the mail outbox (`outbox/`). */
  dir: string;
  outbox: string;
  /** Stops the process and keeps its data, so `start()` can bring it back on the same port and database. */
  halt(): Promise<void>;
  start(): Promise<void>;
  /** Stops the process and removes its data. */
  stop(): Promise<void>;
  /**
   * Runs the `plein` command (`packages/server/bin/plein.js`) against this server's database, outbox and address, as
   * an operator on the server would; `input` goes to its stdin (for `--password-stdin`).
   */
  cli(args: string[], input?: string): Promise<CliResult>;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The real Plein server (`plein start`) on a fresh SQLite file with the demo community, serving the built embed
 * bundle and the example pages, with mail written as .eml files to its own outbox. End-to-end tests run against
 * this, never against mocks.
 */
export async function startRealServer(): Promise<RealServer> {
  if (!existsSync(embedBundle)) throw new Error(`${embedBundle} is missing: run "npm run build" first.`);
  const dir = mkdtempSync(join(tmpdir(), 'plein-e2e-'));
  const outbox = join(dir, 'outbox');
  let child: ChildProcess | undefined;
  // A fixed port, so links in e-mails (PUBLIC_URL) are right and a restart comes back at the same address.
  const port = String(await freePort());
  let url = `http://127.0.0.1:${port}`;

  /** What the server and the CLI share: one database, one outbox, one address. */
  function environment(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: port,
      DATABASE_URL: `sqlite:${join(dir, 'plein.db')}`,
      LOG_LEVEL: 'warn',
      PLEIN_OUTBOX_DIR: outbox,
      PUBLIC_URL: url,
    };
    delete env.SMTP_URL;
    return env;
  }

  async function start(): Promise<void> {
    child = spawn(process.execPath, [pleinBin, 'start'], {
      env: environment(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = /draait op (\S+) /;
    while (!started.test(output)) {
      const [event] = await Promise.race([
        once(child.stdout!, 'data').then(() => ['data']),
        once(child, 'exit').then(() => ['exit']),
      ]);
      if (event === 'exit') throw new Error(`the server stopped before it listened:\n${output}`);
    }
    url = started.exec(output)![1]!.replace(/\/$/, '');
  }

  async function halt(): Promise<void> {
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }

  async function cli(args: string[], input?: string): Promise<CliResult> {
    const command = spawn(process.execPath, [pleinBin, ...args], {
      env: environment(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    command.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    command.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    command.stdin.end(input ?? '');
    const [code] = (await once(command, 'close')) as [number | null];
    return { code, stdout, stderr };
  }

  await start();
  return {
    get url() {
      return url;
    },
    dir,
    outbox,
    halt,
    start,
    cli,
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
