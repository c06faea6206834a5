import { css, html, nothing } from 'lit';
import type { LocalizeController } from '../localize/localize-controller.ts';
import { personalData as dutch } from '../localize/nl/personal-data.ts';
import type { TranslationKey } from '../localize/translations.ts';
import type { PersonalDataCheck, PersonalDataFinding, Redaction } from './personal-data-guard.ts';

type PersonalDataKey = keyof typeof dutch;
type Values<Key extends PersonalDataKey> = (typeof dutch)[Key] extends (...values: infer V) => string ? V : [];

export interface PersonalDataPanelOptions {
  localize: LocalizeController;
  /** The id of the field the panel belongs to; the panel's own ids start with it. */
  fieldId: string;
  check: PersonalDataCheck;
  /** Whose text it is: the explanation and the health note say "uw vraag" or "uw antwoord". */
  context: 'question' | 'answer';
  /** The level of the panel's heading: one below the form's. */
  level: number;
  /** Replaces one finding, or every finding without one, and says where the caret goes. */
  remove: (finding?: PersonalDataFinding) => Redaction;
  /** Resolves once the host rendered the new text and list, so focus can move to what is there. */
  updateComplete: () => Promise<unknown>;
}

/**
 * Words of the panel in the element's language. An element that lists these strings itself (`<plein-ask>`) gets them
 * from its own table; in any other host the Dutch come from here, so the answer form needs no change to its strings.
 */
function say<Key extends PersonalDataKey>(localize: LocalizeController, key: Key, ...values: Values<Key>): string {
  const translate = localize.t as (this: LocalizeController, key: TranslationKey, ...values: unknown[]) => string;
  const translated = translate.call(localize, key, ...values);
  if (translated !== key) return translated;
  const phrase = dutch[key] as string | ((...args: unknown[]) => string);
  return typeof phrase === 'function' ? phrase(...values) : phrase;
}

function kindText(localize: LocalizeController, finding: PersonalDataFinding): string {
  const key = `personalData.kind.${finding.kind}`;
  const kind = key in dutch ? say(localize, key as PersonalDataKey) : say(localize, 'personalData.kind.other');
  return finding.confidence === 'low' ? say(localize, 'personalData.maybe', kind) : kind;
}

/** The guard's codes ("removed", "found:2", each perhaps with ":again") in words for the live region. */
function announcementText(localize: LocalizeController, announcement: string): string {
  const [message, count] = announcement.split(':');
  // A changed text is read again: the same words twice in a row differ by a non-breaking space.
  const marker = announcement.endsWith(':again') ? '\u00a0' : '';
  if (message === 'removed') return say(localize, 'personalData.removed') + marker;
  if (message === 'found') return say(localize, 'personalData.found', Number(count)) + marker;
  return '';
}

/** The ids a field's aria-describedby adds for its panel: the warning's heading and the health note, when shown. */
export function personalDataDescribedBy(fieldId: string, check: PersonalDataCheck): string[] {
  return [
    check.findings.length > 0 ? `${fieldId}-personal-data-heading` : '',
    check.health.length > 0 ? `${fieldId}-health-note` : '',
  ].filter(Boolean);
}

/**
 * Under a field: what looks like personal data, each with "Verwijder dit voor mij", plus "Verwijder alles" and why;
 * and a gentle note when the text mentions health details. Nothing here blocks sending. The live region is always
 * in the page (a region added together with its text is often not read), and it is not a `role="status"`, so a
 * host's own status line stays the first one.
 */
export function renderPersonalDataPanel(options: PersonalDataPanelOptions) {
  const { localize, fieldId, check, context, level } = options;
  const { findings, health } = check;
  const id = `${fieldId}-personal-data`;

  const afterRemoval = async (index: number, button: HTMLElement) => {
    const root = button.getRootNode() as Document | ShadowRoot;
    await options.updateComplete();
    const buttons = root.querySelectorAll<HTMLElement>(`#${id} [data-remove]`);
    const next = index >= 0 ? buttons[index] : undefined;
    if (next) {
      next.focus();
      return;
    }
    const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${fieldId}`);
    field?.focus();
    return field;
  };

  const removeOne = async (event: Event, finding: PersonalDataFinding, index: number) => {
    const { caret } = options.remove(finding);
    const field = await afterRemoval(index, event.currentTarget as HTMLElement);
    field?.setSelectionRange(caret, caret);
  };

  const removeAll = async (event: Event) => {
    const { caret } = options.remove();
    const field = await afterRemoval(-1, event.currentTarget as HTMLElement);
    field?.setSelectionRange(caret, caret);
  };

  return html`
    <div id=${id} part="personal-data" class="personal-data">
      <p class="visually-hidden" aria-live="polite">${announcementText(localize, check.announcement)}</p>
      ${
        findings.length > 0
          ? html`<section part="personal-data-warning" class="personal-data-warning" aria-labelledby="${id}-heading">
              <div id="${id}-heading" class="personal-data-heading" role="heading" aria-level=${level}>
                ${say(localize, 'personalData.heading')}
              </div>
              <p>${say(localize, context === 'question' ? 'personalData.why.question' : 'personalData.why.answer')}</p>
              <ul part="personal-data-list" class="personal-data-list">
                ${findings.map(
                  (finding, index) =>
                    html`<li part="personal-data-item">
                      <span id="${id}-${index}" class="personal-data-finding"
                        >${kindText(localize, finding)}: <q>${finding.text}</q></span
                      >
                      <button
                        part="personal-data-remove"
                        class="button secondary"
                        type="button"
                        data-remove
                        aria-describedby="${id}-${index}"
                        @click=${(event: Event) => removeOne(event, finding, index)}
                      >
                        ${say(localize, 'personalData.remove')}
                      </button>
                    </li>`,
                )}
              </ul>
              ${
                findings.length > 1
                  ? html`<button
                      part="personal-data-remove-all"
                      class="button secondary"
                      type="button"
                      @click=${removeAll}
                    >
                      ${say(localize, 'personalData.removeAll')}
                    </button>`
                  : nothing
              }
            </section>`
          : nothing
      }
      ${
        health.length > 0
          ? html`<p id="${fieldId}-health-note" part="health-note" class="health-note">
              ${say(localize, context === 'question' ? 'personalData.health.question' : 'personalData.health.answer')}
            </p>`
          : nothing
      }
    </div>
  `;
}

/**
 * The panel's look. It uses the shared classes (`button`, `visually-hidden`) and reads without these rules as well;
 * an element that shows the panel adds them to its styles.
 */
export const personalDataStyles = css`
  @layer plein {
    /* Its parts are laid out by the field around it; an empty panel takes no space. */
    .personal-data {
      display: contents;
    }

    .personal-data-warning,
    .health-note {
      margin-block: 0.5em 0;
      padding-block: 0.75em;
      padding-inline: 1em;
      border-inline-start: 0.375em solid var(--_plein-warning-color);
      background: var(--_plein-surface);
    }

    :host {
      --_plein-warning-color: var(
        --plein-warning-color,
        var(--utrecht-feedback-warning-color, var(--basis-color-warning-color-default, #8a5a00))
      );
    }

    .personal-data-heading {
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.5em;
    }

    .personal-data-warning p {
      margin-block: 0 0.5em;
    }

    .personal-data-list {
      margin-block: 0 0.75em;
      padding-inline-start: 1.25em;
    }

    .personal-data-list li + li {
      margin-block-start: 0.5em;
    }

    .personal-data-list .button {
      margin-inline-start: 0.5em;
    }

    .personal-data-finding {
      overflow-wrap: anywhere;
    }

    .personal-data-warning .button {
      min-block-size: 2.25em;
      padding-block: 0.25em;
    }
  }
`;
