import {
  AnswerQuestionDocument,
  type AnswerQuestionInput,
  type AnswerQuestionMutation,
  AskQuestionDocument,
  type AskQuestionInput,
  type AskQuestionMutation,
  CommunityOverviewDocument,
  type CommunityOverviewQuery,
  QuestionAnswersDocument,
  type QuestionAnswersQuery,
  QuestionsListDocument,
  type QuestionsListQuery,
  type QuestionsListQueryVariables,
  QuestionThreadDocument,
  type QuestionThreadQuery,
  SimilarQuestionsDocument,
  type SimilarQuestionsQuery,
  type TypedDocumentString,
} from '@plein/schema';
import { ClientError, GraphQLClient } from 'graphql-request';
import { ResponseCache } from './cache.ts';
import { kindOfCode, PleinError, type PleinErrorKind } from './errors.ts';
import { type ClientLocale, errorMessages } from './messages.ts';
import { defaultRetryPolicy, type RetryPolicy, withRetries } from './retry.ts';

export interface PleinClientOptions {
  /** The GraphQL endpoint, for example https://community.example.nl/graphql. */
  endpoint: string;
  /** The community's slug, for example `eemsdelta`. */
  community: string;
  locale?: ClientLocale;
  /** A bearer token for signed-in experts, moderators and staff; citizens need none. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  fetch?: typeof fetch;
  /** A call that takes longer fails with kind `timeout`. Default 15 s. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** How long lists and threads are served from memory. Default 30 s. */
  cacheTtlMs?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export type CommunityOverview = NonNullable<CommunityOverviewQuery['community']>;
export type QuestionPage = NonNullable<QuestionsListQuery['community']>['questions'];
export type QuestionSummary = QuestionPage['edges'][number]['node'];
export type QuestionThread = NonNullable<QuestionThreadQuery['question']>;
export type AnswerPage = QuestionThread['answers'];
export type AnswerNode = AnswerPage['edges'][number]['node'];
export type SimilarQuestion = NonNullable<SimilarQuestionsQuery['community']>['similarQuestions'][number];
export type AskQuestionPayload = AskQuestionMutation['askQuestion'];
export type AnswerQuestionPayload = AnswerQuestionMutation['answerQuestion'];
export type QuestionsQuery = Omit<QuestionsListQueryVariables, 'community'>;
export type AskQuestionFields = Omit<AskQuestionInput, 'community'>;
export type AnswerQuestionFields = AnswerQuestionInput;

/** Fired on the client after a write, so every element on the page can show fresh data. */
export class PleinDataChangeEvent extends Event {
  constructor(
    readonly change: 'question-asked' | 'answer-posted',
    readonly questionId: string,
  ) {
    super('plein-data-change');
  }
}

export interface PleinClient extends EventTarget {
  readonly endpoint: string;
  readonly community: string;
  readonly locale: ClientLocale;
  communityOverview(options?: CallOptions): Promise<CommunityOverview>;
  questions(query: QuestionsQuery, options?: CallOptions): Promise<QuestionPage>;
  question(id: string, options?: CallOptions & { first?: number }): Promise<QuestionThread>;
  moreAnswers(id: string, after: string, options?: CallOptions & { first?: number }): Promise<AnswerPage>;
  similarQuestions(text: string, options?: CallOptions & { first?: number }): Promise<SimilarQuestion[]>;
  askQuestion(fields: AskQuestionFields, options?: CallOptions): Promise<AskQuestionPayload>;
  answerQuestion(fields: AnswerQuestionFields, options?: CallOptions): Promise<AnswerQuestionPayload>;
  /** A random key for one submit; send the same key on every retry of that submit. */
  newIdempotencyKey(): string;
}

type Variables = Record<string, unknown>;

/** `Operation|id|variables`: the operation name and id first, so a write can drop every cached page it changes. */
function cacheKey(document: { toString(): string }, variables: Variables): string {
  const name = /(?:query|mutation)\s+(\w+)/.exec(String(document))?.[1] ?? 'operation';
  const sorted = Object.fromEntries(Object.entries(variables).sort(([a], [b]) => a.localeCompare(b)));
  return `${name}|${typeof variables.id === 'string' ? variables.id : ''}|${JSON.stringify(sorted)}`;
}

/** A signal that aborts when the caller aborts or the time is up; `timedOut` tells which. */
function deadline(timeoutMs: number, outer?: AbortSignal) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}

/** Rejects as soon as the caller aborts, while the shared request it waits for goes on for others. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, abortError: () => Error): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

class GraphQLPleinClient extends EventTarget implements PleinClient {
  readonly endpoint: string;
  readonly community: string;
  readonly locale: ClientLocale;
  private readonly transport: GraphQLClient;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly cache: ResponseCache;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly getToken: PleinClientOptions['getToken'];

  constructor(options: PleinClientOptions) {
    super();
    this.endpoint = options.endpoint;
    this.community = options.community;
    this.locale = options.locale ?? 'nl';
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retryPolicy = options.retry ?? defaultRetryPolicy;
    this.getToken = options.getToken;
    this.cache = new ResponseCache(options.cacheTtlMs ?? 30_000);
    // No cookies and no credentials of the host page ever travel with a call (privacy by default).
    this.transport = new GraphQLClient(options.endpoint, {
      fetch: options.fetch,
      credentials: 'omit',
      mode: 'cors',
    });
  }

  async communityOverview(options: CallOptions = {}): Promise<CommunityOverview> {
    const data = await this.query(CommunityOverviewDocument, { community: this.community }, options);
    return this.found(data.community);
  }

  async questions(query: QuestionsQuery, options: CallOptions = {}): Promise<QuestionPage> {
    const data = await this.query(QuestionsListDocument, { ...query, community: this.community }, options);
    return this.found(data.community).questions;
  }

  async question(id: string, options: CallOptions & { first?: number } = {}): Promise<QuestionThread> {
    const data = await this.query(QuestionThreadDocument, { id, first: options.first ?? 20 }, options);
    return this.found(data.question);
  }

  async moreAnswers(id: string, after: string, options: CallOptions & { first?: number } = {}): Promise<AnswerPage> {
    const data: QuestionAnswersQuery = await this.query(
      QuestionAnswersDocument,
      { id, after, first: options.first ?? 20 },
      options,
    );
    return this.found(data.question).answers;
  }

  async similarQuestions(text: string, options: CallOptions & { first?: number } = {}): Promise<SimilarQuestion[]> {
    const variables = { community: this.community, text, first: options.first ?? 5 };
    const data = await this.query(SimilarQuestionsDocument, variables, options);
    return this.found(data.community).similarQuestions;
  }

  async askQuestion(fields: AskQuestionFields, options: CallOptions = {}): Promise<AskQuestionPayload> {
    const input = { ...fields, community: this.community };
    const { askQuestion } = await this.mutate(AskQuestionDocument, { input }, options);
    if (askQuestion.question) {
      this.cache.invalidate('QuestionsList|', 'CommunityOverview|', 'SimilarQuestions|');
      this.dispatchEvent(new PleinDataChangeEvent('question-asked', askQuestion.question.id));
    }
    return askQuestion;
  }

  async answerQuestion(fields: AnswerQuestionFields, options: CallOptions = {}): Promise<AnswerQuestionPayload> {
    const { answerQuestion } = await this.mutate(AnswerQuestionDocument, { input: fields }, options);
    if (answerQuestion.answer) {
      const id = String(fields.questionId);
      this.cache.invalidate(`QuestionThread|${id}|`, `QuestionAnswers|${id}|`, 'QuestionsList|');
      this.dispatchEvent(new PleinDataChangeEvent('answer-posted', id));
    }
    return answerQuestion;
  }

  newIdempotencyKey(): string {
    return crypto.randomUUID();
  }

  private found<T>(value: T | null | undefined): T {
    if (value === null || value === undefined) throw this.error('not-found');
    return value;
  }

  private error(kind: PleinErrorKind, code?: string, serverMessage?: string, cause?: unknown): PleinError {
    // Plein's server already words its refusals for people, in the caller's language; other texts stay internal.
    const useServerText =
      serverMessage && code && !['INTERNAL_SERVER_ERROR', 'GRAPHQL_VALIDATION_FAILED'].includes(code);
    return new PleinError(kind, useServerText ? serverMessage : errorMessages[this.locale][kind], code, { cause });
  }

  /** A query: served from cache when fresh, shared with an identical call in flight, retried on network failure. */
  private query<Result, Vars extends Variables>(
    document: TypedDocumentString<Result, Vars>,
    variables: Vars,
    options: CallOptions,
  ): Promise<Result> {
    const key = cacheKey(document, variables);
    const cached = this.cache.get<Result>(key);
    if (cached !== undefined) return Promise.resolve(cached);
    let shared = this.inFlight.get(key) as Promise<Result> | undefined;
    if (!shared) {
      shared = withRetries(() => this.send(document, variables), this.retryPolicy)
        .then((result) => {
          this.cache.set(key, result);
          return result;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, shared);
    }
    return untilAborted(shared, options.signal, () => this.error('aborted'));
  }

  /** A mutation: never cached or shared; retried only because its input carries an idempotency key. */
  private mutate<Result, Vars extends Variables>(
    document: TypedDocumentString<Result, Vars>,
    variables: Vars,
    options: CallOptions,
  ): Promise<Result> {
    return withRetries(() => this.send(document, variables, options.signal), this.retryPolicy, options.signal);
  }

  private async send<Result, Vars extends Variables>(
    document: TypedDocumentString<Result, Vars>,
    variables: Vars,
    signal?: AbortSignal,
  ): Promise<Result> {
    const token = await this.getToken?.();
    const headers: Record<string, string> = { 'accept-language': this.locale };
    if (token) headers.authorization = `Bearer ${token}`;
    const limit = deadline(this.timeoutMs, signal);
    try {
      return await this.transport.request<Result>({
        document: String(document),
        variables,
        requestHeaders: headers,
        signal: limit.signal,
      });
    } catch (error) {
      if (limit.timedOut()) throw this.error('timeout', undefined, undefined, error);
      if (signal?.aborted) throw this.error('aborted', undefined, undefined, error);
      if (error instanceof ClientError) {
        const first = error.response.errors?.[0];
        const code = first?.extensions?.code as string | undefined;
        const status = error.response.status;
        const kind = code ? kindOfCode(code) : status === 403 ? 'forbidden' : status >= 500 ? 'server' : 'bad-input';
        throw this.error(kind, code, first?.message, error);
      }
      throw this.error('network', undefined, undefined, error);
    } finally {
      limit.done();
    }
  }
}

/** Makes the data layer for one community. Elements get one through context or make one from their attributes. */
export function createPleinClient(options: PleinClientOptions): PleinClient {
  return new GraphQLPleinClient(options);
}
