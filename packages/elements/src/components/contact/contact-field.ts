import { html, nothing, type TemplateResult } from 'lit';
import { canRetry, messageOf } from '../../base/errors.ts';
import type { LocalizeController } from '../../localize/localize-controller.ts';

/** The ids a field's `aria-describedby` lists, without the empty ones; `nothing` when there are none. */
export function describedBy(...ids: (string | false | undefined)[]) {
  return ids.filter(Boolean).join(' ') || nothing;
}

export interface FieldOptions {
  localize: LocalizeController;
  /** The control's id; the hint and the error get `<id>-hint` and `<id>-error`. */
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  /** The input, select or textarea, already tied to the hint and the error. */
  control: TemplateResult;
  /** Under the control: a counter, a warning. */
  after?: unknown;
}

/**
 * One labelled field of the contact forms, as in the ask form: label, hint, the message when it needs fixing (above
 * the control, so it is read before it), the control, and what belongs under it.
 */
export function renderField(options: FieldOptions) {
  const { localize, id, label, hint, error, optional, control, after } = options;
  return html`
    <div class="field">
      <label for=${id}>
        ${label} ${optional ? html`<span class="optional">${localize.t('common.optional')}</span>` : nothing}
      </label>
      ${hint ? html`<span id="${id}-hint" part="hint" class="hint">${hint}</span>` : nothing}
      ${error ? html`<p id="${id}-error" part="field-error" class="field-error">${error}</p>` : nothing} ${control}
      ${after ?? nothing}
    </div>
  `;
}

export interface SendFailureOptions {
  localize: LocalizeController;
  /** What went wrong, or undefined when nothing did. */
  failure: unknown;
  /** The message when the error carries none of its own ("Uw afspraak is niet gemaakt."). */
  notSent: string;
  /** That everything the citizen typed is still in the form. */
  kept: string;
  onRetry: () => void;
}

/** Sending a contact form failed: why, that every character is still there, and a retry when one can help. */
export function renderSendFailure(options: SendFailureOptions) {
  const { localize, failure, notSent, kept, onRetry } = options;
  if (!failure) return nothing;
  return html`
    <div part="failure" class="alert" role="alert">
      <p>${messageOf(failure, notSent)}</p>
      <p>${kept}</p>
      ${
        canRetry(failure)
          ? html`<button part="retry" class="button secondary" type="button" @click=${onRetry}>
              ${localize.t('common.retry')}
            </button>`
          : nothing
      }
    </div>
  `;
}

export interface EmailFieldOptions {
  localize: LocalizeController;
  id: string;
  label: string;
  hint: string;
  error?: string;
  value: string;
  /** While the form is being sent: the address stays visible but cannot change. */
  readonly: boolean;
  onInput: (event: Event) => void;
}

/** The e-mail address of the contact forms: the answer or the confirmation goes there. */
export function renderEmailField(options: EmailFieldOptions) {
  const { localize, id, label, hint, error, value, readonly, onInput } = options;
  return renderField({
    localize,
    id,
    label,
    hint,
    error,
    control: html`<input
      id=${id}
      part="email"
      name="email"
      type="email"
      autocomplete="email"
      inputmode="email"
      autocapitalize="none"
      spellcheck="false"
      aria-describedby=${describedBy(error && `${id}-error`, `${id}-hint`)}
      aria-invalid=${error ? 'true' : nothing}
      ?readonly=${readonly}
      .value=${value}
      @input=${onInput}
    />`,
  });
}
