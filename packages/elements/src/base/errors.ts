import { PleinError } from '@plein/client';

/** Whether "Opnieuw proberen" can help: yes for network trouble and unknown failures, no for a refusal. */
export function canRetry(error: unknown): boolean {
  return !(error instanceof PleinError) || error.retryable;
}

/** The client's message, already worded for people in the right language; otherwise the element's own. */
export function messageOf(error: unknown, fallback: string): string {
  return error instanceof PleinError ? error.message : fallback;
}
