import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ibanLength, isValidBsn, isValidIban } from '../src/checks.ts';
import {
  findPersonalData,
  mentionsHealthDetails,
  placeholders,
  redactPersonalData,
  type PersonalDataFinding,
} from '../src/index.ts';
import { brokenBsn, brokenIban, bsn, iban } from './generate.ts';

const summary = (findings: PersonalDataFinding[]) => findings.map((f) => `${f.kind}:${f.text}:${f.confidence}`);

describe('11-proef', () => {
  test('accepts computed BSNs and rejects them with one digit changed', () => {
    for (let start = 10_000_000; start < 99_000_000; start += 7_654_321) {
      assert.equal(isValidBsn(bsn(start)), true, bsn(start));
      assert.equal(isValidBsn(brokenBsn(start)), false, brokenBsn(start));
    }
  });

  test('reads eight digits with a leading zero', () => {
    const eight = bsn(7_654_321);
    assert.equal(eight.length, 8);
    assert.equal(isValidBsn(eight), true);
    assert.equal(isValidBsn(`0${eight}`), true);
  });

  test('weights 9 to 2 and -1: 111222333 passes, 123456789 fails, all zeros fails', () => {
    assert.equal(isValidBsn('111222333'), true);
    assert.equal(isValidBsn('123456789'), false);
    assert.equal(isValidBsn('000000000'), false);
    assert.equal(isValidBsn('1234567'), false);
    assert.equal(isValidBsn('12345678a'), false);
  });
});

describe('mod-97', () => {
  test('accepts computed IBANs of several countries and rejects wrong check digits', () => {
    for (const [country, bban] of [
      ['NL', 'PLEI0123456789'],
      ['BE', '001234567891'],
      ['DE', '100000001234567890'],
      ['FR', '20041010050500013M02606'],
      ['NO', '86011117947'],
    ] as const) {
      assert.equal(isValidIban(iban(country, bban)), true, iban(country, bban));
      assert.equal(isValidIban(iban(country, bban).toLowerCase()), true);
      assert.equal(isValidIban(brokenIban(country, bban)), false, brokenIban(country, bban));
    }
  });

  test('checks the length of the country and knows only SEPA countries', () => {
    assert.equal(ibanLength('NL'), 18);
    assert.equal(ibanLength('MT'), 31);
    assert.equal(ibanLength('US'), 0);
    assert.equal(isValidIban(iban('NL', 'PLEI012345678')), false);
    assert.equal(isValidIban(iban('US', 'PLEI0123456789')), false);
  });
});

describe('findPersonalData', () => {
  test('reports a BSN as high only with a cue before it', () => {
    const number = bsn(23_456_781);
    assert.deepEqual(summary(findPersonalData(`Mijn BSN is ${number}.`)), [`bsn:${number}:high`]);
    assert.deepEqual(summary(findPersonalData(`Bovenaan staat ${number}.`)), [`bsn:${number}:low`]);
  });

  test('sorts by start and never overlaps; an IBAN or phone number is not read as a BSN', () => {
    const account = iban('NL', 'PLEI0123456789');
    const text = `Bel 06-${bsn(1_234_567)} of stort op ${account}. Mijn naam is Jan de Vries.`;
    const findings = findPersonalData(text);
    assert.deepEqual(
      findings.map((f) => f.kind),
      ['phone', 'iban', 'name'],
    );
    for (let i = 1; i < findings.length; i++) assert.ok(findings[i - 1]!.end <= findings[i]!.start);
    for (const f of findings) assert.equal(text.slice(f.start, f.end), f.text);
  });

  test('kinds limits what is reported, without letting a phone number turn into a BSN', () => {
    const text = `Bel 06-${bsn(1_234_567)} of mail jan@example.nl.`;
    assert.deepEqual(summary(findPersonalData(text, { kinds: ['email'] })), ['email:jan@example.nl:high']);
    assert.deepEqual(findPersonalData(text, { kinds: ['bsn'] }), []);
  });

  test('allow drops the community’s own numbers and address, in any spelling', () => {
    const text = 'Bel 0800 8051 of (0596) 123456, of kom langs op de Waterstraat 1. Mijn nummer: 06-12345678.';
    const allow = ['0800-8051', '0596 123 456', 'waterstraat 1'];
    assert.deepEqual(summary(findPersonalData(text, { allow })), ['phone:06-12345678:high']);
  });

  test('service numbers of organisations are found with low confidence', () => {
    assert.deepEqual(summary(findPersonalData('Bel 0800-1234 of 14 0596.')), [
      'phone:0800-1234:low',
      'phone:14 0596:low',
    ]);
  });
});

describe('redactPersonalData', () => {
  const text = 'Groetjes Kees (06-12345678, kees@example.nl)';

  test('replaces every finding with its Dutch placeholder and reports offsets in the original text', () => {
    const { text: redacted, findings } = redactPersonalData(text);
    assert.equal(redacted, `Groetjes ${placeholders.name} (${placeholders.phone}, ${placeholders.email})`);
    assert.equal(redacted, 'Groetjes [naam verwijderd] ([telefoonnummer verwijderd], [e-mailadres verwijderd])');
    for (const f of findings) assert.equal(text.slice(f.start, f.end), f.text);
  });

  test('with minConfidence high, leaves low findings in the text but still returns them', () => {
    const { text: redacted, findings } = redactPersonalData(text, { minConfidence: 'high' });
    assert.equal(redacted, 'Groetjes Kees ([telefoonnummer verwijderd], [e-mailadres verwijderd])');
    assert.deepEqual(summary(findings), ['name:Kees:low', 'phone:06-12345678:high', 'email:kees@example.nl:high']);
  });

  test('leaves allowed texts and text without personal data as it is', () => {
    assert.deepEqual(redactPersonalData('Bel 0800-8051, gratis.', { allow: ['0800 8051'] }), {
      text: 'Bel 0800-8051, gratis.',
      findings: [],
    });
    assert.equal(redactPersonalData('Ik ben ziek.').text, 'Ik ben ziek.');
  });

  test('has a placeholder for every kind', () => {
    assert.deepEqual(Object.keys(placeholders).sort(), [
      'bsn',
      'date-of-birth',
      'email',
      'iban',
      'name',
      'phone',
      'postcode',
      'street-address',
    ]);
  });
});

describe('mentionsHealthDetails', () => {
  test('returns diagnoses, treatments and care providers once, as written', () => {
    assert.deepEqual(
      mentionsHealthDetails('Na mijn Burn-out en de operatie zei de huisarts: nog een operatie. Chemotherapie volgt.'),
      ['Burn-out', 'operatie', 'huisarts', 'Chemotherapie'],
    );
  });

  test('does not count the subject of the community: ziek, Ziektewet, bedrijfsarts, verzekeringsarts', () => {
    assert.deepEqual(
      mentionsHealthDetails('Ik ben ziek, zit in de Ziektewet en moet naar de bedrijfsarts en de verzekeringsarts.'),
      [],
    );
  });
});

describe('speed on long and hostile texts', () => {
  test('returns on 5,000 characters of every shape (no catastrophic backtracking)', () => {
    const fill = (piece: string) => piece.repeat(Math.ceil(5000 / piece.length)).slice(0, 5000);
    const texts = [
      fill('Mijn BSN is 123456782, bel 06-12345678, Hoofdstraat 12, 9934 AB Delfzijl. Groet, Jan de Vries. '),
      fill('1'),
      fill('0 - '),
      fill('NL12 '),
      fill('Aaaa '),
      fill('a.'),
      fill('Groet, '),
      fill('Van de Straat '),
      fill('geboren '),
    ];
    const started = performance.now();
    let found = 0;
    for (const text of texts) found += findPersonalData(text).length;
    // Figures are printed, not asserted: tests never judge wall-clock time.
    console.log(
      `findPersonalData on ${texts.length} texts of 5,000 characters: ${(performance.now() - started).toFixed(1)} ms`,
    );
    assert.ok(found > 0);
  });
});
