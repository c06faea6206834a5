import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/**
 * Serves msw's service worker at /mockServiceWorker.js straight from node_modules, in `storybook dev` (middleware)
 * and in `storybook build` (emitted into the output), so no generated copy is ever committed and the worker always
 * matches the installed msw.
 */
function mswServiceWorker(): Plugin {
  const fileName = 'mockServiceWorker.js';
  const source = () => readFileSync(require.resolve(`msw/${fileName}`), 'utf8');
  return {
    name: 'plein-msw-service-worker',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.split('?')[0] !== `/${fileName}`) return next();
        response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        response.setHeader('Cache-Control', 'no-store');
        response.end(source());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: source() });
    },
  };
}

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages built from the custom elements manifest; nothing here calls out to the network.
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      plugins: [mswServiceWorker()],
      // Vite 8 compiles TypeScript with Oxc and ignores `esbuild` options (tsconfigRaw included), so the repo's
      // `experimentalDecorators: true` and `useDefineForClassFields: false` are set here explicitly: Lit's
      // decorators need both, or reactive properties are shadowed by class fields and never update.
      oxc: {
        decorator: { legacy: true },
        assumptions: { setPublicClassFields: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
      },
      // Storybook's web-components renderer imports lit/directive-helpers.js; pre-bundled with the rest of Lit, or
      // `storybook dev` loads a second lit-html next to the pre-bundled one ("Multiple versions of Lit loaded").
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
      // The workspace packages resolve to their TypeScript source, so stories need no build first.
      resolve: { conditions: ['plein:source', ...defaultClientConditions] },
      build: { chunkSizeWarningLimit: 2000 },
    });
  },
};

export default config;
