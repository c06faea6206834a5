import { css } from 'lit';

/** Only what differs from the question list (`styles/question-list.styles.ts`). */
export const myQuestionsStyles = css`
  @layer plein {
    .heading {
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.5em;
    }

    .badge.held {
      border-style: dashed;
    }

    .held-note {
      margin-block: 0.5em 0;
      color: var(--_plein-muted-color);
    }

    .badge.moderated {
      color: var(--_plein-error-color);
    }

    .moderation-note {
      margin-block-start: 0.5em;
      padding-inline-start: 0.75em;
      border-inline-start: 0.25em solid var(--_plein-error-color);
    }

    .moderation-note p {
      margin-block: 0 0.25em;
    }

    .empty {
      color: var(--_plein-muted-color);
    }
  }
`;
