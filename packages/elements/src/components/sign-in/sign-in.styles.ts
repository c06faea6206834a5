import { css } from 'lit';

export const signInStyles = css`
  @layer plein {
    .heading {
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.5em;
    }

    form {
      max-inline-size: 30em;
    }

    .password-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: center;
    }

    .password-row input {
      flex: 1 1 12em;
      inline-size: auto;
    }

    .alternative {
      margin-block-start: 1.5em;
      padding-block-start: 1em;
      border-block-start: 0.0625em solid var(--_plein-border-color);
      max-inline-size: 30em;
    }

    .status {
      margin-block: 0.75em 0;
      font-weight: 600;
    }

    .status:empty {
      display: none;
    }

    .signed-in-heading {
      font-size: 1.25em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.5em;
      overflow-wrap: anywhere;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
      align-items: center;
    }

    .loading {
      color: var(--_plein-muted-color);
    }
  }
`;
