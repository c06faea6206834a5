import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, findChromium } from './scripts/chromium.js';

const require = createRequire(import.meta.url);

/**
 * `executeServerCommand('plein-screenshot', { name, selector })`: saves a PNG of the first match of `selector` (CSS;
 * Playwright's locators see into open shadow roots) as test-output/screenshots/NAME.png, for a person to look at.
 * The RTL test uses it; what it asserts is measured in the page, never read from the pictures.
 */
const screenshotPlugin = {
  name: 'plein-screenshot',
  async executeCommand({ command, payload, session }) {
    if (command !== 'plein-screenshot') return undefined;
    const { name, selector } = /** @type {{ name: string, selector: string }} */ (payload);
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`plein-screenshot: name must be [a-z0-9-]+, got ${name}`);
    const page = session.browser.getPage(session.id);
    await page
      .locator(selector)
      .first()
      .screenshot({ path: `test-output/screenshots/${name}.png` });
    return true;
  },
};
const serviceWorker = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');

/** Element and client tests in real Chromium; the network is mocked with msw's service worker (named as such). */
export default {
  files: [
    'packages/elements/src/**/*.test.ts',
    'packages/elements/test/**/*.test.ts',
    'packages/client/test/**/*.test.ts',
  ],
  // `plein:source` makes the workspace packages resolve to their TypeScript source, not their build.
  nodeResolve: { exportConditions: ['plein:source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), screenshotPlugin],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChromium(), args: chromiumArgs },
    }),
  ],
  middleware: [
    (context, next) => {
      if (context.path !== '/mockServiceWorker.js') return next();
      context.type = 'application/javascript';
      context.set('Service-Worker-Allowed', '/');
      context.body = serviceWorker;
    },
  ],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
};
