import type { SessionViewer } from '@plein/client';

/** How the person signed in with `<plein-sign-in>`. */
export type SignInMethod = 'password' | 'link' | 'organisation';

/**
 * Someone signed in with `<plein-sign-in>`. `viewer` says who (name, roles; no e-mail address), `expiresAt` when the
 * session ends. The session token itself stays inside the client.
 */
export class PleinSignedInEvent extends Event {
  constructor(
    readonly viewer: SessionViewer,
    readonly expiresAt: string,
    readonly method: SignInMethod,
  ) {
    super('plein-signed-in', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plein-signed-in': PleinSignedInEvent;
  }
}
