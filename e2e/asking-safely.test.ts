import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, writingTime } from './browser.ts';
import { type RealServer, startRealServer } from './server.ts';

/** Waits until `read()` gives what `accept` wants, or fails with the last value it saw. */
async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
}

interface Mail {
  file: string;
  subject: string;
  text: string;
  /** The message as stored, headers included. */
  raw: string;
}

/** Every message in the server's outbox, read the way a mail program would. */
async function outbox(server: RealServer): Promise<Mail[]> {
  if (!existsSync(server.outbox)) return [];
  const files = readdirSync(server.outbox)
    .filter((file) => file.endsWith('.eml'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const raw = readFileSync(join(server.outbox, file));
      const parsed = await simpleParser(raw);
      return { file, subject: parsed.subject ?? '', text: parsed.text ?? '', raw: raw.toString('utf8') };
    }),
  );
}

const linkIn = (mail: Mail, path: string) => {
  const match = new RegExp(`https?://\\S+${path}\\?token=[\\w-]+`).exec(mail.text);
  assert.ok(match, `no ${path} link in "${mail.subject}"`);
  return match[0];
};

async function graphql<T>(server: RealServer, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T };
  return body.data;
}

async function questionsTitled(server: RealServer, title: string): Promise<{ id: string; title: string }[]> {
  const data = await graphql<{ community: { questions: { edges: { node: { id: string; title: string } }[] } } }>(
    server,
    'query { community(slug: "eemsdelta") { questions(first: 50) { edges { node { id title } } } } }',
  );
  return data.community.questions.edges.map((edge) => edge.node).filter((node) => node.title === title);
}

/** Opens the question with this title in place, through the list's search, as a citizen would. */
async function openThread(page: Page, server: RealServer, title: string, search: string): Promise<Locator> {
  await page.goto(`${server.url}/municipal-site/`);
  const list = page.locator('plein-questions');
  await list.getByLabel('Zoek in de vragen').fill(search);
  await list.getByRole('link', { name: title }).click();
  const thread = list.locator('plein-question');
  await thread.getByRole('heading', { name: title }).waitFor();
  return thread;
}

describe('asking safely (real server, built bundle, Chromium)', () => {
  let server: RealServer;
  let browser: Browser;
  let asker: BrowserContext;
  let page: Page;
  const stamp = Date.now();
  const title = `Mag mijn werkgever mijn contract beëindigen nu ik ziek ben? ${stamp}`;
  const body =
    'Ik ben sinds maart ziek thuis. Mijn werkgever wil het contract in overleg beëindigen. Wat betekent dat voor mijn WW?';
  const email = `volger-${stamp}@voorbeeld.nl`;

  before(async () => {
    server = await startRealServer();
    browser = await launchChromium();
    asker = await browser.newContext();
    page = await asker.newPage();
    await page.goto(`${server.url}/municipal-site/`);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps every field of the draft over a reload', async () => {
    const form = page.locator('plein-ask');
    await form.getByLabel('Onderwerp').selectOption('ontslag');
    await form.getByLabel('Uw vraag in één zin').fill(title);
    await form.getByLabel('Uitleg bij uw vraag').fill(body);
    await form.getByLabel('Stuur mij een e-mail als er een antwoord is').fill(email);

    await page.reload();
    const restored = page.locator('plein-ask');
    const values = () =>
      Promise.all([
        restored.getByLabel('Onderwerp').inputValue(),
        restored.getByLabel('Uw vraag in één zin').inputValue(),
        restored.getByLabel('Uitleg bij uw vraag').inputValue(),
        restored.getByLabel('Stuur mij een e-mail als er een antwoord is').inputValue(),
      ]);
    const expected = ['ontslag', title, body, email];
    await eventually(values, (v) => JSON.stringify(v) === JSON.stringify(expected), 'the restored draft');
  });

  it('keeps the text when the server is down during a submit, and one click after the restart posts one question', async () => {
    const form = page.locator('plein-ask');
    await server.halt();
    await writingTime();
    await form.getByRole('button', { name: 'Vraag plaatsen' }).click();
    const retry = form.getByRole('button', { name: 'Opnieuw proberen' });
    await retry.waitFor({ timeout: 30_000 });
    assert.equal(await form.getByLabel('Uw vraag in één zin').inputValue(), title);
    assert.equal(await form.getByLabel('Uitleg bij uw vraag').inputValue(), body);
    assert.equal(await form.getByLabel('Stuur mij een e-mail als er een antwoord is').inputValue(), email);

    await server.start();
    await retry.click();
    await form.getByRole('heading', { name: 'Uw vraag staat online' }).waitFor({ timeout: 30_000 });
    assert.equal((await questionsTitled(server, title)).length, 1);
  });

  it('clears the draft after the question is posted', async () => {
    await page.reload();
    const form = page.locator('plein-ask');
    await form.getByLabel('Uw vraag in één zin').waitFor();
    assert.equal(await form.getByLabel('Uw vraag in één zin').inputValue(), '');
    assert.equal(await form.getByLabel('Uitleg bij uw vraag').inputValue(), '');
  });

  it('asks the follower to confirm the address before sending anything else', async () => {
    const mails = await eventually(
      () => outbox(server),
      (m) => m.length === 1,
      'mails in the outbox',
    );
    const confirmation = mails[0]!;
    assert.match(confirmation.subject, /Bevestig uw e-mailadres/);

    const confirmPage = await asker.newPage();
    await confirmPage.goto(linkIn(confirmation, '/meldingen/bevestigen'));
    await confirmPage.getByRole('button', { name: 'Ja, stuur mij een e-mail bij een antwoord' }).click();
    await confirmPage.getByRole('heading', { name: 'Uw e-mailadres is bevestigd' }).waitFor();
    await confirmPage.close();
  });

  it('shows a new answer live in a second browser, announced politely', async () => {
    const reader = await browser.newContext();
    const readerPage = await reader.newPage();
    const sockets: string[] = [];
    readerPage.on('websocket', (socket) => sockets.push(socket.url()));
    const readerThread = await openThread(readerPage, server, title, 'contract beëindigen ziek');
    await eventually(
      async () => sockets.length,
      (count) => count > 0,
      'WebSockets opened by the reader',
    );
    assert.match(sockets[0]!, /\/graphql$/);

    const writerThread = await openThread(page, server, title, 'contract beëindigen ziek');
    const answer = `Teken niet meteen. Vraag eerst advies aan een onafhankelijk adviseur. (${stamp})`;
    await writerThread.getByLabel('Uw antwoord').fill(answer);
    await writingTime();
    await writerThread.getByRole('button', { name: 'Plaats antwoord' }).click();
    await writerThread.getByText('Dank u wel. Uw antwoord staat erbij.').waitFor();

    // Well within the 30 s polling fallback: this is the socket at work.
    await readerThread.getByText(answer).waitFor({ timeout: 10_000 });
    const announced = await readerThread.locator('[part="announcer"]').allTextContents();
    assert.ok(
      announced.some((text) => text.includes('Er is een nieuw antwoord')),
      `live regions: ${JSON.stringify(announced)}`,
    );
    await reader.close();
  });

  it('mails the follower about the answer, and the unsubscribe link stops the mails', async () => {
    const mails = await eventually(
      () => outbox(server),
      (m) => m.length === 2,
      'mails in the outbox',
    );
    const notification = mails.find((mail) => /nieuw antwoord/.test(mail.subject));
    assert.ok(notification, `subjects: ${mails.map((m) => m.subject).join(' | ')}`);
    assert.match(notification.raw, /^List-Unsubscribe:\s+<http\S+\/meldingen\/afmelden\?token=/m);
    assert.match(notification.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

    // "Lees het antwoord" opens the question on the municipal site, with the answer.
    const questionLink = /https?:\/\/\S+\/municipal-site\/#vraag-[\w-]+/.exec(notification.text)?.[0];
    assert.ok(questionLink, 'the notification links to the question');
    const reading = await asker.newPage();
    await reading.goto(questionLink);
    await reading.locator('plein-question').getByRole('heading', { name: title }).waitFor();
    await reading.close();

    const unsubscribePage = await asker.newPage();
    await unsubscribePage.goto(linkIn(notification, '/meldingen/afmelden'));
    await unsubscribePage.getByRole('button', { name: 'Afmelden' }).click();
    await unsubscribePage.getByRole('heading', { name: 'U bent afgemeld' }).waitFor();
    await unsubscribePage.close();

    const [question] = await questionsTitled(server, title);
    const posted = await graphql<{ answerQuestion: { answer: { id: string } | null } }>(
      server,
      'mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { answer { id } } }',
      {
        input: { questionId: question!.id, body: 'Nog een antwoord na het afmelden.', idempotencyKey: `e2e-${stamp}` },
      },
    );
    assert.ok(posted.answerQuestion.answer, 'the answer after unsubscribing was posted');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal((await outbox(server)).length, 2, 'no mail after unsubscribing');
  });
});
