import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { collectPageProblems, launchChromium, writingTime } from './browser.ts';
import { addAccounts, graphql, signIn, verifyExpert } from './api.ts';
import {
  announced,
  assertLiveRegion,
  deepActiveElement,
  describeFocus,
  eventually,
  type Focused,
  focusLands,
  inside,
  press,
  spoken,
  tabTo,
} from './keyboard.ts';
import { type RealServer, startRealServer } from './server.ts';

/**
 * Every flow of issue 9 done with the keyboard alone: Tab, Shift+Tab, Enter, Space, the arrow keys and typing. No
 * clicks, no element.click(), no focus() calls: each page starts at its top, as it does for a person. At every step
 * the test checks where focus lands (through the shadow roots), what the live regions say, and what the server stored.
 */

interface StoredAnswer {
  id: string;
  body: string;
  helpfulCount: number;
  author: { role: string; displayName: string };
}

async function answersOf(server: RealServer, questionId: string): Promise<StoredAnswer[]> {
  const data = await graphql<{ question: { answers: { edges: { node: StoredAnswer }[] } } | null }>(
    server,
    `
      query ($id: ID!) {
        question(id: $id) {
          answers(first: 50) {
            edges {
              node {
                id
                body
                helpfulCount
                author {
                  role
                  displayName
                }
              }
            }
          }
        }
      }
    `,
    { id: questionId },
  );
  return data.question?.answers.edges.map((edge) => edge.node) ?? [];
}

/** A fresh browser tab at the top of a page: nothing focused yet, as after typing the address. */
async function openPage(browser: Browser, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const problems = collectPageProblems(page);
  await page.goto(url);
  await elementsReady(page);
  const start = await deepActiveElement(page);
  assert.equal(start?.tag, 'body', 'a page opens with nothing focused');
  return { page, problems };
}

/**
 * Waits until every Plein element on the page has drawn itself, so a walk with Tab meets what a person would see once
 * the page has loaded (on a busy machine the bundle can arrive after the first Tab).
 */
async function elementsReady(page: Page): Promise<void> {
  // Polled with evaluate: the example pages run under a strict CSP, which refuses waitForFunction's string eval.
  const drawn = `[...document.querySelectorAll('*')]
    .filter((element) => element.localName.startsWith('plein-') && element.localName !== 'plein-community')
    .every((element) => element.shadowRoot && element.shadowRoot.childElementCount > 0)`;
  await eventually(
    () => page.evaluate(drawn) as Promise<boolean>,
    (ready) => ready,
    'the Plein elements drawn',
    30_000,
  );
  await page
    // A list, a thread opened in place from the address (the list is hidden then), or the sign-in form.
    .locator(
      'plein-questions [part="item"], plein-questions plein-question [part="title"], plein-sign-in [part="heading"], plein-sign-in [part="signed-in"]',
    )
    .first()
    .waitFor({ timeout: 30_000 });
}

/** Chooses an option in a focused native select with the arrow keys, as a keyboard user does. */
async function chooseWithArrows(page: Page, value: string, what: string): Promise<void> {
  for (let step = 0; step < 40; step++) {
    const focused = await deepActiveElement(page);
    assert.equal(focused?.tag, 'select', `${what}: focus left the select (${describeFocus(focused)})`);
    if (focused.value === value) return;
    await page.keyboard.press('ArrowDown');
  }
  assert.fail(`${what}: "${value}" is not among the options`);
}

const isPart = (part: string) => (focused: Focused) => focused.part.split(' ').includes(part);

describe('keyboard only: every flow (real server, built bundle, Chromium)', () => {
  let server: RealServer;
  let browser: Browser;
  const stamp = Date.now();
  const admin = { email: `beheer-${stamp}@werknet.example`, password: 'beheer-wachtwoord-lang-genoeg' };
  const expert = {
    email: `els-${stamp}@wiersma-advies.example`,
    password: 'els-wachtwoord-lang-genoeg',
    name: 'Els Wiersma',
  };
  const moderator = { email: `mod-${stamp}@werknet.example`, password: 'moderator-wachtwoord-lang' };
  let moderatorToken = '';
  let slotId = '';
  /** The question the citizen asks with the keyboard; the expert answers it in its thread. */
  let askedQuestionId = '';
  /** The expert's tab: signed in there, it is used again on the municipal site. */
  let expertPage: Page;
  const allProblems: string[][] = [];

  before(async () => {
    server = await startRealServer();
    browser = await launchChromium();
    await addAccounts(server, [
      [admin, 'ADMIN', 'Beheer WerkNet'],
      [expert, 'EXPERT', expert.name],
      [moderator, 'MODERATOR', 'Moderator Mees'],
    ]);
    const adminToken = await signIn(server, admin.email, admin.password);
    await verifyExpert(server, adminToken, expert.name, ['ontslag', 'ziek-in-dienst', 'ww']);
    // A free appointment two days ahead at a whole hour, for the booking flow.
    const expertToken = await signIn(server, expert.email, expert.password);
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    const published = await graphql<{ publishSlots: { slots: { id: string }[]; errors: unknown[] } }>(
      server,
      'mutation ($input: PublishSlotsInput!) { publishSlots(input: $input) { slots { id } errors { code } } }',
      { input: { community: 'eemsdelta', startsAt: [start.toISOString()], mode: 'VIDEO' } },
      expertToken,
    );
    assert.deepEqual(published.publishSlots.errors, []);
    slotId = published.publishSlots.slots[0]!.id;
    moderatorToken = await signIn(server, moderator.email, moderator.password);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe('a citizen on the municipal site', () => {
    let page: Page;
    let openedQuestionId = '';

    before(async () => {
      const opened = await openPage(browser, `${server.url}/municipal-site/`);
      page = opened.page;
      allProblems.push(opened.problems);
    });

    it('reads the list: skip link, the count, the questions in order, and "Meer vragen laden" moves focus to the next question', async () => {
      const skip = await tabTo(page, (f) => f.tag === 'a', 'the skip link', { max: 1 });
      assert.equal(skip.name, 'Naar de inhoud');
      await page.keyboard.press('Enter');

      const count = page.locator('plein-questions [part="count"]');
      await assertLiveRegion(count, 'the question count');
      await announced(count, /^\d+ vragen$/);
      const total = Number(/^(\d+)/.exec(await spoken(count))![1]);
      assert.ok(total > 20, `the demo community has more than one page of questions (${total})`);

      const search = await tabTo(page, (f) => inside('plein-questions')(f) && f.id === 'search', 'the search field');
      assert.equal(search.name, 'Zoek in de vragen');
      // Every question is one Tab stop, in the order of the list.
      const titles = await page.locator('plein-questions [part="title"]').allTextContents();
      assert.equal(titles.length, 20);
      const first = await tabTo(page, isPart('title'), 'the first question');
      assert.equal(first.name, titles[0]!.trim());
      for (const title of titles.slice(1)) {
        await page.keyboard.press('Tab');
        const next = await deepActiveElement(page);
        assert.ok(next && isPart('title')(next), `the next Tab stop is a question, not ${describeFocus(next)}`);
        assert.equal(next.name, title.trim());
      }
      const more = await tabTo(page, isPart('more'), '"Meer vragen laden"', { max: 1 });
      assert.equal(more.name, 'Meer vragen laden');
      await page.keyboard.press('Enter');

      // The first question of the next page takes focus: the reader goes on where the list grew.
      const landed = await focusLands(
        page,
        (f) => isPart('title')(f) && f.name !== titles.at(-1)!.trim() && !titles.includes(f.name),
        'after "Meer vragen laden"',
      );
      const shown = await page.locator('plein-questions [part="title"]').allTextContents();
      assert.equal(shown.length, Math.min(40, total));
      assert.equal(landed.name, shown[20]!.trim(), 'focus is on the 21st question');
    });

    it('searches: typing narrows the list and the count says so; Enter searches at once', async () => {
      await tabTo(page, (f) => inside('plein-questions')(f) && f.id === 'search', 'back to the search field', {
        backwards: true,
        max: 60,
      });
      const count = page.locator('plein-questions [part="count"]');
      await page.keyboard.type('ontslag');
      await page.keyboard.press('Enter');
      const said = await announced(count, /vragen? gevonden voor “ontslag”$/);
      const found = Number(/^(\d+)/.exec(said)![1]);
      assert.ok(found > 0, said);
      const focused = await deepActiveElement(page);
      assert.equal(focused?.id, 'search', 'focus stays in the search field while the list changes');
      assert.equal(focused.value, 'ontslag');
    });

    it('opens a thread with Enter (focus on the way back), and goes back with Enter (focus on the same question)', async () => {
      const link = await tabTo(page, isPart('title'), 'the first result');
      openedQuestionId = link.dataset.questionId!;
      assert.ok(openedQuestionId, 'the link names its question');
      await page.keyboard.press('Enter');

      const back = await focusLands(page, isPart('back'), 'after opening the thread');
      assert.equal(back.name, '← Terug naar alle vragen');
      const heading = page.locator('plein-questions plein-question [part="title"]');
      await heading.waitFor({ timeout: 20_000 });
      assert.equal((await heading.textContent())?.trim(), link.name, 'the thread of the chosen question');
      assert.ok(!page.url().includes('#vraag-'), 'an in-page thread leaves the address alone');

      await page.keyboard.press('Enter');
      const again = await focusLands(page, isPart('title'), 'after going back');
      assert.equal(again.dataset.questionId, openedQuestionId, 'focus is on the question that was open');
      assert.equal(await page.locator('plein-questions [part="search"]').inputValue(), 'ontslag', 'the search kept');

      // Open it again for the next steps.
      await page.keyboard.press('Enter');
      await focusLands(page, isPart('back'), 'after opening the thread again');
      await heading.waitFor({ timeout: 20_000 });
    });

    it('votes "Nuttig" with Space: pressed, announced, counted once on the server', async () => {
      const answers = await answersOf(server, openedQuestionId);
      assert.ok(answers.length > 0, 'the thread has answers');
      const announcer = page.locator('plein-questions plein-question [part="announcer"]');
      await assertLiveRegion(announcer, 'the thread announcer');

      const helpful = await tabTo(page, isPart('helpful'), 'the first "Nuttig"');
      assert.equal(helpful.pressed, 'false');
      const answerId = await page
        .locator('plein-questions plein-question [part~="helpful"]')
        .first()
        .evaluate((button) => button.closest('[data-answer-id]')?.getAttribute('data-answer-id'));
      const before = answers.find((answer) => answer.id === answerId)!;
      await page.keyboard.press('Space');

      await announced(announcer, 'Dank u. U vindt dit antwoord nuttig.');
      const after = await focusLands(page, (f) => isPart('helpful')(f) && f.pressed === 'true', 'after voting');
      assert.equal(after.name, helpful.name, 'focus stays on the same button');
      await eventually(
        async () => (await answersOf(server, openedQuestionId)).find((answer) => answer.id === answerId)?.helpfulCount,
        (count) => count === before.helpfulCount + 1,
        'the helpful count on the server',
      );
    });

    it('flags an answer: Enter opens the form on the first reason, a missing reason is said there, arrows choose, Enter sends', async () => {
      const announcer = page.locator('plein-questions plein-question [part="announcer"]');
      const flag = await tabTo(page, (f) => isPart('flag')(f) && f.id.startsWith('flag-button-ANSWER-'), '"Melden"');
      assert.equal(flag.expanded, 'false');
      const answerId = flag.id.replace('flag-button-ANSWER-', '');
      await page.keyboard.press('Enter');

      await focusLands(page, (f) => f.id === 'flag-reason-PERSONAL_DATA', 'after "Melden"');
      // Escape closes the form, as it would a menu, and focus goes back to "Melden".
      await page.keyboard.press('Escape');
      const closed = await focusLands(page, (f) => f.id === flag.id, 'after Escape');
      assert.equal(closed.expanded, 'false');
      await page.keyboard.press('Enter');
      const firstReason = await focusLands(page, (f) => f.id === 'flag-reason-PERSONAL_DATA', 'after "Melden" again');
      assert.equal(firstReason.checked, false, 'focus alone chooses nothing');
      await tabTo(page, (f) => f.type === 'submit' && inside('plein-question')(f), '"Verstuur melding"', { max: 4 });
      await page.keyboard.press('Enter');
      await focusLands(page, (f) => f.id === 'flag-reason-PERSONAL_DATA', 'after sending without a reason');
      const reasonError = page.locator('plein-questions plein-question #flag-reason-error');
      assert.ok((await spoken(reasonError)).length > 0, 'the missing reason is said at the field');

      // Down twice: Beledigend, Spam. Arrow keys move through a radio group and choose as they go.
      await press(page, 'ArrowDown', 2);
      const spam = await deepActiveElement(page);
      assert.deepEqual([spam?.id, spam?.checked], ['flag-reason-SPAM', true]);
      await tabTo(page, (f) => f.id === 'flag-note', '"Toelichting"', { max: 1 });
      await page.keyboard.type('Reclame voor een bedrijf.');
      await tabTo(page, (f) => f.type === 'submit' && inside('plein-question')(f), '"Verstuur melding"', { max: 3 });
      await page.keyboard.press('Enter');

      await announced(announcer, 'Dank u. Een moderator kijkt ernaar.');
      const back = await focusLands(page, (f) => f.id === flag.id, 'after sending the flag');
      assert.match(back.name, /^Gemeld/);

      const queue = await eventually(
        () =>
          graphql<{
            viewer: {
              moderationQueue: {
                edges: { node: { answer: { id: string } | null; flags: { reason: string; note: string | null }[] } }[];
              };
            };
          }>(
            server,
            'query { viewer { moderationQueue(first: 50) { edges { node { answer { id } flags { reason note } } } } } }',
            {},
            moderatorToken,
          ),
        (data) => data.viewer.moderationQueue.edges.some((edge) => edge.node.answer?.id === answerId),
        'the flagged answer in the moderation queue',
      );
      const item = queue.viewer.moderationQueue.edges.find((edge) => edge.node.answer?.id === answerId)!;
      assert.deepEqual(item.node.flags, [{ reason: 'SPAM', note: 'Reclame voor een bedrijf.' }]);
    });

    it('goes back to the list from deep in the thread with Shift+Tab and Enter', async () => {
      await tabTo(page, isPart('back'), 'the way back', { backwards: true, max: 40 });
      await page.keyboard.press('Enter');
      const again = await focusLands(page, isPart('title'), 'after going back');
      assert.equal(again.dataset.questionId, openedQuestionId);
    });
  });

  describe('a citizen asks a question', () => {
    let page: Page;
    const title = `Krijg ik WW als mijn contract niet verlengd wordt? ${stamp}`;
    const body =
      'Mijn contract van een jaar stopt over een maand. Daarvoor heb ik twee jaar bij een andere baas gewerkt.';

    before(async () => {
      const opened = await openPage(browser, `${server.url}/municipal-site/`);
      page = opened.page;
      allProblems.push(opened.problems);
    });

    it('sends an empty form: the summary takes focus and its first link leads to the field', async () => {
      await tabTo(page, (f) => inside('plein-ask')(f) && isPart('submit')(f), '"Vraag plaatsen"', { max: 120 });
      await page.keyboard.press('Enter');
      const summary = await focusLands(page, (f) => inside('plein-ask')(f) && f.id === 'summary', 'after sending');
      assert.equal(summary.role, 'alert');
      const problems = await spoken(page.locator('plein-ask [part="summary"]'));
      assert.match(problems, /onderwerp/i, 'the summary names the missing topic');

      await tabTo(page, (f) => f.tag === 'a' && inside('plein-ask')(f), 'the first problem', { max: 1 });
      await page.keyboard.press('Enter');
      await focusLands(page, (f) => inside('plein-ask')(f) && f.tag === 'select', 'after the summary link');
    });

    it('fills the form with keys alone and posts it: focus on "Uw vraag staat online", the question is stored', async () => {
      await chooseWithArrows(page, 'ww', 'Onderwerp');
      await tabTo(page, (f) => f.id === 'title', '"Uw vraag in één zin"', { max: 1 });
      await page.keyboard.type(title);
      await tabTo(page, (f) => f.id === 'body', '"Uitleg bij uw vraag"', { max: 1 });
      await page.keyboard.type(body);
      await writingTime();
      await tabTo(page, (f) => inside('plein-ask')(f) && isPart('submit')(f), '"Vraag plaatsen"', { max: 20 });
      await page.keyboard.press('Enter');

      const heading = await focusLands(
        page,
        (f) => inside('plein-ask')(f) && f.id === 'success-heading',
        'after posting the question',
      );
      assert.match(heading.name, /^Uw vraag staat online|^Uw vraag wacht/);
      const stored = await eventually(
        () =>
          graphql<{
            community: { questions: { edges: { node: { id: string; title: string; topic: { slug: string } } }[] } };
          }>(
            server,
            'query ($s: String) { community(slug: "eemsdelta") { questions(search: $s, first: 50) { edges { node { id title topic { slug } } } } } }',
            { s: 'contract niet verlengd' },
          ),
        (data) => data.community.questions.edges.some((edge) => edge.node.title === title),
        'the question on the server',
      );
      const node = stored.community.questions.edges.find((edge) => edge.node.title === title)!.node;
      assert.equal(node.topic.slug, 'ww');
      askedQuestionId = node.id;
    });
  });

  describe('an expert signs in and answers', () => {
    let page: Page;

    before(async () => {
      const opened = await openPage(browser, `${server.url}/professionals/`);
      page = opened.page;
      expertPage = page;
      allProblems.push(opened.problems);
    });

    it('signs in: a wrong password puts focus on the summary; the right one on "Ingelogd als …", announced', async () => {
      const announcer = page.locator('plein-sign-in [part="announcer"]');
      await assertLiveRegion(announcer, 'the sign-in announcer');
      await tabTo(page, (f) => inside('plein-sign-in')(f) && f.name.startsWith('E-mailadres'), '"E-mailadres"');
      await page.keyboard.type(expert.email);
      await tabTo(page, (f) => f.name.startsWith('Wachtwoord'), '"Wachtwoord"', { max: 1 });
      await page.keyboard.type('niet-het-goede-wachtwoord');
      await page.keyboard.press('Enter');
      const summary = await focusLands(
        page,
        (f) => inside('plein-sign-in')(f) && isPart('error-summary')(f),
        'after a wrong password',
      );
      assert.ok(summary.name.length > 0, 'the summary says what went wrong');

      await tabTo(page, (f) => f.name.startsWith('Wachtwoord') && f.tag === 'input', 'back to "Wachtwoord"', {
        max: 6,
      });
      await page.keyboard.press('Control+A');
      await page.keyboard.type(expert.password);
      await page.keyboard.press('Enter');
      const heading = await focusLands(page, isPart('signed-in'), 'after signing in');
      assert.equal(heading.name, `Ingelogd als ${expert.name}`);
      await announced(announcer, `Ingelogd als ${expert.name}`);
    });

    it('claims the oldest question with Enter, types the answer, sends it: announced, focus on the next question, stored', async () => {
      const announcer = page.locator('plein-expert-inbox [part="announcer"]');
      await assertLiveRegion(announcer, 'the inbox announcer');
      await page.locator('plein-expert-inbox [part="claim-button"]').first().waitFor({ timeout: 20_000 });
      const claim = await tabTo(page, isPart('claim-button'), '"Ik pak deze op"');
      await page.keyboard.press('Enter');
      const field = await focusLands(
        page,
        (f) => f.tag === 'textarea' && inside('plein-expert-inbox')(f),
        'after claiming',
      );
      const questionId = field.id.replace('answer-body-', '');
      assert.ok(claim.name.length > 0 && questionId, 'the field belongs to the claimed question');
      await announced(announcer, /^U werkt nu aan deze vraag, tot \d{2}:\d{2}\./);

      const answer = `Vraag eerst advies voordat u iets tekent. U kunt ook bellen met het adviespunt. (${stamp})`;
      // As a person types: the server refuses an answer sent faster than anyone could write it.
      await page.keyboard.type(answer);
      await writingTime();
      await tabTo(page, (f) => isPart('submit')(f) && inside('plein-expert-inbox')(f), '"Plaats antwoord"', {
        max: 20,
      });
      await page.keyboard.press('Enter');

      await announced(announcer, /^Uw antwoord is geplaatst\./);
      const next = await focusLands(page, (f) => isPart('toggle')(f) || isPart('heading')(f), 'after answering');
      assert.ok(!next.name.includes(String(stamp)), `focus is on the next question: ${describeFocus(next)}`);
      const stored = await answersOf(server, questionId);
      const posted = stored.find((candidate) => candidate.body === answer);
      assert.ok(posted, 'the answer is stored');
      assert.deepEqual([posted.author.role, posted.author.displayName], ['EXPERT', expert.name]);
    });
  });

  describe('the signed-in expert answers in a thread on the municipal site', () => {
    it('walks to the answer field with Tab, writes, sends with Enter: focus stays on the button, the status says it, stored as an expert answer', async () => {
      assert.ok(askedQuestionId, 'the citizen asked a question first');
      const page = expertPage;
      // The same tab: the session lives in this tab's sessionStorage. The address opens the thread in place.
      await page.goto(`${server.url}/municipal-site/#vraag-${askedQuestionId}`);
      await elementsReady(page);
      const thread = page.locator('plein-questions plein-question');
      await thread.locator('[part="title"]').waitFor({ timeout: 20_000 });
      const status = thread.locator('[part="form"] [role="status"]');
      await assertLiveRegion(status, 'the answer form status');
      assert.equal(await spoken(status), '');

      await tabTo(page, (f) => inside('plein-question')(f) && f.id === 'answer-body', '"Uw antwoord"', { max: 200 });
      const answer = `Kijk op uw arbeidsverleden: met vier jaar werk heeft u waarschijnlijk langer recht op WW. (${stamp})`;
      await page.keyboard.type(answer);
      await writingTime();
      await tabTo(page, (f) => inside('plein-question')(f) && isPart('submit')(f), '"Plaats antwoord"', { max: 20 });
      await page.keyboard.press('Enter');

      await announced(status, /^Dank u wel\. Uw antwoord staat erbij\.$/);
      await focusLands(page, (f) => inside('plein-question')(f) && isPart('submit')(f), 'after posting the answer');
      const stored = await eventually(
        () => answersOf(server, askedQuestionId),
        (answers) => answers.some((candidate) => candidate.body === answer),
        'the answer on the server',
      );
      const posted = stored.find((candidate) => candidate.body === answer)!;
      assert.deepEqual([posted.author.role, posted.author.displayName], ['EXPERT', expert.name]);
    });

    it('signs out with Enter: focus on the sign-in heading, "U bent uitgelogd." announced', async () => {
      const page = expertPage;
      await page.goto(`${server.url}/professionals/`);
      await elementsReady(page);
      const announcer = page.locator('plein-sign-in [part="announcer"]');
      await assertLiveRegion(announcer, 'the sign-in announcer');
      await page.locator('plein-sign-in [part="sign-out"]').waitFor({ timeout: 20_000 });
      await tabTo(page, isPart('sign-out'), '"Uitloggen"');
      await page.keyboard.press('Enter');
      const heading = await focusLands(
        page,
        (f) => inside('plein-sign-in')(f) && isPart('heading')(f),
        'after signing out',
      );
      assert.equal(heading.name, 'Inloggen voor professionals');
      await announced(announcer, 'U bent uitgelogd.');
    });
  });

  describe('a citizen books an appointment', () => {
    let page: Page;

    before(async () => {
      const opened = await openPage(browser, `${server.url}/municipal-site/`);
      page = opened.page;
      allProblems.push(opened.problems);
    });

    it('sends the empty booking form: the summary takes focus', async () => {
      const inContact = (f: Focused) => f.hosts.some((host) => host === 'plein-contact#persoonlijk-advies');
      await page.locator('plein-contact#persoonlijk-advies #booking-submit').waitFor({ timeout: 20_000 });
      await tabTo(page, (f) => inContact(f) && f.id === 'booking-submit', '"Afspraak maken"', { max: 200 });
      await page.keyboard.press('Enter');
      const summary = await focusLands(page, (f) => inContact(f) && f.id === 'booking-summary', 'after sending');
      assert.equal(summary.role, 'alert');
    });

    it('chooses the topic and the time with arrows, fills in name and address, books: focus on the confirmation', async () => {
      const inContact = (f: Focused) => f.hosts.some((host) => host === 'plein-contact#persoonlijk-advies');
      // The summary sits above the form: the fields follow it.
      await tabTo(page, (f) => inContact(f) && f.id === 'booking-topic', '"Waarover wilt u praten?"', { max: 10 });
      await chooseWithArrows(page, 'ontslag', 'Waarover wilt u praten?');
      await page.locator(`plein-contact#persoonlijk-advies #slot-${slotId}`).waitFor({ timeout: 20_000 });
      const slot = await tabTo(page, (f) => inContact(f) && f.type === 'radio', 'the free times', { max: 3 });
      // Arrow keys choose within the group; Space chooses the one with focus.
      if (slot.id !== `slot-${slotId}`) {
        for (let step = 0; step < 20 && (await deepActiveElement(page))?.id !== `slot-${slotId}`; step++) {
          await page.keyboard.press('ArrowDown');
        }
      }
      await page.keyboard.press('Space');
      const chosen = await deepActiveElement(page);
      assert.deepEqual([chosen?.id, chosen?.checked], [`slot-${slotId}`, true]);
      assert.match(chosen!.name, /met Els Wiersma/);

      await tabTo(page, (f) => f.id === 'booking-name', '"Uw naam of een schuilnaam"', { max: 3 });
      await page.keyboard.type('Jorien');
      await tabTo(page, (f) => f.id === 'booking-email', '"Uw e-mailadres"', { max: 3 });
      await page.keyboard.type(`inwoner-${stamp}@example.org`);
      await writingTime();
      await tabTo(page, (f) => f.id === 'booking-submit', '"Afspraak maken"', { max: 6 });
      await page.keyboard.press('Enter');

      const confirmation = await focusLands(page, (f) => f.id === 'booking-confirmation', 'after booking');
      assert.equal(confirmation.name, 'Uw afspraak is gemaakt');
      const free = await graphql<{
        community: { contact: { appointments: { freeSlots: { id: string }[] } } };
      }>(
        server,
        'query { community(slug: "eemsdelta") { contact { appointments { freeSlots(topic: "ontslag", first: 20) { id } } } } }',
      );
      assert.ok(!free.community.contact.appointments.freeSlots.some((s) => s.id === slotId), 'the slot is taken');
    });
  });

  it('reported no console errors, uncaught exceptions or failed requests on any page', () => {
    assert.deepEqual(allProblems.flat(), []);
  });
});
