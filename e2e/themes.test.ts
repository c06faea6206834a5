import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { collectPageProblems, launchChromium } from './browser.ts';
import { type RealServer, startRealServer } from './server.ts';

/**
 * examples/themes/: the same page in three looks, on the real server under its page policy (`style-src 'self'`, no
 * inline styles or scripts). Each look must really change the widgets, and the NL Design System look must take its
 * value from the theme's own tokens, not from a copy of them.
 */

interface Look {
  page: string;
  /** The submit button of `<plein-ask>` and a question link of `<plein-questions>`, as the browser draws them. */
  button: { background: string; color: string; radius: string; font: string };
  link: string;
  /** What the theme's style sheet says, read from the page (empty without one). */
  themeButton: string;
  main: string;
  violations: string[];
  problems: string[];
}

const lookPages = ['index.html', 'voorbeeld.html', 'eigen-huisstijl.html'];

/** Records every CSP violation the page reports; added before any of the page's own scripts run. */
function recordViolations() {
  const violations: string[] = [];
  (window as unknown as { pleinViolations: string[] }).pleinViolations = violations;
  document.addEventListener('securitypolicyviolation', (event) =>
    violations.push(`${event.violatedDirective} ${event.blockedURI}`),
  );
}

async function openLook(browser: Browser, server: RealServer, name: string): Promise<Look> {
  const page: Page = await browser.newPage();
  const problems = collectPageProblems(page);
  await page.addInitScript(recordViolations);
  await page.goto(`${server.url}/themes/${name}`);
  const submit = page.locator('plein-ask [part~="submit"]');
  const title = page.locator('plein-questions [part="title"]').first();
  await submit.waitFor({ timeout: 30_000 });
  await title.waitFor({ timeout: 30_000 });
  const button = await submit.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      background: style.backgroundColor,
      color: style.color,
      radius: style.borderTopLeftRadius,
      font: style.fontFamily,
    };
  });
  const link = await title.evaluate((element) => getComputedStyle(element).color);
  // The theme's token, resolved by the browser on a probe inside the themed ancestor.
  const themeButton = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.setProperty('color', 'var(--nl-button-primary-background-color)');
    document.querySelector('main')!.append(probe);
    const value = probe.style.color && getComputedStyle(probe).color;
    probe.remove();
    return getComputedStyle(document.body).getPropertyValue('--nl-button-primary-background-color').trim() ? value : '';
  });
  const main = await page.locator('main').evaluate((element) => element.outerHTML);
  const violations = await page.evaluate(() => (window as unknown as { pleinViolations: string[] }).pleinViolations);
  await page.close();
  return { page: name, button, link, themeButton, main, violations, problems };
}

describe('examples/themes/: one page in three looks (real server, built bundle, Chromium)', () => {
  let server: RealServer;
  let browser: Browser;
  const looks: Look[] = [];

  before(async () => {
    server = await startRealServer();
    browser = await launchChromium();
    // One after another: three pages at once would only compete for the two cores.
    for (const name of lookPages) looks.push(await openLook(browser, server, name));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the same elements and HTML in every look', () => {
    assert.equal(looks.length, 3);
    assert.equal(new Set(looks.map((look) => look.main)).size, 1, 'the <main> of the three pages differs');
  });

  it('gives the submit button a different colour in each look', () => {
    const backgrounds = looks.map((look) => look.button.background);
    assert.equal(new Set(backgrounds).size, 3, `button backgrounds: ${backgrounds.join(' | ')}`);
    const links = looks.map((look) => look.link);
    assert.equal(new Set(links).size, 3, `link colours: ${links.join(' | ')}`);
  });

  it('uses the neutral defaults without a theme', () => {
    const [neutral] = looks;
    assert.equal(neutral!.button.background, 'rgb(26, 90, 150)');
    assert.equal(neutral!.button.color, 'rgb(255, 255, 255)');
    assert.equal(neutral!.themeButton, '', 'no NL Design System token is set on the neutral page');
  });

  it("takes the NL Design System example theme's own button colour and font", () => {
    const voorbeeld = looks[1]!;
    assert.notEqual(voorbeeld.themeButton, '', 'the theme style sheet set --nl-button-primary-background-color');
    assert.equal(voorbeeld.button.background, voorbeeld.themeButton);
    assert.match(voorbeeld.button.font, /Noto Sans/);
  });

  it('takes the house style from the --plein-* properties in custom.css', () => {
    const custom = looks[2]!;
    assert.equal(custom.button.background, 'rgb(0, 96, 122)');
    assert.equal(custom.button.radius, '0px');
    assert.match(custom.button.font, /Georgia/);
  });

  it('loads without console errors, failed requests or CSP violations', () => {
    for (const look of looks) {
      assert.deepEqual(look.violations, [], `${look.page}: CSP violations`);
      assert.deepEqual(look.problems, [], `${look.page}: problems`);
    }
  });
});
