import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import ts from 'typescript';

/**
 * What the build, `npm run docs:theming` and the manifest tests share: the custom elements manifest made in memory
 * (the same config as `npm run analyze:elements`), and what the element sources say about their `--plein-*` tokens.
 */

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const elementsSource = join(root, 'packages/elements/src');

/** The manifest of @plein/elements, as `cem analyze` would write it, without writing it. */
export async function analyzeElements() {
  const argv = ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'];
  const previous = process.cwd();
  // The config's globs are relative to the repository root.
  process.chdir(root);
  try {
    return await cli({ argv, cwd: root, noWrite: true });
  } finally {
    process.chdir(previous);
  }
}

/** The element declarations (those with a tag name), sorted by tag, each with the path of its module. */
export function elementsOf(manifest) {
  return manifest.modules
    .flatMap((module) =>
      (module.declarations ?? [])
        .filter((declaration) => declaration.customElement && declaration.tagName)
        .map((declaration) => ({ ...declaration, modulePath: module.path })),
    )
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Every TypeScript source file of the elements package that ships (no tests, no mocks). */
export function elementSourceFiles() {
  return readdirSync(elementsSource, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('mocks'))
    .map((file) => join(elementsSource, file))
    .sort();
}

/** The text from `start` (an opening parenthesis) to its matching closing one, both included. */
function balanced(text, start) {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return text.slice(start, index + 1);
  }
  throw new Error(`Unbalanced parenthesis in: ${text.slice(start, start + 80)}`);
}

/**
 * `var(--a, var(--b, 16px))` as `{ token: '--a', fallbacks: ['--b'], value: '16px' }`: the tokens it falls back to in
 * order and the neutral default at the end (empty when there is none).
 */
export function parseVar(expression) {
  const inner = expression.replace(/^var\(\s*/, '').replace(/\)$/, '');
  const comma = inner.indexOf(',');
  const token = (comma < 0 ? inner : inner.slice(0, comma)).trim();
  const rest = comma < 0 ? '' : inner.slice(comma + 1).trim();
  if (rest.startsWith('var(') && balanced(rest, 3).length + 3 === rest.length) {
    const next = parseVar(rest);
    return { token, fallbacks: [next.token, ...next.fallbacks], value: next.value };
  }
  return { token, fallbacks: [], value: rest.replace(/\s+/g, ' ') };
}

/** Every `var(--plein-…)` in a text, parsed, in order. */
export function pleinVars(text) {
  const found = [];
  for (const match of text.matchAll(/var\(\s*--plein-/g)) {
    found.push(parseVar(balanced(text, match.index + 3).replace(/^\(/, 'var(')));
  }
  return found;
}

/**
 * Every public token the elements read, with its fallback chain and default, and the files that read it. A token read
 * in several places must fall back the same way everywhere; `conflicts` lists the ones that do not.
 */
export function readTokens(files = elementSourceFiles()) {
  const tokens = new Map();
  const conflicts = [];
  for (const file of files) {
    for (const use of pleinVars(readFileSync(file, 'utf8'))) {
      const where = relative(root, file);
      const known = tokens.get(use.token);
      if (!known) {
        tokens.set(use.token, { ...use, files: [where] });
        continue;
      }
      if (!known.files.includes(where)) known.files.push(where);
      if (known.fallbacks.join() !== use.fallbacks.join() || known.value !== use.value) {
        conflicts.push({ token: use.token, file: where, expected: known, found: use });
      }
    }
  }
  return { tokens: new Map([...tokens].sort(([a], [b]) => a.localeCompare(b))), conflicts };
}

/** A module's top-level declarations by name, and its imports (local name to module file and imported name). */
function moduleShape(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const declarations = new Map();
  const imports = new Map();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!from.startsWith('.') || !clause || clause.isTypeOnly) continue;
      const target = resolve(dirname(file), from);
      if (clause.name) imports.set(clause.name.text, { file: target, name: 'default' });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if (element.isTypeOnly) continue;
          imports.set(element.name.text, { file: target, name: (element.propertyName ?? element.name).text });
        }
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) declarations.set(declaration.name.text, declaration.getText(source));
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      declarations.set(statement.name.text, statement.getText(source));
    }
  }
  return { declarations, imports, source };
}

const identifiers = (text) => new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? []);

/**
 * The source text an element is made of: its class, and every top-level function, class and constant it uses, followed
 * through local imports (only the names imported, so a module that exports several templates adds only the one used).
 * Other elements' classes are left out: what they render sits in their own shadow root.
 */
export function elementText(modulePath, className, otherElements = new Set()) {
  const shapes = new Map();
  const shapeOf = (file) => {
    if (!shapes.has(file)) shapes.set(file, moduleShape(file));
    return shapes.get(file);
  };
  const seen = new Set();
  const texts = [];
  const queue = [{ file: resolve(root, modulePath), name: className }];
  while (queue.length > 0) {
    const { file, name } = queue.shift();
    const key = `${file}#${name}`;
    if (seen.has(key) || otherElements.has(name)) continue;
    seen.add(key);
    const shape = shapeOf(file);
    const text = shape.declarations.get(name);
    if (text === undefined) continue;
    texts.push(text);
    for (const identifier of identifiers(text)) {
      if (identifier === name) continue;
      if (shape.declarations.has(identifier)) queue.push({ file, name: identifier });
      const imported = shape.imports.get(identifier);
      if (imported) queue.push(imported);
    }
  }
  return texts.join('\n');
}

/**
 * What an element's source says it has: the `part` names in its templates (and those it exports from elements inside
 * it), the names of the events it constructs, its slots, the `--plein-*` tokens its styles read, and its public
 * reactive properties with their attributes. `partPrefixes` holds names built as `prefix-${…}`.
 */
export function elementFacts(text) {
  const parts = new Set();
  const partPrefixes = new Set();
  const addQuoted = (expression) => {
    for (const [, literal] of expression.matchAll(/'([a-z][a-z0-9-]*)'/g)) parts.add(literal);
  };
  for (const [, value] of text.matchAll(/\bpart="([^"]*)"/g)) {
    const withoutExpressions = value.replace(/\$\{([^}]*)\}/g, (_, expression) => {
      addQuoted(expression);
      return '\u0000';
    });
    for (const word of withoutExpressions.split(/\s+/).filter(Boolean)) {
      if (word.includes('\u0000')) partPrefixes.add(word.slice(0, word.indexOf('\u0000')));
      else parts.add(word);
    }
  }
  // `part=${expression}`: the literal names it can take are in the expression or in the constant it names.
  for (const [, expression] of text.matchAll(/\bpart=\$\{([^}]*)\}/g)) addQuoted(expression);
  for (const [, list] of text.matchAll(/\bconst parts = \[([^\]]*)\]/g)) addQuoted(list);
  // A part name handed to a template as an option, such as `{ threadPart: 'similar-question' }`.
  for (const [, name] of text.matchAll(/\b(?:\w*Part|part):\s*'([a-z][a-z0-9-]*)'/g)) parts.add(name);
  // Names taken from data (`part=${action}`) cannot be listed; any kebab-case literal in the source may be one.
  const dynamicPartCandidates = /\bpart=\$\{\w+\}/.test(text)
    ? new Set(
        [...text.matchAll(/'([a-z][A-Za-z0-9]*(?:-[a-z0-9]+)*)'/g)].map(([, literal]) =>
          literal.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`),
        ),
      )
    : new Set();
  // Exported parts: `inner: outer` or `name`, in an attribute or in a constant named …Exportparts.
  const exported = [
    ...[...text.matchAll(/\bexportparts="([^"]*)"/g)].map((match) => match[1]),
    ...[...text.matchAll(/[eE]xportparts\s*=\s*'([^']*)'/g)].map((match) => match[1]),
  ];
  for (const list of exported) {
    for (const entry of list.split(',')) parts.add(entry.split(':').pop().trim());
  }

  const eventClasses = new Set([...text.matchAll(/\bnew (Plein\w+Event)\(/g)].map((match) => match[1]));
  const slots = new Set(
    [...text.matchAll(/<slot\b([^>]*)>/g)].map((match) => /\bname="([^"]+)"/.exec(match[1])?.[1] ?? ''),
  );
  const tokens = new Set(pleinVars(text).map((use) => use.token));

  const properties = [];
  for (const match of text.matchAll(/@property\((\{[^)]*\})?\)\s*(?:override\s+|readonly\s+|declare\s+)*(\w+)/g)) {
    const options = match[1] ?? '';
    const name = match[2];
    const attribute = /attribute:\s*false/.test(options)
      ? undefined
      : (/attribute:\s*'([^']+)'/.exec(options)?.[1] ?? name.toLowerCase());
    properties.push({ name, attribute });
  }
  return { parts, partPrefixes, dynamicPartCandidates, eventClasses, slots, tokens, properties };
}

/** Event class name to event name, from `src/events/*.ts` (`super('plein-…'`). */
export function eventNames() {
  const names = new Map();
  const folder = join(elementsSource, 'events');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(join(folder, file), 'utf8');
    for (const match of text.matchAll(/class (Plein\w+Event) extends[\s\S]*?super\(\s*'(plein-[a-z-]+)'/g)) {
      names.set(match[1], match[2]);
    }
  }
  return names;
}
