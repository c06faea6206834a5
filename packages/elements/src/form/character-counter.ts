import { html } from 'lit';
import type { LocalizeController } from '../localize/localize-controller.ts';

/**
 * "Nog 120 tekens over" under a field: also tells how many characters are still needed below the minimum.
 * Screen readers get it through the field's aria-describedby, not on every keystroke.
 */
export function renderCharacterCounter(
  localize: LocalizeController,
  id: string,
  length: number,
  limit: { min?: number; max: number },
) {
  const needed = (limit.min ?? 0) - length;
  const left = limit.max - length;
  const text =
    length > 0 && needed > 0
      ? localize.t('common.charactersNeeded', needed)
      : localize.t('common.charactersLeft', left);
  return html`<span id=${id} part="counter" class="counter ${left < 0 ? 'over' : ''}">${text}</span>`;
}
