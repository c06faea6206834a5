import { css } from 'lit';

/** The hand-off under an expert answer, and the choice of it in the expert's answer forms. */
export const handOffStyles = css`
  @layer plein {
    .hand-off {
      margin-block: 0.75em;
    }

    .hand-off-lead {
      margin-block-end: 0.5em;
      font-weight: 600;
    }

    .hand-off-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }

    .hand-off-contact {
      margin-block-start: 0.75em;
      padding: 0.75em 1em;
      border: 0.0625em solid var(--_plein-border-color);
      border-radius: var(--_plein-radius);
    }

    .hand-off-choices .hint {
      display: block;
      margin-block-end: 0.25em;
    }
  }
`;
