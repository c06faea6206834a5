import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { collectPageProblems, launchChromium } from './browser.ts';

/**
 * The Storybook toolbar's "Thema" menu (.storybook/preview.ts) in the built Storybook: each choice must restyle the
 * elements, the NL Design System example theme with its own token values. It builds nothing: run
 * `npm run build-storybook` first.
 */

const staticDir = fileURLToPath(new URL('../storybook-static/', import.meta.url));
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function serve(root: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(root, pathname));
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      // Chromium's favicon request included: Storybook's iframe declares none.
      response.writeHead(pathname === '/favicon.ico' ? 204 : 404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('the Storybook theme menu', () => {
  let server: Server;
  let browser: Browser;
  let baseUrl = '';

  before(async () => {
    assert.ok(existsSync(join(staticDir, 'iframe.html')), 'storybook-static/ is missing: run npm run build-storybook');
    server = await serve(staticDir);
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** The ask form's submit button in the given theme, as the browser draws it, and the theme's own token value. */
  async function look(theme: string) {
    const page = await browser.newPage();
    const problems = collectPageProblems(page);
    await page.goto(`${baseUrl}/iframe.html?id=elements-plein-ask--default&viewMode=story&globals=theme:${theme}`);
    const submit = page.locator('plein-ask [part~="submit"]');
    await submit.waitFor({ timeout: 60_000 });
    const button = await submit.evaluate((element) => {
      const style = getComputedStyle(element);
      return { background: style.backgroundColor, font: style.fontFamily };
    });
    // What the theme style sheet sets, resolved to a colour on the story's wrapper.
    const token = await submit.evaluate((element) => {
      const wrapper = (element.getRootNode() as ShadowRoot).host.closest('div')!;
      const probe = document.createElement('span');
      probe.style.setProperty('background-color', 'var(--nl-button-primary-background-color, transparent)');
      wrapper.append(probe);
      const value = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return value;
    });
    await page.close();
    return { button, token, problems };
  }

  it('restyles the elements for each of the three themes', async () => {
    const neutral = await look('neutral');
    const voorbeeld = await look('voorbeeld');
    const custom = await look('custom');
    assert.equal(neutral.button.background, 'rgb(26, 90, 150)');
    assert.equal(neutral.token, 'rgba(0, 0, 0, 0)', 'no NL Design System token without a theme');
    assert.notEqual(voorbeeld.token, 'rgba(0, 0, 0, 0)', 'the example theme sets its button colour');
    assert.equal(voorbeeld.button.background, voorbeeld.token);
    assert.match(voorbeeld.button.font, /Noto Sans/);
    assert.equal(custom.button.background, 'rgb(0, 96, 122)');
    assert.match(custom.button.font, /Georgia/);
    for (const result of [neutral, voorbeeld, custom]) assert.deepEqual(result.problems, []);
  });
});
