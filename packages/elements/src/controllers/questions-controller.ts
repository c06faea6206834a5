import type { PleinClient, QuestionPage, QuestionsQuery, QuestionSummary } from '@plein/client';
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { DataChangeController } from './data-change-controller.ts';
import { unseenNodes } from './paging.ts';

export interface QuestionsRequest {
  client: PleinClient | undefined;
  query: QuestionsQuery;
}

/**
 * The list behind `<plein-questions>`: the first page follows the filters (a change aborts the request in flight),
 * "more" appends the next page, and a question asked or answered on the same page reloads the list.
 */
export class QuestionsController {
  items: QuestionSummary[] = [];
  totalCount = 0;
  hasNextPage = false;
  private endCursor: string | null = null;

  private readonly firstPage: Task<[PleinClient | undefined, string], QuestionPage | undefined>;
  private readonly nextPage: Task<[], QuestionPage | undefined>;
  private readonly changes: DataChangeController;

  constructor(
    host: ReactiveControllerHost,
    private readonly request: () => QuestionsRequest,
  ) {
    this.changes = new DataChangeController(host, () => void this.firstPage.run());
    this.firstPage = new Task(host, {
      args: () => {
        const { client, query } = this.request();
        return [client, JSON.stringify(query)] as [PleinClient | undefined, string];
      },
      task: async ([client, query], { signal }) => {
        if (!client) return undefined;
        this.changes.listenTo(client);
        return client.questions(JSON.parse(query) as QuestionsQuery, { signal });
      },
      onComplete: (page) => {
        this.items = page?.edges.map((edge) => edge.node) ?? [];
        this.take(page);
      },
    });
    this.nextPage = new Task(host, {
      autoRun: false,
      args: () => [],
      task: async (_args, { signal }) => {
        const { client, query } = this.request();
        if (!client || !this.endCursor) return undefined;
        return client.questions({ ...query, after: this.endCursor }, { signal });
      },
      onComplete: (page) => {
        this.items = [...this.items, ...unseenNodes(this.items, page)];
        this.take(page);
      },
    });
  }

  get status(): TaskStatus {
    return this.firstPage.status;
  }

  get error(): unknown {
    return this.status === TaskStatus.ERROR
      ? this.firstPage.error
      : this.nextPage.status === TaskStatus.ERROR
        ? this.nextPage.error
        : undefined;
  }

  get loadingMore(): boolean {
    return this.nextPage.status === TaskStatus.PENDING;
  }

  get moreFailed(): boolean {
    return this.nextPage.status === TaskStatus.ERROR;
  }

  loadMore(): Promise<unknown> {
    return this.nextPage.run();
  }

  retry(): Promise<unknown> {
    return this.status === TaskStatus.ERROR ? this.firstPage.run() : this.nextPage.run();
  }

  private take(page: QuestionPage | undefined): void {
    this.totalCount = page?.totalCount ?? 0;
    this.hasNextPage = page?.pageInfo.hasNextPage ?? false;
    this.endCursor = page?.pageInfo.endCursor ?? null;
  }
}
