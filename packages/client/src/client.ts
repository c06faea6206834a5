import {
  AcceptAnswerDocument,
  AnswerQuestionDocument,
  type AnswerQuestionInput,
  type AnswerQuestionMutation,
  AskQuestionDocument,
  type AskQuestionInput,
  type AskQuestionMutation,
  CommunityOverviewDocument,
  type CommunityOverviewQuery,
  DeleteQuestionDocument,
  EditQuestionDocument,
  type EditQuestionInput,
  type EditQuestionMutation,
  FollowQuestionDocument,
  type FollowQuestionMutation,
  MarkAnswerHelpfulDocument,
  type MarkAnswerHelpfulMutation,
  MyAnswersDocument,
  type MyAnswersQuery,
  MyQuestionsDocument,
  type MyQuestionsQuery,
  QuestionAnswersDocument,
  type QuestionAnswersQuery,
  QuestionsListDocument,
  type QuestionsListQuery,
  type QuestionsListQueryVariables,
  QuestionThreadDocument,
  type QuestionThreadQuery,
  ResolveQuestionDocument,
  SimilarQuestionsDocument,
  type SimilarQuestionsQuery,
  SituationsDocument,
  type SituationsQuery,
  type TypedDocumentString,
  limits,
} from '@plein/schema';
import { ClientError, GraphQLClient } from 'graphql-request';
import { ResponseCache } from './cache.ts';
import { answerTokensFor, deviceVoterKey, forgetOwnerToken, ownedTokens, ownerTokenFor } from './drafts.ts';
import { kindOfCode, PleinError, type PleinErrorKind } from './errors.ts';
import type { AnswerSnapshot, LiveAnswersOptions, LiveStatus, LiveSubscription } from './live.ts';
import { type ClientLocale, errorMessages, notOwnerMessages } from './messages.ts';
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
export type Situation = NonNullable<SituationsQuery['community']>['situations'][number];
export type MyQuestion = MyQuestionsQuery['myQuestions'][number];
export type MyAnswer = MyAnswersQuery['myAnswers'][number];
export type EditQuestionFields = Omit<EditQuestionInput, 'ownerToken'>;
/** What the asker's own actions return: the question as it is now, or errors to show. */
export type QuestionChangePayload = EditQuestionMutation['editQuestion'];
export type MarkAnswerHelpfulPayload = MarkAnswerHelpfulMutation['markAnswerHelpful'];
export type FollowQuestionPayload = FollowQuestionMutation['followQuestion'];
// Types only: the live module itself is loaded with import() on first use (see subscribeToAnswers).
export type { LiveAnswersOptions, LiveStatus, LiveSubscription } from './live.ts';

/** Fired on the client after a write, so every element on the page can show fresh data. */
export class PleinDataChangeEvent extends Event {
  constructor(
    readonly change: 'question-asked' | 'answer-posted' | 'question-changed' | 'question-deleted',
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
  /** Situations as entry points, each with its topic and count. */
  situations(options?: CallOptions): Promise<Situation[]>;
  /** The questions asked on this device (from the owner tokens it keeps), held ones included. */
  myQuestions(options?: CallOptions): Promise<MyQuestion[]>;
  /** The answers written on this device for one question, held ones included. */
  myAnswers(questionId: string, options?: CallOptions): Promise<MyAnswer[]>;
  /** True when this device asked the question (it keeps the owner token). */
  ownsQuestion(questionId: string): boolean;
  editQuestion(questionId: string, fields: EditQuestionFields, options?: CallOptions): Promise<QuestionChangePayload>;
  /** Removes the question for good; on success this device forgets its owner token. */
  deleteQuestion(questionId: string, options?: CallOptions): Promise<{ deleted: boolean; errors: UserErrorLike[] }>;
  resolveQuestion(questionId: string, options?: CallOptions): Promise<QuestionChangePayload>;
  acceptAnswer(questionId: string, answerId: string, options?: CallOptions): Promise<QuestionChangePayload>;
  markAnswerHelpful(questionId: string, answerId: string, options?: CallOptions): Promise<MarkAnswerHelpfulPayload>;
  followQuestion(questionId: string, email: string, options?: CallOptions): Promise<FollowQuestionPayload>;
  /**
   * New published answers on a question as they arrive: over a WebSocket (graphql-ws protocol) on the endpoint's
   * ws(s):// address, else by polling the thread every 30 s while it keeps trying to reconnect. The code for it is
   * loaded on first use. Call `close()` to stop the socket, the polling and every timer.
   */
  subscribeToAnswers(
    questionId: string,
    onAnswer: (answer: AnswerNode) => void,
    onStatusChange?: (status: LiveStatus) => void,
    options?: LiveAnswersOptions,
  ): LiveSubscription;
  /** A random key for one submit; send the same key on every retry of that submit. */
  newIdempotencyKey(): string;
}

type Variables = Record<string, unknown>;
type UserErrorLike = { field: string | null; code: string; message: string };
const noTokenError = (message: string): UserErrorLike => ({ field: null, code: 'NOT_OWNER', message });

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
    const variables = { id, first: options.first ?? 20, ownerToken: ownerTokenFor(id) ?? null };
    const data = await this.query(QuestionThreadDocument, variables, options);
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
      this.cache.invalidate('QuestionsList|', 'CommunityOverview|', 'SimilarQuestions|', 'Situations|', 'MyQuestions|');
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

  async situations(options: CallOptions = {}): Promise<Situation[]> {
    const data = await this.query(SituationsDocument, { community: this.community }, options);
    return this.found(data.community).situations;
  }

  async myQuestions(options: CallOptions = {}): Promise<MyQuestion[]> {
    const ownerTokens = ownedTokens();
    if (ownerTokens.length === 0) return [];
    return (await this.query(MyQuestionsDocument, { ownerTokens }, options)).myQuestions;
  }

  async myAnswers(questionId: string, options: CallOptions = {}): Promise<MyAnswer[]> {
    const ownerTokens = answerTokensFor(questionId);
    if (ownerTokens.length === 0) return [];
    return (await this.query(MyAnswersDocument, { ownerTokens }, options)).myAnswers;
  }

  ownsQuestion(questionId: string): boolean {
    return ownerTokenFor(questionId) !== undefined;
  }

  async editQuestion(questionId: string, fields: EditQuestionFields, options: CallOptions = {}) {
    const ownerToken = ownerTokenFor(questionId);
    if (!ownerToken) return { question: null, errors: [noTokenError(notOwnerMessages[this.locale])] };
    const input = { ...fields, questionId, ownerToken };
    const { editQuestion } = await this.mutate(EditQuestionDocument, { input }, options);
    return this.changed(questionId, editQuestion);
  }

  async deleteQuestion(questionId: string, options: CallOptions = {}) {
    const ownerToken = ownerTokenFor(questionId);
    if (!ownerToken) return { deleted: false, errors: [noTokenError(notOwnerMessages[this.locale])] };
    const { deleteQuestion } = await this.mutate(
      DeleteQuestionDocument,
      { input: { questionId, ownerToken } },
      options,
    );
    const deleted = deleteQuestion.deletedQuestionId === questionId;
    if (deleted) {
      forgetOwnerToken(questionId);
      this.invalidateQuestion(questionId);
      this.dispatchEvent(new PleinDataChangeEvent('question-deleted', questionId));
    }
    return { deleted, errors: deleteQuestion.errors };
  }

  async resolveQuestion(questionId: string, options: CallOptions = {}) {
    const ownerToken = ownerTokenFor(questionId);
    if (!ownerToken) return { question: null, errors: [noTokenError(notOwnerMessages[this.locale])] };
    const input = { questionId, ownerToken };
    const { resolveQuestion } = await this.mutate(ResolveQuestionDocument, { input }, options);
    return this.changed(questionId, resolveQuestion);
  }

  async acceptAnswer(questionId: string, answerId: string, options: CallOptions = {}) {
    const ownerToken = ownerTokenFor(questionId);
    if (!ownerToken) return { question: null, errors: [noTokenError(notOwnerMessages[this.locale])] };
    const { acceptAnswer } = await this.mutate(AcceptAnswerDocument, { input: { answerId, ownerToken } }, options);
    return this.changed(questionId, acceptAnswer);
  }

  async markAnswerHelpful(questionId: string, answerId: string, options: CallOptions = {}) {
    const input = { answerId, voterKey: deviceVoterKey() };
    const { markAnswerHelpful } = await this.mutate(MarkAnswerHelpfulDocument, { input }, options);
    if (markAnswerHelpful.counted)
      this.cache.invalidate(`QuestionThread|${questionId}|`, `QuestionAnswers|${questionId}|`);
    return markAnswerHelpful;
  }

  async followQuestion(questionId: string, email: string, options: CallOptions = {}) {
    const { followQuestion } = await this.mutate(FollowQuestionDocument, { input: { questionId, email } }, options);
    return followQuestion;
  }

  subscribeToAnswers(
    questionId: string,
    onAnswer: (answer: AnswerNode) => void,
    onStatusChange: (status: LiveStatus) => void = () => undefined,
    options: LiveAnswersOptions = {},
  ): LiveSubscription {
    let subscription: LiveSubscription | undefined;
    let closed = false;
    const poll = async (signal: AbortSignal): Promise<AnswerSnapshot> => {
      // A poll must reach the server: the cached thread is what the page already shows.
      this.cache.invalidate(`QuestionThread|${questionId}|`);
      const { answers } = await this.question(questionId, { signal, first: limits.pageSize.max });
      const nodes = answers.edges.map((edge) => edge.node);
      return { answers: nodes, totalCount: answers.totalCount, complete: !answers.pageInfo.hasNextPage };
    };
    const url = new URL(this.endpoint, globalThis.location?.href);
    url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
    import('./live.ts').then(
      (live) => {
        if (!closed)
          subscription = live.subscribeToAnswers(questionId, onAnswer, onStatusChange, {
            ...options,
            url: url.href,
            poll,
          });
      },
      () => onStatusChange('closed'),
    );
    return {
      close: () => {
        closed = true;
        subscription?.close();
      },
    };
  }

  newIdempotencyKey(): string {
    return crypto.randomUUID();
  }

  private changed(questionId: string, payload: QuestionChangePayload): QuestionChangePayload {
    if (payload.question) {
      this.invalidateQuestion(questionId);
      this.dispatchEvent(new PleinDataChangeEvent('question-changed', questionId));
    }
    return payload;
  }

  private invalidateQuestion(questionId: string): void {
    this.cache.invalidate(
      `QuestionThread|${questionId}|`,
      `QuestionAnswers|${questionId}|`,
      'QuestionsList|',
      'CommunityOverview|',
      'MyQuestions|',
      'Situations|',
      'SimilarQuestions|',
    );
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
