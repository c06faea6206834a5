import type { Kysely, Transaction } from 'kysely';
import type { Database, Publication, QuestionStatus } from './database-schema.ts';
import type { Engine } from './engine.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Reports count only what everyone can see. */
const PUBLISHED: Publication = 'PUBLISHED';

/** Instants from `start` (included) to `end` (left out), ISO 8601 UTC text, as the tables keep them. */
export interface InstantWindow {
  start: string;
  end: string;
}

/** What a report needs to know of one published question: nothing anyone wrote, no author. */
export interface ReportQuestionFacts {
  topicId: string;
  municipalityId: string | null;
  status: QuestionStatus;
  createdAt: string;
  /** The earliest published answer; null without one. */
  firstAnswerAt: string | null;
  /** The earliest published answer by an expert; null without one. */
  firstExpertAnswerAt: string | null;
}

/** Visits of a page and element, for one municipality ('' when the page named none), over some days. */
export interface ReportVisitTotal {
  page: string;
  element: string;
  municipalityId: string;
  visits: number;
}

/** PostgreSQL returns counts and sums as text, SQLite as numbers. */
const toNumber = (value: string | number | bigint | null | undefined) => Number(value ?? 0);

/**
 * The SQL of the municipal report (services/report-service.ts holds the rules and the suppression). Each method reads
 * one period in one query and aggregates where the database does it best; the service derives every figure, for the
 * whole community and for one municipality, from these few rows.
 */
export class ReportStore {
  constructor(
    private readonly db: Executor,
    readonly engine: Engine,
  ) {}

  /**
   * The published questions of a community asked in `window`, each with its first published answer and first
   * published expert answer (whenever those came). One row per question: a few thousand for half a year.
   */
  async questionFacts(communityId: string, window: InstantWindow): Promise<ReportQuestionFacts[]> {
    const rows = await this.db
      .selectFrom('questions')
      .leftJoin('answers', (join) =>
        join.onRef('answers.question_id', '=', 'questions.id').on('answers.publication', '=', PUBLISHED),
      )
      .select((eb) => [
        'questions.topic_id',
        'questions.municipality_id',
        'questions.status',
        'questions.created_at',
        eb.fn.min<string | null>('answers.created_at').as('first_answer_at'),
        eb.fn
          .min<string | null>(
            eb.case().when('answers.author_role', '=', 'EXPERT').then(eb.ref('answers.created_at')).end(),
          )
          .as('first_expert_answer_at'),
      ])
      .where('questions.community_id', '=', communityId)
      .where('questions.publication', '=', PUBLISHED)
      .where('questions.created_at', '>=', window.start)
      .where('questions.created_at', '<', window.end)
      .groupBy([
        'questions.id',
        'questions.topic_id',
        'questions.municipality_id',
        'questions.status',
        'questions.created_at',
      ])
      .execute();
    return rows.map((row) => ({
      topicId: row.topic_id,
      municipalityId: row.municipality_id,
      status: row.status,
      createdAt: row.created_at,
      firstAnswerAt: row.first_answer_at ?? null,
      firstExpertAnswerAt: row.first_expert_answer_at ?? null,
    }));
  }

  /**
   * Published answers written in `window` on the community's published questions, counted per municipality of the
   * question (the key null: questions without a municipality).
   */
  async answerCounts(communityId: string, window: InstantWindow): Promise<Map<string | null, number>> {
    const rows = await this.db
      .selectFrom('answers')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .select(['questions.municipality_id', (eb) => eb.fn.countAll<string | number>().as('count')])
      .where('questions.community_id', '=', communityId)
      .where('questions.publication', '=', PUBLISHED)
      .where('answers.publication', '=', PUBLISHED)
      .where('answers.created_at', '>=', window.start)
      .where('answers.created_at', '<', window.end)
      .groupBy('questions.municipality_id')
      .execute();
    return new Map(rows.map((row) => [row.municipality_id, toNumber(row.count)]));
  }

  /** Visits per page, element and municipality on the days `from` to `to` (both included, YYYY-MM-DD). */
  async visitTotals(communityId: string, days: { from: string; to: string }): Promise<ReportVisitTotal[]> {
    const rows = await this.db
      .selectFrom('visit_counts')
      .select(['page', 'element', 'municipality_id', (eb) => eb.fn.sum<string | number>('count').as('visits')])
      .where('community_id', '=', communityId)
      .where('day', '>=', days.from)
      .where('day', '<=', days.to)
      .groupBy(['page', 'element', 'municipality_id'])
      .execute();
    return rows.map((row) => ({
      page: row.page,
      element: row.element,
      municipalityId: row.municipality_id,
      visits: toNumber(row.visits),
    }));
  }

  /**
   * Titles of the published questions of one topic asked in `window`, newest first, a page at a time; with a
   * municipality, only its questions.
   */
  async questionTitles(
    communityId: string,
    window: InstantWindow,
    filter: { topicId: string; municipalityId?: string },
    page: { limit: number; offset: number },
  ): Promise<string[]> {
    let query = this.db
      .selectFrom('questions')
      .select('title')
      .where('community_id', '=', communityId)
      .where('publication', '=', PUBLISHED)
      .where('topic_id', '=', filter.topicId)
      .where('created_at', '>=', window.start)
      .where('created_at', '<', window.end);
    if (filter.municipalityId !== undefined) query = query.where('municipality_id', '=', filter.municipalityId);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map((row) => row.title);
  }
}
