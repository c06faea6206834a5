/**
 * A citizen opens a question from a list. Cancel it (`preventDefault()`) to route yourself; otherwise the link is
 * followed (with `question-href`) or the thread opens in place.
 */
export class PleinQuestionOpenEvent extends Event {
  constructor(
    readonly questionId: string,
    readonly title: string,
  ) {
    super('plein-question-open', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plein-question-open': PleinQuestionOpenEvent;
  }
}
