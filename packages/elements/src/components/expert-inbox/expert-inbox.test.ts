import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { graphql, HttpResponse } from 'msw';
import { resetSharedClients, sharedClient } from '../../context.ts';
import '../../define/plein-community.ts';
import '../../define/plein-expert-inbox.ts';
import '../../define/plein-sign-in.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../../mocks/fixtures.ts';
import {
  claimRace,
  MOCK_PASSWORD,
  professionalScenarios,
  signInMockAccount,
  signOutMockAccounts,
} from '../../mocks/professionals.ts';
import type { PleinExpertInbox } from './expert-inbox.ts';

// The community server is mocked with msw in these tests; e2e/ runs the real one.

const api = graphql.link(MOCK_ENDPOINT);
const shadow = (element: Element) => element.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = <T extends HTMLElement = HTMLElement>(root: Element, name: string) =>
  (root.shadowRoot ?? root).querySelector<T>(`[part~="${name}"]`);
const items = (element: Element) => [...shadow(element).querySelectorAll<HTMLElement>('[part="item"]')];
const item = (element: Element, id: string) =>
  shadow(element).querySelector<HTMLElement>(`[part="item"][data-question-id="${id}"]`)!;
const inItem = <T extends HTMLElement = HTMLElement>(element: Element, id: string, name: string) =>
  item(element, id)?.querySelector<T>(`[part~="${name}"]`) ?? null;
const ids = (element: Element) => items(element).map((entry) => entry.dataset.questionId);
const focused = (element: Element) => {
  const active = shadow(element).activeElement as HTMLElement | null;
  return active
    ? `${active.closest<HTMLElement>('[part="item"]')?.dataset.questionId ?? '-'}:${active.getAttribute('part') ?? active.localName}`
    : null;
};
const announcer = (element: Element) => text(part(element, 'announcer'));

async function renderInbox(
  template = html`<plein-expert-inbox endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-expert-inbox>`,
): Promise<PleinExpertInbox> {
  const rendered = await fixture<HTMLElement>(template);
  const element = (
    rendered.localName === 'plein-expert-inbox' ? rendered : rendered.querySelector('plein-expert-inbox')!
  ) as PleinExpertInbox;
  await waitUntil(
    () => shadow(element).querySelector('[part="list"], [part="empty"], [part="sign-in-first"], [role="alert"]'),
    'the inbox settles',
    { timeout: 5000 },
  );
  return element;
}

function fill(element: Element, questionId: string, field: 'body' | 'source' | 'reviewed', value: string): void {
  const control = shadow(element).querySelector<HTMLInputElement>(`#answer-${field}-${questionId}`)!;
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The AnswerQuestion inputs that reach the mocked server (the answers themselves come from the usual handler). */
function recordAnswers() {
  const inputs: Record<string, unknown>[] = [];
  worker.use(
    api.mutation('AnswerQuestion', ({ variables }) => {
      inputs.push(variables.input as Record<string, unknown>);
      return undefined;
    }),
  );
  return inputs;
}

const expertAnswer =
  'U kunt binnen zes weken bezwaar maken bij het UWV. Schrijf erbij dat u in het ziekenhuis lag en stuur een bewijs mee.';

describe('<plein-expert-inbox>', () => {
  before(() => startMockServer());
  beforeEach(() => signOutMockAccounts());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    signOutMockAccounts();
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('plein:draft:')) sessionStorage.removeItem(key);
  });

  it('asks an expert to sign in, and brings its own sign-in when the page has none', async () => {
    const element = await renderInbox();
    expect(text(part(element, 'sign-in-first'))).to.equal('Log in als expert om uw vragen te zien.');
    const signIn = shadow(element).querySelector('plein-sign-in')!;
    await waitUntil(() => signIn.shadowRoot?.querySelector('[part="form"]'), 'its sign-in form');
    expect(text(signIn.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Inloggen voor professionals');
    expect(signIn.shadowRoot!.querySelector('[part="heading"]')!.getAttribute('aria-level')).to.equal('3');
    await expect(element).to.be.accessible();

    // Signed in through it, the inbox loads: it follows the session.
    const email = signIn.shadowRoot!.querySelector<HTMLInputElement>('#email')!;
    const password = signIn.shadowRoot!.querySelector<HTMLInputElement>('#password')!;
    email.value = 'geert@heikens-arbeidsadvies.example';
    email.dispatchEvent(new Event('input'));
    password.value = MOCK_PASSWORD;
    password.dispatchEvent(new Event('input'));
    signIn.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await waitUntil(() => items(element).length === 5, 'the inbox', { timeout: 5000 });
  });

  it('says only that inside a community that has its own sign-in element', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
        <plein-sign-in></plein-sign-in>
        <plein-expert-inbox></plein-expert-inbox>
      </plein-community>
    `);
    const element = wrapper.querySelector('plein-expert-inbox')!;
    await waitUntil(() => part(element, 'sign-in-first'), 'the message');
    expect(text(part(element, 'sign-in-first'))).to.equal('Log in als expert om uw vragen te zien.');
    expect(shadow(element).querySelector('plein-sign-in')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('tells someone signed in without the expert role that the inbox is for experts', async () => {
    signInMockAccount('moderator');
    const element = await renderInbox();
    expect(text(part(element, 'sign-in-first'))).to.equal(
      'U bent ingelogd, maar niet als expert. Alleen experts zien hier vragen.',
    );
    await expect(element).to.be.accessible();
  });

  it('lists the open questions oldest first, with their age, topic and who works on them', async () => {
    signInMockAccount('expert');
    const element = await renderInbox();
    expect(text(part(element, 'count'))).to.equal('5 vragen wachten op een expert.');
    expect(ids(element)).to.deep.equal(['i1', 'i2', 'i3', 'i4', 'i5']);
    expect(text(inItem(element, 'i1', 'toggle'))).to.equal(
      'Mijn WW is gestopt omdat ik een formulier te laat heb ingestuurd. Wat kan ik doen?',
    );
    expect(text(inItem(element, 'i1', 'meta'))).to.equal(
      'WW aanvragen, hoogte en duur 4 dagen geleden gesteld Wacht al meer dan 2 dagen',
    );
    expect(text(inItem(element, 'i5', 'meta'))).to.equal('Ontslag en vaststellingsovereenkomst 1 uur geleden gesteld');
    expect(items(element).map((entry) => Boolean(entry.querySelector('[part="overdue"]')))).to.deep.equal([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(text(inItem(element, 'i2', 'claim'))).to.match(/^Fatima Ouali werkt hieraan tot \d{2}:\d{2}$/);
    expect(text(inItem(element, 'i4', 'claim'))).to.match(/^U werkt hieraan tot \d{2}:\d{2}$/);
    expect(items(element).map((entry) => text(entry.querySelector('.actions')))).to.deep.equal([
      'Ik pak deze op',
      '',
      'Ik pak deze op',
      'Geef terug',
      'Ik pak deze op',
    ]);
    const claimButton = inItem(element, 'i1', 'claim-button')!;
    expect(claimButton.getAttribute('aria-describedby')).to.equal('title-i1');
    await expect(element).to.be.accessible();
  });

  it('claims a question, opens its answer form with focus in it, and gives it back', async () => {
    signInMockAccount('expert');
    const element = await renderInbox();
    inItem<HTMLButtonElement>(element, 'i1', 'claim-button')!.click();
    await waitUntil(() => focused(element) === 'i1:textarea', 'focus in the answer');
    expect(text(inItem(element, 'i1', 'claim'))).to.match(/^U werkt hieraan tot \d{2}:\d{2}$/);
    expect(inItem(element, 'i1', 'toggle')!.getAttribute('aria-expanded')).to.equal('true');
    expect(announcer(element)).to.match(
      /^U werkt nu aan deze vraag, tot \d{2}:\d{2}\. Schrijf hieronder uw antwoord\.$/,
    );
    expect(text(inItem(element, 'i1', 'body'))).to.contain('Ik kreeg een brief van het UWV');
    await expect(element).to.be.accessible();

    inItem<HTMLButtonElement>(element, 'i1', 'release')!.click();
    await waitUntil(() => focused(element) === 'i1:claim-button', 'focus on "Ik pak deze op"');
    expect(inItem(element, 'i1', 'claim')).to.equal(null);
    expect(announcer(element)).to.equal('U heeft de vraag teruggegeven. Andere experts kunnen hem nu oppakken.');
  });

  it('shows the server’s message when another expert was first, and refreshes the list', async () => {
    signInMockAccount('expert');
    worker.use(...claimRace());
    const element = await renderInbox();
    expect(text(inItem(element, 'i3', 'claim'))).to.equal('');
    inItem<HTMLButtonElement>(element, 'i3', 'claim-button')!.click();
    await waitUntil(() => text(inItem(element, 'i3', 'claim')).startsWith('Fatima'), 'the refreshed claim');
    expect(text(inItem(element, 'i3', 'notice'))).to.equal('Een andere expert werkt al aan deze vraag.');
    expect(inItem(element, 'i3', 'notice')!.getAttribute('role')).to.equal('alert');
    expect(inItem(element, 'i3', 'claim-button')).to.equal(null);
    await waitUntil(() => focused(element) === 'i3:toggle', 'focus stays with the question');
    await expect(element).to.be.accessible();
  });

  it('answers inline with the keyboard, with a source and a check date; the question then leaves the list', async () => {
    signInMockAccount('expert');
    const inputs = recordAnswers();
    const element = await renderInbox();
    inItem(element, 'i3', 'toggle')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => inItem(element, 'i3', 'form'), 'the answer form');
    expect(text(inItem(element, 'i3', 'body'))).to.contain('vier keer per week');
    await sendKeys({ press: 'Tab' });
    expect(focused(element)).to.equal('i3:claim-button');
    await sendKeys({ press: 'Tab' });
    expect(focused(element)).to.equal('i3:textarea');
    await sendKeys({ type: expertAnswer });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'https://wetten.overheid.nl/BWBR0004045' });
    await sendKeys({ press: 'Tab' });
    expect(focused(element)).to.equal('i3:input');
    // A date field has its own parts (day, month, year) that Tab moves through, in the browser's own order.
    fill(element, 'i3', 'reviewed', '2026-01-15');
    inItem(element, 'i3', 'submit')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !ids(element).includes('i3'), 'the question leaves the list');
    expect(inputs).to.have.length(1);
    expect(inputs[0]).to.include({
      questionId: 'i3',
      body: expertAnswer,
      sourceUrl: 'https://wetten.overheid.nl/BWBR0004045',
      reviewedOn: '2026-01-15',
    });
    expect(String(inputs[0]!.idempotencyKey)).to.have.length.greaterThan(8);
    expect(announcer(element)).to.equal(
      'Uw antwoord is geplaatst. De vraag „Hoeveel keer per week moet ik solliciteren met een WW-uitkering?” staat niet meer in uw lijst.',
    );
    expect(text(part(element, 'count'))).to.equal('4 vragen wachten op een expert.');
    await waitUntil(() => focused(element) === 'i4:toggle', 'focus on the next question');
    await expect(element).to.be.accessible();
  });

  it('checks the answer, the source link and the date before sending, and leads to each problem', async () => {
    signInMockAccount('expert');
    const inputs = recordAnswers();
    const element = await renderInbox();
    inItem<HTMLButtonElement>(element, 'i5', 'toggle')!.click();
    await waitUntil(() => inItem(element, 'i5', 'form'), 'the answer form');
    fill(element, 'i5', 'body', 'Te kort');
    fill(element, 'i5', 'source', 'http://wetten.overheid.nl');
    fill(element, 'i5', 'reviewed', '2999-01-01');
    inItem<HTMLButtonElement>(element, 'i5', 'submit')!.click();
    await waitUntil(() => focused(element) === 'i5:error-summary', 'focus on the summary');
    expect([...inItem(element, 'i5', 'error-summary')!.querySelectorAll('li')].map(text)).to.deep.equal([
      'Schrijf minstens 10 tekens.',
      'Vul een link in die begint met https://, bijvoorbeeld https://wetten.overheid.nl.',
      'Deze dag ligt in de toekomst. Kies vandaag of een eerdere dag.',
    ]);
    const source = shadow(element).querySelector('#answer-source-i5')!;
    expect([source.getAttribute('aria-invalid'), source.getAttribute('aria-describedby')]).to.deep.equal([
      'true',
      'answer-source-i5-error answer-source-i5-hint',
    ]);
    expect(inputs).to.have.length(0);
    await expect(element).to.be.accessible();
    inItem(element, 'i5', 'error-summary')!.querySelector<HTMLAnchorElement>('a[href="#answer-reviewed-i5"]')!.click();
    expect(shadow(element).activeElement?.id).to.equal('answer-reviewed-i5');
  });

  it('shows the server’s field errors at their field', async () => {
    signInMockAccount('expert');
    worker.use(...professionalScenarios.answerUserErrors);
    const element = await renderInbox();
    inItem<HTMLButtonElement>(element, 'i5', 'toggle')!.click();
    await waitUntil(() => inItem(element, 'i5', 'form'), 'the answer form');
    fill(element, 'i5', 'body', expertAnswer);
    inItem<HTMLButtonElement>(element, 'i5', 'submit')!.click();
    await waitUntil(() => shadow(element).querySelector('#answer-source-i5-error'), 'the error at the field');
    expect(text(shadow(element).querySelector('#answer-source-i5-error'))).to.equal(
      'Vul een webadres in dat begint met https://, bijvoorbeeld https://wetten.overheid.nl.',
    );
    expect(ids(element)).to.include('i5');
  });

  it('keeps the text when sending fails, and a retry sends the same idempotency key', async () => {
    signInMockAccount('expert');
    const keys: string[] = [];
    let fail = true;
    worker.use(
      api.mutation('AnswerQuestion', ({ variables }) => {
        keys.push(String((variables.input as { idempotencyKey: string }).idempotencyKey));
        return fail ? HttpResponse.error() : undefined;
      }),
    );
    const element = await renderInbox();
    inItem<HTMLButtonElement>(element, 'i1', 'toggle')!.click();
    await waitUntil(() => inItem(element, 'i1', 'form'), 'the answer form');
    fill(element, 'i1', 'body', expertAnswer);
    inItem<HTMLButtonElement>(element, 'i1', 'submit')!.click();
    await waitUntil(() => inItem(element, 'i1', 'form')?.querySelector('[role="alert"]'), 'the failure', {
      timeout: 5000,
    });
    const failure = text(inItem(element, 'i1', 'form')!.querySelector('[role="alert"]'));
    expect(failure).to.contain('Er is geen verbinding met de community');
    expect(failure).to.contain('Uw tekst is bewaard.');
    expect(shadow(element).querySelector<HTMLTextAreaElement>('#answer-body-i1')!.value).to.equal(expertAnswer);
    await expect(element).to.be.accessible();

    fail = false;
    inItem<HTMLButtonElement>(element, 'i1', 'submit')!.click();
    await waitUntil(() => !ids(element).includes('i1'), 'posted', { timeout: 5000 });
    expect(new Set(keys).size).to.equal(1);
    expect(keys.length).to.be.greaterThan(1);
    await element.updateComplete;
    expect(focused(element)).to.equal('i2:toggle');
  });

  it('keeps a draft in this tab, so a reload loses nothing', async () => {
    signInMockAccount('expert');
    const first = await renderInbox();
    inItem<HTMLButtonElement>(first, 'i5', 'toggle')!.click();
    await waitUntil(() => inItem(first, 'i5', 'form'), 'the answer form');
    fill(first, 'i5', 'body', expertAnswer);
    fill(first, 'i5', 'source', 'https://www.uwv.nl');
    first.remove();
    const again = await renderInbox();
    inItem<HTMLButtonElement>(again, 'i5', 'toggle')!.click();
    await waitUntil(() => inItem(again, 'i5', 'form'), 'the answer form');
    expect(shadow(again).querySelector<HTMLTextAreaElement>('#answer-body-i5')!.value).to.equal(expertAnswer);
    expect(shadow(again).querySelector<HTMLInputElement>('#answer-source-i5')!.value).to.equal('https://www.uwv.nl');
  });

  it('loads more questions on request and moves focus to the first new one', async () => {
    signInMockAccount('expert');
    const element = await renderInbox(
      html`<plein-expert-inbox
        endpoint=${MOCK_ENDPOINT}
        community=${MOCK_COMMUNITY}
        page-size="3"
      ></plein-expert-inbox>`,
    );
    expect(ids(element)).to.deep.equal(['i1', 'i2', 'i3']);
    const more = part<HTMLButtonElement>(element, 'more')!;
    expect(text(more)).to.equal('Meer vragen laden');
    more.click();
    await waitUntil(() => items(element).length === 5, 'the next page');
    await waitUntil(() => focused(element) === 'i4:toggle', 'focus on the first new question');
    expect(part(element, 'more')).to.equal(null);
  });

  it('says so when no question waits', async () => {
    signInMockAccount('expert');
    worker.use(...professionalScenarios.inboxEmpty);
    const element = await renderInbox();
    expect(text(part(element, 'empty'))).to.equal('Er zijn nu geen open vragen in uw onderwerpen. Goed werk!');
    await expect(element).to.be.accessible();
  });

  it('says it is loading, never a blank box', async () => {
    signInMockAccount('expert');
    worker.use(...professionalScenarios.inboxSlow);
    const element = await fixture<PleinExpertInbox>(
      html`<plein-expert-inbox endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-expert-inbox>`,
    );
    await waitUntil(() => shadow(element).querySelector('.loading'), 'loading');
    const loading = shadow(element).querySelector('.loading')!;
    expect([text(loading), loading.getAttribute('aria-busy')]).to.deep.equal(['Vragen laden…', 'true']);
    await expect(element).to.be.accessible();
  });

  it('shows a Dutch message and a working retry when the server cannot be reached', async () => {
    signInMockAccount('expert');
    worker.use(...professionalScenarios.inboxNetworkError);
    const element = await renderInbox();
    const alert = shadow(element).querySelector('[role="alert"]')!;
    expect(text(alert)).to.contain('Er is geen verbinding met de community');
    await expect(element).to.be.accessible();
    worker.resetHandlers();
    alert.querySelector('button')!.click();
    await waitUntil(() => items(element).length === 5, 'the list after a retry', { timeout: 5000 });
  });

  it('follows the session: signed out anywhere on the page, it asks to sign in again', async () => {
    signInMockAccount('expert');
    const element = await renderInbox();
    expect(items(element)).to.have.length(5);
    await sharedClient(MOCK_ENDPOINT, MOCK_COMMUNITY, 'nl').signOut();
    await waitUntil(() => part(element, 'sign-in-first'), 'asks to sign in');
    expect(items(element)).to.have.length(0);
  });

  it('speaks English on an English page', async () => {
    signInMockAccount('expert');
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="en">
        <plein-expert-inbox endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-expert-inbox>
      </div>
    `);
    const element = wrapper.querySelector('plein-expert-inbox')!;
    await waitUntil(() => items(element).length === 5, 'the list', { timeout: 5000 });
    expect(text(part(element, 'heading'))).to.equal('Open questions in your topics');
    expect(text(inItem(element, 'i1', 'meta'))).to.contain('Asked 4 days ago');
    expect(text(inItem(element, 'i1', 'claim-button'))).to.equal('I will take this one');
    await expect(element).to.be.accessible();
  });
});
