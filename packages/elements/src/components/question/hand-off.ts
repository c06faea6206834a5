import type { HandOff } from '@plein/schema';
import { html, nothing } from 'lit';
import type { ContactRequestChannel } from '../../events/contact-request.ts';
import type { LocalizeController } from '../../localize/localize-controller.ts';

/** The next steps in the order an answer shows them. */
export const handOffSteps: readonly HandOff[] = ['APPOINTMENT', 'PRIVATE_QUESTION'];

/** The channel of `<plein-contact>` each step opens. */
export const handOffChannels: Record<HandOff, ContactRequestChannel> = {
  APPOINTMENT: 'appointment',
  PRIVATE_QUESTION: 'private-question',
};

/** A checkbox's id: `<prefix>-appointment` (where the error summary leads) and `<prefix>-private-question`. */
export const handOffBoxId = (prefix: string, step: HandOff) => `${prefix}-${handOffChannels[step]}`;

/** The known steps of a value from storage or the server, each once, in their order. */
export function handOffOf(value: unknown): HandOff[] {
  return Array.isArray(value) ? handOffSteps.filter((step) => value.includes(step)) : [];
}

export interface HandOffChoicesOptions {
  localize: LocalizeController;
  /** The boxes' ids start with it; the hint and the error get `<prefix>-hint` and `<prefix>-error`. */
  idPrefix: string;
  chosen: readonly HandOff[];
  error?: string;
  onChange: (step: HandOff, checked: boolean) => void;
}

/**
 * "Volgende stap voor de inwoner" in an expert's answer form: two checkboxes, "Maak een afspraak" and "Stel uw vraag
 * privé". Both optional; what the expert ticks shows as buttons under the answer.
 */
export function renderHandOffChoices(options: HandOffChoicesOptions) {
  const { localize, idPrefix, chosen, error, onChange } = options;
  const hintId = `${idPrefix}-hint`;
  const errorId = `${idPrefix}-error`;
  return html`
    <fieldset
      part="hand-off-choices"
      class="choices hand-off-choices"
      aria-describedby=${[error && errorId, hintId].filter(Boolean).join(' ')}
    >
      <legend>${localize.t('handOff.legend')} <span class="muted">${localize.t('common.optional')}</span></legend>
      <span id=${hintId} class="hint">${localize.t('handOff.hint')}</span>
      ${error ? html`<span id=${errorId} class="field-error">${error}</span>` : nothing}
      ${handOffSteps.map((step) => {
        const id = handOffBoxId(idPrefix, step);
        return html`<div class="choice">
          <input
            id=${id}
            type="checkbox"
            name="handOff"
            value=${step}
            aria-invalid=${error ? 'true' : 'false'}
            .checked=${chosen.includes(step)}
            @change=${(event: Event) => onChange(step, (event.target as HTMLInputElement).checked)}
          />
          <label for=${id}>${localize.t(`handOff.${step}`)}</label>
        </div>`;
      })}
    </fieldset>
  `;
}

export interface HandOffButtonsOptions {
  localize: LocalizeController;
  steps: readonly HandOff[];
  onRequest: (step: HandOff) => void;
  /** A `<plein-contact>` shown under the buttons, when the page has none of its own. */
  inline?: unknown;
}

/** Under an expert answer: "Uw situatie vraagt om persoonlijk advies." and a button per step the expert added. */
export function renderHandOffButtons(options: HandOffButtonsOptions) {
  const { localize, onRequest, inline } = options;
  const steps = handOffOf(options.steps);
  if (steps.length === 0) return nothing;
  return html`
    <div part="hand-off" class="hand-off">
      <p class="hand-off-lead">${localize.t('handOff.lead')}</p>
      <div class="hand-off-actions">
        ${steps.map(
          (step) =>
            html`<button
              part="hand-off-button"
              class="button secondary"
              type="button"
              data-hand-off=${step}
              @click=${() => onRequest(step)}
            >
              ${localize.t(`handOff.${step}`)}
            </button>`,
        )}
      </div>
      ${inline ?? nothing}
    </div>
  `;
}
