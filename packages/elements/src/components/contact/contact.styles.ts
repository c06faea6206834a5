import { css } from 'lit';

export const contactStyles = css`
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

    .compact .heading {
      font-size: 1.25em;
      margin-block-end: 0.5em;
    }

    .intro {
      max-inline-size: 40em;
    }

    .compact {
      padding: 1em;
      border-radius: var(--_plein-radius);
      background: var(--_plein-surface);
    }

    .channel {
      margin-block: 0 2em;
      max-inline-size: 40em;
    }

    .channel-heading {
      font-size: 1.25em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.5em;
    }

    .compact .channel {
      margin-block: 0 1em;
    }

    .compact .channel-heading {
      font-size: 1.125em;
    }

    .phone-number {
      font-size: 1.375em;
      font-weight: 700;
      margin-block-end: 0.25em;
    }

    /* A number never breaks in the middle, and its link is a comfortable target. */
    .phone-number a {
      display: inline-block;
      min-block-size: 1.5em;
      white-space: nowrap;
    }

    .status {
      display: flex;
      align-items: baseline;
      gap: 0.5em;
      font-weight: 600;
    }

    /* Filled when open, hollow when closed: the shape tells it, not only the colour (and the words say it). */
    .status-mark {
      flex: none;
      inline-size: 0.75em;
      block-size: 0.75em;
      border-radius: 50%;
      border: 0.1875em solid currentColor;
      transform: translateY(0.05em);
    }

    .status.open .status-mark {
      color: var(--_plein-success-color);
      background: currentColor;
    }

    .status.closed .status-mark {
      color: var(--_plein-muted-color);
      background: transparent;
    }

    .opening-hours {
      border-collapse: collapse;
      margin-block: 0.5em 1em;
    }

    .opening-hours caption {
      text-align: start;
      font-weight: 700;
      margin-block-end: 0.25em;
    }

    .opening-hours th,
    .opening-hours td {
      padding-block: 0.25em;
      padding-inline: 0 1.5em;
      text-align: start;
      vertical-align: top;
      border-block-end: 0.0625em solid var(--_plein-border-color);
    }

    .opening-hours th {
      font-weight: 600;
    }

    .closed-day td {
      color: var(--_plein-muted-color);
    }

    .closed-days-heading {
      font-weight: 700;
      margin-block-end: 0.25em;
    }

    .closed-days {
      margin-block: 0 1em;
      padding-inline-start: 1.25em;
    }

    .compact-actions {
      display: flex;
      flex-direction: column;
      gap: 0.5em;
      margin-block: 0 1em;
    }

    .compact-actions .button {
      inline-size: 100%;
    }

    /* The open form's button looks pressed, as aria-expanded says. */
    .compact-actions .button[aria-expanded='true'] {
      background: var(--_plein-primary);
      color: var(--_plein-primary-text);
    }

    .note {
      padding-block: 0.5em;
      padding-inline: 1em;
      border-inline-start: 0.375em solid var(--_plein-primary);
      background: var(--_plein-surface);
    }

    .compact .note {
      background: var(--_plein-background);
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

    input[readonly],
    textarea[readonly] {
      background: var(--_plein-surface);
    }

    .slot-group {
      margin-block-end: 1em;
    }

    .slot label {
      overflow-wrap: anywhere;
    }

    .slot + .slot {
      margin-block-start: 0.5em;
    }

    .slot .hint {
      display: block;
    }

    .error-summary a {
      display: inline-block;
      min-block-size: 1.5em;
      overflow-wrap: anywhere;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
      margin-block: 1em 0;
    }

    /* On a phone, and in a sidebar, the buttons span the width: easy to hit with a thumb. */
    .actions .button {
      flex: 1 1 100%;
    }

    @container (min-inline-size: 30em) {
      .actions .button {
        flex: 0 0 auto;
      }
    }

    .sent:not(:empty) {
      margin-block-start: 1em;
    }

    .booked-heading {
      font-size: 1.125em;
      font-weight: 700;
      margin-block-end: 0.5em;
    }

    .thread {
      padding: 1em;
      border: 0.0625em solid var(--_plein-border-color);
      border-radius: var(--_plein-radius);
    }

    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }

    .thread-answers-heading {
      font-weight: 700;
      margin-block: 1em 0.5em;
    }

    .thread-answers {
      margin: 0 0 1em;
      padding: 0;
      list-style: none;
    }

    .thread-answer {
      padding-inline-start: 1em;
      border-inline-start: 0.25em solid var(--_plein-primary);
    }

    .thread-answer + .thread-answer {
      margin-block-start: 1em;
    }

    .thread-advisor {
      margin-block-end: 0;
    }
  }
`;
