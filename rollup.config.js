import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));
const graphqlShim = `${root}packages/client/src/graphql-shim.ts`;
const defineModules = [
  'plein-community',
  'plein-questions',
  'plein-question',
  'plein-ask',
  'plein-topics',
  'plein-my-questions',
  'plein-sign-in',
  'plein-expert-inbox',
  'plein-expert',
  'plein-experts',
  'plein-moderation',
  'plein-contact',
  'plein-report',
];

// The embed script says which release it is (packages/elements/src/embed-registry.ts), for two copies on one page.
const elementsVersion = JSON.parse(readFileSync(`${root}packages/elements/package.json`, 'utf8')).version;

const typescript = () => esbuild({ tsconfig: `${root}tsconfig.json`, target: 'es2022', sourceMap: true });

/**
 * graphql-request imports graphql's parser and printer to read an operation's name; Plein's documents are
 * generated strings, so the browser bundle gets a small stand-in instead (docs/decisions/0004-string-documents.md).
 */
function replaceGraphqlWithShim() {
  return {
    name: 'plein-graphql-shim',
    resolveId(source) {
      return source === 'graphql' ? graphqlShim : null;
    },
  };
}

/** Shrinks CSS inside css`` templates: comments and layout whitespace go; templates with interpolations are left. */
export function minifyCssTemplates() {
  const minify = (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'plein-minify-css',
    transform(code, id) {
      if (!id.includes('/packages/elements/src/') || !code.includes('css`')) return null;
      return {
        code: code.replace(/css`([^`]*)`/g, (whole, text) => (text.includes('${') ? whole : `css\`${minify(text)}\``)),
        map: null,
      };
    },
  };
}

/** Writes which chunk imports which, so `npm run size` can add up what one element costs a page. */
function chunkGraph() {
  return {
    name: 'plein-chunk-graph',
    generateBundle(_options, bundle) {
      const graph = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        graph[chunk.fileName] = {
          isEntry: chunk.isEntry,
          module: chunk.facadeModuleId ? chunk.facadeModuleId.replace(root, '') : null,
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
        };
      }
      this.emitFile({ type: 'asset', fileName: 'chunks.json', source: JSON.stringify(graph, null, 2) });
    },
  };
}

const isPackageImport = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

export default [
  // (a) ESM per package for bundlers: dependencies stay imports, the host's bundler shares them.
  {
    input: { index: 'packages/pii/src/index.ts' },
    external: isPackageImport,
    plugins: [typescript()],
    output: { dir: 'packages/pii/dist', format: 'es', sourcemap: true },
  },
  {
    input: { index: 'packages/client/src/index.ts' },
    external: isPackageImport,
    plugins: [typescript()],
    output: { dir: 'packages/client/dist', format: 'es', sourcemap: true },
  },
  {
    input: {
      index: 'packages/elements/src/index.ts',
      ...Object.fromEntries(defineModules.map((name) => [`define/${name}`, `packages/elements/src/define/${name}.ts`])),
    },
    external: isPackageImport,
    plugins: [typescript()],
    output: { dir: 'packages/elements/dist', format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
  },
  // (b) The embed bundle: self-contained, minified, every element a lazily loaded chunk.
  {
    input: { plein: 'packages/elements/src/embed.ts' },
    plugins: [
      replaceGraphqlWithShim(),
      // Plein's own packages are compiled from their source here, in one pass with the elements.
      nodeResolve({ browser: true, exportConditions: ['plein:source', 'browser', 'production'] }),
      typescript(),
      // After TypeScript, so the `declare const` that names it is gone.
      replace({ preventAssignment: true, values: { __PLEIN_VERSION__: JSON.stringify(elementsVersion) } }),
      minifyCssTemplates(),
      terser({ ecma: 2022, module: true, compress: { passes: 3 }, format: { comments: false } }),
      chunkGraph(),
    ],
    output: {
      dir: 'packages/elements/dist/embed',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  },
  // (c) The iframe embed's two small scripts, each one file without imports, so a CMS may load them as classic
  //     scripts: frame.js for the host page (sizes the iframe), frame-page.js inside the iframe page (reports height).
  ...[
    ['frame', 'packages/elements/src/frame/frame-loader.ts'],
    ['frame-page', 'packages/elements/src/frame/frame-page.ts'],
  ].map(([name, input]) => ({
    input: { [name]: input },
    plugins: [typescript(), terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } })],
    output: { dir: 'packages/elements/dist/embed', format: 'iife', sourcemap: true, entryFileNames: '[name].js' },
  })),
];
