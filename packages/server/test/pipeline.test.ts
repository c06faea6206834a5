import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDeviceKey } from '../src/services/device-keys.ts';
import {
  countLinks,
  matchingWords,
  postFingerprint,
  pseudonymKey,
  wordTokens,
} from '../src/services/moderation-pipeline.ts';

describe('the word lists of the pipeline', () => {
  it('match whole words, whatever the case, accents or punctuation', () => {
    assert.deepEqual(matchingWords(['Mijn baas is een OPLICHTER!'], ['oplichter']), ['oplichter']);
    assert.deepEqual(matchingWords(['Hij is een oplíchter.'], ['Oplichter']), ['Oplichter']);
    // A listed word inside another word never matches: ordinary words and place names stay usable.
    assert.deepEqual(matchingWords(['Is dit oplichterij?'], ['oplichter']), []);
    assert.deepEqual(matchingWords(['Ik heb hoofdpijn van mijn werk.'], ['hoofd']), []);
  });

  it('match simple Dutch endings, not forms that change the stem', () => {
    const list = ['oplichter', 'sukkel', 'aap'];
    assert.deepEqual(matchingWords(['Stelletje oplichters'], list), ['oplichter']);
    assert.deepEqual(matchingWords(['Wat een sukkels, die sukkeltjes'], list), ['sukkel']);
    assert.deepEqual(matchingWords(['Apen en aapjes'], list), ['aap']);
    assert.deepEqual(matchingWords(['Apen'], list), [], 'list "apen" yourself');
  });

  it('match a phrase only as consecutive words, in any of the texts', () => {
    const list = ['raad van bestuur'];
    assert.deepEqual(matchingWords(['Een titel', 'De Raad van Bestuur besloot het.'], list), list);
    assert.deepEqual(matchingWords(['De raad van het bestuur besloot het.'], list), []);
    assert.deepEqual(matchingWords(['Raad', 'van bestuur'], list), [], 'not across fields');
  });

  it('name the listed words that matched, in the order of the list', () => {
    assert.deepEqual(matchingWords(['advocaat en rechter'], ['rechter', 'notaris', 'advocaat']), [
      'rechter',
      'advocaat',
    ]);
    assert.deepEqual(matchingWords(['iets'], []), []);
    assert.deepEqual(matchingWords(['iets'], ['...']), [], 'an entry without letters matches nothing');
  });
});

describe('the other checks of the pipeline', () => {
  it('counts http and https links, not bare addresses', () => {
    assert.equal(countLinks(['Zie https://a.example/x, http://b.example en HTTPS://C.EXAMPLE/y?z=1']), 3);
    assert.equal(countLinks(['Zie www.a.example', 'mailto:x@example.org']), 0);
    assert.equal(countLinks(['https://a.example', 'https://b.example']), 2);
  });

  it('compares texts for the repeat check without case, accents, punctuation or spacing', () => {
    assert.equal(
      postFingerprint('QUESTION', 'Mag mijn baas dit?', 'Ik   ben ZIEK, en hij belt élke dag!'),
      postFingerprint('QUESTION', 'mag mijn baas dit', 'ik ben ziek en hij belt elke dag'),
    );
    assert.notEqual(postFingerprint('ANSWER', null, 'Zelfde tekst'), postFingerprint('QUESTION', null, 'Zelfde tekst'));
    assert.deepEqual(wordTokens("Café, 's Avonds!"), ['cafe', 's', 'avonds']);
  });

  it('keys pseudonyms in lower case with spaces collapsed, and never "Anoniem"', () => {
    assert.equal(pseudonymKey('  Spammer   SAM '), 'spammer sam');
    assert.equal(pseudonymKey('Anoniem'), null);
    assert.equal(pseudonymKey('anoniem'), null);
    assert.equal(pseudonymKey(null), null);
    assert.equal(pseudonymKey('   '), null);
  });

  it('reads a Plein-Device key of 16 to 100 visible characters, and nothing else', () => {
    assert.equal(readDeviceKey('0f8b2c3d-1e4a-4b5c-9d6e-7f8091a2b3c4'), '0f8b2c3d-1e4a-4b5c-9d6e-7f8091a2b3c4');
    assert.equal(readDeviceKey('te-kort-1234567'), null);
    assert.equal(readDeviceKey('x'.repeat(101)), null);
    assert.equal(readDeviceKey('met spatie 1234567890'), null);
    assert.equal(readDeviceKey(['abcdefghijklmnopq', 'abcdefghijklmnopq']), null);
    assert.equal(readDeviceKey(undefined), null);
  });
});
