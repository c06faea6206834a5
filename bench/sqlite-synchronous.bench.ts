/**
 * What SQLite's `synchronous` setting costs on askQuestion (docs/decisions/0022-crash-safety.md): the same service
 * call (validation, moderation pipeline, one write transaction) with `synchronous = NORMAL` and `= FULL`, both in
 * WAL mode, on a database file in the OS's temporary directory (give another with --dir: measure on the disk the
 * server will use; a tmpfs makes every fsync free).
 *
 *   npx tsx bench/sqlite-synchronous.bench.ts [--asks 300] [--rounds 3] [--dir /var/lib/plein]
 *
 * The modes take turns, round after round, so a busy moment of the machine does not fall on one mode only. Prints a
 * table; it fails only when an ask is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createServices, openStore, seedIfEmpty } from '@plein/server';

const modes = ['NORMAL', 'FULL'] as const;
type Mode = (typeof modes)[number];

const { values } = parseArgs({
  options: {
    asks: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    dir: { type: 'string', default: tmpdir() },
  },
});
const asks = Number(values.asks);
const rounds = Number(values.rounds);

async function measure(mode: Mode, round: number): Promise<number[]> {
  const dir = mkdtempSync(join(values.dir, 'plein-sync-bench-'));
  try {
    const { connection, store } = await openStore(`sqlite:${join(dir, 'plein.db')}`, { sqliteSynchronous: mode });
    try {
      await seedIfEmpty(store);
      const services = createServices(store);
      const durations: number[] = [];
      for (let index = 0; index < asks; index++) {
        const started = performance.now();
        const result = await services.questions.ask({
          community: 'eemsdelta',
          topic: 'ww',
          title: `Vraag ${round}-${index} over de WW`,
          body: `Hoe lang duurt het voordat mijn aanvraag voor de WW is behandeld, ronde ${round} vraag ${index}?`,
          idempotencyKey: `bench-${mode}-${round}-${index}`,
          antiSpam: { honeypot: '', fillMs: 5_000 },
        });
        durations.push(performance.now() - started);
        if (result.errors.length > 0) throw new Error(`askQuestion was refused: ${JSON.stringify(result.errors)}`);
      }
      return durations;
    } finally {
      await connection.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

const all: Record<Mode, number[]> = { NORMAL: [], FULL: [] };
for (let round = 1; round <= rounds; round++) {
  for (const mode of modes) all[mode].push(...(await measure(mode, round)));
}

console.log(
  `askQuestion through the service, sequential, ${rounds} rounds × ${asks} asks per mode, WAL, in ${values.dir}`,
);
console.log('The server uses FULL (packages/server/src/store/connect.ts); test/crash-safety.test.ts checks it.');
console.log('| synchronous | asks | mean ms | p50 ms | p95 ms | p99 ms | asks/s |');
console.log('| ----------- | ---- | ------- | ------ | ------ | ------ | ------ |');
for (const mode of modes) {
  const sorted = [...all[mode]].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  const cells = [mean, percentile(sorted, 0.5), percentile(sorted, 0.95), percentile(sorted, 0.99)].map((value) =>
    value.toFixed(2),
  );
  console.log(`| ${mode.padEnd(11)} | ${sorted.length} | ${cells.join(' | ')} | ${(1000 / mean).toFixed(0)} |`);
}
