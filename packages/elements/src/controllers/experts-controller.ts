import { Task, TaskStatus } from '@lit/task';
import type { ExpertPage, ExpertProfile, ExpertsQuery, PleinClient } from '@plein/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { unseenNodes } from './paging.ts';

export interface ExpertsRequest {
  client: PleinClient | undefined;
  query: ExpertsQuery;
}

/**
 * The list behind `<plein-experts>`: the first page follows the topic (a change aborts the request in flight), "more"
 * appends the next page, and a profile saved on the same page (`plein-expert-change`) reloads the list.
 */
export class ExpertsController implements ReactiveController {
  items: ExpertProfile[] = [];
  totalCount = 0;
  hasNextPage = false;
  private endCursor: string | null = null;
  private listenedClient: PleinClient | undefined;
  private connected = false;

  private readonly firstPage: Task<[PleinClient | undefined, string], ExpertPage | undefined>;
  private readonly nextPage: Task<[], ExpertPage | undefined>;

  constructor(
    host: ReactiveControllerHost,
    private readonly request: () => ExpertsRequest,
  ) {
    host.addController(this);
    this.firstPage = new Task(host, {
      args: () => {
        const { client, query } = this.request();
        return [client, JSON.stringify(query)] as [PleinClient | undefined, string];
      },
      task: async ([client, query], { signal }) => {
        this.nextPage.abort();
        if (!client) return undefined;
        this.listenTo(client);
        return client.experts(JSON.parse(query) as ExpertsQuery, { signal });
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
        return client.experts({ ...query, after: this.endCursor }, { signal });
      },
      onComplete: (page) => {
        this.items = [...this.items, ...unseenNodes(this.items, page)];
        this.take(page);
      },
    });
  }

  hostConnected(): void {
    this.connected = true;
    this.listenedClient?.addEventListener('plein-expert-change', this.onExpertChange);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.listenedClient?.removeEventListener('plein-expert-change', this.onExpertChange);
  }

  get status(): TaskStatus {
    return this.firstPage.status;
  }

  get error(): unknown {
    return this.status === TaskStatus.ERROR ? this.firstPage.error : this.moreFailed ? this.nextPage.error : undefined;
  }

  get loadingMore(): boolean {
    return this.nextPage.status === TaskStatus.PENDING;
  }

  get moreFailed(): boolean {
    return this.nextPage.status === TaskStatus.ERROR;
  }

  /** Loads the next page and resolves with the experts that were not shown yet. */
  async loadMore(): Promise<ExpertProfile[]> {
    if (this.loadingMore) return [];
    const before = new Set(this.items.map((item) => item.id));
    await this.nextPage.run();
    return this.items.filter((item) => !before.has(item.id));
  }

  retry(): Promise<unknown> {
    return this.status === TaskStatus.ERROR ? this.firstPage.run() : this.nextPage.run();
  }

  private take(page: ExpertPage | undefined): void {
    this.totalCount = page?.totalCount ?? 0;
    this.hasNextPage = page?.pageInfo.hasNextPage ?? false;
    this.endCursor = page?.pageInfo.endCursor ?? null;
  }

  private listenTo(client: PleinClient): void {
    if (this.listenedClient === client) return;
    this.listenedClient?.removeEventListener('plein-expert-change', this.onExpertChange);
    this.listenedClient = client;
    if (this.connected) client.addEventListener('plein-expert-change', this.onExpertChange);
  }

  private readonly onExpertChange = () => void this.firstPage.run();
}
