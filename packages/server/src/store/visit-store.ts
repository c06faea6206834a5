import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, VisitCountRow } from './database-schema.ts';
import type { Engine } from './engine.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** One counter: a community's day, municipality ('' for none), page and element. */
export type VisitKey = Omit<VisitCountRow, 'count'>;

/**
 * The anonymous visit counters (`visit_counts`): a number per community, Dutch day, municipality, page and element,
 * and nothing else. services/visit-service.ts holds the rules; the report reads the same table.
 */
export class VisitStore {
  constructor(
    private readonly db: Executor,
    readonly engine: Engine,
  ) {}

  /**
   * Adds one to each counter, making the ones that do not exist yet. One statement, so all of them count or none
   * does. The keys must differ from each other: one statement cannot update the same row twice on PostgreSQL.
   */
  async add(keys: readonly VisitKey[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db
      .insertInto('visit_counts')
      .values(keys.map((key) => ({ ...key, count: 1 })))
      .onConflict((oc) =>
        oc
          .columns(['community_id', 'day', 'municipality_id', 'page', 'element'])
          .doUpdateSet({ count: sql<number>`visit_counts.count + 1` }),
      )
      .execute();
  }

  /** How many counters a community has on a day: the table may not grow without bound. */
  async rowsOnDay(communityId: string, day: string): Promise<number> {
    const row = await this.db
      .selectFrom('visit_counts')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('community_id', '=', communityId)
      .where('day', '=', day)
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /** Of these elements, the ones that already have a counter for this page, municipality and day. */
  async countedElements(key: Omit<VisitKey, 'element'>, elements: readonly string[]): Promise<Set<string>> {
    if (elements.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('visit_counts')
      .select('element')
      .where('community_id', '=', key.community_id)
      .where('day', '=', key.day)
      .where('municipality_id', '=', key.municipality_id)
      .where('page', '=', key.page)
      .where('element', 'in', elements)
      .execute();
    return new Set(rows.map((row) => row.element));
  }

  /** Every counter of a community, for tests and the CLI. */
  ofCommunity(communityId: string): Promise<VisitCountRow[]> {
    return this.db
      .selectFrom('visit_counts')
      .selectAll()
      .where('community_id', '=', communityId)
      .orderBy('day')
      .orderBy('page')
      .orderBy('element')
      .execute();
  }
}
