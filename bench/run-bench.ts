/**
 * Runs a bench's work and cleans up whatever happens: after success, after a failure (printed, exit code 1) and on
 * Ctrl-C or SIGTERM, so no server process or throw-away database outlives the bench. `cleanUp` runs at most once.
 * `onSignal` may say what is being stopped before the clean-up starts.
 */
export async function runBench(
  work: () => Promise<number>,
  cleanUp: () => Promise<void>,
  onSignal?: (signal: NodeJS.Signals) => void,
): Promise<number> {
  let cleaning: Promise<void> | undefined;
  const cleanUpOnce = () => (cleaning ??= cleanUp());
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      onSignal?.(signal);
      void cleanUpOnce().finally(() => process.exit(code));
    });
  }
  try {
    return await work();
  } catch (error) {
    console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await cleanUpOnce();
  }
}
