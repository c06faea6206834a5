import type { TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';

/** One page of a list as the server sends it (a GraphQL connection). */
export interface Page<T> {
  edges: readonly { node: T }[];
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** The nodes on `page` that `items` does not hold yet: something added meanwhile shifts the next page by one. */
export function unseenNodes<T extends { id: string }>(items: readonly T[], page: Page<T> | undefined): T[] {
  const known = new Set(items.map((item) => item.id));
  return page?.edges.map((edge) => edge.node).filter((node) => !known.has(node.id)) ?? [];
}

/**
 * A list that shows its first page and adds the next ones below ("Meer laden"), for controllers that load the first
 * page themselves (a Task in `firstPage`) and call `show` with it. A failed next page keeps what is shown and says so
 * in `moreFailed`.
 */
export abstract class PagedList<T extends { id: string }> {
  items: T[] = [];
  totalCount = 0;
  hasNextPage = false;
  loadingMore = false;
  moreFailed: unknown = undefined;

  private endCursor: string | null = null;
  protected abstract readonly firstPage: { status: TaskStatus; error: unknown; run(): Promise<unknown> };

  constructor(protected readonly host: ReactiveControllerHost) {}

  get status(): TaskStatus {
    return this.firstPage.status;
  }

  get error(): unknown {
    return this.firstPage.error;
  }

  /** Loads the first page again (after a failure, or when the list changed elsewhere). */
  reload(): Promise<unknown> {
    return this.firstPage.run();
  }

  /** Shows the first page instead of all there was; nothing (undefined) empties the list. */
  protected show(page: Page<T> | undefined): void {
    this.items = page?.edges.map((edge) => edge.node) ?? [];
    this.totalCount = page?.totalCount ?? 0;
    this.hasNextPage = page?.pageInfo.hasNextPage ?? false;
    this.endCursor = page?.pageInfo.endCursor ?? null;
    this.moreFailed = undefined;
  }

  /** Asks `fetch` for the page after the last one shown and adds it below. Returns the items that were added. */
  protected async loadNextPage(fetch: ((after: string | null) => Promise<Page<T>>) | undefined): Promise<T[]> {
    if (!fetch || this.loadingMore || !this.hasNextPage) return [];
    this.loadingMore = true;
    this.moreFailed = undefined;
    this.host.requestUpdate();
    try {
      const page = await fetch(this.endCursor);
      const added = unseenNodes(this.items, page);
      this.items = [...this.items, ...added];
      this.totalCount = page.totalCount ?? this.totalCount;
      this.hasNextPage = page.pageInfo.hasNextPage;
      this.endCursor = page.pageInfo.endCursor ?? null;
      return added;
    } catch (error) {
      this.moreFailed = error;
      return [];
    } finally {
      this.loadingMore = false;
      this.host.requestUpdate();
    }
  }
}
