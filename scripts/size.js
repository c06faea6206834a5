import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Prints what the embed bundle costs a host page, compressed as a server sends it: the entry, each chunk, and the
 * total for a page that uses only <plein-questions> (the entry plus every chunk that element pulls in statically).
 * Budgets (gzip) are printed next to the figures; this script reports, it does not fail the build.
 */
const dir = 'packages/elements/dist/embed';
const graph = JSON.parse(readFileSync(join(dir, 'chunks.json'), 'utf8'));

const sizes = (file) => {
  const source = readFileSync(join(dir, file));
  return {
    raw: source.length,
    gzip: gzipSync(source, { level: 9 }).length,
    brotli: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

/** The chunks a page downloads before an element can render: the file and its static imports, transitively. */
function closure(files) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of graph[file].imports) visit(imported);
  };
  files.forEach(visit);
  return [...seen];
}

const total = (files) =>
  files
    .map(sizes)
    .reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }), {
      raw: 0,
      gzip: 0,
      brotli: 0,
    });

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (name, s) =>
  console.log(`${name.padEnd(44)} ${kb(s.raw).padStart(9)} ${kb(s.gzip).padStart(9)} ${kb(s.brotli).padStart(9)}`);

const entry = Object.keys(graph).find((file) => graph[file].isEntry);
const chunkOf = (tag) => Object.keys(graph).find((file) => graph[file].module?.endsWith(`define/${tag}.ts`));

console.log(`${'file'.padEnd(44)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
for (const file of Object.keys(graph)) row(file, sizes(file));
console.log('');

const tags = [
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
  'plein-community',
];
for (const tag of tags) {
  const chunk = chunkOf(tag);
  if (chunk) row(`page with only <${tag}>`, total(closure([entry, chunk])));
}
const englishChunk = Object.keys(graph).find((file) => graph[file].module?.endsWith('localize/en/all.ts'));
const arabicChunk = Object.keys(graph).find((file) => graph[file].module?.endsWith('localize/ar/all.ts'));
const onlyList = total(closure([entry, chunkOf('plein-questions')]));
const everything = total(Object.keys(graph).filter((file) => file !== englishChunk && file !== arabicChunk));
row('all elements together (Dutch page)', everything);
if (englishChunk) row('+ English strings, loaded only on English pages', sizes(englishChunk));
if (arabicChunk) row('+ Arabic strings, loaded only on Arabic pages', sizes(arabicChunk));
const liveChunk = Object.keys(graph).find((file) => graph[file].module?.endsWith('client/src/live.ts'));
if (liveChunk) row('+ live answers, loaded when a thread is open', sizes(liveChunk));
console.log('');
const verdict = (value, budget) =>
  `${kb(value)} of ${kb(budget)} gzip: ${value <= budget ? 'within budget' : 'OVER BUDGET'}`;
console.log(`Budget, page with only <plein-questions>: ${verdict(onlyList.gzip, 14 * 1024)}`);
console.log(`Budget, all elements together:           ${verdict(everything.gzip, 24 * 1024)}`);
