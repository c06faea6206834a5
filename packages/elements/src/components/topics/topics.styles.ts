import { css } from 'lit';
import { linkLook } from '../../styles/base.styles.ts';

export const topicsStyles = css`
  @layer plein {
    .heading {
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.5em;
    }

    .intro {
      max-inline-size: 40em;
    }

    .list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18em), 1fr));
      gap: 0.75em;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .item {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
      padding-block: 0.75em;
      padding-inline: 1em;
      border: 0.0625em solid var(--_plein-border-color);
      border-inline-start-width: 0.375em;
      border-radius: var(--_plein-radius);
      background: var(--_plein-surface);
    }

    .item.chosen {
      border-inline-start-color: var(--_plein-primary);
    }

    .link {
      display: block;
      ${linkLook}
      font-size: 1.125em;
      font-weight: 700;
      line-height: 1.3;
      text-align: start;
      overflow-wrap: anywhere;
    }

    .item.chosen .link {
      text-decoration-thickness: 0.125em;
    }

    .description,
    .meta {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1em;
      color: var(--_plein-muted-color);
    }

    .count {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
  }
`;
