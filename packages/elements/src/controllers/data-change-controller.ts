import { type PleinClient, PleinDataChangeEvent } from '@plein/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Hears the changes made through the client on the same page (a question asked, changed or deleted, an answer posted),
 * so a list can reload. It listens to the client the list last loaded through, and only while the host is connected.
 */
export class DataChangeController implements ReactiveController {
  private client: PleinClient | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly onChange: (event: PleinDataChangeEvent) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.client?.addEventListener('plein-data-change', this.onDataChange);
  }

  hostDisconnected(): void {
    this.client?.removeEventListener('plein-data-change', this.onDataChange);
  }

  /** Listens to this client from now on, and no longer to the one before. */
  listenTo(client: PleinClient): void {
    if (this.client === client) return;
    this.client?.removeEventListener('plein-data-change', this.onDataChange);
    client.addEventListener('plein-data-change', this.onDataChange);
    this.client = client;
  }

  private readonly onDataChange = (event: Event) => {
    if (event instanceof PleinDataChangeEvent) this.onChange(event);
  };
}
