/**
 * Custom elements manifest for @plein/elements: `npx cem analyze --config custom-elements-manifest.config.mjs`.
 * The JSDoc on each element class (@summary, @slot, @csspart, @cssproperty, @fires) is its source; Storybook's
 * controls and docs, docs/theming.md (`npm run docs:theming`) and editors read the result. The output is generated
 * (by `npm run build` too) and gitignored, and published with @plein/elements (its `customElements` field).
 * packages/elements/test-node/manifest.test.ts checks that it lists every property, attribute, part, event, slot and
 * `--plein-*` token each element's source has, with a description.
 */

/**
 * Plein registers tags through `defineElement('plein-x', PleinX)` in `src/define/` (never `customElements.define` in
 * the class file), so the analyzer cannot see the tag names by itself. This plugin records each such call as a
 * `custom-element-definition` export; the analyzer's own link phase then gives the class its `tagName`.
 */
function defineElementCallsPlugin() {
  return {
    name: 'plein-define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !element || !ts.isIdentifier(element)) return;

      const className = element.text;
      const source = node.getSourceFile();
      const importPath = source.statements
        .filter(ts.isImportDeclaration)
        .find((statement) =>
          statement.importClause?.namedBindings?.elements?.some((binding) => binding.name.text === className),
        )?.moduleSpecifier.text;
      const module = importPath ? new URL(importPath, `file:///${moduleDoc.path}`).pathname.slice(1) : moduleDoc.path;

      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: className, module } },
      ];
    },
  };
}

export default {
  globs: [
    'packages/elements/src/components/**/*.ts',
    // The tag names live in the define modules, and the shared attributes (endpoint, community, lang) in the base
    // class: without them the manifest has no tag to look an element up by and misses inherited attributes.
    'packages/elements/src/define/*.ts',
    'packages/elements/src/base/*.ts',
  ],
  exclude: ['**/*.test.ts', '**/*.styles.ts'],
  outdir: 'packages/elements',
  litelement: true,
  // The analyzer would otherwise write a `customElements` field into the root package.json; the elements package
  // already points at its manifest.
  packagejson: false,
  plugins: [defineElementCallsPlugin()],
};
