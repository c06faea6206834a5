import { css } from 'lit';

/** The list of problems above a form (`renderErrorSummary` in `form/error-summary.ts`), each linked to its field. */
export const errorSummaryStyles = css`
  @layer plein {
    .error-summary-heading {
      font-weight: 700;
    }

    .error-summary ul {
      margin-block: 0;
      padding-inline-start: 1.25em;
    }

    .error-summary a {
      color: var(--_plein-error-color);
      font-weight: 600;
    }
  }
`;
