import { spawnSync } from 'node:child_process';

/** Runs commands one after another with a heading each; stops at the first that fails, with its exit code. */
export function runSteps(steps) {
  const started = Date.now();
  for (const [title, command, args, env = {}] of steps) {
    console.log(`\n=== ${title}: ${[command, ...args].join(' ')}`);
    const stepStarted = Date.now();
    const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
    if (result.status !== 0) {
      console.error(`\n=== FAILED: ${title} (exit ${result.status ?? result.signal}, ${seconds} s)`);
      process.exit(result.status || 1);
    }
    console.log(`=== ok: ${title} (${seconds} s)`);
  }
  console.log(`\n=== all steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
