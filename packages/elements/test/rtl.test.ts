import { expect, fixture, html, waitUntil as waitAtMost } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { resetSharedClients } from '../src/context.ts';
import '../src/define/plein-ask.ts';
import '../src/define/plein-contact.ts';
import '../src/define/plein-experts.ts';
import '../src/define/plein-question.ts';
import '../src/define/plein-questions.ts';
import '../src/define/plein-report.ts';
import { ar } from '../src/localize/ar/all.ts';
import { en } from '../src/localize/en/all.ts';
import { startMockServer, worker } from '../src/mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../src/mocks/fixtures.ts';
import { signInMockAccount, signOutMockAccounts } from '../src/mocks/professionals.ts';

/**
 * Right to left, proven in real Chromium: each main element is drawn twice, under `<div lang="nl" dir="ltr">` and
 * under `<div lang="ar" dir="rtl">`, in a box of the same width. For chosen parts (the first control of a row, an
 * icon beside a label, a list item's meta line) the distance from the element's start edge must be the same both
 * times: left edge to left edge in Dutch, right edge to right edge in Arabic. That is the mirror rule
 * x_rtl = width − x_ltr − w, measured per direction because Arabic words are not as wide as Dutch ones. A layout
 * that used `left`/`right` instead of logical properties fails it. Screenshots of both go to test-output/screenshots/.
 */

const BOX_WIDTH = 720;
/** Pixels: glyph side bearings differ between the two scripts by a pixel or so. */
const TOLERANCE = 3;

type Direction = 'ltr' | 'rtl';

const waitUntil = (condition: () => unknown, message: string) => waitAtMost(condition, message, { timeout: 10000 });
const shadow = (element: Element) => element.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

interface Rendered {
  box: HTMLElement;
  element: HTMLElement;
}

async function renderIn(
  direction: Direction,
  name: string,
  content: TemplateResult,
  settled: (element: HTMLElement) => unknown,
): Promise<Rendered> {
  const lang = direction === 'rtl' ? 'ar' : 'nl';
  const box = await fixture<HTMLElement>(
    html`<div
      lang=${lang}
      dir=${direction}
      data-screenshot=${`${name}-${direction}`}
      style="inline-size: ${BOX_WIDTH}px"
    >
      ${content}
    </div>`,
  );
  const element = box.firstElementChild as HTMLElement;
  await waitUntil(() => settled(element), `${name} (${direction}) settles`);
  return { box, element };
}

/**
 * The first line of a part's text, or the part's own box for a control or a picture. A line of mixed scripts ("25"
 * beside Arabic words) has one rectangle per direction run, so the line is the union of the rectangles at its height.
 */
function boxOf(target: Element, measure: 'text' | 'box'): { left: number; right: number; width: number } {
  if (measure === 'box') return target.getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(target);
  const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
  const first = rects[0];
  if (!first) throw new Error(`no text to measure in ${target.outerHTML.slice(0, 80)}`);
  const line = rects.filter((rect) => Math.abs(rect.top - first.top) < first.height / 2);
  const left = Math.min(...line.map((rect) => rect.left));
  const right = Math.max(...line.map((rect) => rect.right));
  return { left, right, width: right - left };
}

/** How far a part stands from the element's start edge: the left edge in LTR, the right edge in RTL. */
function fromStart(element: Element, target: Element, measure: 'text' | 'box', direction: Direction) {
  const outer = element.getBoundingClientRect();
  const inner = boxOf(target, measure);
  return {
    distance: direction === 'ltr' ? inner.left - outer.left : outer.right - inner.right,
    width: inner.width,
    outerWidth: outer.width,
  };
}

interface Probe {
  /** What the part is, for the failure message. */
  name: string;
  find: (element: HTMLElement) => Element | null | undefined;
  measure: 'text' | 'box';
}

/** Renders both ways and checks each probe mirrors; returns the two renderings for checks of their own. */
async function expectMirrored(
  name: string,
  content: TemplateResult,
  settled: (element: HTMLElement) => unknown,
  probes: Probe[],
): Promise<{ ltr: Rendered; rtl: Rendered }> {
  const ltr = await renderIn('ltr', name, content, settled);
  await executeServerCommand('plein-screenshot', { name: `${name}-ltr`, selector: `[data-screenshot="${name}-ltr"]` });
  const rtl = await renderIn('rtl', name, content, settled);
  await executeServerCommand('plein-screenshot', { name: `${name}-rtl`, selector: `[data-screenshot="${name}-rtl"]` });

  expect(getComputedStyle(ltr.element).direction, `${name}: direction in Dutch`).to.equal('ltr');
  expect(getComputedStyle(rtl.element).direction, `${name}: direction in Arabic`).to.equal('rtl');
  for (const probe of probes) {
    const inLtr = probe.find(ltr.element);
    const inRtl = probe.find(rtl.element);
    expect(inLtr, `${name}: ${probe.name} in Dutch`).to.be.an.instanceOf(Element);
    expect(inRtl, `${name}: ${probe.name} in Arabic`).to.be.an.instanceOf(Element);
    const a = fromStart(ltr.element, inLtr!, probe.measure, 'ltr');
    const b = fromStart(rtl.element, inRtl!, probe.measure, 'rtl');
    // A part as wide as the element would pass whatever the layout did: the probes must be narrower.
    expect(a.width, `${name}: ${probe.name} is narrower than the element`).to.be.below(a.outerWidth * 0.9);
    expect(
      Math.abs(a.distance - b.distance),
      `${name}: ${probe.name} stands ${a.distance.toFixed(1)}px from the left in Dutch, ${b.distance.toFixed(1)}px from the right in Arabic`,
    ).to.be.at.most(TOLERANCE);
  }
  return { ltr, rtl };
}

const part = (name: string) => (element: HTMLElement) => shadow(element).querySelector(`[part~="${name}"]`);

describe('right to left (Arabic) mirrors the layout', () => {
  before(async () => {
    await startMockServer();
    await setViewport({ width: 900, height: 900 });
  });
  beforeEach(() => signOutMockAccounts());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
  });

  it('<plein-questions>: count, first title, its meta line and the "more" button', async () => {
    const { rtl } = await expectMirrored(
      'questions',
      html`<plein-questions endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-questions>`,
      (element) => shadow(element).querySelector('[part="title"]'),
      [
        { name: 'the count', find: part('count'), measure: 'text' },
        { name: 'the first title', find: part('title'), measure: 'text' },
        { name: 'the first meta line', find: part('meta'), measure: 'text' },
        { name: 'the more button', find: part('more'), measure: 'box' },
      ],
    );
    // The words are Arabic, and the number is written by Intl for Arabic: 25 questions.
    expect(text(part('count')(rtl.element))).to.equal(ar['questions.count'](25));
    expect(text(part('count')(rtl.element))).to.equal(`${new Intl.NumberFormat('ar').format(25)} سؤالًا`);
    expect(text(part('more')(rtl.element))).to.equal(ar['questions.more']);
  });

  it('<plein-question>: title, the first answer author and the helpful button', async () => {
    const { rtl } = await expectMirrored(
      'question',
      html`<plein-question endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} question-id="q1"></plein-question>`,
      (element) => shadow(element).querySelector('[part~="answer-author"]'),
      [
        { name: 'the meta line', find: part('meta'), measure: 'text' },
        {
          name: 'the first answer author',
          find: (element) => shadow(element).querySelector('[part~="answer-author"] .name'),
          measure: 'text',
        },
        { name: 'the first helpful button', find: part('helpful'), measure: 'box' },
        { name: 'the answer submit button', find: part('submit'), measure: 'box' },
      ],
    );
    expect(text(part('submit')(rtl.element))).to.equal(ar['question.form.submit']);
  });

  it('<plein-ask>: the heading, a label, the topic select and the submit button', async () => {
    const label = (forId: string) => (element: HTMLElement) => shadow(element).querySelector(`label[for="${forId}"]`);
    const { rtl } = await expectMirrored(
      'ask',
      html`<plein-ask endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-ask>`,
      (element) => (shadow(element).querySelector<HTMLSelectElement>('#topic')?.options.length ?? 0) > 1,
      [
        { name: 'the heading', find: part('heading'), measure: 'text' },
        { name: 'the title label', find: label('title'), measure: 'text' },
        { name: 'the submit button', find: part('submit'), measure: 'box' },
      ],
    );
    expect(text(part('heading')(rtl.element))).to.equal(ar['ask.heading']);
    expect(text(part('submit')(rtl.element))).to.equal(ar['ask.submit']);
  });

  it('<plein-contact>: the heading, the advice line heading and the first weekday of the opening hours', async () => {
    const firstDay = (element: HTMLElement) => shadow(element).querySelector('[part~="opening-hours"] th[scope="row"]');
    const { rtl } = await expectMirrored(
      'contact',
      html`<plein-contact endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-contact>`,
      (element) => firstDay(element),
      [
        { name: 'the heading', find: part('heading'), measure: 'text' },
        { name: 'the advice line heading', find: part('channel-heading'), measure: 'text' },
        { name: 'the first weekday', find: firstDay, measure: 'text' },
      ],
    );
    expect(text(part('heading')(rtl.element))).to.equal(ar['contact.heading']);
    // The weekday comes from Intl in Arabic, not from a list of our own.
    expect(text(firstDay(rtl.element))).to.match(/^[\u0600-\u06FF ]+$/u);
    // A phone number reads left to right on a right-to-left page: its first digits stay on the left.
    const number = part('phone-number')(rtl.element)!;
    const digits = number.firstChild?.nodeType === Node.TEXT_NODE ? number.firstChild : number.lastChild!;
    const value = digits.textContent ?? '';
    const leftOf = (start: number, length: number) => {
      const range = document.createRange();
      range.setStart(digits, start);
      range.setEnd(digits, start + length);
      return range.getBoundingClientRect().left;
    };
    const groups = [...value.matchAll(/\d+/g)];
    expect(groups.length, value).to.be.greaterThan(1);
    expect(leftOf(groups[0]!.index!, groups[0]![0].length)).to.be.lessThan(
      leftOf(groups.at(-1)!.index!, groups.at(-1)![0].length),
    );
  });

  it('<plein-experts>: the heading, the first name and the picture beside it', async () => {
    const picture = (element: HTMLElement) => shadow(element).querySelector('[part~="photo"], [part~="initials"]');
    const { rtl } = await expectMirrored(
      'experts',
      html`<plein-experts endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-experts>`,
      (element) => shadow(element).querySelector('[part~="name"]') && picture(element),
      [
        { name: 'the heading', find: part('heading'), measure: 'text' },
        { name: 'the first photo or initials', find: picture, measure: 'box' },
        { name: 'the topic select label', find: (e) => shadow(e).querySelector('label'), measure: 'text' },
      ],
    );
    expect(text(part('heading')(rtl.element))).to.equal(ar['experts.heading']);
  });

  it('<plein-report>: the chart caption, the first bar and its number, and the period label', async () => {
    signInMockAccount('moderator');
    const firstBar = (element: HTMLElement) => shadow(element).querySelector('svg.bar-chart rect.bar.current');
    const firstValue = (element: HTMLElement) => shadow(element).querySelector('svg.bar-chart text.value');
    const { ltr, rtl } = await expectMirrored(
      'report',
      html`<plein-report endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-report>`,
      (element) => firstBar(element),
      [
        { name: 'the first bar', find: firstBar, measure: 'box' },
        {
          name: 'the first bar chart name',
          find: (e) => shadow(e).querySelector('svg.bar-chart text.name'),
          measure: 'box',
        },
        { name: 'the period label', find: (e) => shadow(e).querySelector('form label'), measure: 'text' },
      ],
    );
    for (const direction of ['ltr', 'rtl'] as const) {
      for (const chart of ['bar-chart', 'line-chart']) {
        const selector = `[data-screenshot="report-${direction}"] svg.${chart}`;
        await executeServerCommand('plein-screenshot', { name: `report-${chart}-${direction}`, selector });
      }
    }
    // The number stands after the bar in reading order: to its right in Dutch, to its left in Arabic.
    const bar = (rendered: Rendered) => firstBar(rendered.element)!.getBoundingClientRect();
    const value = (rendered: Rendered) => firstValue(rendered.element)!.getBoundingClientRect();
    expect(value(ltr).left).to.be.at.least(bar(ltr).right - 1);
    expect(value(rtl).right).to.be.at.most(bar(rtl).left + 1);
    expect(text(part('heading')(rtl.element)) || text(shadow(rtl.element).querySelector('h2'))).to.equal(
      ar['report.heading'],
    );
  });
});

describe('language and direction per element', () => {
  before(() => startMockServer());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
  });

  const settled = (element: Element) => shadow(element).querySelector('[part="title"]');

  it('shows English for <plein-questions lang="en"> inside a Dutch page, left to right', async () => {
    const box = await fixture<HTMLElement>(
      html`<div lang="nl">
        <plein-questions lang="en" endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-questions>
      </div>`,
    );
    const element = box.querySelector('plein-questions')!;
    await waitUntil(() => settled(element), 'the English list');
    expect(text(shadow(element).querySelector('[part="count"]'))).to.equal(en['questions.count'](25));
    expect(element.hasAttribute('dir')).to.equal(false);
    expect(getComputedStyle(element).direction).to.equal('ltr');
  });

  it('shows Arabic right to left for <plein-questions lang="ar"> inside a Dutch page without dir', async () => {
    const box = await fixture<HTMLElement>(
      html`<div lang="nl" style="inline-size: ${BOX_WIDTH}px">
        <plein-questions lang="ar" endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-questions>
      </div>`,
    );
    const element = box.querySelector('plein-questions')!;
    await waitUntil(() => settled(element), 'the Arabic list');
    expect(text(shadow(element).querySelector('[part="count"]'))).to.equal(ar['questions.count'](25));
    // Nothing around it says which way to write, so the element follows its language.
    expect(element.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(element).direction).to.equal('rtl');
    const count = fromStart(element, shadow(element).querySelector('[part="count"]')!, 'text', 'rtl');
    expect(count.distance).to.be.below(count.outerWidth / 2);

    // Back to Dutch: the dir the element set goes away again.
    element.setAttribute('lang', 'nl');
    await waitUntil(() => text(shadow(element).querySelector('[part="count"]')) === '25 vragen', 'Dutch again');
    expect(element.hasAttribute('dir')).to.equal(false);
  });

  it('keeps a dir the page set: <plein-questions lang="ar"> inside dir="ltr" stays left to right', async () => {
    const box = await fixture<HTMLElement>(
      html`<div dir="ltr">
        <plein-questions lang="ar" endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-questions>
      </div>`,
    );
    const element = box.querySelector('plein-questions')!;
    await waitUntil(() => settled(element), 'the Arabic list');
    expect(text(shadow(element).querySelector('[part="count"]'))).to.equal(ar['questions.count'](25));
    expect(element.hasAttribute('dir')).to.equal(false);
    expect(getComputedStyle(element).direction).to.equal('ltr');
  });
});
