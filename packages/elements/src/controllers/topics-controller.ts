import { Task, TaskStatus } from '@lit/task';
import type { PleinClient, Situation } from '@plein/client';
import type { ReactiveControllerHost } from 'lit';

/**
 * The situations behind `<plein-topics>`: loaded once per client (a new community aborts the request in flight),
 * with a retry after a failure.
 */
export class TopicsController {
  private readonly task: Task<[PleinClient | undefined], Situation[] | undefined>;

  constructor(host: ReactiveControllerHost, client: () => PleinClient | undefined) {
    this.task = new Task(host, {
      args: () => [client()] as [PleinClient | undefined],
      task: ([current], { signal }) => (current ? current.situations({ signal }) : Promise.resolve(undefined)),
    });
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  get situations(): readonly Situation[] {
    return this.task.value ?? [];
  }

  get error(): unknown {
    return this.task.error;
  }

  retry(): Promise<unknown> {
    return this.task.run();
  }
}
