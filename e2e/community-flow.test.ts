import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { collectPageProblems, launchChromium, writingTime } from './browser.ts';
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

  it("keeps 16px text and real buttons under the site's hostile CSS (* { font-size: 13px } button { all: unset })", async () => {
    const style = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => {
          const computed = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          return { fontSize: parseFloat(computed.fontSize), background: computed.backgroundColor, height: box.height };
        });
    const title = await style('plein-questions [part="title"]');
    assert.ok(title.fontSize >= 16, `question titles are ${title.fontSize}px`);
    const submit = await style('plein-ask [part="submit"]');
    assert.ok(submit.fontSize >= 16, `the submit button text is ${submit.fontSize}px`);
    assert.ok(submit.height >= 24, `the submit button is ${submit.height}px high`);
    assert.notEqual(submit.background, 'rgba(0, 0, 0, 0)', 'the submit button keeps its background');
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
    await writingTime();
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
    await writingTime();
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
    type Node = { title: string; answerCount: number };
    const { data } = (await response.json()) as { data: { community: { questions: { edges: { node: Node }[] } } } };
    const stored = data.community.questions.edges.map((e) => e.node).filter((node) => node.title === title);
    assert.deepEqual(stored, [{ title, answerCount: 1 }]);
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
