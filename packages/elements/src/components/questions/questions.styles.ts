import { css } from 'lit';

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

    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      border-block-start: 0.0625em solid var(--_plein-border-color);
    }

    .list[aria-busy='true'] {
      opacity: 0.6;
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

    .shown {
      margin-block: 0.75em;
    }

    .back {
      margin-block-end: 1em;
    }
  }
`;
