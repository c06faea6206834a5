import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runSteps } from './run-steps.js';

/** Every test file under a folder (node's test runner on Node 20 takes no globs). */
function testFiles(...folders) {
  return folders.flatMap((folder) =>
    readdirSync(folder, { recursive: true })
      .filter((file) => String(file).endsWith('.test.ts'))
      .map((file) => join(folder, String(file)))
      .sort(),
  );
}

if (!process.env.PLEIN_TEST_POSTGRES_URL) {
  console.log(
    'Note: PLEIN_TEST_POSTGRES_URL is not set, so the store suite runs on SQLite only; PostgreSQL is NOT tested.',
  );
}

if (!process.env.PLEIN_TEST_REDIS_URL && !process.env.REDIS_URL) {
  console.log('Note: PLEIN_TEST_REDIS_URL is not set, so the shared rate limits in Redis are NOT tested.');
}

runSteps([
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']],
  [
    'schema, personal-data, server and elements-manifest tests (node:test)',
    'node',
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=1',
      ...testFiles('packages/schema/test', 'packages/pii/test', 'packages/server/test', 'packages/elements/test-node'),
    ],
  ],
  ['build', 'node', ['scripts/build.js']],
  ['bundle sizes', 'node', ['scripts/size.js']],
  ['element and client tests in Chromium (web-test-runner)', 'npx', ['wtr']],
  ['storybook build', 'npm', ['run', 'build-storybook', '--silent']],
  [
    'end-to-end tests in Chromium (node:test + playwright-core)',
    'node',
    ['--import', 'tsx', '--test', '--test-concurrency=1', ...testFiles('e2e')],
  ],
]);
