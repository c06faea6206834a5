/** A citizen posted a question. `ownerToken` lets the asker manage it; keep it secret. */
export class PleinQuestionAskedEvent extends Event {
  constructor(
    readonly questionId: string,
    readonly title: string,
    readonly ownerToken: string | null,
  ) {
    super('plein-question-asked', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plein-question-asked': PleinQuestionAskedEvent;
  }
}
