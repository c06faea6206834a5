import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { graphql } from './api.ts';
import { collectPageProblems, launchChromium } from './browser.ts';
import { type RealServer, startRealServer } from './server.ts';

/** Runs `plein …` and fails with its output when it does not exit with 0. */
async function plein(server: RealServer, args: string[], input?: string): Promise<string> {
  const result = await server.cli(args, input);
  assert.equal(result.code, 0, `plein ${args.join(' ')}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('a professional answers and a citizen reads it (real server, built bundle, Chromium)', () => {
  let server: RealServer;
  let browser: Browser;
  let expertPage: Page;
  let citizenPage: Page;
  let expertProblems: string[];
  let citizenProblems: string[];

  const stamp = Date.now();
  const admin = { email: `beheer-${stamp}@werknet-eemsdelta.example`, password: 'beheer-wachtwoord-lang-genoeg' };
  const expert = {
    email: `els-${stamp}@wiersma-arbeidsrecht.example`,
    password: 'els-wachtwoord-lang-genoeg',
    name: 'Els Wiersma',
  };
  const topics = ['ontslag', 'ziek-in-dienst', 'ww'];
  const answer =
    `Teken de vaststellingsovereenkomst niet meteen. U heeft na het tekenen 14 dagen om van gedachten te ` +
    `veranderen. Laat de overeenkomst eerst nakijken. (${stamp})`;
  let expertId = '';
  /** When the verification made in the first step ends: the badge goes then, by the server's own clock. */
  let validUntil = 0;
  let questionId = '';
  let questionTitle = '';

  before(async () => {
    server = await startRealServer();
    browser = await launchChromium();

    await plein(
      server,
      [
        'user',
        'add',
        '--community',
        'eemsdelta',
        '--email',
        admin.email,
        '--role',
        'ADMIN',
        '--name',
        'Beheer WerkNet',
        '--password-stdin',
      ],
      `${admin.password}\n`,
    );
    await plein(
      server,
      [
        'user',
        'add',
        '--community',
        'eemsdelta',
        '--email',
        expert.email,
        '--role',
        'EXPERT',
        '--name',
        expert.name,
        '--password-stdin',
      ],
      `${expert.password}\n`,
    );
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('gives an expert account from the CLI an unverified expert profile of its own', async () => {
    const listed = await plein(server, ['expert', 'list', '--community', 'eemsdelta']);
    const line = listed.split('\n').find((row) => row.split('\t')[1] === expert.name);
    assert.ok(line, `no profile for ${expert.name} in:\n${listed}`);
    const [id, , state] = line.split('\t');
    assert.equal(state, 'niet geverifieerd');
    expertId = id!;
  });

  it('lets the admin sign in and verify the expert, independent, until a moment just ahead', async () => {
    const signedIn = await graphql<{ signIn: { session: { token: string } | null; errors: unknown[] } }>(
      server,
      `
        mutation ($input: SignInInput!) {
          signIn(input: $input) {
            session {
              token
            }
            errors {
              field
              code
              message
            }
          }
        }
      `,
      { input: { community: 'eemsdelta', ...admin } },
    );
    assert.deepEqual(signedIn.signIn.errors, []);
    const token = signedIn.signIn.session!.token;

    // 25 seconds: time for the expert to answer and the citizen to see the badge, and the only way to see an expiry
    // on a real server without changing its clock.
    validUntil = Date.now() + 25_000;
    const verified = await graphql<{
      verifyExpert: {
        expert: { verified: boolean; independence: string; topics: { slug: string }[] } | null;
        errors: unknown[];
      };
    }>(
      server,
      `
        mutation ($input: VerifyExpertInput!) {
          verifyExpert(input: $input) {
            expert {
              verified
              independence
              topics {
                slug
              }
            }
            errors {
              field
              code
              message
            }
          }
        }
      `,
      {
        input: {
          expertId,
          evidence: 'KVK',
          kvkNumber: '90123456',
          organisation: 'Wiersma Arbeidsrecht',
          independence: 'INDEPENDENT',
          topics,
          validUntil: new Date(validUntil).toISOString(),
        },
      },
      token,
    );
    assert.deepEqual(verified.verifyExpert.errors, []);
    const profile = verified.verifyExpert.expert!;
    assert.deepEqual(
      [profile.verified, profile.independence, profile.topics.map((topic) => topic.slug).sort()],
      [true, 'INDEPENDENT', [...topics].sort()],
    );
  });

  it('lets the expert sign in on the professionals page, claim an open question and answer it in place', async () => {
    expertPage = await (await browser.newContext()).newPage();
    expertProblems = collectPageProblems(expertPage);
    await expertPage.goto(`${server.url}/professionals/`);

    const signIn = expertPage.locator('plein-sign-in');
    await signIn.getByLabel('E-mailadres').fill(expert.email);
    await signIn.getByLabel('Wachtwoord').fill(expert.password);
    await signIn.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await signIn.getByRole('heading', { name: `Ingelogd als ${expert.name}` }).waitFor();

    const inbox = expertPage.locator('plein-expert-inbox');
    const first = inbox.locator('[part="item"]').first();
    await first.waitFor();
    // Only open questions of the verified topics are listed.
    const topicNames = await graphql<{ community: { topics: { slug: string; name: string }[] } }>(
      server,
      'query { community(slug: "eemsdelta") { topics { slug name } } }',
    );
    const names = topicNames.community.topics.filter((t) => topics.includes(t.slug)).map((t) => t.name);
    for (const meta of await inbox.locator('[part="meta"]').all()) {
      const line = await text(meta);
      assert.ok(
        names.some((name) => line.startsWith(name)),
        `"${line}" is not one of the expert's topics`,
      );
    }

    questionId = (await first.getAttribute('data-question-id'))!;
    questionTitle = await text(first.locator('[part="toggle"]'));
    await first.getByRole('button', { name: 'Ik pak deze op' }).click();
    await first.locator('[part="claim"]').waitFor();
    assert.match(await text(first.locator('[part="claim"]')), /^U werkt hieraan tot \d{2}:\d{2}$/);

    // The claimed question opens with the cursor in its answer field.
    const answerField = first.getByRole('textbox', { name: 'Uw antwoord' });
    assert.equal(
      await answerField.evaluate((field) => (field.getRootNode() as ShadowRoot).activeElement === field),
      true,
    );
    // Typed as a person types: the server refuses an answer sent faster than anyone can write one.
    await answerField.pressSequentially(answer, { delay: 25 });
    await first.getByRole('textbox', { name: /^Bron \(link\)/ }).fill('https://wetten.overheid.nl/BWBR0005290/');
    await first.getByRole('button', { name: 'Plaats antwoord' }).click();
    await inbox.locator('[part="announcer"]').getByText('Uw antwoord is geplaatst.').waitFor();
    assert.equal(await inbox.locator(`[data-question-id="${questionId}"]`).count(), 0, 'the question left the list');
  });

  it('shows the citizen the answer with the expert badge, the name and the note', async () => {
    assert.ok(Date.now() < validUntil, 'the verification ended before the citizen could look: the steps were too slow');
    citizenPage = await (await browser.newContext()).newPage();
    citizenProblems = collectPageProblems(citizenPage);
    await citizenPage.goto(`${server.url}/municipal-site/#vraag-${questionId}`);

    const thread = citizenPage.locator('plein-questions plein-question');
    await thread.getByRole('heading', { name: questionTitle }).waitFor();
    const posted = thread.locator('[part~="answer"]', { hasText: answer });
    await posted.waitFor();
    assert.equal(await posted.getAttribute('part'), 'answer expert-answer');
    assert.equal(await text(posted.locator('.badge.expert')), 'Expert (geverifieerd)');
    const author = await text(posted.locator('[part="answer-author"]'));
    assert.ok(author.startsWith(expert.name), author);
    assert.ok(author.includes('Onafhankelijk: werkt niet voor UWV of de gemeente'), author);
    assert.match(await text(posted.locator('[part="expert-note"]')), /^Dit is algemene informatie/);
    assert.equal(await text(posted.locator('[part="answer-source"]')), 'Bron: wetten.overheid.nl');
  });

  it('drops the badge when the verification has ended, and keeps the answer', async () => {
    const wait = validUntil + 1_000 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await citizenPage.reload();

    const thread = citizenPage.locator('plein-questions plein-question');
    await thread.getByRole('heading', { name: questionTitle }).waitFor();
    const posted = thread.locator('[part~="answer"]', { hasText: answer });
    await posted.waitFor();
    assert.equal(await posted.getAttribute('part'), 'answer');
    assert.equal(await posted.locator('.badge.expert').count(), 0);
    const author = await text(posted.locator('[part="answer-author"]'));
    assert.ok(author.startsWith(expert.name), author);
    assert.ok(!author.includes('Onafhankelijk'), `no checked statement without a verification: ${author}`);
    assert.equal(await text(posted.locator('[part="answer-body"]')), answer);
  });

  it('reported no console errors, uncaught exceptions or failed requests on either page', () => {
    assert.deepEqual(expertProblems, []);
    assert.deepEqual(citizenProblems, []);
  });
});
