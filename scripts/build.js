import { runSteps } from './run-steps.js';

/** What `npm start` needs: the client and element packages and the embed bundle the server serves. */
runSteps([
  ['build the packages and the embed bundle', 'npx', ['rollup', '-c', '--silent']],
  ['declarations for @plein/client and @plein/elements', 'node', ['scripts/build-types.js']],
]);
