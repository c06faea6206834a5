/**
 * Fast seeding for the growth benchmarks: question and answer rows written straight through the store (so the search
 * index is filled exactly as the server fills it), many rows per transaction. Going through askQuestion would measure
 * the pipeline 100,000 times before the benchmark even starts.
 */
import type { AnswerRow, QuestionRow } from '../packages/server/src/store/database-schema.ts';
import type { PleinStore } from '../packages/server/src/store/store.ts';
import { hashToken, newId, newOwnerToken } from '../packages/server/src/services/secrets.ts';
import { answerText, questionText } from './growth-corpus.ts';

const MINUTE_MS = 60_000;
/** Rows per transaction: big enough that commits do not dominate, small enough to keep the WAL modest. */
const ROWS_PER_TRANSACTION = 2_000;

/** The community the benchmark grows, with the ids its rows refer to. */
export interface GrowthCommunity {
  id: string;
  slug: string;
  topicIds: Map<string, string>;
  municipalityIds: Map<string, string>;
}

/** Reads the ids of a seeded community's topics and municipalities. */
export async function growthCommunity(store: PleinStore, slug: string): Promise<GrowthCommunity> {
  const community = await store.communityBySlug(slug);
  if (!community) throw new Error(`community "${slug}" is not in the database`);
  const topics = await store.topics(community.id);
  const municipalities = await store.municipalities(community.id);
  return {
    id: community.id,
    slug,
    topicIds: new Map(topics.map((topic) => [topic.slug, topic.id])),
    municipalityIds: new Map(municipalities.map((municipality) => [municipality.slug, municipality.id])),
  };
}

/** Fields no seeded post has: no device, no pipeline finding, nothing waiting for a moderator. */
const unmoderated = { device_hash: null, findings: '[]', moderation_reason: null, flag_count: 0, waiting_since: null };

/**
 * A published, unanswered question. The n-th question is n × 5 minutes old, so the newest rows stay the newest
 * however many older ones are added later, and a cursor deep in the list points into the added history.
 */
function questionRow(community: GrowthCommunity, index: number, now: number): QuestionRow {
  const text = questionText(index);
  const topicId = community.topicIds.get(text.topic);
  if (!topicId) throw new Error(`unknown topic "${text.topic}"`);
  const createdAt = new Date(now - (index + 1) * 5 * MINUTE_MS).toISOString();
  return {
    id: newId(),
    community_id: community.id,
    topic_id: topicId,
    municipality_id: community.municipalityIds.get(text.municipality) ?? null,
    title: text.title,
    body: text.body,
    status: 'OPEN',
    author_display_name: 'Anoniem',
    author_role: 'CITIZEN',
    author_expert_id: null,
    owner_token_hash: hashToken(newOwnerToken()),
    idempotency_key: newId(),
    accepted_answer_id: null,
    answer_count: 0,
    has_expert_answer: 0,
    helpful_count: 0,
    created_at: createdAt,
    last_activity_at: createdAt,
    publication: 'PUBLISHED',
    edited_at: null,
    ...unmoderated,
  };
}

/**
 * Adds the questions numbered `from` up to (not including) `to`, ROWS_PER_TRANSACTION per transaction.
 * Calls `progress` after each transaction with the number written so far.
 */
export async function addQuestions(
  store: PleinStore,
  community: GrowthCommunity,
  range: { from: number; to: number },
  now: number,
  progress?: (written: number) => void,
): Promise<void> {
  for (let start = range.from; start < range.to; start += ROWS_PER_TRANSACTION) {
    const end = Math.min(range.to, start + ROWS_PER_TRANSACTION);
    await store.transaction(async (trx) => {
      for (let index = start; index < end; index++) await trx.insertQuestion(questionRow(community, index, now));
    });
    progress?.(end - range.from);
  }
}

/**
 * A question with `answerCount` published citizen answers, a minute apart, the newest an hour ago. Counters are set
 * as the server keeps them, so the thread's heading and paging see what they would in a real community.
 * Returns the question's id.
 */
export async function addThread(
  store: PleinStore,
  community: GrowthCommunity,
  answerCount: number,
  now: number,
): Promise<string> {
  const question = questionRow(community, answerCount, now);
  question.title = `Draad met ${answerCount} antwoorden: ${question.title}`.slice(0, 150);
  // Asked two hours before the first answer.
  question.created_at = new Date(now - (answerCount + 180) * MINUTE_MS).toISOString();
  question.answer_count = answerCount;
  question.last_activity_at = new Date(now - 60 * MINUTE_MS).toISOString();
  const answers: AnswerRow[] = Array.from({ length: answerCount }, (_, index) => ({
    id: newId(),
    question_id: question.id,
    body: answerText(index),
    author_display_name: `Inwoner ${index + 1}`,
    author_role: 'CITIZEN',
    author_expert_id: null,
    is_expert: 0,
    idempotency_key: newId(),
    helpful_count: index % 4,
    created_at: new Date(now - (60 + answerCount - index) * MINUTE_MS).toISOString(),
    publication: 'PUBLISHED',
    owner_token_hash: null,
    source_url: null,
    reviewed_on: null,
    hand_off: '[]',
    ...unmoderated,
  }));
  question.helpful_count = answers.reduce((sum, answer) => sum + answer.helpful_count, 0);
  await store.transaction(async (trx) => {
    await trx.insertQuestion(question);
    for (const answer of answers) await trx.insertAnswerRow(answer);
  });
  return question.id;
}
