import { css } from 'lit';

/** "Melden" and its small form under a question or an answer, and the notes a moderator's decision leaves. */
export const questionFlagStyles = css`
  @layer plein {
    .flag-line {
      margin-block-start: 0.5em;
    }

    .button.flag {
      min-block-size: 2.25em;
      padding-block: 0.25em;
      font-weight: 400;
    }

    .flag-form {
      margin-block-start: 0.75em;
      padding: 1em;
      border: 0.0625em solid var(--_plein-border-color);
      border-radius: var(--_plein-radius);
      background: var(--_plein-background);
    }

    .flag-form textarea {
      min-block-size: 5em;
    }

    .notice.hidden,
    .notice.rejected {
      border-inline-start-color: var(--_plein-error-color);
    }

    .badge.hidden,
    .badge.rejected {
      color: var(--_plein-error-color);
    }
  }
`;
