import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { reportCsv, reportWords } from '@plein/schema';
import { type ParsedMail, simpleParser } from 'mailparser';
import { NodemailerMailer } from '../src/mail/mailer.ts';
import { reportMail } from '../src/mail/report-mails.ts';
import { seedCommunity } from '../src/seed/seed.ts';
import type { SeedCommunity, SeedQuestion } from '../src/seed/seed-types.ts';
import { ServiceEvents } from '../src/services/events.ts';
import { createServices, type Services } from '../src/services/services.ts';
import { cliActor } from '../src/services/verification-service.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import { freshSqliteDatabase, type TestDatabase } from './engines.ts';
import { createAccount, type TestAccount } from './sign-in-helper.ts';

/** The report e-mail's author name: the escaping of the HTML shows on it. */
const communityName = 'Klein & Fijn <Werk>';

/**
 * October 2026 in a small community, seen from 1 November 2026, 12:00 UTC: 18 questions, 7 and 6 in two topics
 * (shown) and 3 and 2 in two others (below 5: never shown), with an expert answer on every WW question.
 */
function smallCommunity(): SeedCommunity {
  const question = (topic: string, municipality: string, index: number, answered: boolean): SeedQuestion => ({
    topic,
    municipality,
    title: `Vraag over ${topic} van inwoner ${'abcdefghij'[index]}`,
    body: 'Ik wil graag weten hoe dit werkt en wat ik nu het beste kan doen.',
    daysAgo: 2 + index * 3,
    answers: answered
      ? [{ expert: 'adviseur', body: 'Dat hangt af van uw situatie. Bel gerust voor advies.', hoursAfter: 3 }]
      : [],
  });
  const many = (topic: string, count: number, answered = false) =>
    Array.from({ length: count }, (_, index) => question(topic, index % 2 === 0 ? 'noord' : 'zuid', index, answered));
  return {
    slug: 'kleingemeente',
    name: communityName,
    municipalities: [
      { slug: 'noord', name: 'Noord' },
      { slug: 'zuid', name: 'Zuid' },
    ],
    topics: [
      { slug: 'ww', name: 'WW' },
      { slug: 'ontslag', name: 'Ontslag' },
      { slug: 'bijstand', name: 'Bijstand' },
      { slug: 'ziek', name: 'Ziek zijn' },
    ],
    experts: [
      {
        key: 'adviseur',
        displayName: 'Els Adviseur',
        title: 'Arbeidsadviseur',
        organisation: 'Adviespraktijk',
        independent: true,
        bio: 'Ik help bij vragen over werk.',
        topics: ['ww'],
      },
    ],
    questions: [...many('ww', 7, true), ...many('ontslag', 6), ...many('bijstand', 3), ...many('ziek', 2)],
  };
}

/**
 * A figure as the report may show it: a count of 5 or more, a suppressed count, a percentage or a time. A bare number
 * below 5 is the one thing that must never appear.
 */
function assertShowable(value: string, where: string): void {
  const words = /^(minder dan 5|niet getoond \(minder dan 5\))$/.test(value);
  const share = /^\d+%$/.test(value);
  const time = /^\d+(,\d)? (uur|minuten|dagen)$/.test(value);
  const count = /^\d+$/.test(value) && Number(value) >= 5;
  assert.ok(words || share || time || count, `${where}: "${value}" is not a figure the report may show`);
}

const titlesTable = reportWords('nl').titles;
const unescape = (html: string) =>
  html.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!,
  );

describe('the report e-mail', () => {
  let database: TestDatabase;
  let opened: OpenedStore;
  let services: Services;
  let outboxDir: string;
  let staff: TestAccount;
  let mail: ParsedMail;
  let raw: string;
  let now = new Date('2026-10-01T08:00:00.000Z');

  before(async () => {
    database = freshSqliteDatabase();
    opened = await openStore(database.url);
    await seedCommunity(opened.store, smallCommunity(), () => new Date('2026-11-01T12:00:00.000Z'));
    outboxDir = mkdtempSync(join(tmpdir(), 'plein-report-mail-'));
    const mailer = new NodemailerMailer({
      smtpUrl: undefined,
      outboxDir,
      from: 'Plein <no-reply@plein.example.org>',
    });
    services = createServices(opened.store, () => now, new ServiceEvents(), {
      follow: { mailer, publicUrl: 'https://plein.example.org' },
    });
    staff = await createAccount(services, {
      community: 'kleingemeente',
      email: 'beleid@kleingemeente.nl',
      displayName: 'Bea Beleid',
      roles: ['STAFF'],
    });
    // Made on 1 October; sent once October has ended.
    const set = await services.reportSchedules.setSchedule(cliActor, {
      community: 'kleingemeente',
      frequency: 'MONTHLY',
      recipientIds: [staff.id],
    });
    assert.deepEqual(set.errors, []);
    now = new Date('2026-11-01T12:00:00.000Z');
    assert.deepEqual(await services.reportSchedules.sendDue(), { sent: 1, failed: 0 });
    mailer.close();

    const files = readdirSync(outboxDir);
    assert.equal(files.length, 1, 'one .eml in the outbox');
    raw = readFileSync(join(outboxDir, files[0]!), 'utf8');
    mail = await simpleParser(raw);
  });
  after(async () => {
    await opened?.connection.close();
    await database?.drop();
    rmSync(outboxDir, { recursive: true, force: true });
  });

  it('goes to the staff member, about October, with a fixed Message-ID', () => {
    assert.equal(mail.to && 'text' in mail.to ? mail.to.text : undefined, 'beleid@kleingemeente.nl');
    assert.equal(mail.subject, `Plein-rapport ${communityName}: oktober 2026`);
    assert.equal(mail.messageId, `<report.kleingemeente.2026-10.${staff.id}@plein.example.org>`);
  });

  it('has an HTML part with the tables, escaped, and the note about counts below 5', () => {
    const html = mail.html || '';
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<html lang="nl">/);
    assert.ok(html.includes('Klein &amp; Fijn &lt;Werk&gt;'), 'the community name is escaped');
    assert.ok(!html.includes('<Werk>'), 'no markup from data');
    assert.ok(!/<style|<link|<img|<script/i.test(html), 'inline styles only; nothing loaded from elsewhere');
    for (const title of ['Overzicht', 'Vragen per onderwerp', 'Vragen per gemeente', 'Vragen door de tijd']) {
      assert.match(html, new RegExp(`<caption[^>]*>${title}</caption>`));
    }
    assert.match(html, /<th scope="col"[^>]*>Onderdeel<\/th>/);
    assert.match(html, /<th scope="row"[^>]*>Vragen<\/th><td[^>]*>18<\/td><td[^>]*>minder dan 5<\/td>/);
    assert.match(html, /<th scope="row"[^>]*>WW<\/th><td[^>]*>7<\/td>/);
    assert.match(html, /<th scope="row"[^>]*>Bijstand<\/th><td[^>]*>minder dan 5<\/td>/);
    assert.ok(html.includes('Dan staat er &quot;minder dan 5&quot;. Zo is niemand te herkennen.'));
  });

  it('has a plain-text part with the same figures', () => {
    const text = mail.text ?? '';
    assert.match(text, /^Hallo,\n/);
    assert.ok(text.includes(`Dit is het rapport van ${communityName} over oktober 2026.`));
    assert.ok(text.includes('Dan staat er "minder dan 5". Zo is niemand te herkennen.'));
    assert.match(text, /^- Vragen: 18 \(vorige periode: minder dan 5\)$/m);
    assert.match(text, /^- WW: 7 \(vorige periode: minder dan 5\)$/m);
    assert.match(text, /^- Bijstand: minder dan 5 \(vorige periode: minder dan 5\)$/m);
  });

  it('has the CSV of the same report attached, as `reportCsv` makes it', async () => {
    assert.equal(mail.attachments.length, 1);
    const [csv] = mail.attachments;
    assert.equal(csv!.filename, 'plein-rapport-2026-10-01-2026-10-31.csv');
    assert.equal(csv!.contentType, 'text/csv');
    const report = await services.reports.build(
      (await services.communities.bySlug('kleingemeente'))!.id,
      { from: '2026-10-01', to: '2026-10-31' },
      null,
      'nl',
    );
    assert.equal(csv!.content.toString('utf8'), reportCsv(report, 'nl'));
  });

  it('shows no count below 5 anywhere: not in the HTML, the text or the CSV', () => {
    let checked = 0;
    // HTML: every value cell of every table but the examples of questions.
    for (const table of (mail.html || '').split('<table').slice(1)) {
      if (table.includes(`>${titlesTable}</caption>`)) continue;
      // A table without rows has one cell across it that says so.
      for (const [, cell] of table.matchAll(/<td(?![^>]*colspan)[^>]*>(.*?)<\/td>/g)) {
        assertShowable(unescape(cell!), 'HTML');
        checked += 1;
      }
    }
    // Text: every line of a table, up to the examples of questions.
    const text = mail.text ?? '';
    const tables = text.slice(text.indexOf('OVERZICHT'), text.indexOf(titlesTable.toUpperCase()));
    for (const [, current, previous] of tables.matchAll(/^- .*: (.*) \(vorige periode: (.*)\)$/gm)) {
      assertShowable(current!, 'text');
      assertShowable(previous!, 'text');
      checked += 2;
    }
    // CSV: the figures of every row but the header, the municipality and the examples of questions.
    const lines = mail.attachments[0]!.content.toString('utf8').trim().split('\r\n').slice(2);
    for (const line of lines) {
      const [table, , current, previous] = line.split(';');
      if (table === titlesTable) continue;
      assertShowable(current!, 'CSV');
      assertShowable(previous!, 'CSV');
      checked += 2;
    }
    // The data holds topics with 3 and 2 questions, and days with 1: they must have been checked, and hidden.
    assert.ok(checked > 100, `checked ${checked} figures`);
    assert.ok(!/>[1-4]</.test(mail.html || ''), 'no cell in the HTML holds 1 to 4');
  });

  it('builds the same Message-ID every time, so a duplicate would be recognised', async () => {
    const report = await services.reports.build(
      (await services.communities.bySlug('kleingemeente'))!.id,
      { from: '2026-10-01', to: '2026-10-31' },
      null,
      'nl',
    );
    const message = () =>
      reportMail({
        to: 'beleid@kleingemeente.nl',
        communitySlug: 'kleingemeente',
        communityName,
        periodKey: '2026-10',
        userId: staff.id,
        report,
        publicUrl: 'https://plein.example.org',
      });
    assert.equal(message().messageId, message().messageId);
    assert.equal(message().messageId, mail.messageId);
    // A second round sends nothing: the delivery is SENT.
    assert.deepEqual(await services.reportSchedules.sendDue(), { sent: 0, failed: 0 });
    assert.equal(readdirSync(outboxDir).length, 1);
  });
});
