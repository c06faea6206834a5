import { limits } from '@plein/schema';
import { InvalidCursorError } from '../store/cursor.ts';
import type { Page } from '../store/store.ts';
import { ServiceError } from './errors.ts';
import type { Connection } from './models.ts';

/** `first` as asked, capped at 50; less than 1 is refused. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? limits.pageSize.default;
  if (!Number.isInteger(size) || size < 1) throw new ServiceError('BAD_USER_INPUT', 'PAGE_SIZE');
  return Math.min(size, limits.pageSize.max);
}

/** Runs a page query; a cursor that was not made by us becomes a clear BAD_USER_INPUT error. */
export async function readPage<Row>(query: () => Promise<Page<Row>>): Promise<Page<Row>> {
  try {
    return await query();
  } catch (error) {
    if (error instanceof InvalidCursorError) throw new ServiceError('BAD_USER_INPUT', 'INVALID_CURSOR');
    throw error;
  }
}

export function toConnection<Row, Node>(page: Page<Row>, toNode: (row: Row) => Node): Connection<Node> {
  return {
    edges: page.rows.map(({ cursor, row }) => ({ cursor, node: toNode(row) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}

/** True for a unique-constraint violation on either engine: a concurrent request stored the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
