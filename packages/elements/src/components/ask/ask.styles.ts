import { css } from 'lit';

export const askStyles = css`
  @layer plein {
    :host {
      container-type: inline-size;
    }

    .heading {
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.75em;
    }

    .intro {
      max-inline-size: 40em;
    }

    .note {
      padding-block: 0.5em;
      padding-inline: 1em;
      border-inline-start: 0.375em solid var(--_plein-primary);
      background: var(--_plein-surface);
    }

    .draft-note {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25em 1em;
      margin-block-end: 0.75em;
    }

    .draft-note p {
      margin: 0;
    }

    .summary-heading,
    .similar-heading {
      font-size: 1.125em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.5em;
    }

    .summary ul {
      margin: 0;
      padding-inline-start: 1.25em;
    }

    .summary li + li {
      margin-block-start: 0.25em;
    }

    .summary a {
      display: inline-block;
      min-block-size: 1.5em;
      color: var(--_plein-error-color);
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    form {
      max-inline-size: 40em;
    }

    .field label {
      overflow-wrap: anywhere;
    }

    .optional {
      font-weight: 400;
      color: var(--_plein-muted-color);
    }

    .field-error {
      margin: 0;
    }

    textarea {
      min-block-size: 12em;
    }

    input[readonly],
    textarea[readonly] {
      background: var(--_plein-surface);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
      margin-block: 1em 0;
    }

    /* On a phone the buttons span the width: easy to hit with a thumb. */
    .actions .button {
      flex: 1 1 100%;
    }

    @container (min-inline-size: 30em) {
      .actions .button {
        flex: 0 0 auto;
      }
    }

    .success .heading {
      padding-inline-start: 0.5em;
      border-inline-start: 0.25em solid var(--_plein-success-color);
    }

    .question {
      margin-block-start: 1.5em;
    }

    .similar {
      margin-block: 0 1em;
      padding-block: 0.75em;
      padding-inline: 1em;
      border-inline-start: 0.375em solid var(--_plein-primary);
      background: var(--_plein-surface);
    }

    .similar-list {
      margin: 0;
      padding-inline-start: 1.25em;
    }

    .similar-item + .similar-item {
      margin-block-start: 0.5em;
    }

    .similar-item a {
      display: inline-block;
      min-block-size: 1.5em;
      overflow-wrap: anywhere;
    }

    .similar-meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
      color: var(--_plein-muted-color);
    }

    .back {
      margin-block-end: 1em;
    }
  }
`;
