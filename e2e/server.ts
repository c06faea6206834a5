import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const embedBundle = join(root, 'packages/elements/dist/embed/plein.js');

export interface RealServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The real Plein server (`plein start`) on a fresh SQLite file with the demo community, serving the built embed
 * bundle and the example pages. End-to-end tests run against this, never against mocks.
 */
export async function startRealServer(): Promise<RealServer> {
  if (!existsSync(embedBundle)) throw new Error(`${embedBundle} is missing: run "npm run build" first.`);
  const dir = mkdtempSync(join(tmpdir(), 'plein-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(root, 'packages/server/bin/plein.js'), 'start'], {
    env: { ...process.env, PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'plein.db')}`, LOG_LEVEL: 'warn' },
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
  return {
    url: started.exec(output)![1]!,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
