import {
  AcceptAnswerDocument,
  AnswerQuestionDocument,
  ApproveContentDocument,
  AuditLogDocument,
  type AuditLogQuery,
  BlockAuthorDocument,
  type BlockScope,
  type AnswerQuestionInput,
  type AnswerQuestionMutation,
  AskQuestionDocument,
  type AskQuestionInput,
  type AskQuestionMutation,
  AskPrivateQuestionDocument,
  type AskPrivateQuestionInput,
  type AskPrivateQuestionMutation,
  type AppointmentSlotFieldsFragment,
  BookAppointmentDocument,
  type BookAppointmentInput,
  type BookAppointmentMutation,
  CancelAppointmentDocument,
  type CancelAppointmentMutation,
  ContactDocument,
  type ContactQuery,
  PrivateThreadDocument,
  type PrivateThreadQuery,
  AdvisorAgendaDocument,
  type AdvisorAgendaQuery,
  AnswerPrivateQuestionDocument,
  type AnswerPrivateQuestionMutation,
  type PrivateQuestionFieldsFragment,
  PrivateQuestionsDocument,
  PublishSlotsDocument,
  type PublishSlotsInput,
  type PublishSlotsMutation,
  RemoveSlotDocument,
  ClaimQuestionDocument,
  type ClaimQuestionMutation,
  CommunityOverviewDocument,
  type CommunityOverviewQuery,
  type ContentKind,
  DeleteQuestionDocument,
  EditQuestionDocument,
  type EditQuestionInput,
  type EditQuestionMutation,
  ExpertProfileDocument,
  type ExpertProfileFragment,
  ExpertsDirectoryDocument,
  type ExpertsDirectoryQuery,
  ExpertInboxDocument,
  type ExpertInboxQuery,
  FlagContentDocument,
  type FlagContentMutation,
  type FlagReason,
  HideContentDocument,
  FollowQuestionDocument,
  type FollowQuestionMutation,
  MarkAnswerHelpfulDocument,
  type MarkAnswerHelpfulMutation,
  type ModerationItemFieldsFragment,
  ModerationQueueDocument,
  type ModerationQueueQuery,
  ModerationSettingsDocument,
  type ModerationSettingsInput,
  type ModerationSettingsQuery,
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
  RedactContentDocument,
  RejectContentDocument,
  ReleaseClaimDocument,
  type ReleaseClaimMutation,
  type ReportData,
  ReportDocument,
  type ReportFrequency,
  ReportScheduleDocument,
  type ReportScheduleFieldsFragment,
  RequestSignInLinkDocument,
  type RequestSignInLinkMutation,
  ResolveQuestionDocument,
  type SignInResultFragment,
  SignInDocument,
  SignInWithLinkDocument,
  SignInWithPortalTokenDocument,
  SetReportScheduleDocument,
  type SetReportScheduleMutation,
  SignOutDocument,
  SimilarQuestionsDocument,
  type SimilarQuestionsQuery,
  SituationsDocument,
  type SituationsQuery,
  type TypedDocumentString,
  ViewerDocument,
  type ViewerFieldsFragment,
  UpdateModerationSettingsDocument,
  type UpdateModerationSettingsMutation,
  UpdateMyProfileDocument,
  type UpdateMyProfileInput,
  type UpdateMyProfileMutation,
  limits,
} from '@plein/schema';
import { ClientError, GraphQLClient } from 'graphql-request';
import { ResponseCache } from './cache.ts';
import {
  answerTokensFor,
  deviceKey,
  deviceVoterKey,
  forgetOwnerToken,
  hasFlagged,
  ownedTokens,
  ownerTokenFor,
  rememberFlagged,
} from './drafts.ts';
import { kindOfCode, PleinError, type PleinErrorKind } from './errors.ts';
import type { AnswerSnapshot, LiveAnswersOptions, LiveStatus, LiveSubscription } from './live.ts';
import { type ClientLocale, errorMessages, notOwnerMessages } from './messages.ts';
import { defaultRetryPolicy, type RetryPolicy, withRetries } from './retry.ts';
import { type SessionChangeReason, type SessionInfo, SessionStore, sessionViewerOf } from './session.ts';
import { VisitCounter } from './visits.ts';

export interface PleinClientOptions {
  /** The GraphQL endpoint, for example https://community.example.nl/graphql. */
  endpoint: string;
  /** The community's slug, for example `eemsdelta`. */
  community: string;
  locale?: ClientLocale;
  /**
   * A bearer token for signed-in experts, moderators and staff; citizens need none. Without it the client uses the
   * session its own sign-in methods keep (sessionStorage, per endpoint and community).
   */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  fetch?: typeof fetch;
  /** A call that takes longer fails with kind `timeout`. Default 15 s. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** How long lists and threads are served from memory. Default 30 s. */
  cacheTtlMs?: number;
  /** The municipality the page serves (a slug of the community): the anonymous visit counts name it. */
  municipality?: string;
  /** Anonymous visit counts (`countVisit`); false sends none. Default true. */
  visits?: boolean;
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
/** An expert's public profile: who they are, whether they are independent, and their verification. */
export type ExpertProfile = ExpertProfileFragment;
export type ExpertPage = NonNullable<ExpertsDirectoryQuery['community']>['experts'];
export interface ExpertsQuery {
  /** A topic's slug: only experts for that topic. */
  topic?: string | null;
  first?: number;
  after?: string | null;
}
export type UpdateMyProfileFields = UpdateMyProfileInput;
export type UpdateMyProfilePayload = UpdateMyProfileMutation['updateMyProfile'];
/** Who is signed in, with their expert profile: what the Viewer query and the sign-in mutations return. */
export type PleinViewer = ViewerFieldsFragment;
/** The result of a sign-in: the session (its token stays inside the client), or errors to show as they are. */
export interface SignInOutcome {
  session: SessionInfo | null;
  errors: UserErrorLike[];
}
export type RequestSignInLinkPayload = RequestSignInLinkMutation['requestSignInLink'];
export type InboxPage = NonNullable<ExpertInboxQuery['viewer']>['inbox'];
export type InboxQuestion = InboxPage['edges'][number]['node'];
export type QuestionClaim = NonNullable<InboxQuestion['claim']>;
export interface InboxQuery {
  first?: number;
  after?: string | null;
}
export type ClaimQuestionPayload = ClaimQuestionMutation['claimQuestion'];
export type ReleaseClaimPayload = ReleaseClaimMutation['releaseClaim'];
/** A question or answer, for flagging and for moderators' actions. */
export interface ContentRef {
  kind: ContentKind;
  id: string;
}
export type { BlockScope, ContentKind, FlagReason, PreModeration } from '@plein/schema';
export type FlagContentPayload = FlagContentMutation['flagContent'];
/** One question or answer that waits for a moderator: held, hidden or flagged, with the pipeline's findings. */
export type ModerationItem = ModerationItemFieldsFragment;
export type ModerationQueuePage = NonNullable<ModerationQueueQuery['viewer']>['moderationQueue'];
/** What a moderator's action returns: the item as it is now, or errors to show. */
export interface ModerationPayload {
  item: ModerationItem | null;
  errors: UserErrorLike[];
}
export interface RedactFields {
  /** The new title (questions only). */
  title?: string | null;
  body: string;
  /** What was removed (`name`, `phone`, `address`, `email`, `health`, `offensive`, `other`): logged, not the text. */
  removedKinds: string[];
}
export type AuditLogPage = NonNullable<AuditLogQuery['viewer']>['auditLog'];
export type AuditEntry = AuditLogPage['edges'][number]['node'];
export type ModerationSettings = NonNullable<NonNullable<ModerationSettingsQuery['viewer']>['moderationSettings']>;
export type ModerationSettingsFields = Omit<ModerationSettingsInput, 'community'>;
export type UpdateModerationSettingsPayload = UpdateModerationSettingsMutation['updateModerationSettings'];
export interface PageQuery {
  first?: number;
  after?: string | null;
}
/** A report's days (`YYYY-MM-DD`, Dutch time, both included) and optionally one municipality's slug. */
export interface ReportQuery {
  from: string;
  to: string;
  /** A municipality's slug: only its questions and visits. Null or absent for the whole community. */
  municipality?: string | null;
}
export type { ReportData, ReportFrequency } from '@plein/schema';
/** The report, and the community's municipalities to filter it by. */
export interface ReportResult {
  report: ReportData;
  municipalities: { slug: string; name: string }[];
}
/** When the report is e-mailed and to whom, and which staff accounts could receive it. */
export type ReportSchedule = ReportScheduleFieldsFragment;
export interface ReportScheduleFields {
  /** Null switches the e-mail off. */
  frequency: ReportFrequency | null;
  recipientIds: string[];
}
export type SetReportSchedulePayload = SetReportScheduleMutation['setReportSchedule'];
export type { SessionChangeReason, SessionInfo, SessionViewer } from './session.ts';
// Types only: the live module itself is loaded with import() on first use (see subscribeToAnswers).
export type { LiveAnswersOptions, LiveStatus, LiveSubscription } from './live.ts';
/** The community's topics and its contact channels; `contact.appointments.freeSlots` only when a topic was given. */
export type ContactInfo = NonNullable<ContactQuery['community']>;
export type ContactChannels = ContactInfo['contact'];
export type AdviceLine = NonNullable<ContactChannels['adviceLine']>;
/** A free time of an advisor, as `<plein-contact>` offers it. */
export type AppointmentSlot = AppointmentSlotFieldsFragment;
export interface ContactQueryOptions extends CallOptions {
  /** How many free slots to fetch for the topic (default 6). */
  slots?: number;
}
export type AskPrivateQuestionFields = Omit<AskPrivateQuestionInput, 'community'>;
export type AskPrivateQuestionPayload = AskPrivateQuestionMutation['askPrivateQuestion'];
/** A private question with the advisors' answers, as the citizen reads it through the secret link. */
export type PrivateThread = NonNullable<PrivateThreadQuery['privateThread']>;
export type BookAppointmentFields = BookAppointmentInput;
export type BookAppointmentPayload = BookAppointmentMutation['bookAppointment'];
export type BookedAppointment = NonNullable<BookAppointmentPayload['appointment']>;
export type CancelAppointmentPayload = CancelAppointmentMutation['cancelAppointment'];
/** A private e-mail question as the advisors of its topic see it in their inbox, with their answers. */
export type PrivateQuestion = PrivateQuestionFieldsFragment;
export type AnswerPrivateQuestionPayload = AnswerPrivateQuestionMutation['answerPrivateQuestion'];
/** An expert's booked appointments from today on, and their own free slots from now on; both soonest first. */
export type AdvisorAgenda = Omit<NonNullable<AdvisorAgendaQuery['viewer']>, 'id'>;
/** A booked appointment, as its advisor sees it: with the citizen's name, e-mail address and note. */
export type Appointment = AdvisorAgenda['appointments'][number];
export type PublishSlotsFields = Omit<PublishSlotsInput, 'community'>;
/** The slots just published (`publishSlots`) or the free slots left (`removeSlot`), or errors to show. */
export type SlotsPayload = PublishSlotsMutation['publishSlots'];
export interface ListQueryOptions extends CallOptions {
  first?: number;
}

/** Fired on the client after a write, so every element on the page can show fresh data. */
export class PleinDataChangeEvent extends Event {
  constructor(
    readonly change: 'question-asked' | 'answer-posted' | 'question-changed' | 'question-deleted',
    readonly questionId: string,
  ) {
    super('plein-data-change');
  }
}

/**
 * Fired on the client when someone signs in or out, or the session ends (expired, or refused by the server), so every
 * element on the page shows what fits the new viewer. Cached responses are dropped before it fires.
 */
export class PleinSessionChangeEvent extends Event {
  constructor(
    readonly reason: SessionChangeReason,
    /** The session now, or undefined when nobody is signed in. */
    readonly session: SessionInfo | undefined,
  ) {
    super('plein-session-change');
  }
}

/** Fired on the client after a signed-in expert changed their profile, so every profile and directory can refresh. */
export class PleinExpertChangeEvent extends Event {
  constructor(readonly expert: ExpertProfile) {
    super('plein-expert-change');
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
  /**
   * Counts an element's first render in the anonymous visit counts: each tag once per page load, the tags of one
   * moment in one beacon, without any identifier (visits.ts). Does nothing when the `visits` option is false.
   */
  countVisit(element: string): void;
  /** The signed-in session of this endpoint and community (the token stays inside), or undefined. */
  currentSession(): SessionInfo | undefined;
  /** Who the server says is signed in, or null. A session the server no longer knows is forgotten. */
  viewer(options?: CallOptions): Promise<PleinViewer | null>;
  /** E-mail and password. On success the session is kept and `plein-session-change` fires. */
  signIn(email: string, password: string, options?: CallOptions): Promise<SignInOutcome>;
  /** Sends a sign-in link when the account exists; the answer is the same either way. */
  requestSignInLink(email: string, options?: CallOptions): Promise<RequestSignInLinkPayload>;
  /** Trades a sign-in link's token (`?plein-link=`) for a session. */
  signInWithLink(token: string, options?: CallOptions): Promise<SignInOutcome>;
  /** A host portal's signed token (JWT) for a citizen. The JWT itself is never stored. */
  signInWithPortalToken(jwt: string, options?: CallOptions): Promise<SignInOutcome>;
  /** A session token the server handed over another way (organisation sign-on, `#plein-session=`). */
  useSessionToken(token: string, options?: CallOptions): Promise<SignInOutcome>;
  /** Ends the session at the server, then always forgets it here. */
  signOut(options?: CallOptions): Promise<void>;
  /** For experts: open questions in their topics without an expert answer, oldest first. */
  expertInbox(query?: InboxQuery, options?: CallOptions): Promise<InboxPage>;
  /** "Ik pak deze op": claims a question for two hours. */
  claimQuestion(questionId: string, options?: CallOptions): Promise<ClaimQuestionPayload>;
  /** "Geef terug": releases the viewer's claim. */
  releaseClaim(questionId: string, options?: CallOptions): Promise<ReleaseClaimPayload>;
  /** One expert's public profile; fails with kind `not-found` when there is no such expert. */
  expertProfile(id: string, options?: CallOptions): Promise<ExpertProfile>;
  /** The community's experts, optionally for one topic, a page at a time (`first` is capped at 50 by the server). */
  experts(query?: ExpertsQuery, options?: CallOptions): Promise<ExpertPage>;
  /**
   * The signed-in expert changes their own profile (needs a bearer token from `getToken`). On success the cached
   * profiles, directories and threads are dropped and `plein-expert-change` fires on the client.
   */
  updateMyProfile(fields: UpdateMyProfileFields, options?: CallOptions): Promise<UpdateMyProfilePayload>;
  /**
   * Anyone: reports a question or answer to the moderators, with a reason and an optional note. This browser then
   * remembers it (`hasFlagged`), also when the server says it had already counted a flag from this device.
   */
  flagContent(
    content: ContentRef,
    reason: FlagReason,
    note?: string | null,
    options?: CallOptions,
  ): Promise<FlagContentPayload>;
  /** True when this browser reported the question or answer before. */
  hasFlagged(content: ContentRef): boolean;
  /** For moderators: held, hidden and flagged content, oldest first. */
  moderationQueue(query?: PageQuery, options?: CallOptions): Promise<ModerationQueuePage>;
  /** Publishes the content; its flags are closed. */
  approveContent(content: ContentRef, options?: CallOptions): Promise<ModerationPayload>;
  /** Refuses the content; its author sees `reason` through the owner token. */
  rejectContent(content: ContentRef, reason: string, options?: CallOptions): Promise<ModerationPayload>;
  /** Takes the content out of view. */
  hideContent(content: ContentRef, reason: string, options?: CallOptions): Promise<ModerationPayload>;
  /** Replaces the text and publishes it; the log keeps which kinds of thing were removed, not the text. */
  redactContent(content: ContentRef, fields: RedactFields, options?: CallOptions): Promise<ModerationPayload>;
  /** Refuses further posts from the device or the pseudonym that wrote the content. */
  blockAuthor(
    content: ContentRef,
    scope: BlockScope,
    reason: string,
    options?: CallOptions,
  ): Promise<ModerationPayload>;
  /** For staff, moderators and admins: the community's audit log, newest first. Read-only. */
  auditLog(query?: PageQuery, options?: CallOptions): Promise<AuditLogPage>;
  /** For moderators and admins: how the pipeline is set; null for a viewer who may not see it. */
  moderationSettings(options?: CallOptions): Promise<ModerationSettings | null>;
  /** For admins: changes the pipeline's settings. */
  updateModerationSettings(
    fields: ModerationSettingsFields,
    options?: CallOptions,
  ): Promise<UpdateModerationSettingsPayload>;
  /**
   * The community's topics and contact channels: the advice line with its status now, the private e-mail question
   * and appointments; with a topic also the next free slots for it. Public.
   */
  contact(topic?: string | null, options?: ContactQueryOptions): Promise<ContactInfo>;
  /** Asks a question privately; the citizen gets a confirmation e-mail with a secret link to the private thread. */
  askPrivateQuestion(fields: AskPrivateQuestionFields, options?: CallOptions): Promise<AskPrivateQuestionPayload>;
  /** A private question through its secret link; null when the id or the secret is wrong, or it was deleted. */
  privateThread(id: string, secret: string, options?: CallOptions): Promise<PrivateThread | null>;
  /** Books a free slot; a taken slot comes back as the user error `SLOT_TAKEN`. Free slots are fetched fresh after. */
  bookAppointment(fields: BookAppointmentFields, options?: CallOptions): Promise<BookAppointmentPayload>;
  /** Cancels an appointment with the token from the cancel link in the confirmation e-mail. */
  cancelAppointment(token: string, options?: CallOptions): Promise<CancelAppointmentPayload>;
  /** For verified experts: the private questions of their topics, unanswered first, then newest. */
  privateQuestions(options?: ListQueryOptions): Promise<PrivateQuestion[]>;
  /**
   * An expert answers a private question; the citizen gets an e-mail with the link. Sent once, never retried: a retry
   * after a lost response would send the citizen the answer twice.
   */
  answerPrivateQuestion(questionId: string, body: string, options?: CallOptions): Promise<AnswerPrivateQuestionPayload>;
  /** For experts: their booked appointments from today on and their own free slots, soonest first. */
  advisorAgenda(options?: ListQueryOptions): Promise<AdvisorAgenda>;
  /** An expert offers times for appointments; each lasts the community's appointment duration. */
  publishSlots(fields: PublishSlotsFields, options?: CallOptions): Promise<SlotsPayload>;
  /** An expert removes one of their own free slots (a booked one stays); returns the free slots left. */
  removeSlot(slotId: string, options?: CallOptions): Promise<SlotsPayload>;
  /**
   * For staff and admins: the anonymized report over `from`..`to` against the period before it, with the community's
   * municipalities. Fails with kind `unauthenticated` or `forbidden` for anyone else, `bad-input` for a bad period.
   */
  report(query: ReportQuery, options?: CallOptions): Promise<ReportResult>;
  /** For staff and admins: when the report is e-mailed, and to whom. */
  reportSchedule(options?: CallOptions): Promise<ReportSchedule>;
  /** For admins: sets how often the report is e-mailed (null: never) and to which staff accounts. */
  setReportSchedule(fields: ReportScheduleFields, options?: CallOptions): Promise<SetReportSchedulePayload>;
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
  private readonly session: SessionStore;
  /** True when the bearer token comes from the session kept here, not from the host's `getToken`. */
  private readonly usesOwnSession: boolean;
  /** Goes up at every session change: an answer to a request made before it is not cached. */
  private sessionGeneration = 0;
  /** Undefined when the host switched visit counts off. */
  private readonly visitCounter: VisitCounter | undefined;

  constructor(options: PleinClientOptions) {
    super();
    this.endpoint = options.endpoint;
    this.community = options.community;
    this.locale = options.locale ?? 'nl';
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retryPolicy = options.retry ?? defaultRetryPolicy;
    this.session = new SessionStore(options.endpoint, options.community);
    this.session.watch(this);
    this.usesOwnSession = !options.getToken;
    this.getToken = options.getToken ?? (() => this.session.get()?.token);
    this.cache = new ResponseCache(options.cacheTtlMs ?? 30_000);
    this.visitCounter = options.visits === false ? undefined : new VisitCounter(options);
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
      this.cache.invalidate(`QuestionThread|${id}|`, `QuestionAnswers|${id}|`, 'QuestionsList|', 'ExpertInbox|');
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

  countVisit(element: string): void {
    this.visitCounter?.count(element);
  }

  currentSession(): SessionInfo | undefined {
    const session = this.session.get();
    return session && { expiresAt: session.expiresAt, viewer: session.viewer };
  }

  /** Called by the session store when this endpoint's and community's session changed, from whichever client. */
  sessionChanged(reason: SessionChangeReason): void {
    this.sessionGeneration++;
    // Everything cached may be someone else's view: claims, the inbox, what a role may see.
    this.cache.invalidate('');
    this.inFlight.clear();
    this.dispatchEvent(new PleinSessionChangeEvent(reason, this.currentSession()));
  }

  async viewer(options: CallOptions = {}): Promise<PleinViewer | null> {
    const generation = this.sessionGeneration;
    const { viewer } = await this.query(ViewerDocument, {}, options);
    if (!viewer && this.usesOwnSession && generation === this.sessionGeneration) this.session.clear('unauthenticated');
    return viewer;
  }

  async signIn(email: string, password: string, options: CallOptions = {}): Promise<SignInOutcome> {
    const input = { community: this.community, email, password };
    const { signIn } = await this.mutate(SignInDocument, { input }, options);
    return this.keepSession(signIn);
  }

  async requestSignInLink(email: string, options: CallOptions = {}): Promise<RequestSignInLinkPayload> {
    const input = { community: this.community, email };
    return (await this.mutate(RequestSignInLinkDocument, { input }, options)).requestSignInLink;
  }

  async signInWithLink(token: string, options: CallOptions = {}): Promise<SignInOutcome> {
    const { signInWithLink } = await this.mutate(SignInWithLinkDocument, { token }, options);
    return this.keepSession(signInWithLink);
  }

  async signInWithPortalToken(jwt: string, options: CallOptions = {}): Promise<SignInOutcome> {
    const input = { community: this.community, token: jwt };
    const { signInWithPortalToken } = await this.mutate(SignInWithPortalTokenDocument, { input }, options);
    return this.keepSession(signInWithPortalToken);
  }

  async useSessionToken(token: string, options: CallOptions = {}): Promise<SignInOutcome> {
    const { viewer } = await withRetries(
      () => this.send(ViewerDocument, {}, options.signal, token),
      this.retryPolicy,
      options.signal,
    );
    if (!viewer || viewer.community.slug !== this.community) {
      const message = errorMessages[this.locale].unauthenticated;
      return { session: null, errors: [{ field: null, code: 'UNAUTHENTICATED', message }] };
    }
    return this.keepSession({ session: { token, expiresAt: viewer.sessionExpiresAt }, viewer, errors: [] });
  }

  async signOut(options: CallOptions = {}): Promise<void> {
    try {
      if (this.session.get() || !this.usesOwnSession) await this.mutate(SignOutDocument, {}, options);
    } catch {
      // The server ends the session at its expiry anyway; this browser forgets it now.
    } finally {
      this.session.clear('signed-out');
    }
  }

  async expertInbox(query: InboxQuery = {}, options: CallOptions = {}): Promise<InboxPage> {
    const variables = { first: query.first ?? limits.pageSize.default, after: query.after ?? null };
    const { viewer } = await this.query(ExpertInboxDocument, variables, options);
    if (!viewer) throw this.error('unauthenticated');
    return viewer.inbox;
  }

  async claimQuestion(questionId: string, options: CallOptions = {}): Promise<ClaimQuestionPayload> {
    const { claimQuestion } = await this.mutate(ClaimQuestionDocument, { questionId }, options);
    // Also on a refusal: another expert's claim means the cached inbox is out of date.
    this.cache.invalidate('ExpertInbox|');
    return claimQuestion;
  }

  async releaseClaim(questionId: string, options: CallOptions = {}): Promise<ReleaseClaimPayload> {
    const { releaseClaim } = await this.mutate(ReleaseClaimDocument, { questionId }, options);
    this.cache.invalidate('ExpertInbox|');
    return releaseClaim;
  }

  /** Keeps the session of a successful sign-in (which tells every client of this community); the token stays here. */
  private keepSession(payload: SignInResultFragment): SignInOutcome {
    const { session, viewer, errors } = payload;
    if (!session || !viewer) return { session: null, errors };
    const kept = { token: session.token, expiresAt: session.expiresAt, viewer: sessionViewerOf(viewer) };
    this.session.set(kept);
    return { session: { expiresAt: kept.expiresAt, viewer: kept.viewer }, errors };
  }

  async expertProfile(id: string, options: CallOptions = {}): Promise<ExpertProfile> {
    const data = await this.query(ExpertProfileDocument, { id }, options);
    return this.found(data.expert);
  }

  async experts(query: ExpertsQuery = {}, options: CallOptions = {}): Promise<ExpertPage> {
    const variables = {
      community: this.community,
      topic: query.topic || null,
      first: query.first ?? limits.pageSize.default,
      after: query.after ?? null,
    };
    const data = await this.query(ExpertsDirectoryDocument, variables, options);
    return this.found(data.community).experts;
  }

  async updateMyProfile(fields: UpdateMyProfileFields, options: CallOptions = {}): Promise<UpdateMyProfilePayload> {
    // Changing one's own profile twice gives the same result, so the usual retries are safe without a key.
    const { updateMyProfile } = await this.mutate(UpdateMyProfileDocument, { input: fields }, options);
    if (updateMyProfile.expert) {
      // Threads show the expert's name and title with each answer, and the viewer carries the profile too.
      this.cache.invalidate('ExpertProfile|', 'ExpertsDirectory|', 'Viewer|', 'QuestionThread|', 'QuestionAnswers|');
      this.dispatchEvent(new PleinExpertChangeEvent(updateMyProfile.expert));
    }
    return updateMyProfile;
  }

  async flagContent(content: ContentRef, reason: FlagReason, note?: string | null, options: CallOptions = {}) {
    const input = { content: { kind: content.kind, id: content.id }, reason, note: note?.trim() || null };
    const { flagContent } = await this.mutate(FlagContentDocument, { input }, options);
    if (flagContent.errors.length === 0) {
      rememberFlagged(content);
      // Enough flags hide the content: the next read of its thread, and the moderators' queue, must be fresh.
      if (content.kind === 'QUESTION') this.invalidateQuestion(content.id);
      else this.cache.invalidate('QuestionThread|', 'QuestionAnswers|');
      this.cache.invalidate('ModerationQueue|');
    }
    return flagContent;
  }

  hasFlagged(content: ContentRef): boolean {
    return hasFlagged(content);
  }

  async moderationQueue(query: PageQuery = {}, options: CallOptions = {}): Promise<ModerationQueuePage> {
    const variables = { first: query.first ?? limits.pageSize.default, after: query.after ?? null };
    const { viewer } = await this.query(ModerationQueueDocument, variables, options);
    if (!viewer) throw this.error('unauthenticated');
    return viewer.moderationQueue;
  }

  async approveContent(content: ContentRef, options: CallOptions = {}): Promise<ModerationPayload> {
    const input = { content: { kind: content.kind, id: content.id } };
    const { approveContent } = await this.mutate(ApproveContentDocument, { input }, options);
    return this.moderated(approveContent);
  }

  async rejectContent(content: ContentRef, reason: string, options: CallOptions = {}): Promise<ModerationPayload> {
    const input = { content: { kind: content.kind, id: content.id }, reason };
    const { rejectContent } = await this.mutate(RejectContentDocument, { input }, options);
    return this.moderated(rejectContent);
  }

  async hideContent(content: ContentRef, reason: string, options: CallOptions = {}): Promise<ModerationPayload> {
    const input = { content: { kind: content.kind, id: content.id }, reason };
    const { hideContent } = await this.mutate(HideContentDocument, { input }, options);
    return this.moderated(hideContent);
  }

  async redactContent(content: ContentRef, fields: RedactFields, options: CallOptions = {}) {
    const input = {
      content: { kind: content.kind, id: content.id },
      title: fields.title ?? null,
      body: fields.body,
      removedKinds: fields.removedKinds,
    };
    const { redactContent } = await this.mutate(RedactContentDocument, { input }, options);
    return this.moderated(redactContent);
  }

  async blockAuthor(content: ContentRef, scope: BlockScope, reason: string, options: CallOptions = {}) {
    const input = { content: { kind: content.kind, id: content.id }, scope, reason };
    const { blockAuthor } = await this.mutate(BlockAuthorDocument, { input }, options);
    return this.moderated(blockAuthor);
  }

  async auditLog(query: PageQuery = {}, options: CallOptions = {}): Promise<AuditLogPage> {
    const variables = { first: query.first ?? limits.pageSize.default, after: query.after ?? null };
    const { viewer } = await this.query(AuditLogDocument, variables, options);
    if (!viewer) throw this.error('unauthenticated');
    return viewer.auditLog;
  }

  async moderationSettings(options: CallOptions = {}): Promise<ModerationSettings | null> {
    const { viewer } = await this.query(ModerationSettingsDocument, {}, options);
    if (!viewer) throw this.error('unauthenticated');
    return viewer.moderationSettings;
  }

  async updateModerationSettings(fields: ModerationSettingsFields, options: CallOptions = {}) {
    const input = { ...fields, community: this.community };
    // Setting the same values twice gives the same result, so the usual retries are safe without a key.
    const { updateModerationSettings } = await this.mutate(UpdateModerationSettingsDocument, { input }, options);
    if (updateModerationSettings.settings) this.cache.invalidate('ModerationSettings|', 'AuditLog|');
    return updateModerationSettings;
  }

  async contact(topic?: string | null, options: ContactQueryOptions = {}): Promise<ContactInfo> {
    // The query needs a topic even when it asks for no slots; an empty one is never used then.
    const variables = {
      community: this.community,
      topic: topic || '',
      withSlots: Boolean(topic),
      slots: options.slots ?? 6,
    };
    const data = await this.query(ContactDocument, variables, options);
    return this.found(data.community);
  }

  async askPrivateQuestion(fields: AskPrivateQuestionFields, options: CallOptions = {}) {
    const input = { ...fields, community: this.community };
    // Retried safely: the input carries the form's idempotency key, so the server keeps one question.
    const { askPrivateQuestion } = await this.mutate(AskPrivateQuestionDocument, { input }, options);
    return askPrivateQuestion;
  }

  async privateThread(id: string, secret: string, options: CallOptions = {}): Promise<PrivateThread | null> {
    // Never cached or shared: the secret stays in this one request, and a reread shows a new answer at once.
    const { privateThread } = await withRetries(
      () => this.send(PrivateThreadDocument, { id, secret }, options.signal),
      this.retryPolicy,
      options.signal,
    );
    return privateThread;
  }

  async bookAppointment(fields: BookAppointmentFields, options: CallOptions = {}): Promise<BookAppointmentPayload> {
    try {
      const { bookAppointment } = await this.mutate(BookAppointmentDocument, { input: fields }, options);
      return bookAppointment;
    } finally {
      // Booked, taken by someone else or gone: the free slots shown so far are out of date either way.
      this.cache.invalidate('Contact|');
    }
  }

  async cancelAppointment(token: string, options: CallOptions = {}): Promise<CancelAppointmentPayload> {
    const { cancelAppointment } = await this.mutate(CancelAppointmentDocument, { token }, options);
    if (cancelAppointment.cancelled) this.cache.invalidate('Contact|');
    return cancelAppointment;
  }

  async privateQuestions(options: ListQueryOptions = {}): Promise<PrivateQuestion[]> {
    const { viewer } = await this.query(PrivateQuestionsDocument, { first: options.first ?? 20 }, options);
    if (!viewer) throw this.error('unauthenticated');
    return viewer.privateQuestions;
  }

  async answerPrivateQuestion(
    questionId: string,
    body: string,
    options: CallOptions = {},
  ): Promise<AnswerPrivateQuestionPayload> {
    // Not `mutate`: the input has no idempotency key, so a retry after a lost response would answer twice.
    const { answerPrivateQuestion } = await this.send(
      AnswerPrivateQuestionDocument,
      { input: { questionId, body } },
      options.signal,
      undefined,
      { device: true },
    );
    // Answered here or, on a refusal, perhaps by a colleague: the cached list is out of date either way.
    this.cache.invalidate('PrivateQuestions|');
    return answerPrivateQuestion;
  }

  async advisorAgenda(options: ListQueryOptions = {}): Promise<AdvisorAgenda> {
    const { viewer } = await this.query(AdvisorAgendaDocument, { first: options.first ?? 20 }, options);
    if (!viewer) throw this.error('unauthenticated');
    return { appointments: viewer.appointments, mySlots: viewer.mySlots };
  }

  async publishSlots(fields: PublishSlotsFields, options: CallOptions = {}): Promise<SlotsPayload> {
    const input = { ...fields, community: this.community };
    // Retried safely: publishing the same times again is refused as an overlap, never stored twice.
    const { publishSlots } = await this.mutate(PublishSlotsDocument, { input }, options);
    // The advisor's own list, and the free slots citizens are offered.
    if (publishSlots.errors.length === 0) this.cache.invalidate('AdvisorAgenda|', 'Contact|');
    return publishSlots;
  }

  async removeSlot(slotId: string, options: CallOptions = {}): Promise<SlotsPayload> {
    const { removeSlot } = await this.mutate(RemoveSlotDocument, { slotId }, options);
    // Also on a refusal: a slot that was booked meanwhile is an appointment now.
    this.cache.invalidate('AdvisorAgenda|', 'Contact|');
    return removeSlot;
  }

  async report(query: ReportQuery, options: CallOptions = {}): Promise<ReportResult> {
    const variables = {
      community: this.community,
      from: query.from,
      to: query.to,
      municipality: query.municipality || null,
    };
    const { report, municipalities } = this.found((await this.query(ReportDocument, variables, options)).community);
    return { report, municipalities };
  }

  async reportSchedule(options: CallOptions = {}): Promise<ReportSchedule> {
    const data = await this.query(ReportScheduleDocument, { community: this.community }, options);
    return this.found(data.community).reportSchedule;
  }

  async setReportSchedule(fields: ReportScheduleFields, options: CallOptions = {}) {
    const input = { community: this.community, frequency: fields.frequency, recipientIds: fields.recipientIds };
    // Setting the same schedule twice gives the same result, so the usual retries are safe without a key.
    const { setReportSchedule } = await this.mutate(SetReportScheduleDocument, { input }, options);
    // The change is written to the audit log too.
    if (setReportSchedule.schedule) this.cache.invalidate('ReportSchedule|', 'AuditLog|');
    return setReportSchedule;
  }

  /**
   * After a moderator's action: the queue and the log are out of date, and so is everything that shows the content
   * (its thread, the lists, the asker's "Mijn vragen"). Elements on the page hear it as a changed question.
   */
  private moderated(payload: ModerationPayload): ModerationPayload {
    if (payload.errors.length > 0) return payload;
    this.cache.invalidate('ModerationQueue|', 'AuditLog|');
    const questionId = payload.item?.question.id;
    if (questionId) {
      this.invalidateQuestion(questionId);
      this.dispatchEvent(new PleinDataChangeEvent('question-changed', questionId));
    } else {
      this.cache.invalidate('QuestionThread|', 'QuestionAnswers|', 'QuestionsList|', 'MyQuestions|');
    }
    return payload;
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
      const generation = this.sessionGeneration;
      const request: Promise<Result> = withRetries(() => this.send(document, variables), this.retryPolicy)
        .then((result) => {
          // An answer for the viewer before a sign-in or sign-out is not cached for the one after it.
          if (generation === this.sessionGeneration) this.cache.set(key, result);
          return result;
        })
        .finally(() => {
          if (this.inFlight.get(key) === request) this.inFlight.delete(key);
        });
      shared = request;
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
    const write = () => this.send(document, variables, options.signal, undefined, { device: true });
    return withRetries(write, this.retryPolicy, options.signal);
  }

  private async send<Result, Vars extends Variables>(
    document: TypedDocumentString<Result, Vars>,
    variables: Vars,
    signal?: AbortSignal,
    /** A bearer token for this call only, instead of the session's or the host's. */
    tokenForCall?: string,
    { device = false }: { device?: boolean } = {},
  ): Promise<Result> {
    const token = tokenForCall ?? (await this.getToken?.());
    // The server writes its messages in Dutch or English only; an Arabic page gets them in English.
    const headers: Record<string, string> = { 'accept-language': this.locale === 'ar' ? 'en' : this.locale };
    if (token) headers.authorization = `Bearer ${token}`;
    // Writes carry the browser's device key (see `deviceKey`): the server needs it for the repeat check, first-post
    // pre-moderation, rate limits and blocks. Reads need no identity, so they go without it: a reader stays
    // unrecognisable, and a public read stays the same request for everyone (a CDN can cache it without `Vary`).
    if (device) headers['plein-device'] = deviceKey();
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
        // The server no longer knows the session this call carried (expired, signed out elsewhere, revoked).
        if (kind === 'unauthenticated' && token && !tokenForCall && this.usesOwnSession) {
          if (this.session.get()?.token === token) this.session.clear('unauthenticated');
        }
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
