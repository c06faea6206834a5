import { css } from 'lit';

export const expertInboxStyles = css`
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

    .item-title {
      margin: 0;
      font-size: 1.125em;
      font-weight: 600;
      line-height: 1.4;
    }

    .toggle {
      display: inline;
      min-block-size: 1.5em;
      padding: 0;
      border: 0;
      background: none;
      color: var(--_plein-link-color);
      font: inherit;
      text-align: start;
      text-decoration: underline;
      text-underline-offset: 0.15em;
      overflow-wrap: anywhere;
      cursor: pointer;
    }

    .toggle::before {
      content: '▸ ';
      display: inline-block;
      text-decoration: none;
    }

    .toggle[aria-expanded='true']::before {
      content: '▾ ';
    }

    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1em;
      margin-block: 0.25em 0;
      color: var(--_plein-muted-color);
    }

    .overdue {
      color: var(--_plein-error-color);
      font-weight: 600;
    }

    .claim {
      margin-block: 0.5em 0;
      font-weight: 600;
    }

    .claim.mine {
      color: var(--_plein-success-color);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      margin-block-start: 0.5em;
    }

    .details {
      margin-block-start: 0.75em;
      padding-inline-start: 1em;
      border-inline-start: 0.25em solid var(--_plein-border-color);
    }

    .question-body {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }

    .more {
      margin-block-start: 1em;
    }

    .empty,
    .loading {
      color: var(--_plein-muted-color);
    }

    /* The private questions, the appointments and the free times: sections after the inbox. */
    .section {
      margin-block-start: 2em;
    }

    .private-status.waiting {
      font-weight: 600;
    }

    .private-answers {
      list-style: none;
      margin: 0 0 1em;
      padding: 0;
    }

    .private-answer {
      margin-block-end: 0.75em;
      padding-inline-start: 0.75em;
      border-inline-start: 0.1875em solid var(--_plein-success-color);
    }

    .facts {
      display: grid;
      gap: 0.25em;
      margin-block: 0.5em 0;
    }

    .facts > div {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.5em;
    }

    .facts dt {
      font-weight: 600;
    }

    .facts dt::after {
      content: ':';
    }

    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .slot {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5em 1em;
    }

    .slot-text {
      display: grid;
    }

    .slot-form {
      margin-block-start: 1.5em;
    }

    .slot-form .item-title {
      margin-block-end: 0.5em;
    }

    .time-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }

    .time-row input {
      inline-size: auto;
      min-inline-size: 8em;
    }

    .times-label {
      margin-block: 0.5em 0.25em;
    }

    .times {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1.5em;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .times li {
      display: flex;
      gap: 0.5em;
      align-items: baseline;
    }
  }
`;
