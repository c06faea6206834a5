/** Someone posted an answer to a question. */
export class PleinAnswerPostedEvent extends Event {
  constructor(
    readonly questionId: string,
    readonly answerId: string,
  ) {
    super('plein-answer-posted', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plein-answer-posted': PleinAnswerPostedEvent;
  }
}
