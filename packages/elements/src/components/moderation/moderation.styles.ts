import { css } from 'lit';

export const moderationStyles = css`
  @layer plein {
    :host {
      --_plein-warning-color: var(
        --plein-warning-color,
        var(--utrecht-feedback-warning-color, var(--basis-color-warning-color-default, #8a5a00))
      );
      --_plein-danger-background: var(
        --plein-danger-button-background-color,
        var(--utrecht-button-primary-action-danger-background-color, var(--_plein-error-color))
      );
      --_plein-danger-text: var(
        --plein-danger-button-color,
        var(--utrecht-button-primary-action-danger-color, var(--_plein-primary-text))
      );
    }

    .heading {
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.5em;
    }

    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em;
      margin-block-end: 1em;
      border-block-end: 0.0625em solid var(--_plein-border-color);
    }

    .tab {
      min-block-size: 2.75em;
      padding-block: 0.5em;
      padding-inline: 1em;
      border: 0;
      border-block-end: 0.25em solid transparent;
      background: none;
      color: var(--_plein-text-color);
      font: inherit;
      cursor: pointer;
    }

    .tab[aria-selected='true'] {
      border-block-end-color: var(--_plein-primary);
      font-weight: 700;
    }

    .list,
    .log {
      list-style: none;
      margin: 0;
      padding: 0;
      border-block-start: 0.0625em solid var(--_plein-border-color);
    }

    .item,
    .entry {
      padding-block: 1em;
      border-block-end: 0.0625em solid var(--_plein-border-color);
    }

    .item-heading {
      font-size: 1.125em;
      font-weight: 700;
      line-height: 1.4;
      overflow-wrap: anywhere;
    }

    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 1em;
      margin-block: 0.25em 0.75em;
      color: var(--_plein-muted-color);
    }

    .badge.publication.hidden,
    .badge.publication.rejected {
      color: var(--_plein-error-color);
    }

    .badge.publication.held {
      border-style: dashed;
    }

    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }

    .context {
      margin-block: 0.75em;
    }

    .context summary {
      min-block-size: 1.5em;
      color: var(--_plein-link-color);
      text-decoration: underline;
      cursor: pointer;
    }

    .why {
      margin-block: 0.75em;
      padding-block: 0.5em;
      padding-inline: 1em;
      border-inline-start: 0.375em solid var(--_plein-warning-color);
      background: var(--_plein-surface);
    }

    .why-heading {
      margin-block: 0 0.25em;
      font-weight: 700;
    }

    .findings,
    .notes {
      margin-block: 0 0.5em;
      padding-inline-start: 1.25em;
    }

    .note-reason {
      font-weight: 600;
    }

    .notice.blocked {
      font-weight: 600;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      margin-block-start: 0.75em;
    }

    .action-form {
      margin-block-start: 0.75em;
      padding: 1em;
      border: 0.0625em solid var(--_plein-border-color);
      border-radius: var(--_plein-radius);
    }

    .subheading {
      font-size: 1.0625em;
      font-weight: 700;
      margin-block-end: 0.5em;
    }

    .confirm-question {
      font-weight: 600;
    }

    .button.danger {
      border-color: var(--_plein-danger-background);
      background: var(--_plein-danger-background);
      color: var(--_plein-danger-text);
    }

    .action-form textarea[name='reason'] {
      min-block-size: 5em;
    }

    .entry-what {
      margin-block-end: 0.25em;
    }

    .entry-action {
      font-weight: 700;
      margin-inline-end: 0.5em;
    }

    .entry-facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1.5em;
      margin: 0;
    }

    .entry-facts dt {
      display: inline;
      font-weight: 600;
    }

    .entry-facts dt::after {
      content: ': ';
    }

    .entry-facts dd {
      display: inline;
      margin: 0;
    }

    .entry-extra {
      margin-block: 0.25em 0;
    }

    .number {
      max-inline-size: 8em;
    }

    .saved {
      margin-block-start: 0.75em;
      color: var(--_plein-success-color);
      font-weight: 600;
    }

    .more {
      margin-block-start: 1em;
    }

    .empty,
    .loading {
      color: var(--_plein-muted-color);
    }
  }
`;
