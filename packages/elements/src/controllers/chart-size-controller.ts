import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The width and text size charts are drawn for. SVG text in a scaled `viewBox` shrinks with the drawing, so a chart
 * drawn for 640px would show 8px text on a 320px phone; charts are drawn in real pixels for the width they have,
 * with the element's own text size, and again when either changes.
 *
 * It watches an element of zero height (`find`): its size never depends on the charts, so drawing them again cannot
 * start another round of measuring.
 */
export class ChartSizeController implements ReactiveController {
  width = 640;
  fontSize = 16;

  private observed: Element | null = null;
  private readonly observer = new ResizeObserver((entries) => this.measure(entries.at(-1)?.target));

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly find: () => Element | null,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const target = this.find();
    if (target === this.observed) return;
    this.observer.disconnect();
    this.observed = target;
    if (target) this.observer.observe(target);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    this.observed = null;
  }

  private measure(target: Element | undefined): void {
    if (!target) return;
    const width = Math.floor(target.getBoundingClientRect().width);
    const fontSize = Number.parseFloat(getComputedStyle(target).fontSize) || 16;
    if (width <= 0 || (width === this.width && fontSize === this.fontSize)) return;
    this.width = width;
    this.fontSize = fontSize;
    this.host.requestUpdate();
  }
}
