import { Task, TaskStatus } from '@lit/task';
import type {
  AuditEntry,
  AuditLogPage,
  ContentRef,
  ModerationItem,
  ModerationPayload,
  ModerationQueuePage,
  ModerationSettings,
  PleinClient,
  PreModeration,
} from '@plein/client';
import { limits } from '@plein/schema';
import type { ReactiveControllerHost } from 'lit';
import { messageOf } from '../base/errors.ts';
import type { FieldErrors } from '../form/field-errors.ts';
import { PersonalDataGuard, type PersonalDataFinding, type Redaction } from '../form/personal-data-guard.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';
import { PagedList } from './paging.ts';

/** The actions that open a small form under an item first; "Goedkeuren" needs none. */
export type PanelAction = 'reject' | 'hide' | 'redact' | 'block-device' | 'block-pseudonym';
export type QueueAction = 'approve' | PanelAction;

/** What a moderator can say they removed when editing; the log keeps these codes, never the removed text. */
export const removedKindChoices = ['name', 'phone', 'address', 'email', 'health', 'offensive', 'other'] as const;
export type RemovedKind = (typeof removedKindChoices)[number];

/** The personal-data check's kinds, as the moderator's checkboxes name them: ticked when "Verwijder" takes one out. */
const removedKindOf: Record<string, RemovedKind> = {
  name: 'name',
  phone: 'phone',
  email: 'email',
  'street-address': 'address',
  postcode: 'address',
};

/** The shortest and longest reason the server takes, in characters. */
export const REASON_MIN = 3;
export const REASON_MAX = 500;

/** One item's open form: what the moderator typed, kept after a failure until they send or cancel. */
export interface ActionPanel {
  action: PanelAction;
  reason: string;
  title: string;
  body: string;
  removedKinds: RemovedKind[];
  errors: FieldErrors;
  failure: unknown;
}

export type ActionOutcome =
  /** The item was decided and left the queue (a block also hides the post). */
  'done' | 'invalid' | 'failed' | 'ignored';

/** The question or answer an item is about. */
export function contentOf(item: ModerationItem): ContentRef {
  return item.kind === 'ANSWER' && item.answer
    ? { kind: 'ANSWER', id: item.answer.id }
    : { kind: 'QUESTION', id: item.question.id };
}

/** The text of an item: the answer's, or the question's. */
export function textOf(item: ModerationItem): string {
  return item.kind === 'ANSWER' && item.answer ? item.answer.body : item.question.body;
}

/** The server's field names ("reason", "input.reason", "removedKinds") as the form's. */
function fieldOf(field: string | null): string {
  const last = field?.split('.').at(-1);
  return last && ['reason', 'title', 'body', 'removedKinds'].includes(last) ? last : 'form';
}

export interface ModerationRequest {
  client: PleinClient | undefined;
  /** The signed-in moderator's id; undefined for anyone else: then nothing is asked. */
  moderatorId: string | undefined;
  pageSize: number;
}

/**
 * The queue behind `<plein-moderation>`: held, hidden and flagged content, oldest first, page by page. Each item has
 * at most one open form (reject, hide, edit, block) whose text survives a failed send. A decision takes the item off
 * the list; so does blocking its author, which also hides the post (the server's rule).
 */
export class ModerationQueueController extends PagedList<ModerationItem> {
  /** An action on its way, per item. */
  readonly busy = new Map<string, QueueAction>();
  /** The open form per item. */
  readonly panels = new Map<string, ActionPanel>();
  /** A failed approval, per item: the server's words or the client's. */
  readonly notices = new Map<string, string>();
  /** Personal data still in an edited text, per `<item id>|title` and `<item id>|body`. */
  readonly personalData: PersonalDataGuard<string>;

  protected readonly firstPage: Task<
    [PleinClient | undefined, string | undefined, number],
    ModerationQueuePage | undefined
  >;

  constructor(
    host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly request: () => ModerationRequest,
  ) {
    super(host);
    this.personalData = new PersonalDataGuard<string>(host);
    this.firstPage = new Task(host, {
      args: () => {
        const { client, moderatorId, pageSize } = this.request();
        return [client, moderatorId, pageSize] as [PleinClient | undefined, string | undefined, number];
      },
      task: async ([client, moderatorId, pageSize], { signal }) => {
        if (!client || !moderatorId) {
          this.show(undefined);
          return undefined;
        }
        const page = await client.moderationQueue({ first: pageSize }, { signal });
        if (!signal.aborted) this.show(page);
        return page;
      },
    });
  }

  /** The next page, added below. Returns the items that were added. */
  loadMore(): Promise<ModerationItem[]> {
    const { client, pageSize } = this.request();
    return this.loadNextPage(client && ((after) => client.moderationQueue({ first: pageSize, after })));
  }

  /** Opens one form under an item, with the text to edit filled in; another open form of the item closes. */
  open(item: ModerationItem, action: PanelAction): void {
    const current = this.panels.get(item.id);
    if (current?.action === action) return;
    const panel: ActionPanel = {
      action,
      reason: '',
      title: item.kind === 'QUESTION' ? item.question.title : '',
      body: textOf(item),
      removedKinds: [],
      errors: {},
      failure: undefined,
    };
    this.panels.set(item.id, panel);
    if (action === 'redact') {
      if (item.kind === 'QUESTION') this.personalData.checkNow(`${item.id}|title`, panel.title);
      this.personalData.checkNow(`${item.id}|body`, panel.body);
    }
    this.notices.delete(item.id);
    this.host.requestUpdate();
  }

  close(itemId: string): void {
    this.panels.delete(itemId);
    this.host.requestUpdate();
  }

  set(itemId: string, field: 'reason' | 'title' | 'body', value: string): void {
    const panel = this.panels.get(itemId);
    if (!panel) return;
    panel[field] = value;
    if (panel.errors[field]) panel.errors = { ...panel.errors, [field]: undefined };
    if (field !== 'reason') this.personalData.watch(`${itemId}|${field}`, value);
    this.host.requestUpdate();
  }

  toggleKind(itemId: string, kind: RemovedKind, checked: boolean): void {
    const panel = this.panels.get(itemId);
    if (!panel) return;
    const kinds = new Set(panel.removedKinds);
    if (checked) kinds.add(kind);
    else kinds.delete(kind);
    panel.removedKinds = removedKindChoices.filter((choice) => kinds.has(choice));
    if (panel.removedKinds.length > 0) panel.errors = { ...panel.errors, removedKinds: undefined };
    this.host.requestUpdate();
  }

  /** "Verwijder dit voor mij" in the edit form: the placeholder goes in, and its kind is ticked. */
  removePersonalData(itemId: string, field: 'title' | 'body', finding?: PersonalDataFinding): Redaction {
    const panel = this.panels.get(itemId);
    const key = `${itemId}|${field}`;
    if (!panel) return { text: '', caret: 0 };
    const targets = finding ? [finding] : this.personalData.checkFor(key).findings;
    const redaction = this.personalData.redact(key, panel[field], finding);
    panel[field] = redaction.text;
    for (const target of targets) this.toggleKind(itemId, removedKindOf[target.kind] ?? 'other', true);
    this.host.requestUpdate();
    return redaction;
  }

  /** "Goedkeuren": published at once, its flags closed. */
  async approve(item: ModerationItem): Promise<ActionOutcome> {
    const { client } = this.request();
    if (!client || this.busy.has(item.id)) return 'ignored';
    this.busy.set(item.id, 'approve');
    this.notices.delete(item.id);
    this.host.requestUpdate();
    try {
      const payload = await client.approveContent(contentOf(item));
      if (payload.errors.length > 0) {
        this.notices.set(item.id, payload.errors[0]!.message);
        return 'invalid';
      }
      this.remove(item.id);
      return 'done';
    } catch (error) {
      this.notices.set(item.id, messageOf(error, this.localize.t('moderation.action.failed')));
      return 'failed';
    } finally {
      this.busy.delete(item.id);
      this.host.requestUpdate();
    }
  }

  /** Sends the item's open form. A failure keeps every character typed. */
  async submit(item: ModerationItem): Promise<ActionOutcome> {
    const { client } = this.request();
    const panel = this.panels.get(item.id);
    if (!client || !panel || this.busy.has(item.id)) return 'ignored';
    panel.failure = undefined;
    panel.errors = this.validate(item, panel);
    if (Object.values(panel.errors).some(Boolean)) {
      this.host.requestUpdate();
      return 'invalid';
    }
    this.busy.set(item.id, panel.action);
    this.host.requestUpdate();
    try {
      const payload = await this.send(client, item, panel);
      if (payload.errors.length > 0) {
        const errors: FieldErrors = {};
        for (const error of payload.errors) errors[fieldOf(error.field)] ??= error.message;
        panel.errors = errors;
        return 'invalid';
      }
      this.remove(item.id);
      return 'done';
    } catch (error) {
      panel.failure = error;
      return 'failed';
    } finally {
      this.busy.delete(item.id);
      this.host.requestUpdate();
    }
  }

  private send(client: PleinClient, item: ModerationItem, panel: ActionPanel): Promise<ModerationPayload> {
    const content = contentOf(item);
    const reason = panel.reason.trim();
    switch (panel.action) {
      case 'reject':
        return client.rejectContent(content, reason);
      case 'hide':
        return client.hideContent(content, reason);
      case 'redact':
        return client.redactContent(content, {
          title: item.kind === 'QUESTION' ? panel.title.trim() : null,
          body: panel.body.trim(),
          removedKinds: panel.removedKinds,
        });
      case 'block-device':
        return client.blockAuthor(content, 'DEVICE', reason);
      case 'block-pseudonym':
        return client.blockAuthor(content, 'PSEUDONYM', reason);
    }
  }

  private validate(item: ModerationItem, panel: ActionPanel): FieldErrors {
    const t = this.localize.t.bind(this.localize);
    const errors: FieldErrors = {};
    if (panel.action !== 'redact') {
      const reason = panel.reason.trim();
      if (!reason) errors.reason = t('moderation.reasonRequired');
      else if (reason.length < REASON_MIN) errors.reason = t('moderation.reasonTooShort', REASON_MIN);
      else if (reason.length > REASON_MAX) errors.reason = t('moderation.reasonTooLong', REASON_MAX);
      return errors;
    }
    const length = (text: string, limit: { min: number; max: number }, required: string) => {
      const value = text.trim();
      if (!value) return required;
      if (value.length < limit.min) return t('moderation.redact.tooShort', limit.min);
      if (value.length > limit.max) return t('moderation.redact.tooLong', limit.max);
      return undefined;
    };
    if (item.kind === 'QUESTION') {
      errors.title = length(panel.title, limits.questionTitle, t('moderation.redact.titleRequired'));
      errors.body = length(panel.body, limits.questionBody, t('moderation.redact.bodyRequired'));
    } else {
      errors.body = length(panel.body, limits.answerBody, t('moderation.redact.bodyRequired'));
    }
    if (panel.removedKinds.length === 0) errors.removedKinds = t('moderation.redact.removedRequired');
    return Object.fromEntries(Object.entries(errors).filter(([, message]) => message));
  }

  private remove(itemId: string): void {
    const before = this.items.length;
    this.items = this.items.filter((item) => item.id !== itemId);
    if (this.items.length < before) this.totalCount = Math.max(this.totalCount - 1, 0);
    this.panels.delete(itemId);
    this.notices.delete(itemId);
  }
}

export interface AuditLogRequest {
  client: PleinClient | undefined;
  /** The signed-in viewer's id when they may read the log and it is on screen; otherwise nothing is asked. */
  readerId: string | undefined;
  pageSize: number;
}

/**
 * The audit log, newest first, page by page; read-only. It loads when it is first shown, and again after every
 * decision made on this page (`refresh`), so it never shows less than what just happened.
 */
export class AuditLogController extends PagedList<AuditEntry> {
  private generation = 0;
  protected readonly firstPage: Task<
    [PleinClient | undefined, string | undefined, number, number],
    AuditLogPage | undefined
  >;

  constructor(
    host: ReactiveControllerHost,
    private readonly request: () => AuditLogRequest,
  ) {
    super(host);
    this.firstPage = new Task(host, {
      args: () => {
        const { client, readerId, pageSize } = this.request();
        return [client, readerId, pageSize, this.generation] as [
          PleinClient | undefined,
          string | undefined,
          number,
          number,
        ];
      },
      task: async ([client, readerId, pageSize], { signal }) => {
        if (!client || !readerId) return undefined;
        const page = await client.auditLog({ first: pageSize }, { signal });
        if (!signal.aborted) this.show(page);
        return page;
      },
    });
  }

  /** The log's entries, newest first. */
  get entries(): AuditEntry[] {
    return this.items;
  }

  /** Something was decided here: load the log again when it is shown. */
  refresh(): void {
    this.generation++;
    this.host.requestUpdate();
  }

  loadMore(): Promise<AuditEntry[]> {
    const { client, pageSize } = this.request();
    return this.loadNextPage(client && ((after) => client.auditLog({ first: pageSize, after })));
  }
}

/** The settings form as typed: numbers and word lists stay text until they are saved. */
export interface SettingsFields {
  preModeration: PreModeration;
  flagThreshold: string;
  blockedWords: string;
  heldWords: string;
}

export const preModerationChoices: readonly PreModeration[] = ['NONE', 'FIRST_POST', 'EVERYTHING'];
/** As the server takes it (MAX_FLAG_THRESHOLD in its moderation validation). */
export const flagThresholdLimits = { min: 1, max: 20 } as const;

/** One word per line, as the server wants them: trimmed, without empty lines or repeats. */
export function wordsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((word) => word.trim())
        .filter(Boolean),
    ),
  ];
}

function fieldsOf(settings: ModerationSettings): SettingsFields {
  return {
    preModeration: settings.preModeration,
    flagThreshold: String(settings.flagThreshold),
    blockedWords: settings.blockedWords.join('\n'),
    heldWords: settings.heldWords.join('\n'),
  };
}

export type SaveOutcome = 'saved' | 'invalid' | 'failed' | 'ignored';

/** The admins' settings: loaded when shown, saved in one go; a failed save keeps what was typed. */
export class ModerationSettingsController {
  fields: SettingsFields | undefined;
  errors: FieldErrors = {};
  failure: unknown = undefined;
  saving = false;
  saved = false;

  private readonly settings: Task<[PleinClient | undefined, string | undefined], ModerationSettings | null | undefined>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly request: () => { client: PleinClient | undefined; adminId: string | undefined },
  ) {
    this.settings = new Task(host, {
      args: () => {
        const { client, adminId } = this.request();
        return [client, adminId] as [PleinClient | undefined, string | undefined];
      },
      task: async ([client, adminId], { signal }) => {
        this.fields = undefined;
        if (!client || !adminId) return undefined;
        const settings = await client.moderationSettings({ signal });
        if (!signal.aborted && settings) this.fields = fieldsOf(settings);
        return settings;
      },
    });
  }

  get status(): TaskStatus {
    return this.settings.status;
  }

  get error(): unknown {
    return this.settings.error;
  }

  reload(): Promise<unknown> {
    return this.settings.run();
  }

  set<Field extends keyof SettingsFields>(field: Field, value: SettingsFields[Field]): void {
    if (!this.fields) return;
    this.fields = { ...this.fields, [field]: value };
    this.saved = false;
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
    this.host.requestUpdate();
  }

  async save(): Promise<SaveOutcome> {
    const { client } = this.request();
    const fields = this.fields;
    if (!client || !fields || this.saving) return 'ignored';
    this.failure = undefined;
    this.saved = false;
    const threshold = Number(fields.flagThreshold.trim());
    const { min, max } = flagThresholdLimits;
    if (!Number.isInteger(threshold) || threshold < min || threshold > max || !fields.flagThreshold.trim()) {
      this.errors = { flagThreshold: this.localize.t('moderation.settings.flagThreshold.invalid', min, max) };
      this.host.requestUpdate();
      return 'invalid';
    }
    this.errors = {};
    this.saving = true;
    this.host.requestUpdate();
    try {
      const payload = await client.updateModerationSettings({
        preModeration: fields.preModeration,
        flagThreshold: threshold,
        blockedWords: wordsOf(fields.blockedWords),
        heldWords: wordsOf(fields.heldWords),
      });
      if (!payload.settings) {
        const errors: FieldErrors = {};
        for (const error of payload.errors) {
          const field = error.field?.split('.').at(-1);
          errors[field && field in fields ? field : 'form'] ??= error.message;
        }
        this.errors = Object.keys(errors).length ? errors : { form: this.localize.t('moderation.settings.notSaved') };
        return 'invalid';
      }
      this.fields = fieldsOf(payload.settings);
      this.saved = true;
      return 'saved';
    } catch (error) {
      this.failure = error;
      return 'failed';
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }
}
