/**
 * A closed-loop load: `clients` callers, each sending its next request as soon as the last one is answered, for a
 * number of seconds. Latencies are kept whole, in fractions of a millisecond: autocannon rounds to whole
 * milliseconds, too coarse for queries that take one or two.
 */
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  /** Requests sent, answered or failed. */
  requests: number;
  seconds: number;
  /** Milliseconds of the requests that succeeded, sorted. */
  latencies: number[];
  /** Failed requests by cause. */
  failures: Map<string, number>;
}

/** Sends request number `index`; resolves to null when it succeeded, else to a short cause ("HTTP 500"). */
export type SendRequest = (index: number) => Promise<string | null>;

/** Runs the load; an exception from `send` (the server is gone) ends the run with that exception. */
export async function closedLoop(clients: number, seconds: number, send: SendRequest): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;

  async function caller(): Promise<void> {
    while (performance.now() < deadline) {
      const begin = performance.now();
      const failure = await send(next++);
      if (failure === null) latencies.push(performance.now() - begin);
      else failures.set(failure, (failures.get(failure) ?? 0) + 1);
    }
  }

  await Promise.all(Array.from({ length: clients }, () => caller()));
  return {
    requests: next,
    seconds: (performance.now() - started) / 1000,
    latencies: latencies.sort((a, b) => a - b),
    failures,
  };
}

/** The number of failed requests. */
export const failureCount = (result: LoadResult) => [...result.failures.values()].reduce((sum, n) => sum + n, 0);

/** Failures as one line: `HTTP 429 ×3, TOO_FAST ×1`. */
export const describeFailures = (result: LoadResult) =>
  [...result.failures].map(([cause, count]) => `${cause} ×${count}`).join(', ');
