import { css } from 'lit';

/** Only what differs from the question list (`styles/question-list.styles.ts`). */
export const questionsStyles = css`
  @layer plein {
    .heading {
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.75em;
    }

    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
      gap: 0 1em;
      align-items: start;
    }

    .filters .search {
      grid-column: 1 / -1;
    }

    .count {
      font-weight: 600;
      min-block-size: 1.5em;
    }

    .list[aria-busy='true'] {
      opacity: 0.6;
    }

    .shown {
      margin-block: 0.75em;
    }
  }
`;
