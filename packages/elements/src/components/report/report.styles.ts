import { css } from 'lit';

/**
 * `<plein-report>`. The chart colours are tokens: this period in the primary colour by default, the previous period
 * in a dark amber, both at least 3:1 against the background (WCAG 1.4.11) and told apart by pattern and line style
 * too, never by colour alone. In forced-colors mode the charts take the system's text colour.
 */
export const reportStyles = css`
  @layer plein {
    :host {
      --_plein-chart-current: var(--plein-chart-current-color, var(--_plein-primary));
      --_plein-chart-previous: var(--plein-chart-previous-color, #8a4b00);
      --_plein-chart-grid: var(--plein-chart-grid-color, var(--_plein-border-color));
    }

    .heading {
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.25;
      margin-block-end: 0.5em;
    }

    .subheading {
      font-size: 1.25em;
      font-weight: 700;
      line-height: 1.3;
      margin-block: 1.5em 0.5em;
    }

    .period-form {
      display: grid;
      gap: 0.5em;
      margin-block-end: 1em;
      padding: 1em;
      border: 0.0625em solid var(--_plein-border-color);
      border-radius: var(--_plein-radius);
    }

    .period-form .field {
      margin-block-end: 0.5em;
      max-inline-size: 24em;
    }

    .custom {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0 1em;
    }

    .custom .hint {
      flex-basis: 100%;
      margin-block-end: 0.5em;
    }

    .custom .field {
      flex: 1 1 10em;
    }

    .custom .button {
      margin-block-end: 1em;
    }

    .mode-choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5em;
    }

    .exports {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
      margin-block: 0.5em 1em;
    }

    .exports .hint {
      flex-basis: 100%;
      margin: 0;
    }

    .measure {
      block-size: 0;
      inline-size: 100%;
    }

    .section {
      margin-block-end: 2em;
    }

    figure {
      margin: 0;
    }

    figcaption {
      margin-block-end: 0.75em;
      font-weight: 600;
    }

    /*
     * The charts get their direction from their own direction attribute (the element's writing direction), and their
     * drawing is mirrored to match (bar-chart.ts, line-chart.ts): no rule here may override it. The swatches are
     * symmetric, so they read the same either way.
     */
    .swatch {
      direction: ltr;
    }

    .chart {
      display: block;
      overflow: visible;
      margin-block-end: 0.5em;
      color: var(--_plein-text-color);
    }

    .chart text {
      fill: var(--_plein-text-color);
      font-family: var(--_plein-font-family);
      font-size: 1em;
    }

    .chart .axis {
      fill: var(--_plein-muted-color);
    }

    .chart .value.suppressed {
      font-style: italic;
    }

    .bar.current {
      fill: var(--_plein-chart-current);
    }

    .bar.previous {
      stroke: var(--_plein-chart-previous);
      stroke-width: 1.5;
    }

    .hatch-background {
      fill: var(--_plein-background);
    }

    .hatch-line {
      stroke: var(--_plein-chart-previous);
      stroke-width: 3;
    }

    .grid {
      stroke: var(--_plein-chart-grid);
      stroke-width: 1;
    }

    .line {
      fill: none;
      stroke-width: 3;
      stroke-linejoin: round;
    }

    .line.current {
      stroke: var(--_plein-chart-current);
    }

    .line.previous {
      stroke: var(--_plein-chart-previous);
      stroke-dasharray: 8 5;
    }

    .point.current {
      fill: var(--_plein-chart-current);
    }

    .point.previous {
      fill: var(--_plein-background);
      stroke: var(--_plein-chart-previous);
      stroke-width: 2.5;
    }

    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1.5em;
      margin: 0 0 0.75em;
      padding: 0;
      list-style: none;
    }

    .legend li {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
    }

    .swatch {
      flex: none;
      overflow: visible;
    }

    .gaps {
      color: var(--_plein-muted-color);
    }

    .table-scroll {
      max-inline-size: 100%;
      overflow-x: auto;
      margin-block-end: 0.5em;
      /* Room for the focus ring inside the scrolling box, where it would otherwise be cut off. */
      padding: 0.25em;
    }

    table {
      border-collapse: collapse;
      min-inline-size: 100%;
    }

    th,
    td {
      padding-block: 0.375em;
      padding-inline: 0.5em;
      border-block-end: 0.0625em solid var(--_plein-border-color);
      text-align: start;
      vertical-align: top;
    }

    thead th {
      border-block-end-width: 0.125em;
    }

    tbody th {
      font-weight: 400;
      overflow-wrap: anywhere;
      min-inline-size: 10em;
    }

    td {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }

    .titles-topic {
      margin-block: 1em 0.25em;
      font-weight: 700;
    }

    .titles {
      margin-block: 0;
      padding-inline-start: 1.25em;
    }

    .titles li {
      overflow-wrap: anywhere;
    }

    .schedule {
      margin-block-start: 2em;
      padding-block-start: 1em;
      border-block-start: 0.0625em solid var(--_plein-border-color);
    }

    .saved {
      color: var(--_plein-success-color);
      font-weight: 600;
    }

    .loading {
      color: var(--_plein-muted-color);
    }

    @media (forced-colors: active) {
      .bar.current,
      .point.current,
      .chart text {
        fill: CanvasText;
      }

      .bar.previous,
      .point.previous,
      .line.previous,
      .line.current,
      .hatch-line {
        stroke: CanvasText;
      }

      .hatch-background,
      .point.previous {
        fill: Canvas;
      }

      .grid {
        stroke: GrayText;
      }
    }
  }
`;
