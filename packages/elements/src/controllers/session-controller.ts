import { type PleinClient, PleinSessionChangeEvent, type SessionInfo } from '@plein/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** setTimeout's longest delay (about 24.8 days); a session never lasts that long, but a clock can be wrong. */
const longestTimeout = 2 ** 31 - 1;

/**
 * Who is signed in, for an element: the client's session, and a new render whenever it changes (a sign-in or
 * sign-out anywhere on the page, a session the server refused) or runs out. It listens to the client the element uses
 * now, and only while the element is on the page.
 */
export class SessionController implements ReactiveController {
  private listening: PleinClient | undefined;
  private connected = false;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => PleinClient | undefined,
    private readonly onChange: (event: PleinSessionChangeEvent) => void = () => undefined,
  ) {
    host.addController(this);
  }

  /** The session of the element's community now, or undefined. */
  get session(): SessionInfo | undefined {
    return this.client()?.currentSession();
  }

  hostConnected(): void {
    this.connected = true;
    this.listenTo(this.client());
  }

  hostUpdate(): void {
    this.listenTo(this.client());
    this.scheduleExpiry();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.listenTo(undefined);
    clearTimeout(this.expiryTimer);
  }

  private listenTo(client: PleinClient | undefined): void {
    const next = this.connected ? client : undefined;
    if (next === this.listening) return;
    this.listening?.removeEventListener('plein-session-change', this.onSessionChange);
    next?.addEventListener('plein-session-change', this.onSessionChange);
    this.listening = next;
  }

  /** At the session's end the element renders again: reading the session then drops it and tells the page. */
  private scheduleExpiry(): void {
    clearTimeout(this.expiryTimer);
    const expiresAt = this.session?.expiresAt;
    if (!expiresAt || !this.connected) return;
    const delay = Math.min(Math.max(Date.parse(expiresAt) - Date.now(), 0) + 50, longestTimeout);
    this.expiryTimer = setTimeout(() => this.host.requestUpdate(), delay);
  }

  private readonly onSessionChange = (event: Event) => {
    if (!(event instanceof PleinSessionChangeEvent)) return;
    this.onChange(event);
    this.host.requestUpdate();
  };
}
