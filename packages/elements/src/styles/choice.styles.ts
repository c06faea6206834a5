import { css } from 'lit';

/**
 * Radio buttons and checkboxes with their labels (the flag form, the moderators' forms): a group with a visible
 * legend, each choice a row whose box is 1.5em (24px at 16px) and whose label is part of the target. The shared field
 * styles make inputs full width; these rules undo that for boxes.
 */
export const choiceStyles = css`
  @layer plein {
    .choices {
      margin: 0 0 1em;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }

    .choices legend {
      padding: 0;
      margin-block-end: 0.25em;
      font-weight: 600;
    }

    .choice {
      display: flex;
      align-items: flex-start;
      gap: 0.5em;
      margin-block: 0.25em;
    }

    .choice input {
      flex: none;
      inline-size: 1.5em;
      block-size: 1.5em;
      min-block-size: 1.5em;
      margin: 0;
      padding: 0;
      accent-color: var(--_plein-primary);
    }

    .choice label {
      font-weight: 400;
      min-block-size: 1.5em;
      cursor: pointer;
    }

    .choice .hint {
      display: block;
    }
  }
`;
