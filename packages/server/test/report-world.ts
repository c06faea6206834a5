import { findPersonalData } from '@plein/pii';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { addDays, daysInclusive, lastDayOfMonth } from '@plein/schema';
import { dutchTimeToInstant, startOfDutchDay } from '../src/services/dutch-time.ts';
import { hashToken, newId, newOwnerToken } from '../src/services/secrets.ts';
import type {
  AnswerRow,
  AuthorRole,
  Database,
  ModeratedColumns,
  Publication,
  QuestionRow,
  QuestionStatus,
  VisitCountRow,
} from '../src/store/database-schema.ts';
import type { PleinStore } from '../src/store/store.ts';

/**
 * Half a year of made-up community life for the report tests, and an independent reckoning of what the report must
 * say about it. The reckoning reads the tables with its own SQL and applies the suppression rules as issue 7 words
 * them; it never calls the report service, so a mistake there cannot hide in both.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The first and last Dutch day with generated questions and visits (April feeds the previous period of May). */
export const DATA_FROM = '2026-04-01';
export const DATA_TO = '2026-10-31';
/** No generated answer is later than this: the reports are asked for at the fixture's clock, a little after. */
const ANSWERS_UNTIL = Date.parse('2026-11-01T06:00:00.000Z');

/** Topics and municipalities added to the fixture's, some of them deliberately tiny so that suppression happens. */
export const extraTopics = [
  { slug: 'wia', name: 'WIA en arbeidsongeschiktheid' },
  { slug: 'toeslagen', name: 'Toeslagen' },
  { slug: 'ziek-uit-dienst', name: 'Ziek uit dienst' },
  { slug: 'schulden', name: 'Schulden en beslag' },
];
export const extraMunicipalities = [
  { slug: 'oost', name: 'Oost' },
  { slug: 'west', name: 'West' },
  { slug: 'eiland', name: 'Eiland' },
];

const topicWeights: Record<string, number> = {
  ontslag: 30,
  ww: 26,
  'bijstand-aanvragen': 18,
  wia: 12,
  toeslagen: 7,
  'ziek-uit-dienst': 1.5,
  schulden: 0.4,
};
/** '' stands for a question asked on a page that named no municipality. */
const municipalityWeights: Record<string, number> = { noord: 40, zuid: 22, oost: 16, west: 3, eiland: 0.6, '': 12 };
/** Questions per weekday, by month: busy in autumn, a summer dip in July. */
const questionsPerDay: Record<string, number> = {
  '04': 3.6,
  '05': 4.6,
  '06': 5.4,
  '07': 2.4,
  '08': 3.9,
  '09': 6.4,
  '10': 5.6,
};
/** How many page/element pairs get visits in a month: more than the report's 50 rows from August on. */
const livePairsPerMonth: Record<string, number> = {
  '04': 30,
  '05': 40,
  '06': 46,
  '07': 34,
  '08': 62,
  '09': 90,
  '10': 104,
};

/** Instants on the edges of Dutch days, of the periods asked for, and of the end of summer time (25 October). */
const edgeInstants = [
  '2026-04-30T21:59:59.999Z', // 30 April 23:59:59.999 in the Netherlands
  '2026-04-30T22:00:00.000Z', // 1 May 00:00
  '2026-09-30T21:59:59.999Z', // 30 September 23:59:59.999
  '2026-09-30T22:00:00.000Z', // 1 October 00:00
  '2026-10-19T21:59:00.000Z', // 19 October 23:59
  '2026-10-19T22:00:00.000Z', // 20 October 00:00
  '2026-10-24T22:30:00.000Z', // 25 October 00:30, still summer time
  '2026-10-25T00:30:00.000Z', // 25 October 02:30, the first time
  '2026-10-25T01:30:00.000Z', // 25 October 02:30, the second time
  '2026-10-25T22:59:00.000Z', // 25 October 23:59, winter time
  '2026-10-31T22:59:59.000Z', // 31 October 23:59:59
  '2026-10-31T23:00:00.000Z', // 1 November 00:00: not October any more
];

const phrases = [
  'Hoe vraag ik dit aan',
  'Wat zijn mijn rechten',
  'Hoe lang duurt het voordat ik iets hoor',
  'Moet ik geld terugbetalen',
  'Wie kan mij hierbij helpen',
  'Wat gebeurt er als ik weer ga werken',
  'Mag de werkgever dit zomaar',
  'Welke papieren heb ik nodig',
  'Klopt het bedrag dat ik krijg',
  'Kan ik bezwaar maken',
];

const pagePaths = [
  '/werk',
  '/inkomen',
  '/ww',
  '/bijstand',
  '/ontslag',
  '/wia',
  '/toeslagen',
  '/schulden',
  '/zorg',
  '/nieuws',
  '/contact',
  '/jongeren',
  '/ondernemers',
  '/werkplein',
  '/reintegratie',
  '/loonbeslag',
  '/kinderopvang',
  '/participatie',
  '/vrijwilligers',
  '/taal',
  '/energietoeslag',
  '/minima',
  '/regelingen',
  '/bezwaar',
  '/mantelzorg',
  '/statushouders',
];
const elements = ['plein-questions', 'plein-question', 'plein-ask', 'plein-topics'];

/** Mulberry32: small, fast and the same on every machine, so every run sees the same world. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Dice {
  constructor(readonly random: () => number) {}
  chance(p: number): boolean {
    return this.random() < p;
  }
  between(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  weighted<T extends string>(weights: Record<T, number>): T {
    const entries = Object.entries(weights) as [T, number][];
    let left = this.random() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) if ((left -= weight) < 0) return key;
    return entries.at(-1)![0];
  }
  /** Knuth's method; the rates here are small. */
  poisson(rate: number): number {
    const limit = Math.exp(-rate);
    let product = this.random();
    let count = 0;
    while (product > limit) {
      product *= this.random();
      count++;
    }
    return count;
  }
}

const unmoderated: ModeratedColumns = {
  device_hash: null,
  findings: '[]',
  moderation_reason: null,
  flag_count: 0,
  waiting_since: null,
};

export interface WorldSummary {
  questions: number;
  publishedQuestions: number;
  answers: number;
  visitRows: number;
}

/**
 * Fills a community with questions, answers and visit counters from `DATA_FROM` to `DATA_TO`. `scale` thins it out
 * (for a second community that must not leak into the first one's report); `edges` adds questions on the edges of
 * days and of summer time.
 */
export async function generateCommunityLife(
  store: PleinStore,
  db: Kysely<Database>,
  communityId: string,
  options: { seed: number; origin: string; scale?: number; edges?: boolean },
): Promise<WorldSummary> {
  const dice = new Dice(seededRandom(options.seed));
  const scale = options.scale ?? 1;
  const topics = await db.selectFrom('topics').select(['id', 'slug']).where('community_id', '=', communityId).execute();
  const municipalities = await db
    .selectFrom('municipalities')
    .select(['id', 'slug'])
    .where('community_id', '=', communityId)
    .execute();
  const experts = await store.expertsOfCommunity(communityId);
  const topicId = new Map(topics.map((t) => [t.slug, t.id]));
  const municipalityId = new Map(municipalities.map((m) => [m.slug, m.id]));
  const weightsOf = (weights: Record<string, number>, known: Map<string, string>) =>
    Object.fromEntries(Object.entries(weights).filter(([slug]) => slug === '' || known.has(slug)));
  const topicOdds = weightsOf(topicWeights, topicId);
  const municipalityOdds = weightsOf(municipalityWeights, municipalityId);

  // Every question gets its own instant, so "newest first" has one answer.
  const taken = new Set<number>();
  const unique = (ms: number) => {
    while (taken.has(ms)) ms++;
    taken.add(ms);
    return ms;
  };
  const instants: number[] = options.edges ? edgeInstants.map((iso) => unique(Date.parse(iso))) : [];
  for (let day = DATA_FROM; day <= DATA_TO; day = addDays(day, 1)) {
    const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    const quiet = dice.chance(0.06);
    const rate = quiet ? 0 : questionsPerDay[day.slice(5, 7)]! * (weekend ? 0.4 : 1) * scale;
    for (let i = dice.poisson(rate); i > 0; i--) {
      const bucket = dice.random();
      const hour = bucket < 0.07 ? 0 : bucket < 0.14 ? 23 : dice.between(7, 22);
      const start = Date.parse(dutchTimeToInstant(day, hour, dice.between(0, 59)));
      instants.push(unique(start + dice.between(0, MINUTE - 1)));
    }
  }

  let answerTotal = 0;
  let published = 0;
  await store.transaction(async (trx) => {
    for (const [index, askedAt] of instants.entries()) {
      const topic = dice.weighted(topicOdds);
      const municipality = dice.weighted(municipalityOdds);
      const publication = dice.weighted<Publication>({ PUBLISHED: 85, HELD: 6, HIDDEN: 6, REJECTED: 3 });
      const questionId = newId();
      const answers: AnswerRow[] = [];
      for (let n = Number(dice.weighted({ 0: 24, 1: 34, 2: 22, 3: 12, 4: 8 })); n > 0; n--) {
        const at = askedAt + answerDelay(dice);
        if (at > ANSWERS_UNTIL) continue;
        const role = dice.weighted<AuthorRole>({ EXPERT: 34, CITIZEN: 58, STAFF: 5, MODERATOR: 3 });
        const expert = role === 'EXPERT' && experts.length > 0 ? experts[dice.between(0, experts.length - 1)] : null;
        answers.push({
          id: newId(),
          question_id: questionId,
          hand_off: '[]',
          body: 'Kijk eerst op de website van het UWV of bel de gemeente voor hulp.',
          author_display_name: expert?.display_name ?? (role === 'CITIZEN' ? 'Anoniem' : 'Medewerker'),
          author_role: role,
          author_expert_id: expert?.id ?? null,
          is_expert: role === 'CITIZEN' ? 0 : 1,
          idempotency_key: newId(),
          helpful_count: dice.between(0, 3),
          created_at: new Date(at).toISOString(),
          publication: dice.weighted<Publication>({ PUBLISHED: 86, HELD: 8, HIDDEN: 4, REJECTED: 2 }),
          owner_token_hash: null,
          source_url: null,
          reviewed_on: null,
          ...unmoderated,
        });
      }
      const visible = answers.filter((a) => a.publication === 'PUBLISHED');
      const status: QuestionStatus =
        visible.length > 0 ? (dice.chance(0.35) ? 'RESOLVED' : 'ANSWERED') : dice.chance(0.1) ? 'RESOLVED' : 'OPEN';
      const created = new Date(askedAt).toISOString();
      const row: QuestionRow = {
        id: questionId,
        community_id: communityId,
        topic_id: topicId.get(topic)!,
        municipality_id: municipality === '' ? null : municipalityId.get(municipality)!,
        title: `${phrases[index % phrases.length]} (${topic}, vraag ${index + 1})?`,
        body: 'Ik wil graag weten hoe dit zit in mijn situatie. Wie weet het?',
        status,
        author_display_name: 'Anoniem',
        author_role: 'CITIZEN',
        author_expert_id: null,
        owner_token_hash: hashToken(newOwnerToken()),
        idempotency_key: newId(),
        accepted_answer_id: status === 'RESOLVED' && visible.length > 0 ? visible[0]!.id : null,
        answer_count: visible.length,
        // As the store keeps it: any published answer by an expert, staff member or moderator.
        has_expert_answer: visible.some((a) => a.is_expert === 1) ? 1 : 0,
        helpful_count: 0,
        created_at: created,
        last_activity_at: [created, ...visible.map((a) => a.created_at)].sort().at(-1)!,
        publication,
        edited_at: null,
        ...unmoderated,
      };
      await trx.insertQuestion(row);
      for (const answer of answers) await trx.insertAnswerRow(answer);
      answerTotal += answers.length;
      if (publication === 'PUBLISHED') published++;
    }
  });

  const visitRows = visitCounters(dice, communityId, options.origin, municipalities, scale);
  for (let i = 0; i < visitRows.length; i += 200) {
    await db
      .insertInto('visit_counts')
      .values(visitRows.slice(i, i + 200))
      .execute();
  }
  return {
    questions: instants.length,
    publishedQuestions: published,
    answers: answerTotal,
    visitRows: visitRows.length,
  };
}

interface HandMadeQuestions {
  municipality: 'noord' | 'zuid';
  topic: 'ww' | 'ontslag' | 'wia';
  count: number;
  /** Answered by an expert within hours, and resolved; otherwise never answered and open. */
  answered: boolean;
}

/**
 * Four weeks in March, before the generated data, built by hand so that the rarer rules decide a figure:
 * - 2 to 8 March, for Noord: WW 6, Ontslag 3, WIA 7 (the community has 8). Rule 1 hides Ontslag; 3 hidden is too
 *   few, so rule 2 hides WW too. Only then does rule 5 hide WIA, which alone would have been enough.
 * - 9 to 15 March: 9 questions, 6 never answered. "Unanswered" is 6, but only 3 were answered: hidden (rule 3).
 *   52 pages with visits: 50 with 10, the two cut by the 50-row cap with 1 each. 2 hidden is too few: the last of
 *   the smallest shown rows is hidden too (rule 2).
 * - 16 to 22 March: Noord 12 questions (6 answered by an expert within hours, 6 resolved), Zuid 5 never answered.
 *   For Noord the medians rest on 6 questions, and so do the community's: the difference is 0 (rule 5).
 *   The same 52 pages, the two cut ones with 4 each: 8 is enough, and cut rows are not suppressed cells, so the
 *   "4 each" condition does not apply (rule 2).
 * - 23 to 29 March: the same Noord questions, Zuid only 3: for Noord the shares differ from the community's by
 *   3 questions (rule 5).
 */
export const handMadeWeeks: {
  from: string;
  to: string;
  questions: HandMadeQuestions[];
  /** Visits on the week's second day: 50 pages with 10 each, then one page per number in `cut`. */
  visits?: { cut: number[] };
}[] = [
  {
    from: '2026-03-02',
    to: '2026-03-08',
    questions: [
      { municipality: 'noord', topic: 'ww', count: 6, answered: false },
      { municipality: 'noord', topic: 'ontslag', count: 3, answered: false },
      { municipality: 'noord', topic: 'wia', count: 7, answered: false },
      { municipality: 'zuid', topic: 'ww', count: 14, answered: false },
      { municipality: 'zuid', topic: 'wia', count: 1, answered: false },
    ],
  },
  {
    from: '2026-03-09',
    to: '2026-03-15',
    questions: [
      { municipality: 'noord', topic: 'ww', count: 3, answered: true },
      { municipality: 'zuid', topic: 'ww', count: 6, answered: false },
    ],
    visits: { cut: [1, 1] },
  },
  {
    from: '2026-03-16',
    to: '2026-03-22',
    questions: [
      { municipality: 'noord', topic: 'ww', count: 6, answered: true },
      { municipality: 'noord', topic: 'ww', count: 6, answered: false },
      { municipality: 'zuid', topic: 'ww', count: 5, answered: false },
    ],
    visits: { cut: [4, 4] },
  },
  {
    from: '2026-03-23',
    to: '2026-03-29',
    questions: [
      { municipality: 'noord', topic: 'ww', count: 6, answered: true },
      { municipality: 'noord', topic: 'ww', count: 6, answered: false },
      { municipality: 'zuid', topic: 'ww', count: 3, answered: false },
    ],
  },
];

export async function addHandMadeWeeks(store: PleinStore, db: Kysely<Database>, communityId: string): Promise<void> {
  const idsOf = async (table: 'topics' | 'municipalities') =>
    new Map(
      (await db.selectFrom(table).select(['slug', 'id']).where('community_id', '=', communityId).execute()).map(
        (row) => [row.slug, row.id],
      ),
    );
  const topics = await idsOf('topics');
  const municipalities = await idsOf('municipalities');
  const expert = (await store.expertsOfCommunity(communityId))[0]!;
  await store.transaction(async (trx) => {
    for (const week of handMadeWeeks) {
      const asked = week.questions.flatMap((group) => Array.from({ length: group.count }, () => group));
      for (const [i, question] of asked.entries()) {
        const created = dutchTimeToInstant(addDays(week.from, i % 7), 9 + Math.floor(i / 7), (7 * i) % 60);
        const questionId = newId();
        const answer: AnswerRow | null = question.answered
          ? {
              id: newId(),
              question_id: questionId,
              hand_off: '[]',
              body: 'U kunt dit bij het UWV aanvragen binnen een week na uw laatste werkdag.',
              author_display_name: expert.display_name,
              author_role: 'EXPERT',
              author_expert_id: expert.id,
              is_expert: 1,
              idempotency_key: newId(),
              helpful_count: 0,
              created_at: new Date(Date.parse(created) + (i + 1) * 37 * MINUTE).toISOString(),
              publication: 'PUBLISHED',
              owner_token_hash: null,
              source_url: null,
              reviewed_on: null,
              ...unmoderated,
            }
          : null;
        await trx.insertQuestion({
          id: questionId,
          community_id: communityId,
          topic_id: topics.get(question.topic)!,
          municipality_id: municipalities.get(question.municipality)!,
          title: `Wat moet ik nu doen (week van ${week.from}, vraag ${i + 1})?`,
          body: 'Ik stop binnenkort met werken en wil op tijd zijn met mijn aanvraag.',
          status: answer ? 'RESOLVED' : 'OPEN',
          author_display_name: 'Anoniem',
          author_role: 'CITIZEN',
          author_expert_id: null,
          owner_token_hash: hashToken(newOwnerToken()),
          idempotency_key: newId(),
          accepted_answer_id: answer?.id ?? null,
          answer_count: answer ? 1 : 0,
          has_expert_answer: answer ? 1 : 0,
          helpful_count: 0,
          created_at: created,
          last_activity_at: answer?.created_at ?? created,
          publication: 'PUBLISHED',
          edited_at: null,
          ...unmoderated,
        });
        if (answer) await trx.insertAnswerRow(answer);
      }
    }
  });
  for (const week of handMadeWeeks) {
    if (!week.visits) continue;
    const counts = [...Array.from({ length: MAX_PAGE_ROWS }, () => 10), ...week.visits.cut];
    await db
      .insertInto('visit_counts')
      .values(
        counts.map((count, i) => ({
          community_id: communityId,
          day: addDays(week.from, 1),
          municipality_id: '',
          page: `https://www.testgemeente.nl/maart${String(i + 1).padStart(2, '0')}`,
          element: 'plein-questions',
          count,
        })),
      )
      .execute();
  }
}

/** Minutes, hours or days; a few right around the 48 hours the report asks about. */
function answerDelay(dice: Dice): number {
  const kind = dice.random();
  if (kind < 0.02) return 48 * HOUR;
  if (kind < 0.04) return 48 * HOUR + dice.between(-60_000, 60_000);
  if (kind < 0.32) return dice.between(2 * MINUTE, 59 * MINUTE);
  if (kind < 0.76) return dice.between(HOUR, 47 * HOUR + 59 * MINUTE);
  return dice.between(48 * HOUR + MINUTE, 12 * DAY);
}

function visitCounters(
  dice: Dice,
  communityId: string,
  origin: string,
  municipalities: { id: string; slug: string }[],
  scale: number,
): VisitCountRow[] {
  const pairs = pagePaths.flatMap((path) => elements.map((element) => ({ page: `${origin}${path}`, element })));
  // A fixed shuffle, so popularity does not follow the alphabet.
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = dice.between(0, i);
    [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
  }
  const municipalityOf = (slug: string) => municipalities.find((m) => m.slug === slug)?.id ?? '';
  const municipalityOdds = { '': 60, noord: 25, oost: 10, west: 5 };
  const rows: VisitCountRow[] = [];
  for (let day = DATA_FROM; day <= DATA_TO; day = addDays(day, 1)) {
    const live = Math.min(pairs.length, Math.round(livePairsPerMonth[day.slice(5, 7)]! * scale));
    for (const [rank, pair] of pairs.slice(0, live).entries()) {
      if (!dice.chance(0.65 / (1 + rank / 10))) continue;
      const first = municipalityOf(dice.weighted(municipalityOdds));
      const count = () => 1 + Math.floor(dice.random() * 14 * (1 / (1 + rank / 8)));
      rows.push({ community_id: communityId, day, municipality_id: first, ...pair, count: count() });
      // Sometimes the same page also showed the element for another municipality that day.
      const second = municipalityOf(dice.weighted(municipalityOdds));
      if (second !== first && dice.chance(0.2)) {
        rows.push({ community_id: communityId, day, municipality_id: second, ...pair, count: count() });
      }
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// The independent reckoning: raw SQL over the tables, then the suppression rules.
// ---------------------------------------------------------------------------------------------------------------

export interface Period {
  from: string;
  to: string;
}

export type BucketSize = 'DAY' | 'WEEK' | 'MONTH';

/** Up to 31 days by day, up to 184 by week (7-day chunks from `from`), longer by calendar month clipped. */
export function bucketsOf(period: Period): { size: BucketSize; buckets: Period[] } {
  const n = daysInclusive(period.from, period.to);
  const size: BucketSize = n <= 31 ? 'DAY' : n <= 184 ? 'WEEK' : 'MONTH';
  const buckets: Period[] = [];
  for (let from = period.from; from <= period.to;) {
    const end = size === 'DAY' ? from : size === 'WEEK' ? addDays(from, 6) : lastDayOfMonth(from);
    const to = end < period.to ? end : period.to;
    buckets.push({ from, to });
    from = addDays(to, 1);
  }
  return { size, buckets };
}

export function previousPeriodOf(period: Period): Period {
  const n = daysInclusive(period.from, period.to);
  return { from: addDays(period.from, -n), to: addDays(period.from, -1) };
}

const shift = (period: Period, days: number): Period => ({
  from: addDays(period.from, days),
  to: addDays(period.to, days),
});

/** The UTC instants of a period: from its first Dutch midnight up to (not including) the one after its last day. */
const instantsOf = (period: Period) => ({
  start: startOfDutchDay(period.from),
  end: startOfDutchDay(addDays(period.to, 1)),
});

interface Scope {
  communityId: string;
  /** Null for the whole community. */
  municipalityId: string | null;
}

/** What the tables hold for one period, before anything is suppressed. */
export interface Measured {
  questions: number;
  answers: number;
  expertAnswered: number;
  resolved: number;
  unanswered: number;
  /** Hours to the first published answer, one per question that has one. */
  hoursToFirstAnswer: number[];
  hoursToFirstExpertAnswer: number[];
  visits: number;
  /** In the community's topic order. */
  topics: number[];
  /** Municipalities in their order, then questions without one; with a filter only that municipality. */
  municipalities: number[];
  buckets: number[];
  /** `page\u0000element` → visits. */
  pages: Map<string, number>;
}

const count = (value: unknown) => Number(value ?? 0);

async function measure(
  db: Kysely<Database>,
  scope: Scope,
  period: Period,
  buckets: Period[],
  topicIds: string[],
  municipalityIds: string[],
  now: Date,
): Promise<Measured> {
  const { start, end } = instantsOf(period);
  const inMunicipality = (column: string): RawBuilder<unknown> =>
    scope.municipalityId === null ? sql`` : sql` AND ${sql.ref(column)} = ${scope.municipalityId}`;
  const periodQuestions = (from: string, to: string) =>
    sql`q.community_id = ${scope.communityId} AND q.publication = 'PUBLISHED'
      AND q.created_at >= ${from} AND q.created_at < ${to}${inMunicipality('q.municipality_id')}`;
  const one = async (query: RawBuilder<{ n: unknown }>) => count((await query.execute(db)).rows[0]?.n);

  const questions = await one(sql`SELECT COUNT(*) AS n FROM questions q WHERE ${periodQuestions(start, end)}`);
  const answers = await one(sql`
    SELECT COUNT(*) AS n FROM answers a JOIN questions q ON q.id = a.question_id
    WHERE q.community_id = ${scope.communityId} AND q.publication = 'PUBLISHED' AND a.publication = 'PUBLISHED'
      AND a.created_at >= ${start} AND a.created_at < ${end}${inMunicipality('q.municipality_id')}`);
  const expertAnswered = await one(sql`
    SELECT COUNT(*) AS n FROM questions q WHERE ${periodQuestions(start, end)} AND EXISTS (
      SELECT 1 FROM answers a WHERE a.question_id = q.id AND a.publication = 'PUBLISHED' AND a.author_role = 'EXPERT')`);
  const resolved = await one(
    sql`SELECT COUNT(*) AS n FROM questions q WHERE ${periodQuestions(start, end)} AND q.status = 'RESOLVED'`,
  );

  const firsts = await sql<{ created_at: string; first_answer: string | null; first_expert_answer: string | null }>`
    SELECT q.created_at,
      (SELECT MIN(a.created_at) FROM answers a WHERE a.question_id = q.id AND a.publication = 'PUBLISHED')
        AS first_answer,
      (SELECT MIN(a.created_at) FROM answers a
        WHERE a.question_id = q.id AND a.publication = 'PUBLISHED' AND a.author_role = 'EXPERT') AS first_expert_answer
    FROM questions q WHERE ${periodQuestions(start, end)}`.execute(db);
  const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR;
  const oldEnough = now.getTime() - 48 * HOUR;
  let unanswered = 0;
  const hoursToFirstAnswer: number[] = [];
  const hoursToFirstExpertAnswer: number[] = [];
  for (const row of firsts.rows) {
    if (row.first_answer) hoursToFirstAnswer.push(hoursBetween(row.created_at, row.first_answer));
    if (row.first_expert_answer) hoursToFirstExpertAnswer.push(hoursBetween(row.created_at, row.first_expert_answer));
    const asked = Date.parse(row.created_at);
    const answeredInTime = row.first_answer !== null && Date.parse(row.first_answer) <= asked + 48 * HOUR;
    if (asked <= oldEnough && !answeredInTime) unanswered++;
  }

  const byTopic = await sql<{ topic_id: string; n: unknown }>`
    SELECT q.topic_id, COUNT(*) AS n FROM questions q WHERE ${periodQuestions(start, end)} GROUP BY q.topic_id`.execute(
    db,
  );
  const topicCount = new Map(byTopic.rows.map((r) => [r.topic_id, count(r.n)]));
  const byMunicipality = await sql<{ municipality_id: string | null; n: unknown }>`
    SELECT q.municipality_id, COUNT(*) AS n FROM questions q WHERE ${periodQuestions(start, end)}
    GROUP BY q.municipality_id`.execute(db);
  const municipalityCount = new Map(byMunicipality.rows.map((r) => [r.municipality_id, count(r.n)]));
  const municipalityRows =
    scope.municipalityId === null
      ? [...municipalityIds.map((id) => municipalityCount.get(id) ?? 0), municipalityCount.get(null) ?? 0]
      : [municipalityCount.get(scope.municipalityId) ?? 0];

  const bucketCounts: number[] = [];
  for (const bucket of buckets) {
    const window = instantsOf(bucket);
    bucketCounts.push(
      await one(sql`SELECT COUNT(*) AS n FROM questions q WHERE ${periodQuestions(window.start, window.end)}`),
    );
  }

  const visitFilter = sql`community_id = ${scope.communityId} AND day >= ${period.from} AND day <= ${period.to}${inMunicipality(
    'municipality_id',
  )}`;
  const visits = await one(sql`SELECT SUM(count) AS n FROM visit_counts WHERE ${visitFilter}`);
  const pageRows = await sql<{ page: string; element: string; n: unknown }>`
    SELECT page, element, SUM(count) AS n FROM visit_counts WHERE ${visitFilter} GROUP BY page, element`.execute(db);

  return {
    questions,
    answers,
    expertAnswered,
    resolved,
    unanswered,
    hoursToFirstAnswer,
    hoursToFirstExpertAnswer,
    visits,
    topics: topicIds.map((id) => topicCount.get(id) ?? 0),
    municipalities: municipalityRows,
    buckets: bucketCounts,
    pages: new Map(pageRows.rows.map((r) => [`${r.page}\u0000${r.element}`, count(r.n)])),
  };
}

// Suppression, written from the rules in issue 7 (not from the service).

export const THRESHOLD = 5;

/** One count of one column on its way through the rules. */
class Cell {
  suppressed = false;
  /** Suppressed by rule 1: the count itself is below 5. */
  primary = false;
  constructor(
    readonly value: number,
    /** The same count for the whole community, in a report for one municipality. */
    readonly unfiltered?: number,
  ) {}
}

interface Group {
  total: Cell;
  rows: Cell[];
  /** Rows left out by the 50-row cap: hidden as well, never shown. */
  cut: number;
}

/** The counts of one column (this period or the previous one) that the rules treat together. */
interface Column {
  questions: Cell;
  answers: Cell;
  unanswered: Cell;
  visits: Cell;
  topics: Cell[];
  municipalities: Cell[];
  buckets: Cell[];
  pages: Cell[];
  pagesCut: number;
}

const cellsOf = (column: Column) => [
  column.questions,
  column.answers,
  column.unanswered,
  column.visits,
  ...column.topics,
  ...column.municipalities,
  ...column.buckets,
  ...column.pages,
];

function groupsOf(column: Column): Group[] {
  return [
    { total: column.questions, rows: column.topics, cut: 0 },
    { total: column.questions, rows: column.municipalities, cut: 0 },
    { total: column.questions, rows: column.buckets, cut: 0 },
    { total: column.visits, rows: column.pages, cut: column.pagesCut },
  ];
}

/** Rule 2: with the total shown, the hidden rows must hold at least 5 together, and not exactly 4 each. */
function revealsHidden(group: Group): boolean {
  const hidden = group.rows.filter((row) => row.suppressed);
  // A hidden total is revealed by rows that are all shown.
  if (group.total.suppressed) return group.cut === 0 && group.rows.length > 0 && hidden.length === 0;
  const hiddenCells = hidden.length + group.cut;
  if (hiddenCells === 0) return false;
  // One hidden row alone equals the total minus the shown rows, whatever hid it.
  if (group.cut === 0 && hidden.length === 1) return true;
  const hiddenSum = group.total.value - sum(group.rows.filter((row) => !row.suppressed).map((row) => row.value));
  const allPrimary = group.cut === 0 && hidden.every((row) => row.primary);
  return hiddenSum < THRESHOLD || (allPrimary && hiddenSum === 4 * hiddenCells);
}

function protectGroups(column: Column): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groupsOf(column)) {
      while (revealsHidden(group)) {
        const visible = group.rows.filter((row) => !row.suppressed);
        if (visible.length === 0) group.total.suppressed = true;
        else visible.reduce((smallest, row) => (row.value <= smallest.value ? row : smallest)).suppressed = true;
        changed = true;
      }
    }
  }
}

function suppressColumn(column: Column, filtered: boolean, questionsTotal: number): void {
  for (const cell of cellsOf(column)) {
    if (cell.value < THRESHOLD) cell.suppressed = cell.primary = true;
  }
  // Rule 3 for the one count that is a part of the questions total.
  if (questionsTotal - column.unanswered.value < THRESHOLD) column.unanswered.suppressed = true;
  protectGroups(column);
  if (!filtered) return;
  // Rule 5: "the whole community minus this municipality" must not be a small number either.
  for (const cell of cellsOf(column)) {
    if (cell.unfiltered === undefined) throw new Error('a filtered cell needs its unfiltered count');
    if (cell.unfiltered - cell.value < THRESHOLD) cell.suppressed = true;
  }
  protectGroups(column);
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface ExpectedCount {
  value: number | null;
  suppressed: boolean;
  label: string;
}
export interface ExpectedFigure {
  current: ExpectedCount;
  previous: ExpectedCount;
}
export interface ExpectedShare {
  value: number | null;
  suppressed: boolean;
}
export interface ExpectedDuration {
  hours: number | null;
  suppressed: boolean;
}

/** The report as the API must return it (without `generatedAt` and the duration labels, whose wording is free). */
export interface ExpectedReport {
  period: Period;
  previousPeriod: Period;
  municipality: { slug: string; name: string } | null;
  suppressionThreshold: number;
  questions: ExpectedFigure;
  answers: ExpectedFigure;
  expertAnsweredShare: { current: ExpectedShare; previous: ExpectedShare };
  resolvedShare: { current: ExpectedShare; previous: ExpectedShare };
  medianHoursToFirstAnswer: { current: ExpectedDuration; previous: ExpectedDuration };
  medianHoursToFirstExpertAnswer: { current: ExpectedDuration; previous: ExpectedDuration };
  unansweredAfter48Hours: ExpectedFigure;
  visits: ExpectedFigure;
  questionsByTopic: { topic: { slug: string; name: string }; questions: ExpectedFigure; titles: string[] }[];
  questionsByMunicipality: { municipality: { slug: string; name: string } | null; questions: ExpectedFigure }[];
  bucketSize: BucketSize;
  questionsOverTime: { period: Period; questions: ExpectedCount; previous: ExpectedCount }[];
  visitsByPage: { page: string; element: string; visits: ExpectedFigure }[];
}

/** What the raw tables say, kept next to the expectation for the checks that no hidden count can be worked out. */
export interface Reckoning {
  expected: ExpectedReport;
  current: Measured;
  previous: Measured;
  /** Page/element pairs of this period left out by the 50-row cap. */
  pagesCut: number;
}

export const SUPPRESSED_LABEL_NL = 'minder dan 5';

const shown = (cell: Cell): ExpectedCount =>
  cell.suppressed
    ? { value: null, suppressed: true, label: SUPPRESSED_LABEL_NL }
    : { value: cell.value, suppressed: false, label: String(cell.value) };

export const MAX_TITLES = 10;
export const MAX_PAGE_ROWS = 50;

/**
 * The report for `period` (and, when given, one municipality's slug), reckoned from the tables with this file's own
 * SQL and suppression. `now` is the service's clock at the request (it decides which questions are 48 hours old).
 */
export async function reckonReport(
  db: Kysely<Database>,
  communityId: string,
  period: Period,
  municipalitySlug: string | null,
  now: Date,
): Promise<Reckoning> {
  const topics = await sql<{ id: string; slug: string; name: string }>`
    SELECT id, slug, name FROM topics WHERE community_id = ${communityId} ORDER BY position`.execute(db);
  const municipalities = await sql<{ id: string; slug: string; name: string }>`
    SELECT id, slug, name FROM municipalities WHERE community_id = ${communityId} ORDER BY position`.execute(db);
  const municipality = municipalitySlug ? municipalities.rows.find((m) => m.slug === municipalitySlug) : undefined;
  if (municipalitySlug && !municipality) throw new Error(`unknown municipality ${municipalitySlug}`);
  const previousPeriod = previousPeriodOf(period);
  const { size, buckets } = bucketsOf(period);
  const n = daysInclusive(period.from, period.to);
  const previousBuckets = buckets.map((bucket) => shift(bucket, -n));
  const topicIds = topics.rows.map((t) => t.id);
  const municipalityIds = municipalities.rows.map((m) => m.id);

  const scope: Scope = { communityId, municipalityId: municipality?.id ?? null };
  const whole: Scope = { communityId, municipalityId: null };
  const at = (s: Scope, p: Period, b: Period[]) => measure(db, s, p, b, topicIds, municipalityIds, now);
  const current = await at(scope, period, buckets);
  const previous = await at(scope, previousPeriod, previousBuckets);
  const filtered = municipality !== undefined;
  const wholeCurrent = filtered ? await at(whole, period, buckets) : undefined;
  const wholePrevious = filtered ? await at(whole, previousPeriod, previousBuckets) : undefined;

  // The page rows: this period's pairs, most visits first, then page and element; the rest is cut.
  const pageKeys = [...current.pages.entries()]
    .sort(([a, x], [b, y]) => y - x || compare(a.split('\u0000')[0]!, b.split('\u0000')[0]!) || compare(a, b))
    .map(([key]) => key);
  const listedPages = pageKeys.slice(0, MAX_PAGE_ROWS);
  const pagesCut = pageKeys.length - listedPages.length;

  const columnOf = (measured: Measured, wholeMeasured: Measured | undefined): Column => {
    const cell = (value: number, unfiltered: (m: Measured) => number) =>
      new Cell(value, wholeMeasured ? unfiltered(wholeMeasured) : undefined);
    return {
      questions: cell(measured.questions, (w) => w.questions),
      answers: cell(measured.answers, (w) => w.answers),
      unanswered: cell(measured.unanswered, (w) => w.unanswered),
      visits: cell(measured.visits, (w) => w.visits),
      topics: measured.topics.map((value, i) => cell(value, (w) => w.topics[i]!)),
      // With a filter the one municipality row is the filtered total, so its whole-community counterpart is the
      // whole community's total (comparing it with itself would hide a number the total shows anyway).
      municipalities: measured.municipalities.map((value, i) =>
        cell(value, (w) => (filtered ? w.questions : w.municipalities[i]!)),
      ),
      buckets: measured.buckets.map((value, i) => cell(value, (w) => w.buckets[i]!)),
      pages: listedPages.map((key) => cell(measured.pages.get(key) ?? 0, (w) => w.pages.get(key) ?? 0)),
      pagesCut,
    };
  };
  const currentColumn = columnOf(current, wholeCurrent);
  const previousColumn = columnOf(previous, wholePrevious);
  suppressColumn(currentColumn, filtered, current.questions);
  suppressColumn(previousColumn, filtered, previous.questions);

  const figure = (pick: (column: Column) => Cell): ExpectedFigure => ({
    current: shown(pick(currentColumn)),
    previous: shown(pick(previousColumn)),
  });
  const share = (part: (m: Measured) => number) => {
    const one = (m: Measured, w: Measured | undefined): ExpectedShare => {
      const hidden =
        part(m) < THRESHOLD ||
        m.questions - part(m) < THRESHOLD ||
        (w !== undefined && w.questions - m.questions < THRESHOLD);
      return hidden ? { value: null, suppressed: true } : { value: part(m) / m.questions, suppressed: false };
    };
    return { current: one(current, wholeCurrent), previous: one(previous, wholePrevious) };
  };
  const duration = (hours: (m: Measured) => number[]) => {
    const one = (m: Measured, w: Measured | undefined): ExpectedDuration => {
      const hidden = hours(m).length < THRESHOLD || (w !== undefined && hours(w).length - hours(m).length < THRESHOLD);
      return hidden
        ? { hours: null, suppressed: true }
        : { hours: Math.round(median(hours(m)) * 10) / 10, suppressed: false };
    };
    return { current: one(current, wholeCurrent), previous: one(previous, wholePrevious) };
  };

  const questionsByTopic: ExpectedReport['questionsByTopic'] = [];
  for (const [i, topic] of topics.rows.entries()) {
    const questions = figure((column) => column.topics[i]!);
    questionsByTopic.push({
      topic: { slug: topic.slug, name: topic.name },
      questions,
      titles: questions.current.suppressed ? [] : await titlesOf(db, scope, topic.id, period),
    });
  }

  const expected: ExpectedReport = {
    period,
    previousPeriod,
    municipality: municipality ? { slug: municipality.slug, name: municipality.name } : null,
    suppressionThreshold: THRESHOLD,
    questions: figure((column) => column.questions),
    answers: figure((column) => column.answers),
    expertAnsweredShare: share((m) => m.expertAnswered),
    resolvedShare: share((m) => m.resolved),
    medianHoursToFirstAnswer: duration((m) => m.hoursToFirstAnswer),
    medianHoursToFirstExpertAnswer: duration((m) => m.hoursToFirstExpertAnswer),
    unansweredAfter48Hours: figure((column) => column.unanswered),
    visits: figure((column) => column.visits),
    questionsByTopic,
    questionsByMunicipality: (municipality ? [municipality] : [...municipalities.rows, null]).map((m, i) => ({
      municipality: m ? { slug: m.slug, name: m.name } : null,
      questions: figure((column) => column.municipalities[i]!),
    })),
    bucketSize: size,
    questionsOverTime: buckets.map((bucket, i) => ({
      period: bucket,
      questions: shown(currentColumn.buckets[i]!),
      previous: shown(previousColumn.buckets[i]!),
    })),
    visitsByPage: listedPages.map((key, i) => {
      const [page, element] = key.split('\u0000') as [string, string];
      return {
        page,
        element,
        visits: { current: shown(currentColumn.pages[i]!), previous: shown(previousColumn.pages[i]!) },
      };
    }),
  };
  return { expected, current, previous, pagesCut };
}

/** Code-unit order: what `ORDER BY` gives on SQLite and on a PostgreSQL database with the C collation. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first, at most 10, leaving out every title in which the personal-data finder finds anything. */
async function titlesOf(db: Kysely<Database>, scope: Scope, topicId: string, period: Period): Promise<string[]> {
  const { start, end } = instantsOf(period);
  const municipality = scope.municipalityId === null ? sql`` : sql` AND municipality_id = ${scope.municipalityId}`;
  const rows = await sql<{ title: string }>`
    SELECT title FROM questions
    WHERE community_id = ${scope.communityId} AND topic_id = ${topicId} AND publication = 'PUBLISHED'
      AND created_at >= ${start} AND created_at < ${end}${municipality}
    ORDER BY created_at DESC`.execute(db);
  return rows.rows
    .map((row) => row.title)
    .filter((title) => findPersonalData(title).length === 0)
    .slice(0, MAX_TITLES);
}
