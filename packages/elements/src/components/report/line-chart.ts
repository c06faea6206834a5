import { html, svg, type TemplateResult } from 'lit';
import type { ChartRow, Count } from './summaries.ts';

/**
 * A line chart of questions over time: this period as a solid line with round points, the previous period (at the
 * same place in time) as a dashed line with square points. A suppressed point is not drawn, and the line breaks
 * there: drawing it at 0 would say "no questions", which may not be true. The element says below the chart how
 * often that happens. As with the bar chart, the SVG is one image named by the summary sentence, and the table under
 * it holds every number.
 *
 * Right to left, time runs from right to left and the numbers of the axis stand on the right: the whole element is
 * mirrored, and Mozilla's RTL guidelines say that anything that relates to time moves right to left there. Kept
 * left-to-right, the chart would put the newest point where an Arabic reader starts reading, which reads as the
 * first one.
 */

export interface LineChartOptions {
  id: string;
  /** One point per day, week or month; `item` is the point's name on the axis. */
  points: readonly ChartRow[];
  width: number;
  fontSize: number;
  labelledBy: string;
  /** The element's writing direction; `rtl` mirrors the drawing, so time runs from right to left. */
  direction?: 'ltr' | 'rtl';
  /** The language the axis numbers are written in (`Intl`): "1.000" in Dutch, "١٠٠٠" in Arabic. */
  locale?: string;
}

const CHARACTER_WIDTH = 0.56;

const visible = (count: Count) => (!count.suppressed && count.value !== null ? count.value : undefined);

/** A round top for the axis whose half is a whole number too: 8, 20, 40, 60, 100, 200. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 10;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 4, 6, 8, 10]) if (step * magnitude >= value) return Math.max(step * magnitude, 2);
  return 10 * magnitude;
}

/** How many points of each series are not drawn because their count is suppressed. */
export function gapsOf(points: readonly ChartRow[]): { current: number; previous: number } {
  return {
    current: points.filter((point) => visible(point.current) === undefined).length,
    previous: points.filter((point) => visible(point.previous) === undefined).length,
  };
}

export function renderLineChart(options: LineChartOptions): TemplateResult {
  const { points, width, fontSize: f, labelledBy, direction = 'ltr', locale } = options;
  const numberFormat = new Intl.NumberFormat(locale);
  // A horizontal position measured from the start edge. Text anchors need no change: the SVG's `direction` follows
  // the element's, so `start` and `end` turn with it.
  const at = (fromStart: number) => (direction === 'rtl' ? width - fromStart : fromStart);
  const values = points.flatMap((point) => [visible(point.current), visible(point.previous)]);
  const top = niceCeiling(Math.max(0, ...values.map((value) => value ?? 0)));
  const ticks = [0, top / 2, top];
  const height = 13 * f;
  const marginTop = 0.75 * f;
  const marginBottom = 2.25 * f;
  const marginLeft = (numberFormat.format(top).length * CHARACTER_WIDTH + 0.75) * f;
  const marginRight = 0.75 * f;
  const plotWidth = Math.max(width - marginLeft - marginRight, f);
  const plotHeight = height - marginTop - marginBottom;
  const x = (index: number) =>
    points.length <= 1 ? marginLeft + plotWidth / 2 : marginLeft + (index * plotWidth) / (points.length - 1);
  const y = (value: number) => marginTop + plotHeight - (value / top) * plotHeight;

  const series = (name: 'current' | 'previous') => {
    // Runs of drawn points; a suppressed point ends a run, so the line has a gap there.
    const runs: [number, number][][] = [[]];
    points.forEach((point, index) => {
      const value = visible(point[name]);
      if (value === undefined) runs.push([]);
      else runs.at(-1)!.push([at(x(index)), y(value)]);
    });
    const path = runs
      .filter((run) => run.length > 0)
      .map((run) => run.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px.toFixed(1)} ${py.toFixed(1)}`).join(' '))
      .join(' ');
    const size = 0.55 * f;
    const markers = points.map((point, index) => {
      const value = visible(point[name]);
      if (value === undefined) return null;
      return name === 'current'
        ? svg`<circle class="point current" data-series="current" data-index=${index} cx=${at(x(index))} cy=${y(value)} r=${size / 2}></circle>`
        : svg`<rect class="point previous" data-series="previous" data-index=${index} x=${at(x(index)) - size / 2} y=${y(value) - size / 2} width=${size} height=${size}></rect>`;
    });
    return svg`<g class="series ${name}">
      ${path ? svg`<path class="line ${name}" d=${path}></path>` : null}
      ${markers}
    </g>`;
  };

  const first = points[0];
  // The first and the last point are named under the axis; the last only when the two names fit side by side.
  const namesFit =
    (first?.item.length ?? 0) + (points.at(-1)?.item.length ?? 0) + 2 <= plotWidth / (f * CHARACTER_WIDTH);
  const last = points.length > 1 && namesFit ? points.at(-1) : undefined;
  const axisY = height - 0.6 * f;
  return html`<svg
    part="chart-image"
    class="chart line-chart"
    direction=${direction}
    role="img"
    aria-labelledby=${labelledBy}
    width="100%"
    height=${height}
    viewBox="0 0 ${width} ${height}"
    preserveAspectRatio="xMinYMin meet"
  >
    ${ticks.map(
      (tick) => svg`
        <line class="grid" x1=${at(marginLeft)} x2=${at(marginLeft + plotWidth)} y1=${y(tick)} y2=${y(tick)}></line>
        <text class="axis" x=${at(marginLeft - 0.375 * f)} y=${y(tick)} text-anchor="end" dominant-baseline="central">${numberFormat.format(tick)}</text>
      `,
    )}
    ${first ? svg`<text class="axis" x=${at(marginLeft)} y=${axisY} text-anchor="start">${first.item}</text>` : null}
    ${last ? svg`<text class="axis" x=${at(marginLeft + plotWidth)} y=${axisY} text-anchor="end">${last.item}</text>` : null}
    ${series('previous')} ${series('current')}
  </svg>`;
}

/** The key under the line chart: which line is which period, with the lines' own look. */
export function renderLineLegend(label: string, current: string, previous: string): TemplateResult {
  const swatch = (name: 'current' | 'previous') =>
    html`<svg class="swatch" aria-hidden="true" width="2em" height="1em" viewBox="0 0 32 16">
      <line class="line ${name}" x1="0" y1="8" x2="32" y2="8"></line>
      ${
        name === 'current'
          ? svg`<circle class="point current" cx="16" cy="8" r="4.5"></circle>`
          : svg`<rect class="point previous" x="11.5" y="3.5" width="9" height="9"></rect>`
      }
    </svg>`;
  return html`<ul class="legend" aria-label=${label}>
    <li>${swatch('current')} ${current}</li>
    <li>${swatch('previous')} ${previous}</li>
  </ul>`;
}
