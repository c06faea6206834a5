import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { collectPageProblems, launchChromium } from './browser.ts';
import { embedBundle, type RealServer, startRealServer } from './server.ts';

describe('a citizen on the municipal site (real server, built bundle, Chromium)', () => {
  let server: RealServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const title = `Krijg ik WW als mijn tijdelijke contract stopt? ${Date.now()}`;

  before(async () => {
    server = await startRealServer();
    browser = await launchChromium();
    page = await browser.newPage();
    problems = collectPageProblems(page);
    await page.goto(`${server.url}/municipal-site/`);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sees the seeded questions of WerkNet Eemsdelta', async () => {
    const list = page.locator('plein-questions');
    await list.locator('[part="item"]').first().waitFor();
    assert.equal(await list.locator('[part="item"]').count(), 20);
    assert.match((await list.locator('[part="count"]').textContent()) ?? '', /^\d+ vragen$/);
  });

  it('asks a question and gets a link to it', async () => {
    const form = page.locator('plein-ask');
    await form.getByLabel('Onderwerp').selectOption('ww');
    await form.getByLabel('Uw vraag in één zin').fill(title);
    await form
      .getByLabel('Uitleg bij uw vraag')
      .fill(
        'Mijn contract van een jaar stopt volgende maand. Ik heb daarvoor drie jaar bij een ander bedrijf gewerkt.',
      );
    await form.getByRole('button', { name: 'Vraag plaatsen' }).click();
    await form.getByRole('heading', { name: 'Uw vraag staat online' }).waitFor();
  });

  it('finds the new question in the list and opens it in place', async () => {
    const list = page.locator('plein-questions');
    await list.getByLabel('Zoek in de vragen').fill('tijdelijke contract');
    const link = list.getByRole('link', { name: title });
    await link.waitFor();
    await link.click();
    await list.locator('plein-question').getByRole('heading', { name: title }).waitFor();
  });

  it('posts an answer that appears in the thread and is stored', async () => {
    const thread = page.locator('plein-question');
    const answer = 'Ja, als u in de laatste 36 weken minstens 26 weken heeft gewerkt. Vraag het aan bij het UWV.';
    await thread.getByLabel('Uw antwoord').fill(answer);
    await thread.getByRole('button', { name: 'Plaats antwoord' }).click();
    await thread.getByText('Dank u wel. Uw antwoord staat erbij.').waitFor();
    await thread.getByText(answer).waitFor();

    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'query($s: String) { community(slug: "eemsdelta") { questions(search: $s) { edges { node { title answerCount } } } } }',
        variables: { s: 'tijdelijke contract' },
      }),
    });
    const { data } = (await response.json()) as { data: { community: { questions: { edges: { node: unknown }[] } } } };
    assert.deepEqual(
      data.community.questions.edges.map((e) => e.node),
      [{ title, answerCount: 1 }],
    );
  });

  it('reported no console errors and no uncaught exceptions', () => {
    assert.deepEqual(problems, []);
  });
});

describe('the built embed bundle', () => {
  it('carries no GraphQL parser: graphql-request reads operation names through the shim', () => {
    const dir = dirname(embedBundle);
    const files = [
      embedBundle,
      ...readdirSync(join(dir, 'chunks'))
        .filter((f) => f.endsWith('.js'))
        .map((f) => join(dir, 'chunks', f)),
    ];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const parserText of ['Syntax Error', 'Unexpected character', 'Expected Name']) {
        assert.ok(!source.includes(parserText), `${file} contains graphql parser text "${parserText}"`);
      }
    }
  });
});
