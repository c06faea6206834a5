export * from './client.ts';
export { createDraftStore, type DraftStore, ownerTokenFor, rememberAnswerToken, rememberOwnerToken } from './drafts.ts';
export { PleinError, type PleinErrorKind } from './errors.ts';
export type { ClientLocale } from './messages.ts';
export type { RetryPolicy } from './retry.ts';
export { sessionKey, type StoredSession } from './session.ts';
