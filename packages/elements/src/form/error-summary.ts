import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldErrors } from './field-errors.ts';

/** The messages in `errors`, the fields of the form first in their order on screen, then the rest as they came. */
export function orderedErrors(errors: FieldErrors, fields: readonly string[]): [field: string, message: string][] {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const order = (field: string) => (fields.includes(field) ? fields.indexOf(field) : fields.length);
  return entries.sort(([a], [b]) => order(a) - order(b));
}

export interface ErrorSummaryOptions {
  /** The messages to list, in their order; see `orderedErrors`. */
  entries: readonly (readonly [field: string, message: string])[];
  /** "Controleer het volgende:", already translated. */
  heading: string;
  headingId: string;
  /** The summary's own id, where something outside it links to it. */
  id?: string;
  /** The id of the field a message links to; a message without one is plain text. */
  targetOf: (field: string) => string | undefined;
}

/**
 * A summary link moves focus to its field in the same shadow root (where `#id` in the page's URL would not reach),
 * and leaves the page's own URL and scroll position as they are.
 */
function focusField(event: Event, id: string): void {
  event.preventDefault();
  const root = (event.currentTarget as Element).getRootNode() as Document | ShadowRoot;
  const field = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  field?.focus();
  field?.scrollIntoView({ block: 'center' });
}

/** The list of problems above a form, each linked to its field; nothing when there are none. */
export function renderErrorSummary(options: ErrorSummaryOptions) {
  const { entries, heading, headingId, id, targetOf } = options;
  if (entries.length === 0) return nothing;
  return html`
    <div
      part="error-summary"
      id=${ifDefined(id)}
      class="alert error-summary"
      role="alert"
      tabindex="-1"
      aria-labelledby=${headingId}
    >
      <p id=${headingId} class="error-summary-heading">${heading}</p>
      <ul>
        ${entries.map(([field, message]) => {
          const target = targetOf(field);
          return html`<li>
            ${target ? html`<a href="#${target}" @click=${(event: Event) => focusField(event, target)}>${message}</a>` : message}
          </li>`;
        })}
      </ul>
    </div>
  `;
}
