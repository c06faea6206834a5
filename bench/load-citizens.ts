/**
 * The simulated citizens of the load bench (bench/load.bench.ts): each one loops without pause over what a visitor of
 * the widget does (read the question list, sometimes the next page, open a thread, search) and now and then asks a
 * question in Dutch, over keep-alive HTTP. Every answer is checked, so a fast error is never counted as a fast read.
 */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
  AskQuestionDocument,
  type AskQuestionMutation,
  QuestionThreadDocument,
  type QuestionThreadQuery,
  QuestionsListDocument,
  type QuestionsListQuery,
} from '@plein/schema';
import { eemsdelta } from '../packages/server/src/seed/eemsdelta.ts';

/** What a citizen does; `next-page` is the question list after a cursor. */
export type Operation = 'list' | 'next-page' | 'thread' | 'search' | 'ask';
export const operations: readonly Operation[] = ['list', 'next-page', 'thread', 'search', 'ask'];

/** The share of each action in a citizen's loop; asking is one in ten, as the brief asks. */
const actionWeights: readonly [Operation, number][] = [
  ['list', 0.3],
  ['next-page', 0.1],
  ['thread', 0.35],
  ['search', 0.15],
  ['ask', 0.1],
];

/**
 * A new visitor takes a citizen's place (a new `Plein-Device` key) after this many questions: the moderation
 * pipeline allows 20 posts per device in 10 minutes (DEFAULT_POSTS_PER_WINDOW), and a person asks a few at most.
 */
export const ASKS_PER_DEVICE = 10;

/** Every request and its outcome: latencies while measuring, errors always (warm-up included). */
export class LoadRecorder {
  /** False during the warm-up and after the end: latencies are then not kept, errors are. */
  measuring = false;
  readonly latencies = new Map<Operation, number[]>(operations.map((operation) => [operation, []]));
  /** Errors by operation and reason, for example `ask: HTTP 429`. */
  readonly errors = new Map<string, number>();
  /** One full example per reason, to find out why. */
  readonly errorExamples = new Map<string, string>();
  requestsUnmeasured = 0;

  record(operation: Operation, milliseconds: number, error?: { reason: string; detail: string }): void {
    if (error) {
      const key = `${operation}: ${error.reason}`;
      this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
      if (!this.errorExamples.has(key)) this.errorExamples.set(key, error.detail.slice(0, 600));
    }
    if (this.measuring) this.latencies.get(operation)!.push(milliseconds);
    else this.requestsUnmeasured++;
  }

  /** Every request answered or failed, warm-up included. */
  requests(): number {
    let count = this.requestsUnmeasured;
    for (const latencies of this.latencies.values()) count += latencies.length;
    return count;
  }

  errorCount(operation?: Operation): number {
    let count = 0;
    for (const [key, value] of this.errors) if (!operation || key.startsWith(`${operation}:`)) count += value;
    return count;
  }
}

/** Every question sent, by idempotency key: the id the server acknowledged, or null when it did not. */
export type AskLedger = Map<string, string | null>;

/** What every citizen of one setup shares. */
export interface LoadContext {
  /** The instances, by base URL; citizen i talks to instance i mod n. */
  instanceUrls: string[];
  community: string;
  recorder: LoadRecorder;
  asks: AskLedger;
  /** Prefix of this run's idempotency keys, so the database check finds exactly this run's questions. */
  keyPrefix: string;
  /** performance.now() at which citizens stop starting new actions. */
  stopAt: number;
}

interface Response {
  status: number;
  text: string;
}

/** One keep-alive agent per instance: each citizen keeps its connection, as a browser tab does. */
const agents = new Map<string, Agent>();
function agentFor(url: string): Agent {
  let agent = agents.get(url);
  if (!agent) agents.set(url, (agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 })));
  return agent;
}

/** Closes the kept-alive connections, so the servers can stop without waiting for them. */
export function closeConnections(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

function postGraphql(baseUrl: string, body: string, deviceKey: string): Promise<Response> {
  const url = new URL('/graphql', baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent: agentFor(baseUrl),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'plein-device': deviceKey,
        },
        timeout: 30_000,
      },
      (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (text += chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text }));
        incoming.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 30 s')));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** A small seeded generator (mulberry32), so a citizen's choices repeat from run to run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedQuestions = eemsdelta.questions;
const openings = ['Goedemiddag,', 'Hallo allemaal,', 'Beste mensen,', 'Ik heb een vraag.', 'Goedemorgen,', ''];
const closings = [
  'Alvast bedankt voor uw hulp.',
  'Wie kan mij dit uitleggen?',
  'Ik hoor graag van iemand met ervaring.',
  'Bedankt voor het lezen.',
  'Weet iemand waar ik dit kan nalezen?',
  '',
];
/** Search words as citizens type them, taken from the demo's titles (words of six letters or more). */
const searchWords = [
  ...new Set(
    seedQuestions.flatMap((question) =>
      question.title
        .toLowerCase()
        .split(/[^\p{L}-]+/u)
        .filter((word) => word.length >= 6),
    ),
  ),
].sort();

/**
 * A question in the demo's words, varied: another opening and closing, the sentences from another starting point.
 * Consecutive questions of one citizen come from different demo questions, so a device never repeats itself (the
 * pipeline refuses a repeated post).
 */
function questionText(citizen: number, askNumber: number, random: () => number) {
  const seed = seedQuestions[(citizen * 7 + askNumber) % seedQuestions.length]!;
  const sentences = seed.body.match(/[^.!?]+[.!?]+/g) ?? [seed.body];
  const start = Math.floor(random() * Math.min(sentences.length, 3));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const body = [pick(openings), ...sentences.slice(start), ...sentences.slice(0, start), pick(closings)]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
  return { topic: seed.topic, title: seed.title, body, displayName: seed.displayName ?? null };
}

type Check<T> = (data: T) => string | null;

/** Runs one citizen until `context.stopAt`; never throws (every failure is an error in the recorder). */
export async function runCitizen(context: LoadContext, citizen: number): Promise<void> {
  const random = seededRandom(citizen + 1);
  const baseUrl = context.instanceUrls[citizen % context.instanceUrls.length]!;
  const newDevice = () => randomBytes(18).toString('base64url');
  let deviceKey = newDevice();
  let asked = 0;
  let cursor: string | null = null;
  /** Threads this citizen can open: from the last list it read, and its own questions with their owner token. */
  let listedIds: string[] = [];
  const ownQuestions: { id: string; ownerToken: string }[] = [];

  /** Sends, times and checks one request; returns the data when the answer is a success, else undefined. */
  const send = async <T>(operation: Operation, query: string, variables: unknown, check: Check<T>) => {
    const body = JSON.stringify({ query, variables });
    const startedAt = performance.now();
    let response: Response;
    try {
      response = await postGraphql(baseUrl, body, deviceKey);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      context.recorder.record(operation, performance.now() - startedAt, { reason: 'network', detail: message });
      return undefined;
    }
    const milliseconds = performance.now() - startedAt;
    const fail = (reason: string) => {
      context.recorder.record(operation, milliseconds, { reason, detail: `${response.status} ${response.text}` });
      return undefined;
    };
    if (response.status !== 200) return fail(`HTTP ${response.status}`);
    let parsed: { data?: T | null; errors?: { extensions?: { code?: string } }[] };
    try {
      parsed = JSON.parse(response.text) as typeof parsed;
    } catch {
      return fail('not JSON');
    }
    if (parsed.errors?.length) return fail(`GraphQL ${parsed.errors[0]?.extensions?.code ?? 'error'}`);
    if (!parsed.data) return fail('no data');
    const problem = check(parsed.data);
    if (problem) return fail(problem);
    context.recorder.record(operation, milliseconds);
    return parsed.data;
  };

  const readList = async (operation: 'list' | 'next-page' | 'search', variables: Record<string, unknown>) => {
    const data = await send<QuestionsListQuery>(
      operation,
      String(QuestionsListDocument),
      { community: context.community, ...variables },
      (data) => (data.community ? null : 'no community'),
    );
    const connection = data?.community?.questions;
    if (!connection) return;
    if (connection.edges.length > 0) listedIds = connection.edges.map((edge) => edge.node.id);
    if (operation !== 'search') cursor = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  };

  const openThread = async () => {
    // One in four threads opened is the citizen's own question, read back as its owner with the owner token.
    const own = ownQuestions.length > 0 && random() < 0.25 ? ownQuestions[ownQuestions.length - 1] : undefined;
    const id = own?.id ?? listedIds[Math.floor(random() * listedIds.length)];
    if (!id) return readList('list', { first: 20 });
    await send<QuestionThreadQuery>(
      'thread',
      String(QuestionThreadDocument),
      { id, first: 20, ownerToken: own?.ownerToken ?? null },
      (data) => (data.question?.id === id ? null : 'question not found'),
    );
  };

  const ask = async () => {
    if (asked > 0 && asked % ASKS_PER_DEVICE === 0) deviceKey = newDevice();
    const key = `${context.keyPrefix}${citizen}-${asked}`;
    const text = questionText(citizen, asked, random);
    asked++;
    context.asks.set(key, null);
    const data = await send<AskQuestionMutation>(
      'ask',
      String(AskQuestionDocument),
      {
        input: {
          community: context.community,
          ...text,
          idempotencyKey: key,
          // The form was on screen for five seconds: the pipeline refuses forms sent within three.
          antiSpam: { honeypot: '', fillMs: 5000 },
        },
      },
      (data) => {
        const payload = data.askQuestion;
        if (payload.errors.length > 0) return `payload ${payload.errors.map((error) => error.code).join(',')}`;
        return payload.question?.id && payload.ownerToken ? null : 'no question id';
      },
    );
    const payload = data?.askQuestion;
    if (payload?.question && payload.ownerToken) {
      context.asks.set(key, payload.question.id);
      ownQuestions.push({ id: payload.question.id, ownerToken: payload.ownerToken });
    }
  };

  while (performance.now() < context.stopAt) {
    let roll = random();
    const action = actionWeights.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'list';
    if (action === 'ask') await ask();
    else if (action === 'thread') await openThread();
    else if (action === 'search') {
      await readList('search', { search: searchWords[Math.floor(random() * searchWords.length)], first: 10 });
    } else if (action === 'next-page' && cursor) await readList('next-page', { first: 20, after: cursor });
    else await readList('list', { first: 20 });
  }
}
