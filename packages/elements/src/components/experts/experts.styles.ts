import { css } from 'lit';

export const expertsStyles = css`
  @layer plein {
    .heading {
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.5em;
    }

    .filters {
      max-inline-size: 24em;
    }

    .count {
      min-block-size: 1.5em;
      font-weight: 600;
    }

    .list {
      margin: 0 0 1em;
      padding: 0;
      list-style: none;
      border-block-start: 0.0625em solid var(--_plein-border-color);
    }

    .item {
      --_plein-avatar-size: 3.5em;

      display: flex;
      align-items: flex-start;
      gap: 1em;
      padding-block: 1em;
      border-block-end: 0.0625em solid var(--_plein-border-color);
    }

    .card {
      flex: 1;
      min-inline-size: 0;
    }

    .card > p,
    .card > .topics {
      margin-block: 0.25em 0;
    }

    .card-heading {
      font-size: 1.125em;
      font-weight: 700;
      line-height: 1.25;
      overflow-wrap: anywhere;
    }

    /* The whole line is the target: at least 24px high, comfortably more with the line height. */
    .name {
      display: inline-block;
      min-block-size: 1.5em;
    }

    .stats {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1.5em;
      color: var(--_plein-muted-color);
    }

    .empty {
      color: var(--_plein-muted-color);
    }

    .back {
      margin-block-end: 1em;
    }

    @media (max-width: 30em) {
      .item {
        flex-direction: column;
        gap: 0.5em;
      }
    }
  }
`;
