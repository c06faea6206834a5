/**
 * A citizen opens an expert's profile, from `<plein-experts>` or from an expert answer in `<plein-question>`. Cancel it
 * (`preventDefault()`) to route yourself; otherwise the link is followed (with `expert-href`) or the profile opens in
 * place.
 */
export class PleinExpertOpenEvent extends Event {
  constructor(
    readonly expertId: string,
    /** The expert's name as the citizen read it. */
    readonly displayName: string,
  ) {
    super('plein-expert-open', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plein-expert-open': PleinExpertOpenEvent;
  }
}
