#!/usr/bin/env node
// The server runs from its TypeScript source through tsx (docs/decisions/0002-server-runs-typescript-source.md).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
try {
  const code = await runCli(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
} catch (error) {
  console.error(`plein: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
