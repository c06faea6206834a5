import { css } from 'lit';

/**
 * The declarations that make a button read as a link (and keep a real link looking the same), for `.link-button` and
 * for an element's own links that are buttons in one mode and links in another, such as the situations in
 * `<plein-topics>`. Put size and weight after it: it sets `font: inherit`.
 */
export const linkLook = css`
  min-block-size: 1.5em;
  padding: 0;
  border: 0;
  background: none;
  color: var(--_plein-link-color);
  font: inherit;
  text-decoration: underline;
  text-underline-offset: 0.15em;
  cursor: pointer;
`;

/**
 * What every Plein element shares. Public `--plein-*` tokens fall back to NL Design System tokens (`--nl-*`,
 * `--utrecht-*`, `--basis-*`) and then to a neutral default; the private `--_plein-*` mirrors are what the rules read.
 * Sizes are in em so a host page's `html { font-size: 62.5% }` cannot shrink the text, and text is never under 16px
 * even when a host page sets `* { font-size: 13px }` on the element itself.
 */
export const baseStyles = css`
  @layer plein {
    :host {
      --_plein-text-color: var(
        --plein-text-color,
        var(--nl-paragraph-color, var(--utrecht-document-color, var(--basis-color-default-color-document, #1b1b1b)))
      );
      --_plein-muted-color: var(
        --plein-muted-color,
        var(--basis-color-default-color-subdued, var(--basis-color-default-color-subtle, #545454))
      );
      --_plein-background: var(
        --plein-background-color,
        var(--utrecht-document-background-color, var(--basis-color-default-bg-document, #ffffff))
      );
      --_plein-surface: var(--plein-surface-color, var(--basis-color-default-bg-subtle, #f4f6f8));
      --_plein-border-color: var(--plein-border-color, var(--basis-color-default-border-default, #8a8f94));
      --_plein-primary: var(
        --plein-button-background-color,
        var(
          --nl-button-primary-background-color,
          var(--utrecht-button-primary-action-background-color, var(--basis-color-action-1-bg-default, #1a5a96))
        )
      );
      --_plein-primary-text: var(
        --plein-button-color,
        var(--nl-button-primary-color, var(--utrecht-button-primary-action-color, #ffffff))
      );
      --_plein-link-color: var(--plein-link-color, var(--nl-link-color, var(--utrecht-link-color, #1a5a96)));
      --_plein-focus-color: var(
        --plein-focus-outline-color,
        var(--utrecht-focus-outline-color, var(--basis-focus-outline-color, #000000))
      );
      --_plein-focus-inverse: var(
        --plein-focus-inverse-color,
        var(--utrecht-focus-inverse-outline-color, var(--basis-focus-inverse-outline-color, #ffffff))
      );
      --_plein-error-color: var(
        --plein-error-color,
        var(--utrecht-feedback-danger-color, var(--basis-color-negative-color-default, #b00020))
      );
      --_plein-success-color: var(
        --plein-success-color,
        var(--utrecht-feedback-success-color, var(--basis-color-positive-color-default, #1e6b34))
      );
      --_plein-expert-color: var(--plein-expert-color, #5b2a86);
      --_plein-radius: var(--plein-border-radius, var(--utrecht-border-radius, var(--basis-border-radius-sm, 0.25em)));
      --_plein-font-family: var(
        --plein-font-family,
        var(
          --nl-paragraph-font-family,
          var(--utrecht-document-font-family, var(--basis-text-font-family-default, system-ui, sans-serif))
        )
      );

      display: block;
      color: var(--_plein-text-color);
      font-family: var(--_plein-font-family);
      text-align: start;
    }

    :host([hidden]) {
      display: none;
    }

    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }

    .root {
      font-size: var(--plein-font-size, max(1em, 16px));
      line-height: var(--plein-line-height, 1.5);
    }

    h2,
    h3,
    h4 {
      line-height: 1.25;
      margin-block: 0 0.5em;
    }

    p {
      margin-block: 0 0.75em;
    }

    a {
      color: var(--_plein-link-color);
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }

    :focus-visible {
      outline: 0.1875em solid var(--_plein-focus-color);
      outline-offset: 0.125em;
      box-shadow: 0 0 0 0.125em var(--_plein-focus-inverse);
    }

    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.5em;
      min-block-size: 2.75em;
      min-inline-size: 2.75em;
      padding-block: 0.5em;
      padding-inline: 1em;
      border: 0.125em solid var(--_plein-primary);
      border-radius: var(--_plein-radius);
      background: var(--_plein-primary);
      color: var(--_plein-primary-text);
      font: inherit;
      font-weight: 600;
      line-height: 1.25;
      cursor: pointer;
      text-decoration: none;
    }

    .button.secondary {
      background: transparent;
      color: var(--_plein-primary);
    }

    .button[aria-disabled='true'],
    .button:disabled {
      cursor: not-allowed;
      opacity: 0.7;
    }

    .link-button {
      display: inline;
      ${linkLook}
    }

    /* The arrow of a way back points back in the reading direction: to the right when the text runs right to left. */
    :host(:dir(rtl)) .back-arrow {
      display: inline-block;
      transform: scaleX(-1);
    }

    .field {
      display: grid;
      gap: 0.25em;
      margin-block-end: 1em;
    }

    .field label {
      font-weight: 600;
    }

    .hint {
      color: var(--_plein-muted-color);
    }

    .field-error {
      color: var(--_plein-error-color);
      font-weight: 600;
    }

    input,
    select,
    textarea {
      inline-size: 100%;
      min-block-size: 2.75em;
      padding-block: 0.5em;
      padding-inline: 0.625em;
      border: 0.0625em solid var(--_plein-border-color);
      border-radius: var(--_plein-radius);
      background: var(--_plein-background);
      color: var(--_plein-text-color);
      font: inherit;
      line-height: 1.5;
    }

    textarea {
      min-block-size: 8em;
      resize: vertical;
    }

    [aria-invalid='true'] {
      border-color: var(--_plein-error-color);
      border-width: 0.125em;
    }

    .counter {
      color: var(--_plein-muted-color);
      font-variant-numeric: tabular-nums;
    }

    .counter.over {
      color: var(--_plein-error-color);
      font-weight: 600;
    }

    .alert {
      padding: 0.75em 1em;
      border-inline-start: 0.375em solid var(--_plein-error-color);
      background: var(--_plein-surface);
      margin-block-end: 1em;
    }

    .alert.success {
      border-inline-start-color: var(--_plein-success-color);
    }

    .alert > :last-child {
      margin-block-end: 0;
    }

    .badge {
      display: inline-block;
      padding-block: 0.125em;
      padding-inline: 0.5em;
      border-radius: var(--_plein-radius);
      border: 0.0625em solid currentColor;
      font-weight: 600;
      white-space: nowrap;
    }

    .badge.expert {
      color: var(--_plein-expert-color);
    }

    .badge.resolved {
      color: var(--_plein-success-color);
    }

    .muted {
      color: var(--_plein-muted-color);
    }

    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    @media (prefers-reduced-motion: no-preference) {
      .spinner {
        animation: plein-spin 1s linear infinite;
      }
    }

    @keyframes plein-spin {
      to {
        transform: rotate(1turn);
      }
    }

    /* Whoever asks their system for less motion gets none: no animation, no transition, no smooth scrolling. */
    @media (prefers-reduced-motion: reduce) {
      *,
      *::before,
      *::after {
        animation: none !important;
        transition: none !important;
        scroll-behavior: auto !important;
      }
    }

    /*
     * Forced colours (a Windows contrast theme): the system sets the colours and drops backgrounds and shadows. Borders
     * and outlines stay, so buttons keep their border and focus its outline; a state shown by a background alone
     * (pressed, selected, current) gets the system's highlight instead.
     */
    @media (forced-colors: active) {
      :focus-visible {
        outline-color: Highlight;
      }

      .button {
        border-color: ButtonText;
      }

      .button[aria-disabled='true'],
      .button:disabled {
        border-color: GrayText;
        color: GrayText;
      }

      a,
      .link-button {
        color: LinkText;
      }

      /* Important: the state must win over any look an element gives its buttons (.button.secondary is transparent). */
      [aria-pressed='true'],
      [aria-selected='true'],
      [aria-current]:not([aria-current='false']) {
        forced-color-adjust: none;
        border-color: Highlight !important;
        background: Highlight !important;
        color: HighlightText !important;
      }

      .badge,
      .alert {
        border-color: CanvasText;
      }
    }
  }
`;
