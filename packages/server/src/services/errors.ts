import type { ErrorCode, ErrorMessageKey, UserErrorCode } from '../i18n/messages.ts';

/** A problem with the input that the person can fix; returned in a mutation payload's `errors`. */
export interface UserError {
  field: string | null;
  code: UserErrorCode;
  /** Filled in the request's language by the GraphQL layer. */
  params?: { min?: number; max?: number };
}

/**
 * A refusal that becomes a GraphQL error with `extensions.code`. `messageKey` picks the Dutch or English text;
 * nothing of the internal cause reaches the caller.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: ErrorMessageKey = code,
  ) {
    super(messageKey);
  }
}
