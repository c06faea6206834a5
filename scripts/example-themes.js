import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { root } from './elements-manifest.js';

/**
 * examples/themes/ shows Plein in the NL Design System's example theme, the way a municipality would load its own: a
 * style sheet from its own site plus the theme class on an ancestor. The theme is an npm package (a devDependency), so
 * the build copies its one style sheet next to the example page, into a folder git and prettier ignore. Copying keeps
 * the server free of a route into node_modules that would only exist for an example.
 */
const require = createRequire(import.meta.url);
const target = join(root, 'examples/themes/voorbeeld');

let packageJson;
try {
  packageJson = require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/package.json');
} catch {
  console.log(
    'The NL Design System example theme is not installed (npm ci installs it): examples/themes/ stays neutral.',
  );
  process.exit(0);
}
const source = join(dirname(packageJson), 'dist/theme.css');
if (!existsSync(source)) throw new Error(`No theme.css in ${dirname(source)}: has the package changed its layout?`);
mkdirSync(target, { recursive: true });
copyFileSync(source, join(target, 'theme.css'));
