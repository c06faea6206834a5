import { css } from 'lit';

export const questionStyles = css`
  @layer plein {
    :host {
      --_plein-expert-surface: var(--plein-expert-surface-color, var(--basis-color-default-bg-subtle, #f6f2fa));
    }

    .title {
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.5em;
      overflow-wrap: anywhere;
    }

    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 1em;
      margin-block: 0 0.75em;
      color: var(--_plein-muted-color);
    }

    .meta .badge {
      color: var(--_plein-text-color);
    }

    .meta .badge.resolved {
      color: var(--_plein-success-color);
    }

    /* People's own words: line breaks kept, long links and words wrapped, never parsed as HTML. */
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }

    .question {
      padding-block-end: 1em;
      margin-block-end: 1.5em;
      border-block-end: 0.0625em solid var(--_plein-border-color);
    }

    .section-heading {
      font-size: 1.25em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.75em;
    }

    .answer-list {
      display: grid;
      gap: 1em;
      list-style: none;
      margin: 0 0 1em;
      padding: 0;
    }

    .answer {
      padding-block: 0.75em;
      padding-inline: 1em;
      border: 0.0625em solid var(--_plein-border-color);
      border-radius: var(--_plein-radius);
    }

    .answer.expert {
      border-inline-start: 0.375em solid var(--_plein-expert-color);
      background: var(--_plein-expert-surface);
    }

    .answer.accepted {
      border-color: var(--_plein-success-color);
      border-width: 0.125em;
    }

    .answer.expert.accepted {
      border-inline-start: 0.375em solid var(--_plein-expert-color);
    }

    .answer > .meta {
      margin-block-end: 0;
    }

    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      margin-block-end: 0.5em;
    }

    .badge.accepted {
      color: var(--_plein-success-color);
    }

    .author {
      display: grid;
      gap: 0.125em;
      margin-block-end: 0.5em;
    }

    .author .name {
      font-weight: 600;
    }

    .author .independence {
      color: var(--_plein-muted-color);
    }

    /* Decoration: the hidden words say "verified". */
    .badge.expert.verified::before {
      content: '✓' / '';
      margin-inline-end: 0.25em;
    }

    .expert-link-line {
      margin-block: -0.25em 0.5em;
    }

    .expert-profile {
      margin-block-end: 0.75em;
      padding: 0.75em 1em;
      border: 0.0625em solid var(--_plein-border-color);
      border-radius: var(--_plein-radius);
      background: var(--_plein-background);
    }

    .source,
    .reviewed {
      margin-block: 0.5em 0;
      color: var(--_plein-muted-color);
    }

    .source a {
      overflow-wrap: anywhere;
    }

    /* Calm on purpose: it is information, not a warning. */
    .expert-note {
      margin-block: 0.75em 0.5em;
      padding-block: 0.25em;
      padding-inline-start: 0.75em;
      border-inline-start: 0.1875em solid var(--_plein-border-color);
      color: var(--_plein-muted-color);
    }

    .empty {
      color: var(--_plein-muted-color);
    }

    .more {
      margin-block-end: 1em;
    }

    .answer-form {
      margin-block-start: 2em;
      padding-block-start: 1.5em;
      border-block-start: 0.0625em solid var(--_plein-border-color);
    }

    form {
      max-inline-size: 40em;
    }

    .status {
      min-block-size: 1.5em;
      margin-block: 0.75em 0;
      color: var(--_plein-success-color);
      font-weight: 600;
    }

    .subheading {
      font-size: 1.125em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.75em;
    }

    .actions,
    .answer-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 0.75em;
    }

    .answer-actions {
      margin-block-start: 0.75em;
    }

    .helpful-count {
      color: var(--_plein-muted-color);
    }

    /* Pressed: filled, and a check mark that does not rely on colour alone. */
    .helpful[aria-pressed='true'] {
      background: var(--_plein-primary);
      color: var(--_plein-primary-text);
    }

    /* Visual only: aria-pressed already tells a screen reader, so the mark has empty alternative text. */
    .helpful[aria-pressed='true']::before {
      content: '✓' / '';
    }

    .answer .alert {
      margin-block: 0.75em 0;
    }

    .badge.held {
      color: var(--_plein-text-color);
      border-style: dashed;
    }

    .badge.new {
      color: var(--_plein-link-color);
    }

    .answer.held {
      border-style: dashed;
      background: var(--_plein-surface);
    }

    .held-note,
    .edited {
      color: var(--_plein-muted-color);
    }

    .notice {
      padding-block: 0.75em;
      padding-inline: 1em;
      margin-block-end: 0.75em;
      border-inline-start: 0.375em solid var(--_plein-border-color);
      background: var(--_plein-surface);
    }

    .notice > :last-child {
      margin-block-end: 0;
    }

    .notice-heading,
    .removed-heading {
      font-weight: 700;
    }

    .owner {
      padding-block-end: 1em;
      margin-block-end: 1.5em;
      border-block-end: 0.0625em solid var(--_plein-border-color);
    }

    .owner .actions,
    .owner .alert {
      margin-block-start: 0.75em;
    }

    .resolved-note {
      margin-block: 0.75em 0;
      color: var(--_plein-success-color);
      font-weight: 600;
    }

    .edit-form,
    .confirm {
      padding: 1em;
      border: 0.0625em solid var(--_plein-border-color);
      border-radius: var(--_plein-radius);
    }

    .confirm-question {
      font-weight: 600;
    }

    .button.danger {
      border-color: var(--_plein-error-color);
      background: var(--_plein-error-color);
      color: var(--_plein-primary-text);
    }

    .follow {
      margin-block-start: 2em;
      padding-block-start: 1.5em;
      border-block-start: 0.0625em solid var(--_plein-border-color);
    }
  }
`;
