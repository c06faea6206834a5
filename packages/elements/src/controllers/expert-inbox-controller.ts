import { Task } from '@lit/task';
import {
  createDraftStore,
  type DraftStore,
  type InboxPage,
  type InboxQuestion,
  type PleinClient,
  PleinError,
} from '@plein/client';
import { type HandOff, limits } from '@plein/schema';
import type { ReactiveControllerHost } from 'lit';
import { messageOf } from '../base/errors.ts';
import { handOffOf } from '../components/question/hand-off.ts';
import { AntiSpamSignals } from '../form/anti-spam.ts';
import { type FieldErrors, fieldErrorsFrom, hasErrors } from '../form/field-errors.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';
import { DataChangeController } from './data-change-controller.ts';
import { PagedList } from './paging.ts';

/** What the inbox asks the server for: as whom (the viewer's id, so a sign-in or sign-out reloads), and how many. */
export interface InboxRequest {
  client: PleinClient | undefined;
  /** The signed-in expert's id; undefined when nobody (or no expert) is signed in: then nothing is asked. */
  expertViewerId: string | undefined;
  pageSize: number;
}

export type ClaimOutcome = 'claimed' | 'released' | 'refused' | 'failed' | 'ignored';

/**
 * The list behind `<plein-expert-inbox>`: open questions in the expert's topics without an expert answer, oldest
 * first, page by page, with their claims. Claiming and releasing update a question in place; a claim another expert
 * got first ("ALREADY_CLAIMED") keeps the server's words beside the question and reloads the list. A question answered
 * elsewhere on the page reloads it; one answered here just leaves it.
 */
export class ExpertInboxController extends PagedList<InboxQuestion> {
  /** A claim or release on its way, per question. */
  readonly busy = new Map<string, 'claim' | 'release'>();
  /** The server's words about a question (a refused claim, a failed release), shown beside it. */
  readonly notices = new Map<string, string>();

  private readonly answeredHere = new Set<string>();
  protected readonly firstPage: Task<[PleinClient | undefined, string | undefined, number], InboxPage | undefined>;
  private readonly changes: DataChangeController;

  constructor(
    host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly request: () => InboxRequest,
  ) {
    super(host);
    this.changes = new DataChangeController(host, (event) => {
      if (event.change === 'answer-posted' && !this.answeredHere.has(event.questionId)) void this.reload();
    });
    this.firstPage = new Task(host, {
      args: () => {
        const { client, expertViewerId, pageSize } = this.request();
        return [client, expertViewerId, pageSize] as [PleinClient | undefined, string | undefined, number];
      },
      task: async ([client, expertViewerId, pageSize], { signal }) => {
        if (!client || !expertViewerId) {
          this.show(undefined);
          return undefined;
        }
        this.changes.listenTo(client);
        const page = await client.expertInbox({ first: pageSize }, { signal });
        if (!signal.aborted) this.show(page);
        return page;
      },
    });
  }

  /** The next page, added below. Returns the questions that were added. */
  loadMore(): Promise<InboxQuestion[]> {
    const { client, pageSize } = this.request();
    return this.loadNextPage(client && ((after) => client.expertInbox({ first: pageSize, after })));
  }

  /** "Ik pak deze op": two hours in which other experts see that the viewer works on it. */
  async claim(questionId: string): Promise<ClaimOutcome> {
    const { client } = this.request();
    if (!client || this.busy.has(questionId)) return 'ignored';
    return this.act(questionId, 'claim', async () => {
      const payload = await client.claimQuestion(questionId);
      if (payload.question?.claim) {
        this.update(questionId, { claim: payload.question.claim });
        return 'claimed';
      }
      return this.refused(questionId, payload.errors);
    });
  }

  /** "Geef terug": other experts can pick the question up again. */
  async release(questionId: string): Promise<ClaimOutcome> {
    const { client } = this.request();
    if (!client || this.busy.has(questionId)) return 'ignored';
    return this.act(questionId, 'release', async () => {
      const payload = await client.releaseClaim(questionId);
      if (payload.question) {
        this.update(questionId, { claim: null });
        return 'released';
      }
      return this.refused(questionId, payload.errors);
    });
  }

  /**
   * An answer from the inbox is on its way: when the client says it was posted, this list takes the question off
   * itself (`answered`) instead of loading everything again.
   */
  answering(questionId: string): void {
    this.answeredHere.add(questionId);
  }

  /** An answer posted from the inbox: the question leaves the list. */
  answered(questionId: string): void {
    this.answeredHere.add(questionId);
    const before = this.items.length;
    this.items = this.items.filter((question) => question.id !== questionId);
    if (this.items.length < before) this.totalCount = Math.max(this.totalCount - 1, 0);
    this.notices.delete(questionId);
    this.host.requestUpdate();
  }

  private async act(
    questionId: string,
    action: 'claim' | 'release',
    attempt: () => Promise<ClaimOutcome>,
  ): Promise<ClaimOutcome> {
    this.busy.set(questionId, action);
    this.notices.delete(questionId);
    this.host.requestUpdate();
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof PleinError && error.code === 'ALREADY_CLAIMED') {
        return this.refused(questionId, [{ code: error.code, message: error.message }]);
      }
      this.notices.set(questionId, messageOf(error, this.localize.t('expertInbox.actionFailed')));
      return 'failed';
    } finally {
      this.busy.delete(questionId);
      this.host.requestUpdate();
    }
  }

  /** The server said no: its words go beside the question, and a claim someone else got shows after a reload. */
  private async refused(questionId: string, errors: readonly { code: string; message: string }[]) {
    this.notices.set(questionId, errors[0]?.message ?? this.localize.t('expertInbox.actionFailed'));
    if (errors.some((error) => error.code === 'ALREADY_CLAIMED')) await this.reload();
    return 'refused' as const;
  }

  private update(questionId: string, changes: Partial<InboxQuestion>): void {
    this.items = this.items.map((question) => (question.id === questionId ? { ...question, ...changes } : question));
  }
}

/** What an inline answer remembers: the fields, and the key of a submit that may have landed. */
export interface InboxAnswerDraft {
  body: string;
  sourceUrl: string;
  reviewedOn: string;
  /** Next steps for the citizen under the answer ("Maak een afspraak"). */
  handOff: HandOff[];
  idempotencyKey?: string;
}

export interface InboxAnswerState extends InboxAnswerDraft {
  errors: FieldErrors;
  failure: unknown;
  sending: boolean;
}

export type InboxAnswerResult = 'posted' | 'invalid' | 'failed' | 'ignored';

/** Today as YYYY-MM-DD in the expert's own time zone: the latest "Gecontroleerd op" date. */
export function today(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/**
 * The inline answer forms of the inbox, one per question, each kept in sessionStorage while the expert types (a
 * reload loses nothing; gone when the tab closes). A submit gets an idempotency key that is kept, in the draft too,
 * until the answer is posted: a retry after a lost response never posts the answer twice. A failed submit keeps
 * every character.
 */
export class InboxAnswerForms {
  private readonly states = new Map<string, InboxAnswerState>();
  private readonly drafts = new Map<string, DraftStore<InboxAnswerDraft>>();
  private readonly signals = new Map<string, AntiSpamSignals>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly client: () => PleinClient | undefined,
  ) {}

  /** The form of one question, with its draft put back. */
  get(questionId: string): InboxAnswerState {
    let state = this.states.get(questionId);
    if (!state) {
      const saved = this.draft(questionId)?.load();
      state = {
        body: typeof saved?.body === 'string' ? saved.body : '',
        sourceUrl: typeof saved?.sourceUrl === 'string' ? saved.sourceUrl : '',
        reviewedOn: typeof saved?.reviewedOn === 'string' ? saved.reviewedOn : '',
        handOff: handOffOf(saved?.handOff),
        idempotencyKey: typeof saved?.idempotencyKey === 'string' ? saved.idempotencyKey : undefined,
        errors: {},
        failure: undefined,
        sending: false,
      };
      this.states.set(questionId, state);
    }
    return state;
  }

  /** The honeypot and fill time of one question's form, sent with its answer against bots. */
  antiSpam(questionId: string): AntiSpamSignals {
    let signals = this.signals.get(questionId);
    if (!signals) this.signals.set(questionId, (signals = new AntiSpamSignals()));
    return signals;
  }

  set(questionId: string, field: 'body' | 'sourceUrl' | 'reviewedOn', value: string): void {
    const state = this.get(questionId);
    state[field] = value;
    this.save(questionId, state);
    this.host.requestUpdate();
  }

  /** Ticks or clears one next step. */
  setHandOff(questionId: string, step: HandOff, chosen: boolean): void {
    const state = this.get(questionId);
    state.handOff = handOffOf(chosen ? [...state.handOff, step] : state.handOff.filter((other) => other !== step));
    this.save(questionId, state);
    this.host.requestUpdate();
  }

  async submit(questionId: string): Promise<InboxAnswerResult> {
    const client = this.client();
    const state = this.get(questionId);
    if (!client || state.sending) return 'ignored';
    state.failure = undefined;
    state.errors = this.validate(state);
    if (hasErrors(state.errors)) {
      this.host.requestUpdate();
      return 'invalid';
    }
    state.idempotencyKey ??= client.newIdempotencyKey();
    this.save(questionId, state);
    state.sending = true;
    this.host.requestUpdate();
    try {
      const payload = await client.answerQuestion({
        questionId,
        body: state.body.trim(),
        sourceUrl: state.sourceUrl.trim() || undefined,
        reviewedOn: state.reviewedOn || undefined,
        handOff: state.handOff.length > 0 ? state.handOff : undefined,
        idempotencyKey: state.idempotencyKey,
        antiSpam: this.antiSpam(questionId).signals(),
      });
      if (payload.answer) {
        this.states.delete(questionId);
        this.signals.delete(questionId);
        this.draft(questionId)?.clear();
        return 'posted';
      }
      state.errors = payload.errors.length
        ? fieldErrorsFrom(payload.errors)
        : { form: this.localize.t('expertInbox.form.notPosted') };
      return 'invalid';
    } catch (error) {
      state.failure = error;
      return 'failed';
    } finally {
      state.sending = false;
      this.host.requestUpdate();
    }
  }

  private draft(questionId: string): DraftStore<InboxAnswerDraft> | undefined {
    const client = this.client();
    if (!client) return undefined;
    const name = `expert-answer:${client.community}:${questionId}`;
    let draft = this.drafts.get(name);
    if (!draft) this.drafts.set(name, (draft = createDraftStore<InboxAnswerDraft>(name, 'session')));
    return draft;
  }

  private save(questionId: string, state: InboxAnswerState): void {
    const { body, sourceUrl, reviewedOn, handOff, idempotencyKey } = state;
    if (!body && !sourceUrl && !reviewedOn && handOff.length === 0 && !idempotencyKey) this.draft(questionId)?.clear();
    else this.draft(questionId)?.save({ body, sourceUrl, reviewedOn, handOff, idempotencyKey });
  }

  /** The server's rules, checked here first so the expert hears about them without a round trip. */
  private validate(state: InboxAnswerState): FieldErrors {
    const errors: FieldErrors = {};
    const body = state.body.trim();
    const { min, max } = limits.answerBody;
    if (!body) errors.body = this.localize.t('expertInbox.form.bodyRequired');
    else if (body.length < min) errors.body = this.localize.t('expertInbox.form.bodyTooShort', min);
    else if (body.length > max) errors.body = this.localize.t('expertInbox.form.bodyTooLong', max);
    const source = state.sourceUrl.trim();
    if (source && !isHttpsUrl(source)) errors.sourceUrl = this.localize.t('expertInbox.form.sourceInvalid');
    if (state.reviewedOn && state.reviewedOn > today()) {
      errors.reviewedOn = this.localize.t('expertInbox.form.reviewedOnFuture');
    }
    return errors;
  }
}

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}
