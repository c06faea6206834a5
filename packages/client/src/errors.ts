/** Every way a call to the community can fail, so an element can say the right thing and offer a retry. */
export type PleinErrorKind =
  | 'network'
  | 'timeout'
  | 'server'
  | 'bad-input'
  | 'forbidden'
  | 'unauthenticated'
  | 'rate-limited'
  | 'not-found'
  | 'aborted';

const retryableKinds: ReadonlySet<PleinErrorKind> = new Set(['network', 'timeout', 'server', 'rate-limited']);

/** Maps the server's `extensions.code` to a kind. */
export function kindOfCode(code: string | undefined): PleinErrorKind {
  switch (code) {
    case 'FORBIDDEN':
      return 'forbidden';
    case 'UNAUTHENTICATED':
      return 'unauthenticated';
    case 'RATE_LIMITED':
      return 'rate-limited';
    // The last three are refusals of the server's limits (docs/decisions/0015-limits.md): resending cannot help.
    case 'BAD_USER_INPUT':
    case 'BAD_REQUEST':
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'QUERY_TOO_COMPLEX':
    case 'PERSISTED_OPERATION_NOT_FOUND':
    case 'INTROSPECTION_DISABLED':
      return 'bad-input';
    default:
      return 'server';
  }
}

/**
 * A failed call. `message` is in the client's language and fit to show; `code` is the server's
 * `extensions.code` when there was one; `retryable` says whether "Opnieuw proberen" can help.
 */
export class PleinError extends Error {
  override readonly name = 'PleinError';
  readonly retryable: boolean;

  constructor(
    readonly kind: PleinErrorKind,
    message: string,
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.retryable = retryableKinds.has(kind);
  }
}
