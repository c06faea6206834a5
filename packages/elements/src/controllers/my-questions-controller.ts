import { Task, TaskStatus } from '@lit/task';
import type { MyQuestion, PleinClient } from '@plein/client';
import type { ReactiveControllerHost } from 'lit';
import { DataChangeController } from './data-change-controller.ts';

/**
 * The list behind `<plein-my-questions>`: the questions asked on this device (the client finds them by the owner
 * tokens it keeps; without any it asks nothing). A question asked, changed or deleted on the same page reloads it.
 */
export class MyQuestionsController {
  private readonly list: Task<[PleinClient | undefined], MyQuestion[] | undefined>;
  private readonly changes: DataChangeController;

  constructor(
    host: ReactiveControllerHost,
    private readonly client: () => PleinClient | undefined,
  ) {
    this.changes = new DataChangeController(host, (event) => {
      if (event.change !== 'answer-posted') void this.list.run();
    });
    this.list = new Task(host, {
      args: () => [this.client()] as [PleinClient | undefined],
      task: async ([client], { signal }) => {
        if (!client) return undefined;
        this.changes.listenTo(client);
        return client.myQuestions({ signal });
      },
    });
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
}
