/** The asker deleted their question from `<plein-question>`. A host page can take the reader back to its list. */
export class PleinQuestionDeletedEvent extends Event {
  constructor(readonly questionId: string) {
    super('plein-question-deleted', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plein-question-deleted': PleinQuestionDeletedEvent;
  }
}
