import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/** A server under test, in its own process so it never shares an event loop with the load generator. */
export interface ChildServer {
  name: string;
  url: string;
  process: ChildProcess;
}

export interface ChildServerOptions {
  name: string;
  /** Arguments after `node`. */
  args: string[];
  cwd: string;
  port: number;
  env?: Record<string, string>;
}

/** A port that was free a moment ago: the OS picks it, then we release it for the child to take. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

/** Spawns the server and forwards its output with a name prefix; waitUntilReady tells when it listens. */
export function spawnServer(options: ChildServerOptions): ChildServer {
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim() !== '') process.stderr.write(`[${options.name}] ${line}\n`);
    });
  }
  return { name: options.name, url: `http://127.0.0.1:${options.port}`, process: child };
}

/** Resolves once readyPath answers 200; throws when the process exits first or the time runs out. */
export async function waitUntilReady(server: ChildServer, readyPath: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { exitCode, signalCode } = server.process;
    if (exitCode !== null || signalCode !== null) {
      throw new Error(`${server.name} exited (${exitCode ?? signalCode}) before it was ready`);
    }
    try {
      const response = await fetch(server.url + readyPath, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`${server.name} was not ready at ${server.url}${readyPath} within ${timeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL if the process has not exited after graceMs. */
export async function stopServer(server: ChildServer, graceMs = 5000): Promise<void> {
  const child = server.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export interface PleinServerOptions {
  /** Prefix of the server's output lines, e.g. `plein` or `plein-b`. */
  name: string;
  databaseUrl: string;
  /** Added to (and overriding) the common bench environment: rate limits, secrets, Redis. */
  env?: Record<string, string>;
  /** The server is added here before it is awaited, so a clean-up stops it even when it never became ready. */
  children: ChildServer[];
  readyTimeoutMs?: number;
}

/**
 * Starts `plein start` from the TypeScript source on a free port of 127.0.0.1, with warnings-only logging and no demo
 * seeding (the bench seeds the database itself), and waits until /readyz answers.
 */
export async function startPleinServer(options: PleinServerOptions): Promise<ChildServer> {
  const port = await freePort();
  const server = spawnServer({
    name: options.name,
    args: ['packages/server/bin/plein.js', 'start'],
    cwd: repositoryRoot,
    port,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      LOG_LEVEL: 'warn',
      PLEIN_SEED: 'off',
      ...options.env,
    },
  });
  options.children.push(server);
  await waitUntilReady(server, '/readyz', options.readyTimeoutMs);
  return server;
}
