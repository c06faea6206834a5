import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { runAxe } from './axe.ts';
import { collectPageProblems, launchChromium } from './browser.ts';
import { type RealServer, startRealServer } from './server.ts';

/**
 * WCAG 2.2 AA evidence for the example pages, served by the real server with the built bundle in real Chromium, as
 * they load and after a step (a thread opened, signed in as staff or expert): axe, target size (2.5.8), text spacing
 * (1.4.12), reflow at 400 % (1.4.10), forced colours and reduced motion, each with a control that proves the check
 * can fail. docs/accessibility.md cites these tests per criterion. The keyboard flows are in
 * e2e/keyboard-flows.test.ts, the Storybook stories' axe pass in e2e/storybook.test.ts.
 */

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
// Generous: on a busy 2-core machine the elements' first render and their queries can take several seconds.
const RENDER_TIMEOUT_MS = 45_000;

/**
 * Every example page: each .html file under examples/ that is a whole document (other helpers add pages while this
 * test exists, so the list is read from disk). Fragments (a CMS snippet saved as .html) are not pages and are left out.
 */
function examplePages(): string[] {
  return readdirSync(examplesDir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html'))
    .filter((file) => /^\s*<!doctype html>/i.test(readFileSync(join(examplesDir, file), 'utf8')))
    .map((file) => `/${file.split('\\').join('/')}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/**
 * Checks that run inside the page, installed before it loads. Plain JavaScript source on purpose: a function passed to
 * Playwright is serialised by its text, and tsx's transform would add helpers the page does not have.
 */
const pageHelpers = `
  window.pleinA11y = (() => {
    const pleinElements = (root) => [...root.querySelectorAll('*')].filter((e) => e.localName.startsWith('plein-'));
    const deep = (root) => pleinElements(root).flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
    const shadowRoots = () => deep(document).map((e) => e.shadowRoot).filter(Boolean);
    // Every element inside every Plein shadow root, nested Plein elements' shadow roots included.
    const shadowContent = () => shadowRoots().flatMap((root) => [...root.querySelectorAll('*')]);
    const hostOf = (element) => element.getRootNode().host?.localName ?? '(page)';
    const describe = (element) => {
      const text = (element.getAttribute('aria-label') || element.textContent || element.getAttribute('name') || '')
        .replace(/\\s+/g, ' ').trim().slice(0, 40);
      const part = element.getAttribute('part');
      return hostOf(element) + ' ' + element.localName + (part ? '[part=' + part + ']' : '') + ' "' + text + '"';
    };
    const parentOf = (node) => node.parentElement ?? node.getRootNode().host ?? null;
    // The part of the element that can be seen: its box cut by every ancestor that clips (overflow other than visible).
    // The visually-hidden pattern (a 1 px box with overflow: hidden) leaves nothing of what is inside it.
    const shownArea = (element) => {
      let { left, top, right, bottom } = element.getBoundingClientRect();
      for (let node = parentOf(element); node; node = parentOf(node)) {
        const style = getComputedStyle(node);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = node.getBoundingClientRect();
        left = Math.max(left, clip.left);
        top = Math.max(top, clip.top);
        right = Math.min(right, clip.right);
        bottom = Math.min(bottom, clip.bottom);
      }
      return Math.max(0, right - left) * Math.max(0, bottom - top);
    };
    const visible = (element) =>
      shownArea(element) > 1 && getComputedStyle(element).visibility !== 'hidden' && element.checkVisibility();
    const blockAncestor = (element) => {
      let node = element.parentElement;
      while (node && getComputedStyle(node).display.startsWith('inline')) node = node.parentElement;
      return node;
    };
    const words = (text) => (text.match(/\\p{L}{2,}/gu) ?? []).length;

    return {
      count() {
        return deep(document).length;
      },
      // Every Plein element on the page is defined and has rendered into its shadow root.
      rendered() {
        const elements = deep(document);
        return elements.length > 0 && elements.every(
          (e) => customElements.get(e.localName) && (e.shadowRoot?.childElementCount ?? 0) > 0,
        );
      },
      // Some Plein element still shows a pending request.
      busy() {
        return shadowRoots().some((root) => root.querySelector('[aria-busy="true"]') !== null);
      },
      updated() {
        return Promise.all(deep(document).map((e) => e.updateComplete)).then(() => deep(document).length);
      },

      /**
       * WCAG 2.5.8 Target Size (Minimum): every target in a Plein shadow root is at least 24 by 24 CSS px, unless an
       * exception of the criterion holds:
       * - Inline: a link inside a sentence (its box is inline and the block around it has words of its own), whose
       *   size the line height of the text sets.
       * - Spacing: a 24 px circle centred on the undersized target meets no other target and no other undersized
       *   target's circle.
       * Disabled controls cannot be activated and are not targets; visually hidden ones (1 px) are not either.
       */
      smallTargets() {
        const selector = 'a[href], button, input, select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
        const targets = shadowContent().filter((e) => e.matches(selector) && !e.matches(':disabled') && visible(e));
        const inSentence = (element) => {
          if (element.localName !== 'a' || getComputedStyle(element).display !== 'inline') return false;
          const block = blockAncestor(element);
          return block !== null && words(block.textContent) > words(element.textContent);
        };
        const small = targets.filter((element) => {
          const rect = element.getBoundingClientRect();
          return (rect.width < 23.99 || rect.height < 23.99) && !inSentence(element);
        });
        const centre = (rect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
        const circleMeetsRect = (c, rect) => {
          const dx = Math.max(rect.left - c.x, 0, c.x - rect.right);
          const dy = Math.max(rect.top - c.y, 0, c.y - rect.bottom);
          return dx * dx + dy * dy < 12 * 12;
        };
        return small
          .filter((element) => {
            const c = centre(element.getBoundingClientRect());
            const meetsTarget = targets.some(
              (other) => other !== element && !other.contains(element) && !element.contains(other) &&
                circleMeetsRect(c, other.getBoundingClientRect()),
            );
            const meetsCircle = small.some((other) => {
              if (other === element) return false;
              const o = centre(other.getBoundingClientRect());
              return Math.hypot(o.x - c.x, o.y - c.y) < 24;
            });
            return meetsTarget || meetsCircle;
          })
          .map((element) => {
            const rect = element.getBoundingClientRect();
            return describe(element) + ': ' + rect.width.toFixed(1) + 'x' + rect.height.toFixed(1);
          });
      },
      // The targets measured, for the figure: one line each.
      targetList() {
        return shadowContent().filter((e) => e.matches('a[href], button, input, select, textarea, summary') && visible(e)).map(describe);
      },

      /**
       * WCAG 1.4.10 Reflow: the page does not scroll sideways, no Plein element is wider than the viewport, and no
       * content in a Plein shadow root sticks out of the viewport unless it sits in a region that scrolls itself (a
       * table may).
       */
      overflow() {
        const problems = [];
        const width = document.documentElement.clientWidth;
        const scrollWidth = document.documentElement.scrollWidth;
        if (scrollWidth > width + 1) problems.push('the page scrolls sideways: ' + scrollWidth + ' > ' + width);
        for (const element of deep(document)) {
          const rect = element.getBoundingClientRect();
          if (rect.width > width + 1) problems.push(element.localName + ' is ' + rect.width.toFixed(0) + ' px wide');
        }
        const scrollsItself = (element) => {
          for (let node = parentOf(element); node; node = parentOf(node)) {
            if (/auto|scroll/.test(getComputedStyle(node).overflowX)) return true;
          }
          return false;
        };
        for (const element of shadowContent()) {
          if (!visible(element)) continue;
          const rect = element.getBoundingClientRect();
          if ((rect.right > width + 1 || rect.left < -1) && !scrollsItself(element)) {
            problems.push(describe(element) + ' reaches from ' + rect.left.toFixed(0) + ' to ' + rect.right.toFixed(0) + ' px');
          }
        }
        return problems;
      },

      /**
       * WCAG 1.4.12 Text Spacing: with the criterion's spacing (line height 1.5, letter spacing 0.12em, word spacing
       * 0.16em, 2em after paragraphs) forced into every Plein shadow root, no text is cut off by a box that clips. A
       * constructed style sheet, because the strict-CSP example pages allow no inline style.
       */
      clippedWithTextSpacing() {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(
          '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }' +
          ' p { margin-block-end: 2em !important; }',
        );
        const roots = shadowRoots();
        for (const root of roots) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        const clipped = shadowContent()
          .filter((e) => visible(e))
          .filter((e) => {
            const style = getComputedStyle(e);
            const clipsX = /hidden|clip/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1;
            const clipsY = /hidden|clip/.test(style.overflowY) && e.scrollHeight > e.clientHeight + 1;
            return clipsX || clipsY;
          })
          .map(describe);
        for (const root of roots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
        return clipped;
      },

      /** Buttons that look like buttons have a border, which forced colours keep when they drop the background. */
      bordersMissing() {
        return shadowContent()
          .filter((e) => e.matches('button, [role="button"], select, input:not([type="radio"]):not([type="checkbox"]), textarea') && visible(e))
          .filter((e) => {
            const style = getComputedStyle(e);
            const underlined = style.textDecorationLine.includes('underline');
            const bordered = ['Top', 'Right', 'Bottom', 'Left'].some(
              (side) => style['border' + side + 'Style'] !== 'none' && parseFloat(style['border' + side + 'Width']) >= 1,
            );
            return !underlined && !bordered;
          })
          .map(describe);
      },

      /**
       * Marks a Plein button as pressed for a moment (aria-pressed, as "Nuttig" and the topic buttons do) and reports
       * its background before and after, and the system's Highlight colour.
       */
      pressedLook() {
        const button = shadowContent().find((e) => e.matches('button') && visible(e));
        const probe = document.createElement('span');
        probe.style.backgroundColor = 'Highlight';
        probe.style.forcedColorAdjust = 'none';
        button.getRootNode().append(probe);
        const highlight = getComputedStyle(probe).backgroundColor;
        probe.remove();
        const before = getComputedStyle(button).backgroundColor;
        const hadPressed = button.getAttribute('aria-pressed');
        button.setAttribute('aria-pressed', 'true');
        const after = getComputedStyle(button).backgroundColor;
        if (hadPressed === null) button.removeAttribute('aria-pressed');
        else button.setAttribute('aria-pressed', hadPressed);
        return { before, after, highlight, what: describe(button) };
      },

      /** The focused element, inside shadow roots too. */
      focused() {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        return {
          inPlein: element.getRootNode() instanceof ShadowRoot,
          what: describe(element),
          outline: style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor,
          visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 &&
            style.outlineColor !== 'rgba(0, 0, 0, 0)' && style.outlineColor !== 'transparent',
        };
      },

      /** Elements in Plein shadow roots that move: a running animation or a transition longer than 0 s. */
      moving() {
        const seconds = (list) => list.split(',').map((value) => parseFloat(value) * (value.trim().endsWith('ms') ? 0.001 : 1));
        return shadowContent()
          .filter((e) => {
            const style = getComputedStyle(e);
            const animated = style.animationName !== 'none' && seconds(style.animationDuration).some((s) => s > 0.001) &&
              style.animationPlayState.includes('running');
            const transitioned = seconds(style.transitionDuration).some((s) => s > 0.001);
            return animated || transitioned || style.scrollBehavior === 'smooth';
          })
          .map(describe)
          .concat(document.getAnimations().filter((a) => a.playState === 'running').map((a) => 'animation ' + (a.animationName ?? a.id)));
      },

      /**
       * Puts the shared spinner (base styles) into the first Plein shadow root and reports its animation: 'none'
       * under prefers-reduced-motion: reduce, the spinning keyframes otherwise. Proves the media query, not just an
       * idle page.
       */
      spinnerAnimation() {
        // The first element with the shared base styles (those render a .root); plein-community has none of its own.
        const root = shadowRoots().find((shadow) => shadow.querySelector('.root'));
        const spinner = document.createElement('span');
        spinner.className = 'spinner';
        spinner.textContent = '…';
        root.querySelector('.root').append(spinner);
        const name = getComputedStyle(spinner).animationName;
        spinner.remove();
        return name;
      },
    };
  })();
`;

/**
 * Polls a condition in a frame until it holds. Not waitForFunction: with a string it evaluates the text with eval()
 * inside the page, which the example pages' Content-Security-Policy (no 'unsafe-eval') rightly refuses.
 */
async function waitFor(frame: Frame, condition: string): Promise<void> {
  const deadline = Date.now() + RENDER_TIMEOUT_MS;
  while (!(await frame.evaluate(condition))) {
    if (Date.now() > deadline)
      throw new Error(`still not true after ${RENDER_TIMEOUT_MS} ms in ${frame.url()}: ${condition}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits until every Plein element in every frame of the page (the CMS example shows them in iframes) has rendered and
 * has no request pending; returns how many Plein elements there are.
 */
async function settle(page: Page): Promise<number> {
  await page.waitForLoadState('load');
  let elements = 0;
  for (const frame of page.frames()) {
    if (!(await frame.evaluate('window.pleinA11y.count() > 0'))) continue;
    await waitFor(frame, 'window.pleinA11y.rendered()');
    await waitFor(frame, '!window.pleinA11y.busy()');
    elements += (await frame.evaluate('window.pleinA11y.updated()')) as number;
  }
  return elements;
}

/** Evaluates a helper that returns a list in every frame with Plein elements in it, and joins the lists. */
async function inFrames(page: Page, expression: string): Promise<string[]> {
  const lists: string[][] = [];
  for (const frame of page.frames()) {
    if (!(await frame.evaluate('window.pleinA11y.count() > 0'))) continue;
    const prefix = frame === page.mainFrame() ? '' : `(frame ${new URL(frame.url()).search}) `;
    lists.push(((await frame.evaluate(expression)) as string[]).map((line) => prefix + line));
  }
  return lists.flat();
}

/** Opens an example page and waits until it has settled. */
async function openSettled(page: Page, url: string): Promise<number> {
  await page.goto(url);
  return settle(page);
}

interface FocusStop {
  inPlein: boolean;
  what: string;
  outline: string;
  visible: boolean;
}

/** Tabs through the page 40 times; returns each stop inside a Plein element with its outline (WCAG 2.4.7). */
async function focusStops(page: Page): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let press = 0; press < 40; press += 1) {
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate('window.pleinA11y.focused()')) as FocusStop | null;
    if (focused?.inPlein) stops.push(focused);
  }
  assert.ok(stops.length >= 5, `only ${stops.length} focus stops inside Plein elements`);
  return stops;
}

/** One state of an example page to check: the page as it loads, or after a few steps (sign in, open a thread). */
interface Scenario {
  name: string;
  path: string;
  /** Steps after the page has settled; the page is settled again after them. */
  act?: (page: Page) => Promise<void>;
}

describe('accessibility of the example pages (real server, built bundle, Chromium)', () => {
  let server: RealServer;
  let browser: Browser;
  const stamp = Date.now();
  const staff = {
    email: `a11y-staff-${stamp}@gemeente.example`,
    password: 'toegankelijk-en-lang-genoeg',
    name: 'Team Rapport',
  };
  const expert = {
    email: `a11y-expert-${stamp}@werknet.example`,
    password: 'toegankelijk-en-lang-genoeg',
    name: 'Anne Adviseur',
  };

  async function signIn(page: Page, account: { email: string; password: string; name: string }): Promise<void> {
    const form = page.locator('plein-sign-in');
    await form.getByLabel('E-mailadres').fill(account.email);
    await form.getByLabel('Wachtwoord').fill(account.password);
    await form.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await form.getByRole('heading', { name: `Ingelogd als ${account.name}` }).waitFor({ timeout: RENDER_TIMEOUT_MS });
  }

  // Every example page as it loads, and the states that only show after a step: a question's thread, the report for
  // staff and the inbox for an expert.
  const scenarios: Scenario[] = [
    ...examplePages().map((path) => ({ name: path, path })),
    {
      name: '/municipal-site/ with a question opened',
      path: '/municipal-site/',
      async act(page) {
        const list = page.locator('plein-questions');
        await list.locator('[part="item"] a').first().click();
        await list.locator('plein-question').locator('[part="title"]').waitFor({ timeout: RENDER_TIMEOUT_MS });
      },
    },
    {
      name: '/staff/ signed in, with the report',
      path: '/staff/',
      async act(page) {
        await signIn(page, staff);
        await page.locator('plein-report [part="download-csv"]').waitFor({ timeout: RENDER_TIMEOUT_MS });
      },
    },
    {
      name: '/professionals/ signed in as an expert, with the inbox',
      path: '/professionals/',
      act: (page) => signIn(page, expert),
    },
  ];

  before(async () => {
    server = await startRealServer();
    browser = await launchChromium();
    for (const [account, role] of [
      [staff, 'STAFF'],
      [expert, 'EXPERT'],
    ] as const) {
      const args = ['user', 'add', '--community', 'eemsdelta', '--email', account.email, '--role', role];
      const added = await server.cli([...args, '--name', account.name, '--password-stdin'], `${account.password}\n`);
      assert.equal(added.code, 0, added.stderr);
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function withPage<T>(options: BrowserContextOptions, use: (page: Page) => Promise<T>): Promise<T> {
    const context = await browser.newContext(options);
    await context.addInitScript(pageHelpers);
    try {
      return await use(await context.newPage());
    } finally {
      await context.close();
    }
  }

  /** Opens the scenario's page, takes its steps and waits until everything has settled again. */
  async function open(page: Page, scenario: Scenario): Promise<number> {
    const elements = await openSettled(page, `${server.url}${scenario.path}`);
    if (!scenario.act) return elements;
    await scenario.act(page);
    return settle(page);
  }

  /** One pass at desktop size gives both axe's findings and the target sizes: each page is loaded once for both. */
  interface DesktopFindings {
    axe: string[];
    smallTargets: string[];
    clippedText: string[];
    rules: number;
    elements: number;
    targets: number;
  }
  let desktop: Promise<DesktopFindings> | undefined;
  function desktopFindings(): Promise<DesktopFindings> {
    desktop ??= (async () => {
      const findings: DesktopFindings = {
        axe: [],
        smallTargets: [],
        clippedText: [],
        rules: 0,
        elements: 0,
        targets: 0,
      };
      for (const scenario of scenarios) {
        await withPage({}, async (page) => {
          const problems = collectPageProblems(page);
          findings.elements += await open(page, scenario);
          const outcome = await runAxe(page);
          findings.rules = Math.max(findings.rules, outcome.rulesRun);
          findings.axe.push(...outcome.violations.map((violation) => `${scenario.name}: ${violation}`));
          findings.axe.push(...problems.map((problem) => `${scenario.name}: ${problem}`));
          if (outcome.incomplete.length > 0) {
            console.log(`${scenario.name}: axe asks for a human check of:\n  ${outcome.incomplete.join('\n  ')}`);
          }
          findings.targets += (await inFrames(page, 'window.pleinA11y.targetList()')).length;
          const small = await inFrames(page, 'window.pleinA11y.smallTargets()');
          findings.smallTargets.push(...small.map((target) => `${scenario.name}: ${target}`));
          // Last: it changes the layout for a moment.
          const clipped = await inFrames(page, 'window.pleinA11y.clippedWithTextSpacing()');
          findings.clippedText.push(...clipped.map((box) => `${scenario.name}: ${box}`));
        });
      }
      return findings;
    })();
    return desktop;
  }

  it('finds the example pages on disk', () => {
    const paths = scenarios.map((scenario) => scenario.path);
    assert.ok(paths.includes('/municipal-site/'), `example pages found: ${paths.join(', ')}`);
  });

  it('axe finds no WCAG 2.0/2.1/2.2 A or AA violations on any example page', async () => {
    const { axe, rules, elements } = await desktopFindings();
    assert.deepEqual(axe, [], `${axe.length} problem(s):\n${axe.join('\n')}`);
    console.log(`axe: ${scenarios.length} page states, ${elements} Plein elements, ${rules} rules, 0 violations`);
  });

  it('axe sees into the shadow roots: a field without a name inside a Plein element is a violation', async () => {
    await withPage({}, async (page) => {
      await openSettled(page, `${server.url}/municipal-site/`);
      await page.evaluate(
        "document.querySelector('plein-ask').shadowRoot.querySelector('.root').append(document.createElement('input'))",
      );
      const outcome = await runAxe(page);
      assert.ok(
        outcome.violations.some((violation) => violation.startsWith('label ') && violation.includes('plein-ask')),
        `expected axe's "label" rule to flag the input in plein-ask's shadow root, got:\n${outcome.violations.join('\n')}`,
      );
    });
  });

  it('the target size, text spacing and reflow checks find a small button, clipped text and a too wide box', async () => {
    await withPage({ viewport: { width: 320, height: 256 } }, async (page) => {
      await openSettled(page, `${server.url}/municipal-site/`);
      // Built with the DOM and CSSOM: the strict CSP of some example pages allows no inline style attributes.
      await page.evaluate(`(() => {
        const root = document.querySelector('plein-ask').shadowRoot.querySelector('.root');
        const small = document.createElement('button');
        small.textContent = 'x';
        Object.assign(small.style, { inlineSize: '16px', blockSize: '16px', padding: '0', minBlockSize: '0', minInlineSize: '0' });
        const neighbour = document.createElement('button');
        neighbour.textContent = 'buur';
        const clipped = document.createElement('p');
        clipped.textContent = 'Een zin die bij meer letterafstand niet meer in zijn vaste vak past.';
        Object.assign(clipped.style, { blockSize: '1.5em', overflow: 'hidden', whiteSpace: 'nowrap', inlineSize: '40em', maxInlineSize: '100%' });
        const wide = document.createElement('div');
        wide.textContent = 'breed';
        wide.style.inlineSize = '600px';
        root.append(small, neighbour, clipped, wide);
      })()`);
      const small = (await page.evaluate('window.pleinA11y.smallTargets()')) as string[];
      assert.ok(
        small.some((target) => target.startsWith('plein-ask button "x"')),
        `small button not found: ${small.join('; ')}`,
      );
      const clipped = (await page.evaluate('window.pleinA11y.clippedWithTextSpacing()')) as string[];
      assert.ok(
        clipped.some((box) => box.includes('Een zin')),
        `clipped text not found: ${clipped.join('; ')}`,
      );
      const overflow = (await page.evaluate('window.pleinA11y.overflow()')) as string[];
      assert.ok(
        overflow.some((problem) => problem.includes('"breed"')),
        `wide box not found: ${overflow.join('; ')}`,
      );
    });
  });

  it('every target in a Plein element is at least 24 by 24 CSS px (WCAG 2.5.8)', async () => {
    const { smallTargets, targets } = await desktopFindings();
    assert.deepEqual(smallTargets, [], `${smallTargets.length} target(s) under 24x24 px:\n${smallTargets.join('\n')}`);
    console.log(`target size: ${targets} targets measured in ${scenarios.length} page states, none under 24x24 px`);
  });

  it('keeps all text readable with the text spacing of WCAG 1.4.12', async () => {
    const { clippedText } = await desktopFindings();
    assert.deepEqual(clippedText, [], `${clippedText.length} box(es) cut text off:\n${clippedText.join('\n')}`);
    console.log(`text spacing: ${scenarios.length} page states, no text cut off`);
  });

  it('reflows at 400 %: at 320 by 256 CSS px nothing scrolls sideways (WCAG 1.4.10)', async () => {
    const failures: string[] = [];
    for (const scenario of scenarios) {
      await withPage({ viewport: { width: 320, height: 256 } }, async (page) => {
        await open(page, scenario);
        const overflow = await inFrames(page, 'window.pleinA11y.overflow()');
        failures.push(...overflow.map((problem) => `${scenario.name}: ${problem}`));
      });
    }
    assert.deepEqual(failures, [], `${failures.length} reflow problem(s):\n${failures.join('\n')}`);
    console.log(`reflow: ${scenarios.length} page states at 320x256 px without sideways scrolling`);
  });

  it('keeps borders, states and the focus ring in forced colours, and stops all motion when asked', async () => {
    await withPage({ forcedColors: 'active', reducedMotion: 'reduce' }, async (page) => {
      await openSettled(page, `${server.url}/municipal-site/`);
      assert.equal(await page.evaluate("matchMedia('(forced-colors: active)').matches"), true);

      const borderless = (await page.evaluate('window.pleinA11y.bordersMissing()')) as string[];
      assert.deepEqual(borderless, [], `controls without a border in forced colours:\n${borderless.join('\n')}`);

      // A pressed toggle keeps showing that it is pressed when the system drops backgrounds.
      const pressed = (await page.evaluate('window.pleinA11y.pressedLook()')) as Record<string, string>;
      assert.notEqual(
        pressed.after,
        pressed.before,
        `pressed looks the same as not pressed: ${JSON.stringify(pressed)}`,
      );
      assert.equal(pressed.after, pressed.highlight, `pressed is not in Highlight: ${JSON.stringify(pressed)}`);

      const stops = await focusStops(page);
      const invisible = stops.filter((stop) => !stop.visible).map((stop) => `${stop.what}: outline ${stop.outline}`);
      assert.deepEqual(invisible, [], `focus without a visible ring in forced colours:\n${invisible.join('\n')}`);

      const moving = (await page.evaluate('window.pleinA11y.moving()')) as string[];
      assert.deepEqual(moving, [], `motion with prefers-reduced-motion: reduce:\n${moving.join('\n')}`);
      assert.equal(await page.evaluate('window.pleinA11y.spinnerAnimation()'), 'none');
      console.log(`forced colours: ${stops.length} focus stops in Plein elements with a visible ring`);
    });

    // Without those preferences: the same spinner does spin (so the check above can fail), and the focus ring shows.
    await withPage({ reducedMotion: 'no-preference' }, async (page) => {
      await openSettled(page, `${server.url}/municipal-site/`);
      assert.equal(await page.evaluate('window.pleinA11y.spinnerAnimation()'), 'plein-spin');
      const stops = await focusStops(page);
      const invisible = stops.filter((stop) => !stop.visible).map((stop) => `${stop.what}: outline ${stop.outline}`);
      assert.deepEqual(invisible, [], `focus without a visible ring:\n${invisible.join('\n')}`);
    });
  });
});
