import { css } from 'lit';

export const myQuestionsStyles = css`
  @layer plein {
    .heading {
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.5em;
    }

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

    .back {
      margin-block-end: 1em;
    }
  }
`;
