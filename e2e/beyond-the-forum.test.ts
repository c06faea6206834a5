import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { collectPageProblems, launchChromium, writingTime } from './browser.ts';
import { addAccounts, graphql, signIn, verifyExpert } from './api.ts';
import { type RealServer, startRealServer } from './server.ts';

interface Mail {
  subject: string;
  to: string;
  text: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

/** Every message in the server's outbox, read the way a mail program would. */
async function outbox(server: RealServer): Promise<Mail[]> {
  if (!existsSync(server.outbox)) return [];
  const files = readdirSync(server.outbox)
    .filter((file) => file.endsWith('.eml'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = await simpleParser(readFileSync(join(server.outbox, file)));
      const to = Array.isArray(parsed.to) ? parsed.to[0]?.text : parsed.to?.text;
      return {
        subject: parsed.subject ?? '',
        to: to ?? '',
        text: parsed.text ?? '',
        attachments: parsed.attachments.map((attachment) => ({
          filename: attachment.filename ?? '',
          contentType: attachment.contentType,
          content: attachment.content.toString('utf8'),
        })),
      };
    }),
  );
}

/** Waits for the first mail to `to` that `accept` takes, or fails with the subjects that did arrive. */
async function mailTo(server: RealServer, to: string, accept: (mail: Mail) => boolean = () => true): Promise<Mail> {
  const end = Date.now() + 15_000;
  let seen: Mail[] = [];
  while (Date.now() < end) {
    seen = (await outbox(server)).filter((mail) => mail.to.includes(to));
    const found = seen.find(accept);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`no such mail to ${to}; got: ${seen.map((mail) => mail.subject).join(' | ')}`);
}

const freeSlotsQuery = `query ($topic: String!) {
  community(slug: "eemsdelta") { contact { appointments { freeSlots(topic: $topic, first: 20) { id startsAt } } } }
}`;
type FreeSlots = { community: { contact: { appointments: { freeSlots: { id: string; startsAt: string }[] } } } };

/** The value of one property of an iCalendar text, with folded lines joined again (RFC 5545, 3.1). */
function icsProperty(ics: string, name: string): string | undefined {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*)$`, 'm').exec(unfolded)?.[1]?.trim();
}

describe('beyond the forum: an appointment and a private question (real server, built bundle, Chromium)', () => {
  let server: RealServer;
  let browser: Browser;
  const stamp = Date.now();
  const admin = { email: `beheer-${stamp}@werknet.example`, password: 'beheer-wachtwoord-lang-genoeg' };
  const advisor = {
    email: `els-${stamp}@wiersma-advies.example`,
    password: 'els-wachtwoord-lang-genoeg',
    name: 'Els Wiersma',
  };
  const citizenEmail = `inwoner-${stamp}@example.org`;
  let advisorToken = '';
  let slotId = '';
  let slotStart = '';

  before(async () => {
    server = await startRealServer();
    browser = await launchChromium();
    await addAccounts(server, [
      [admin, 'ADMIN', 'Beheer WerkNet'],
      [advisor, 'EXPERT', advisor.name],
    ]);
    await verifyExpert(server, await signIn(server, admin.email, admin.password), advisor.name, ['ontslag']);
    advisorToken = await signIn(server, advisor.email, advisor.password);
    // Two days ahead at a whole hour: well past the hour before which slots are not offered.
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    slotStart = start.toISOString();
    const published = await graphql<{ publishSlots: { slots: { id: string }[]; errors: unknown[] } }>(
      server,
      'mutation ($input: PublishSlotsInput!) { publishSlots(input: $input) { slots { id } errors { code } } }',
      { input: { community: 'eemsdelta', startsAt: [slotStart], mode: 'VIDEO' } },
      advisorToken,
    );
    assert.deepEqual(published.publishSlots.errors, []);
    slotId = published.publishSlots.slots[0]!.id;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets a citizen book the slot; the .ics file is valid and the cancel link frees the slot', async () => {
    const page: Page = await (await browser.newContext()).newPage();
    const problems = collectPageProblems(page);
    await page.goto(`${server.url}/municipal-site/`);
    const contact = page.locator('plein-contact#persoonlijk-advies');
    await contact.getByRole('heading', { name: 'Maak een afspraak' }).waitFor();
    await contact.getByLabel('Waarover wilt u praten?').selectOption('ontslag');
    const slot = contact.getByRole('radio', { name: /met Els Wiersma/ });
    await slot.first().waitFor();
    await slot.first().check();
    await contact.getByLabel('Uw naam of een schuilnaam').fill('Jorien');
    await contact.getByLabel('Uw e-mailadres').last().fill(citizenEmail);
    await writingTime();
    await contact.getByRole('button', { name: 'Afspraak maken' }).click();
    await contact.getByText('Uw afspraak is gemaakt').waitFor();

    const confirmation = await mailTo(server, citizenEmail, (mail) => mail.attachments.length > 0);
    const ics = confirmation.attachments.find((attachment) => attachment.filename.endsWith('.ics'));
    assert.ok(ics, 'the confirmation has an .ics file');
    assert.match(ics.contentType, /^text\/calendar/);
    assert.ok(ics.content.startsWith('BEGIN:VCALENDAR\r\n'), 'iCalendar with CRLF line ends');
    assert.ok(ics.content.trimEnd().endsWith('END:VCALENDAR'));
    for (const line of ics.content.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
    for (const property of ['VERSION', 'PRODID', 'UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY']) {
      assert.ok(icsProperty(ics.content, property), `the .ics has ${property}`);
    }
    const compact = slotStart.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    assert.equal(icsProperty(ics.content, 'DTSTART'), compact, 'DTSTART is the slot, in UTC');

    const before = await graphql<FreeSlots>(server, freeSlotsQuery, { topic: 'ontslag' });
    assert.ok(!before.community.contact.appointments.freeSlots.some((free) => free.id === slotId), 'booked: gone');

    const cancelLink = /https?:\/\/\S+\/afspraak\/annuleren\?token=[\w-]+/.exec(confirmation.text)?.[0];
    assert.ok(cancelLink, 'the confirmation has a cancel link');
    await page.goto(cancelLink);
    await page.getByRole('button').first().click();
    await page.waitForLoadState('load');
    const after = await graphql<FreeSlots>(server, freeSlotsQuery, { topic: 'ontslag' });
    assert.ok(
      after.community.contact.appointments.freeSlots.some((free) => free.id === slotId),
      'free again',
    );
    assert.deepEqual(problems, []);
  });

  it('lets an advisor answer a private question from the inbox, and the citizen read it through the link', async () => {
    const citizen: Page = await (await browser.newContext()).newPage();
    const problems = collectPageProblems(citizen);
    const question = `Mijn werkgever wil dat ik een vaststellingsovereenkomst teken terwijl ik ziek ben (${stamp}).`;
    await citizen.goto(`${server.url}/municipal-site/`);
    const contact = citizen.locator('plein-contact#persoonlijk-advies');
    await contact.getByRole('heading', { name: 'Stel uw vraag privé' }).waitFor();
    const form = contact.locator('form', { has: citizen.getByRole('button', { name: 'Verstuur uw vraag' }) });
    await form.getByLabel('Onderwerp').selectOption('ontslag');
    await form.getByLabel('Uw vraag').fill(question);
    await form.getByLabel('Uw e-mailadres').fill(citizenEmail);
    await writingTime();
    await form.getByRole('button', { name: 'Verstuur uw vraag' }).click();
    await contact.getByText('Kijk in uw e-mail. Daar staat een link naar uw vraag.').waitFor();
    const confirmation = await mailTo(server, citizenEmail, (mail) => /#plein-prive=/.test(mail.text));
    assert.ok(!confirmation.text.includes(question), 'the e-mail does not repeat the question');

    // The advisor, on the page for professionals.
    const answer = `Teken niet voordat u advies heeft gehad over uw WW-rechten (${stamp}).`;
    const advisorPage: Page = await (await browser.newContext()).newPage();
    const advisorProblems = collectPageProblems(advisorPage);
    await advisorPage.goto(`${server.url}/professionals/`);
    const signInForm = advisorPage.locator('plein-sign-in');
    await signInForm.getByLabel('E-mailadres').fill(advisor.email);
    await signInForm.getByLabel('Wachtwoord').fill(advisor.password);
    await signInForm.getByRole('button', { name: 'Inloggen', exact: true }).click();
    const inbox = advisorPage.locator('plein-expert-inbox');
    const item = inbox.locator('[part="private-item"]', { hasText: question.slice(0, 40) }).first();
    const toggle = inbox.locator('[part="private-item"]').first().locator('[part="private-toggle"]');
    await toggle.waitFor();
    await toggle.click();
    await item.locator('[part="private-body"]').waitFor();
    assert.match((await item.locator('[part="private-mark"]').textContent()) ?? '', /Privé/);
    await item.locator('textarea').fill(answer);
    await item.locator('[part="private-submit"]').click();
    await inbox.getByText('Uw antwoord is verstuurd. De inwoner krijgt een e-mail.').waitFor();

    const ready = await mailTo(server, citizenEmail, (mail) => /antwoord/i.test(mail.subject) && mail !== confirmation);
    assert.ok(!ready.text.includes(answer), 'the e-mail does not hold the answer');
    const link = /https?:\/\/\S+#plein-prive=[\w.-]+/.exec(ready.text)?.[0];
    assert.ok(link, 'the e-mail links to the private thread');
    await citizen.goto(link);
    const thread = citizen.locator('plein-contact#persoonlijk-advies');
    await thread.locator('[part="thread-answer-body"]', { hasText: answer }).waitFor();
    assert.ok(!citizen.url().includes('plein-prive'), 'the secret left the address');
    assert.deepEqual(problems, []);
    assert.deepEqual(advisorProblems, []);
  });
});
