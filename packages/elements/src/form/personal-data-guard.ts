import { findPersonalData, mentionsHealthDetails, type PersonalDataFinding, placeholders } from '@plein/pii';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type { PersonalDataFinding } from '@plein/pii';

/** What the guard found in one field: personal data to offer to remove, and health words for a gentle note. */
export interface PersonalDataCheck {
  readonly findings: readonly PersonalDataFinding[];
  readonly health: readonly string[];
  /** The last thing to tell a screen reader about this field ("Verwijderd"); read by the panel's live region. */
  readonly announcement: string;
}

/** What a removal left: the new text, and where the caret belongs (just after the last placeholder put in). */
export interface Redaction {
  text: string;
  caret: number;
}

/** Long enough not to flicker on every key, short enough to warn before the citizen moves on. */
export const PERSONAL_DATA_DELAY_MS = 300;

const nothingFound: PersonalDataCheck = { findings: [], health: [], announcement: '' };

/**
 * Looks for personal data in the form's free-text fields while the citizen types (`@plein/pii`, in the browser: the
 * text does not leave the device for this), a short pause after the last key. It never blocks sending: the server
 * runs the same detection before anything is stored. Kept by the ask and answer form controllers, one entry per field.
 */
export class PersonalDataGuard<Field extends string> implements ReactiveController {
  private readonly checks = new Map<Field, PersonalDataCheck>();
  private readonly timers = new Map<Field, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: { delayMs?: number; allow?: () => readonly string[] | undefined } = {},
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** The latest result for a field; empty until its first check. */
  checkFor(field: Field): PersonalDataCheck {
    return this.checks.get(field) ?? nothingFound;
  }

  /** The citizen typed: check again after a short pause, so the list does not jump on every key. */
  watch(field: Field, text: string): void {
    clearTimeout(this.timers.get(field));
    if (!text.trim()) {
      this.set(field, text);
      return;
    }
    this.timers.set(
      field,
      setTimeout(() => {
        this.timers.delete(field);
        this.set(field, text);
        this.host.requestUpdate();
      }, this.options.delayMs ?? PERSONAL_DATA_DELAY_MS),
    );
  }

  /** Checks at once: for a restored draft, and right after a removal, so the list is right before focus moves. */
  checkNow(field: Field, text: string): void {
    clearTimeout(this.timers.get(field));
    this.timers.delete(field);
    this.set(field, text);
  }

  /**
   * Replaces one finding (or, without one, every finding of the field) by its placeholder, such as
   * "[telefoonnummer verwijderd]". Offsets come from the last check; when the text changed since, the finding is
   * looked up again by its text, and left alone when it is gone.
   */
  redact(field: Field, text: string, finding?: PersonalDataFinding): Redaction {
    const targets = finding ? [finding] : this.find(text);
    let result = text;
    let caret = -1;
    // From the end, so the offsets of the earlier findings stay right.
    for (const target of [...targets].sort((a, b) => b.start - a.start)) {
      const start = result.slice(target.start, target.end) === target.text ? target.start : result.indexOf(target.text);
      if (start < 0) continue;
      const placeholder = placeholders[target.kind];
      result = result.slice(0, start) + placeholder + result.slice(start + target.text.length);
      // The caret goes after the last placeholder in the text: shift it when a later one was put in first.
      caret = caret < 0 ? start + placeholder.length : caret + placeholder.length - target.text.length;
    }
    this.checkNow(field, result);
    const current = this.checks.get(field) ?? nothingFound;
    if (caret >= 0) this.checks.set(field, { ...current, announcement: this.nextAnnouncement(current, 'removed') });
    return { text: result, caret: caret < 0 ? text.length : caret };
  }

  /** Forgets every field, as after posting. */
  clear(): void {
    this.hostDisconnected();
    this.checks.clear();
  }

  private find(text: string): PersonalDataFinding[] {
    return findPersonalData(text, { allow: this.options.allow?.() });
  }

  private set(field: Field, text: string): void {
    const previous = this.checkFor(field);
    const findings = text.trim() ? this.find(text) : [];
    const health = text.trim() ? mentionsHealthDetails(text) : [];
    // Say it when something new turns up, not on every check: the list itself is below the field.
    const grew = findings.length > previous.findings.length;
    this.checks.set(field, {
      findings,
      health,
      announcement: grew ? this.nextAnnouncement(previous, `found:${findings.length}`) : previous.announcement,
    });
  }

  /**
   * A live region reads a change only: the same words twice in a row get a marker, so "Verwijderd" after
   * "Verwijderd" is still heard. The panel turns the marker into words.
   */
  private nextAnnouncement(previous: PersonalDataCheck, message: string): string {
    return previous.announcement === message ? `${message}:again` : message;
  }
}
