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

    .empty {
      color: var(--_plein-muted-color);
    }
  }
`;
