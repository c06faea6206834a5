/**
 * `<plein-community sso-token>` could not sign the citizen in: the token expired, was signed with another secret, or
 * the community could not be reached. The widgets carry on anonymously. `code` is the server's (`PORTAL_TOKEN_INVALID`)
 * or the client's kind of failure (`network`, …); `message` is fit to show. Cancelable: call `preventDefault()` to show
 * your own message instead of the community's small notice.
 */
export class PleinPortalSignInFailedEvent extends Event {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {
    super('plein-portal-sign-in-failed', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plein-portal-sign-in-failed': PleinPortalSignInFailedEvent;
  }
}
