import { setupWorker } from 'msw/browser';
import { defaultHandlers } from './handlers.ts';

/** The msw service worker for element tests: the community server they talk to is mocked. */
export const worker = setupWorker(...defaultHandlers);

let started: Promise<unknown> | undefined;

export function startMockServer(): Promise<unknown> {
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'error' });
  return started;
}
