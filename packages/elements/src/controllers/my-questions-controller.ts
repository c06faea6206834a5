import { Task, TaskStatus } from '@lit/task';
import { type MyQuestion, type PleinClient, PleinDataChangeEvent } from '@plein/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The list behind `<plein-my-questions>`: the questions asked on this device (the client finds them by the owner
 * tokens it keeps; without any it asks nothing). A question asked, changed or deleted on the same page reloads it.
 */
export class MyQuestionsController implements ReactiveController {
  private listenedClient: PleinClient | undefined;
  private readonly list: Task<[PleinClient | undefined], MyQuestion[] | undefined>;

  constructor(
    host: ReactiveControllerHost,
    private readonly client: () => PleinClient | undefined,
  ) {
    host.addController(this);
    this.list = new Task(host, {
      args: () => [this.client()] as [PleinClient | undefined],
      task: async ([client], { signal }) => {
        if (!client) return undefined;
        this.listenTo(client);
        return client.myQuestions({ signal });
      },
    });
  }

  hostConnected(): void {
    this.listenedClient?.addEventListener('plein-data-change', this.onDataChange);
  }

  hostDisconnected(): void {
    this.listenedClient?.removeEventListener('plein-data-change', this.onDataChange);
  }

  get status(): TaskStatus {
    return this.list.status;
  }

  get error(): unknown {
    return this.list.error;
  }

  /** The questions, newest first; empty until they are loaded. */
  get items(): MyQuestion[] {
    return this.list.value ?? [];
  }

  retry(): Promise<unknown> {
    return this.list.run();
  }

  private listenTo(client: PleinClient): void {
    if (this.listenedClient === client) return;
    this.listenedClient?.removeEventListener('plein-data-change', this.onDataChange);
    client.addEventListener('plein-data-change', this.onDataChange);
    this.listenedClient = client;
  }

  private readonly onDataChange = (event: Event) => {
    if (event instanceof PleinDataChangeEvent && event.change !== 'answer-posted') void this.list.run();
  };
}
