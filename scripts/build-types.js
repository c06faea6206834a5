import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/**
 * Declarations for the published ESM of @plein/pii, @plein/client and @plein/elements: tsc emits them from the source, and the
 * source's `./x.ts` import specifiers become `./x.js`, as they are in the built JavaScript.
 */
const out = 'node_modules/.cache/plein-types';
rmSync(out, { recursive: true, force: true });
const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

for (const name of ['pii', 'client', 'elements']) {
  const target = join('packages', name, 'dist', 'types');
  rmSync(target, { recursive: true, force: true });
  cpSync(join(out, name, 'src'), target, { recursive: true });
  for (const file of readdirSync(target, { recursive: true }).map(String)) {
    if (!file.endsWith('.d.ts')) continue;
    const path = join(target, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/(['"]\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1.js$2'));
  }
}
