import type { ContentRef, FlagReason, PleinClient } from '@plein/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { messageOf } from '../base/errors.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';

/** The reasons in the order the form shows them. */
export const flagReasons: readonly FlagReason[] = ['PERSONAL_DATA', 'OFFENSIVE', 'SPAM', 'INCORRECT', 'OTHER'];

/** The longest note the server accepts with a flag, in characters. */
export const FLAG_NOTE_MAX = 500;

export type FlagOutcome = 'sent' | 'invalid' | 'failed' | 'ignored';

/** `QUESTION-q1`: a content reference as a piece of an element id. */
export function flagKey(content: ContentRef): string {
  return `${content.kind}-${content.id}`;
}

/**
 * "Melden" under a question or answer: one small form at a time, with a reason (required) and a note (optional, at
 * most 500 characters). A failed send keeps the reason and the note. Once sent, this browser remembers the content
 * (the client keeps its kind and id, nothing else), so the button says "Gemeld" after a reload too. Nothing is kept
 * of the form itself: a note may describe someone, so it is never written to storage.
 */
export class FlagController implements ReactiveController {
  /** The content whose form is open, if any. */
  open: ContentRef | undefined;
  reason: FlagReason | '' = '';
  note = '';
  /** What to fix before sending, at its field. */
  errors: { reason?: string; note?: string } = {};
  /** Why sending failed (the network, the server, a limit), with the form kept as it was. */
  failure: string | undefined;
  sending = false;

  private questionId: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly target: () => { client: PleinClient | undefined; questionId: string },
  ) {
    host.addController(this);
  }

  /** Another question shown in the same element: an open form belonged to the one before. */
  hostUpdate(): void {
    const { questionId } = this.target();
    if (questionId === this.questionId) return;
    this.questionId = questionId;
    this.close();
  }

  isOpen(content: ContentRef): boolean {
    return this.open?.kind === content.kind && this.open.id === content.id;
  }

  hasFlagged(content: ContentRef): boolean {
    return this.target().client?.hasFlagged(content) ?? false;
  }

  /** Opens the form for one question or answer; a form open elsewhere closes. */
  start(content: ContentRef): void {
    if (this.isOpen(content)) return;
    this.close();
    this.open = content;
    this.host.requestUpdate();
  }

  cancel(): void {
    this.close();
    this.host.requestUpdate();
  }

  setReason(reason: FlagReason): void {
    this.reason = reason;
    if (this.errors.reason) this.errors = { ...this.errors, reason: undefined };
    this.host.requestUpdate();
  }

  setNote(note: string): void {
    this.note = note;
    if (this.errors.note && note.trim().length <= FLAG_NOTE_MAX) this.errors = { ...this.errors, note: undefined };
    this.host.requestUpdate();
  }

  async submit(): Promise<FlagOutcome> {
    const { client } = this.target();
    const content = this.open;
    if (!client || !content || this.sending) return 'ignored';
    this.failure = undefined;
    this.errors = this.validate();
    if (this.errors.reason || this.errors.note) {
      this.host.requestUpdate();
      return 'invalid';
    }
    this.sending = true;
    this.host.requestUpdate();
    try {
      const payload = await client.flagContent(content, this.reason as FlagReason, this.note.trim() || null);
      if (!this.isOpen(content)) return 'ignored';
      if (payload.errors.length > 0) {
        const [first] = payload.errors;
        if (first?.field === 'note' || first?.field === 'reason') this.errors = { [first.field]: first.message };
        else this.failure = first?.message ?? this.localize.t('question.flag.failed');
        return 'invalid';
      }
      this.close();
      return 'sent';
    } catch (error) {
      if (!this.isOpen(content)) return 'ignored';
      this.failure = messageOf(error, this.localize.t('question.flag.failed'));
      return 'failed';
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  private validate(): { reason?: string; note?: string } {
    const errors: { reason?: string; note?: string } = {};
    if (!this.reason) errors.reason = this.localize.t('question.flag.reasonRequired');
    if (this.note.trim().length > FLAG_NOTE_MAX)
      errors.note = this.localize.t('question.flag.noteTooLong', FLAG_NOTE_MAX);
    return errors;
  }

  private close(): void {
    this.open = undefined;
    this.reason = '';
    this.note = '';
    this.errors = {};
    this.failure = undefined;
  }
}
