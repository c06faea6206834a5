import { runSteps } from './run-steps.js';

/** What `npm start` needs: the client and element packages and the embed bundle the server serves. */
runSteps([
  ['build the packages and the embed bundle', 'npx', ['rollup', '-c', '--silent']],
  ['declarations for @plein/client and @plein/elements', 'node', ['scripts/build-types.js']],
  // Published with @plein/elements (its `customElements` field); Storybook and docs/theming.md read it too.
  [
    'custom elements manifest (packages/elements/custom-elements.json)',
    'npx',
    ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
  ],
  ['the NL Design System example theme for examples/themes/', 'node', ['scripts/example-themes.js']],
]);
