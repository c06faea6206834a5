/** Someone chose "Uitloggen" in `<plein-sign-in>`; the session is gone from the server and from this browser. */
export class PleinSignedOutEvent extends Event {
  constructor() {
    super('plein-signed-out', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plein-signed-out': PleinSignedOutEvent;
  }
}
