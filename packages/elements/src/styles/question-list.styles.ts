import { css } from 'lit';

/**
 * A list of question links with their meta line and badges, as in `<plein-questions>` and `<plein-my-questions>`,
 * and the way back above a thread opened in place.
 */
export const questionListStyles = css`
  @layer plein {
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      border-block-start: 0.0625em solid var(--_plein-border-color);
    }

    .item {
      padding-block: 0.75em;
      border-block-end: 0.0625em solid var(--_plein-border-color);
    }

    .title {
      font-size: 1.125em;
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1em;
      margin-block: 0.25em 0;
      color: var(--_plein-muted-color);
    }

    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      margin-block: 0.5em 0;
    }

    .back {
      margin-block-end: 1em;
    }
  }
`;
