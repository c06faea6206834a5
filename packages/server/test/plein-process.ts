import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/plein.js', import.meta.url));

/** A real `plein start` process, as an operator runs it: configured through its environment only. */
export interface PleinProcess {
  child: ChildProcess;
  url: string;
  /** Everything it wrote so far (stdout and stderr). */
  output(): string;
}

/** Starts `plein start` and resolves with its URL once it listens (use PORT=0 and the OS picks the port). */
export async function startPlein(env: NodeJS.ProcessEnv): Promise<PleinProcess> {
  const child = spawn(process.execPath, [bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (;;) {
    const match = /Plein draait op (http:\/\/\S+) /.exec(output);
    if (match) return { child, url: match[1]!, output: () => output };
    const [event] = await Promise.race([
      once(child.stdout!, 'data').then(() => ['data']),
      once(child.stderr!, 'data').then(() => ['data']),
      once(child, 'exit').then(() => ['exit']),
    ]);
    if (event === 'exit') throw new Error(`plein start stopped before it listened:\n${output}`);
  }
}

/** Stops the process (SIGTERM: a graceful shutdown) and waits until it has exited; nothing when it already has. */
export async function stopPlein(server: PleinProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill(signal);
  await exited;
}

/** The environment of a test server: the given settings over this process's, without mail or Redis from outside. */
export function pleinEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_LEVEL: 'warn' };
  delete env.SMTP_URL;
  delete env.REDIS_URL;
  delete env.PLEIN_SEED;
  return { ...env, ...settings };
}

/** One GraphQL request over real HTTP; the status and the parsed body. */
export async function graphqlAt<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: unknown = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: T | null; errors?: { message: string }[] } }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: T | null } };
}
