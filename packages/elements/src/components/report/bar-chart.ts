import { html, nothing, svg, type TemplateResult } from 'lit';
import type { ChartRow, Count } from './summaries.ts';

/**
 * A horizontal bar chart of this period against the previous one: per row its name, then a solid bar (this period)
 * and a hatched, outlined bar (the previous period), each with its number after it. The two differ by pattern and
 * order, not by colour alone. A suppressed count gets no bar at all (a bar of 0 would say "none"), only the words
 * "minder dan 5". The drawing is for sighted readers: the SVG is one image named by the summary sentence, and the
 * table under it holds every number.
 *
 * Right to left, the chart is mirrored like the rest of the element: names and bars start at the right edge and the
 * bars grow to the left (Mozilla's RTL guidelines: a layout mirrors, and what grows or moves forward goes right to
 * left). Text anchors stay `start`/`end` because the SVG's `direction` follows the element's, so `start` is the right
 * end of a right-to-left label.
 */

export interface BarChartOptions {
  /** Unique within the element: the pattern's id is made from it. */
  id: string;
  rows: readonly ChartRow[];
  /** The width to draw for, in pixels, and the text size (see ChartSizeController). */
  width: number;
  fontSize: number;
  /** The id of the summary sentence that names the image. */
  labelledBy: string;
  /** The element's writing direction; `rtl` mirrors the drawing. */
  direction?: 'ltr' | 'rtl';
}

/** Average width of a character of the element's font, as a share of its size: enough to wrap names on words. */
const CHARACTER_WIDTH = 0.56;

/** A name in lines that fit `width` pixels; a word longer than a line (a web address) is cut into pieces. */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const perLine = Math.max(Math.floor(width / (fontSize * CHARACTER_WIDTH)), 8);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = word.length > perLine ? (word.match(new RegExp(`.{1,${perLine}}`, 'g')) ?? [word]) : [word];
    for (const piece of pieces) {
      if (!line) line = piece;
      else if (line.length + 1 + piece.length <= perLine) line = `${line} ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

const visible = (count: Count) => (!count.suppressed && count.value !== null ? count.value : undefined);

export function renderBarChart(options: BarChartOptions): TemplateResult {
  const { id, rows, width, fontSize: f, labelledBy, direction = 'ltr' } = options;
  // A horizontal position measured from the start edge: the left one, or the right one when right to left.
  const at = (fromStart: number) => (direction === 'rtl' ? width - fromStart : fromStart);
  const lineHeight = 1.25 * f;
  const barHeight = 1.125 * f;
  const barGap = 0.25 * f;
  const rowGap = 0.875 * f;
  // Room after the longest bar for its number or "minder dan 5".
  const labelRoom = Math.max(...rows.flatMap((row) => [row.current.label, row.previous.label].map((l) => l.length)), 2);
  const barSpace = Math.max(width - (labelRoom * CHARACTER_WIDTH + 0.75) * f, 3 * f);
  const highest = Math.max(
    0,
    ...rows.flatMap((row) => [visible(row.current), visible(row.previous)] as const).map((v) => v ?? 0),
  );
  const scale = (value: number) => (highest > 0 ? (value / highest) * barSpace : 0);
  const pattern = `${id}-previous-pattern`;

  let y = 0;
  const drawn = rows.map((row, index) => {
    const lines = wrapText(row.item, width, f);
    const name = svg`<text class="name" x=${at(0)} y=${y + 0.95 * f}>${lines.map(
      (line, i) => svg`<tspan x=${at(0)} dy=${i === 0 ? 0 : lineHeight}>${line}</tspan>`,
    )}</text>`;
    y += lines.length * lineHeight + 0.25 * f;
    const bars = (['current', 'previous'] as const).map((series) => {
      const count = row[series];
      const value = visible(count);
      const top = y;
      y += barHeight + barGap;
      const textY = top + barHeight / 2;
      if (value === undefined) {
        return svg`<text class="value suppressed" data-series=${series} data-row=${index} x=${at(0)} y=${textY} dominant-baseline="central">${count.label}</text>`;
      }
      const length = scale(value);
      return svg`
        <rect
          class="bar ${series}"
          data-series=${series}
          data-row=${index}
          x=${direction === 'rtl' ? width - length : 0}
          y=${top}
          width=${length}
          height=${barHeight}
          fill=${series === 'previous' ? `url(#${pattern})` : nothing}
        ></rect>
        <text class="value" x=${at(length + 0.375 * f)} y=${textY} dominant-baseline="central">${count.label}</text>
      `;
    });
    y += rowGap - barGap;
    return svg`<g class="row">${name}${bars}</g>`;
  });
  const height = Math.max(y - rowGap + barGap, f);

  return html`<svg
    part="chart-image"
    class="chart bar-chart"
    direction=${direction}
    role="img"
    aria-labelledby=${labelledBy}
    width="100%"
    height=${height}
    viewBox="0 0 ${width} ${height}"
    preserveAspectRatio="xMinYMin meet"
  >
    <defs>
      <pattern id=${pattern} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect class="hatch-background" width="6" height="6"></rect>
        <line class="hatch-line" x1="1.5" y1="0" x2="1.5" y2="6"></line>
      </pattern>
    </defs>
    ${drawn}
  </svg>`;
}

/** The key under a bar chart: which bar is which period, with the bars' own look. */
export function renderBarLegend(label: string, current: string, previous: string, id: string): TemplateResult {
  const swatch = (series: 'current' | 'previous') =>
    html`<svg class="swatch" aria-hidden="true" width="1.5em" height="1em" viewBox="0 0 24 16">
      ${
        series === 'current'
          ? svg`<rect class="bar current" x="0" y="2" width="24" height="12"></rect>`
          : svg`<rect class="bar previous" x="0" y="2" width="24" height="12" fill="url(#${id}-previous-pattern)"></rect>`
      }
    </svg>`;
  return html`<ul class="legend" aria-label=${label}>
    <li>${swatch('current')} ${current}</li>
    <li>${swatch('previous')} ${previous}</li>
  </ul>`;
}
