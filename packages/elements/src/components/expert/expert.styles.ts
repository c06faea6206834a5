import { css } from 'lit';

export const expertStyles = css`
  @layer plein {
    /* Its own size, also inside a directory that shows smaller ones. */
    :host {
      --_plein-avatar-size: 4.5em;
    }

    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 1em;
      margin-block-end: 1em;
    }

    .identity {
      flex: 1 1 12em;
      min-inline-size: 0;
    }

    .identity > p {
      margin-block: 0;
    }

    .name {
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.25;
      overflow-wrap: anywhere;
    }

    .organisation {
      color: var(--_plein-muted-color);
    }

    /* The expert's own words: line breaks kept, long words wrapped, never parsed as HTML. */
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }

    .stats {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1.5em;
      margin-block: 0 1em;
      padding: 0;
      list-style: none;
      color: var(--_plein-muted-color);
    }

    .own {
      margin-block-start: 1em;
    }

    .edit-form {
      max-inline-size: 40em;
      margin-block-start: 1em;
      padding: 1em;
      border: 0.0625em solid var(--_plein-border-color);
      border-radius: var(--_plein-radius);
    }

    .subheading {
      font-size: 1.125em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.5em;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 0.75em;
    }
  }
`;
