import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { graphql, HttpResponse } from 'msw';
import { resetSharedClients, sharedClient } from '../../context.ts';
import '../../define/plein-community.ts';
import '../../define/plein-expert-inbox.ts';
import '../../define/plein-sign-in.ts';
import {
  advisorScenarios,
  MOCK_BOOKED_MEANWHILE_SLOT,
  mockPrivateQuestions,
  slotBookedMeanwhile,
} from '../../mocks/advisor.ts';
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

// The advisor's side: private e-mail questions, appointments and free times, and next steps under an answer.

/** The calls of one mutation that reach the mocked server (the answers come from the usual handler). */
function record(operation: 'AnswerPrivateQuestion' | 'PublishSlots' | 'RemoveSlot' | 'AnswerQuestion') {
  const calls: Record<string, unknown>[] = [];
  worker.use(
    api.mutation(operation, ({ variables }) => {
      calls.push(variables as Record<string, unknown>);
      return undefined;
    }),
  );
  return calls;
}

const privateItems = (element: Element) => [...shadow(element).querySelectorAll<HTMLElement>('[part="private-item"]')];
const privateItem = (element: Element, id: string) =>
  shadow(element).querySelector<HTMLElement>(`[part="private-item"][data-private-id="${id}"]`)!;
const inPrivate = <T extends HTMLElement = HTMLElement>(element: Element, id: string, name: string) =>
  privateItem(element, id)?.querySelector<T>(`[part~="${name}"]`) ?? null;
const slotIds = (element: Element) =>
  [...shadow(element).querySelectorAll<HTMLElement>('[part="slot"]')].map((slot) => slot.dataset.slotId);
const active = (element: Element) => shadow(element).activeElement as HTMLElement | null;
const $ = <T extends HTMLElement = HTMLElement>(element: Element, selector: string) =>
  shadow(element).querySelector<T>(selector)!;
const summary = (root: Element | null) => [...(root?.querySelectorAll('li') ?? [])].map(text);

function type(element: Element, selector: string, value: string): void {
  const control = $<HTMLInputElement>(element, selector);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

function choose(element: Element, selector: string): void {
  const control = $<HTMLInputElement>(element, selector);
  control.checked = true;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The inbox of the signed-in expert, with the private questions and the agenda loaded too. */
async function renderAdvisorInbox(): Promise<PleinExpertInbox> {
  signInMockAccount('expert');
  const element = await renderInbox();
  await waitUntil(
    () =>
      shadow(element).querySelector('[part="private-list"], [part="private-empty"], [part="private"] [role="alert"]') &&
      shadow(element).querySelector(
        '[part="appointment-list"], [part="appointments-empty"], [part="appointments"] [role="alert"]',
      ),
    'the private questions and the agenda settle',
    { timeout: 5000 },
  );
  return element;
}

/** Next year's 15 July: always ahead, and in summer time (UTC+2). */
const summerDay = `${new Date().getFullYear() + 1}-07-15`;

const privateAnswer =
  'Teken nog niets. Met een vaststellingsovereenkomst kunt u WW krijgen als uw werkgever het initiatief nam. Bel mij gerust.';

describe('<plein-expert-inbox>: private questions, appointments and availability', () => {
  before(() => startMockServer());
  beforeEach(() => signOutMockAccounts());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    signOutMockAccounts();
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('plein:draft:')) sessionStorage.removeItem(key);
  });

  it('lists the private questions unanswered first, each marked "Privé" in words, and says who sees them', async () => {
    // The server's order is not trusted for this: the answered one comes first here.
    const [first, second, answered] = mockPrivateQuestions();
    worker.use(
      api.query('PrivateQuestions', () =>
        HttpResponse.json({
          data: { viewer: { id: 'u-geert', privateQuestions: [answered, first, second] } },
        }),
      ),
    );
    const element = await renderAdvisorInbox();
    expect(text(part(element, 'private-heading'))).to.equal('Privé vragen');
    expect(part(element, 'private-heading')!.getAttribute('aria-level')).to.equal('2');
    expect(text(part(element, 'private-intro'))).to.equal(
      'Alleen u en andere adviseurs van dit onderwerp zien deze vraag. De inwoner krijgt een e-mail als u antwoordt.',
    );
    expect(text(part(element, 'private-count'))).to.equal('2 privé vragen wachten op antwoord.');
    expect(privateItems(element).map((entry) => entry.dataset.privateId)).to.deep.equal(['pq1', 'pq2', 'pq3']);
    expect(privateItems(element).map((entry) => text(entry.querySelector('[part="private-mark"]')))).to.deep.equal([
      'Privé',
      'Privé',
      'Privé',
    ]);
    expect(text(inPrivate(element, 'pq2', 'private-meta'))).to.equal(
      'Privé Ziek in dienst, loondoorbetaling en re-integratie 3 uur geleden gesteld Nog niet beantwoord',
    );
    expect(text(inPrivate(element, 'pq3', 'private-status'))).to.equal('Beantwoord');
    // No title: the button shows the start of the text, cut at a word.
    expect(text(inPrivate(element, 'pq1', 'private-toggle'))).to.equal(
      'Ik ben 61 en mijn werkgever wil dat ik een vaststellingsovereenkomst teken. Mijn vrouw is…',
    );
    await expect(element).to.be.accessible();

    inPrivate<HTMLButtonElement>(element, 'pq3', 'private-toggle')!.click();
    await waitUntil(() => inPrivate(element, 'pq3', 'private-answer'), 'the answered question opened');
    expect(text(inPrivate(element, 'pq3', 'private-answer'))).to.match(
      /^Antwoord van Els Wiersma, .+ Neem contact op met de schuldhulp van de gemeente\./,
    );
    expect(inPrivate(element, 'pq3', 'private-form')).to.equal(null);
  });

  it('answers a private question inline; it then shows as answered, with the answer in focus', async () => {
    const calls = record('AnswerPrivateQuestion');
    const element = await renderAdvisorInbox();
    const toggle = inPrivate<HTMLButtonElement>(element, 'pq1', 'private-toggle')!;
    toggle.click();
    await waitUntil(() => inPrivate(element, 'pq1', 'private-form'), 'the answer form');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(inPrivate(element, 'pq1', 'private-body'))).to.contain('Wat betekent dit voor mijn WW?');
    const field = $<HTMLTextAreaElement>(element, '#private-answer-pq1');
    expect(field.getAttribute('aria-describedby')).to.equal('private-answer-pq1-hint private-answer-pq1-counter');
    type(element, '#private-answer-pq1', privateAnswer);
    await element.updateComplete;
    expect(text($(element, '#private-answer-pq1-counter'))).to.equal(`Nog ${5000 - privateAnswer.length} tekens over`);
    await expect(element).to.be.accessible();

    inPrivate<HTMLButtonElement>(element, 'pq1', 'private-submit')!.click();
    await waitUntil(() => text(inPrivate(element, 'pq1', 'private-status')) === 'Beantwoord', 'answered');
    expect(calls).to.deep.equal([{ input: { questionId: 'pq1', body: privateAnswer } }]);
    expect(inPrivate(element, 'pq1', 'private-form')).to.equal(null);
    expect(text(inPrivate(element, 'pq1', 'private-answer'))).to.contain(privateAnswer);
    expect(text(inPrivate(element, 'pq1', 'private-answer'))).to.match(/^Antwoord van Geert Heikens, /);
    // It stays where it was: moving it would pull the list from under the expert's eyes.
    expect(privateItems(element).map((entry) => entry.dataset.privateId)).to.deep.equal(['pq1', 'pq2', 'pq3']);
    expect(text(part(element, 'private-count'))).to.equal('1 privé vraag wacht op antwoord.');
    await waitUntil(() => active(element)?.getAttribute('part') === 'private-answer', 'focus on the answer');
    await waitUntil(() => announcer(element) === 'Uw antwoord is verstuurd. De inwoner krijgt een e-mail.', 'told');
    await expect(element).to.be.accessible();
  });

  it('checks the private answer first, and keeps the text when sending fails', async () => {
    const element = await renderAdvisorInbox();
    inPrivate<HTMLButtonElement>(element, 'pq2', 'private-toggle')!.click();
    await waitUntil(() => inPrivate(element, 'pq2', 'private-form'), 'the answer form');
    inPrivate<HTMLButtonElement>(element, 'pq2', 'private-submit')!.click();
    await waitUntil(() => active(element)?.getAttribute('part') === 'error-summary', 'focus on the summary');
    expect(summary(inPrivate(element, 'pq2', 'error-summary'))).to.deep.equal(['Schrijf uw antwoord.']);
    const field = $<HTMLTextAreaElement>(element, '#private-answer-pq2');
    expect([field.getAttribute('aria-invalid'), field.getAttribute('aria-describedby')]).to.deep.equal([
      'true',
      'private-answer-pq2-error private-answer-pq2-hint private-answer-pq2-counter',
    ]);
    await expect(element).to.be.accessible();

    worker.use(...advisorScenarios.answerNetworkError);
    type(element, '#private-answer-pq2', privateAnswer);
    inPrivate<HTMLButtonElement>(element, 'pq2', 'private-submit')!.click();
    await waitUntil(
      () => inPrivate(element, 'pq2', 'private-form')?.querySelector('.alert[role="alert"]:not([part])'),
      'the failure',
      {
        timeout: 5000,
      },
    );
    const failure = text(inPrivate(element, 'pq2', 'private-form')!.querySelector('.alert[role="alert"]:not([part])'));
    expect(failure).to.contain('Er is geen verbinding met de community');
    expect(failure).to.contain('Uw tekst is bewaard.');
    expect($<HTMLTextAreaElement>(element, '#private-answer-pq2').value).to.equal(privateAnswer);
    expect(text(inPrivate(element, 'pq2', 'private-status'))).to.equal('Nog niet beantwoord');
    await expect(element).to.be.accessible();
  });

  it('lists the appointments in Dutch time, with topic, name, an e-mail link and the note', async () => {
    const element = await renderAdvisorInbox();
    expect(text(part(element, 'appointments-heading'))).to.equal('Afspraken');
    const appointments = [...shadow(element).querySelectorAll<HTMLElement>('[part="appointment"]')];
    expect(appointments.map((entry) => entry.dataset.appointmentId)).to.deep.equal(['ap1', 'ap2']);
    const [first, second] = appointments;
    expect(text(first!.querySelector('.item-title'))).to.equal('dinsdag 1 december, 10:00 – 10:45');
    expect(first!.querySelector('.item-title time')!.getAttribute('datetime')).to.equal('2026-12-01T09:00:00.000Z');
    expect(text(first!.querySelector('[part="appointment-where"]'))).to.equal(
      'Op locatie: Werkplein Eemsdelta, Zeebadweg 2, Delfzijl',
    );
    expect(text(first!.querySelector('.facts'))).to.equal(
      'Onderwerp Ontslag en vaststellingsovereenkomst Naam Marleen de Vries E-mail marleen63@voorbeeld.nl Toelichting Ik neem de brief van mijn werkgever mee.',
    );
    // The address is the citizen's own text: shown to copy, never made into a link.
    const email = first!.querySelector('[part="appointment-email"]')!;
    expect([email.querySelector('a'), text(email)]).to.deep.equal([null, 'marleen63@voorbeeld.nl']);
    expect(text(second!.querySelector('.item-title'))).to.equal('donderdag 3 december, 14:30 – 15:15');
    expect(text(second!.querySelector('[part="appointment-where"]'))).to.equal('Via video');
    expect(second!.querySelector('[part="appointment-note"]')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('lists the free times; "Verwijderen" takes one away and focus goes to the next', async () => {
    const calls = record('RemoveSlot');
    const element = await renderAdvisorInbox();
    expect(text(part(element, 'availability-heading'))).to.equal('Beschikbaarheid');
    expect(slotIds(element)).to.deep.equal(['my-slot-1', 'my-slot-2', 'my-slot-3']);
    const slots = [...shadow(element).querySelectorAll<HTMLElement>('[part="slot"]')];
    expect(slots.map((slot) => text(slot.querySelector('.slot-text')))).to.deep.equal([
      'woensdag 2 december, 14:30 – 15:15 Telefonisch',
      'vrijdag 4 december, 11:00 – 11:45 Op locatie: Werkplein Eemsdelta, Zeebadweg 2, Delfzijl',
      // Summer time, and another year: the year is named.
      'dinsdag 1 juni 2027, 10:00 – 10:45 Via video',
    ]);
    const remove = slots[0]!.querySelector<HTMLButtonElement>('[part="slot-remove"]')!;
    expect([text(remove), remove.getAttribute('aria-describedby')]).to.deep.equal([
      'Verwijderen',
      'slot-text-my-slot-1',
    ]);
    remove.click();
    await waitUntil(() => !slotIds(element).includes('my-slot-1'), 'the time is gone');
    expect(calls).to.deep.equal([{ slotId: 'my-slot-1' }]);
    expect(slotIds(element)).to.deep.equal(['my-slot-2', 'my-slot-3']);
    await waitUntil(
      () => active(element)?.closest<HTMLElement>('[part="slot"]')?.dataset.slotId === 'my-slot-2',
      'focus on the next time',
    );
    await waitUntil(() => announcer(element) === 'De tijd is verwijderd.', 'told');
    await expect(element).to.be.accessible();
  });

  it('keeps a time someone booked meanwhile, says why, and shows it under Afspraken', async () => {
    worker.use(...slotBookedMeanwhile());
    const element = await renderAdvisorInbox();
    shadow(element)
      .querySelector<HTMLButtonElement>(`[data-slot-id="${MOCK_BOOKED_MEANWHILE_SLOT}"] [part="slot-remove"]`)!
      .click();
    await waitUntil(() => part(element, 'slot-notice'), 'the notice');
    expect(text(part(element, 'slot-notice'))).to.equal(
      'Op deze tijd heeft iemand al een afspraak. Deze tijd kunt u niet weghalen. Kan de afspraak niet doorgaan? Stuur de inwoner dan een e-mail.',
    );
    expect(part(element, 'slot-notice')!.getAttribute('role')).to.equal('alert');
    await waitUntil(() => shadow(element).querySelector('[data-appointment-id="ap-late"]'), 'the new appointment');
    expect(slotIds(element)).to.deep.equal(['my-slot-1', 'my-slot-3']);
    await expect(element).to.be.accessible();
  });

  it('offers times on a day in Dutch time: added with the button, with Enter, or left in the field', async () => {
    const calls = record('PublishSlots');
    const element = await renderAdvisorInbox();
    const form = part(element, 'slot-form')!;
    expect(form.getAttribute('aria-labelledby')).to.equal('slot-form-heading');
    type(element, '#slot-date', summerDay);
    type(element, '#slot-time', '14:30');
    part<HTMLButtonElement>(element, 'add-time')!.click();
    await waitUntil(() => text(part(element, 'slot-times')).startsWith('14:30'), 'the time added');
    expect(active(element)?.id).to.equal('slot-time');
    expect($<HTMLInputElement>(element, '#slot-time').value).to.equal('');
    await waitUntil(() => announcer(element) === '14:30 is toegevoegd.', 'told');
    // Enter in the time field adds the time rather than sending the form.
    type(element, '#slot-time', '10:00');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(element, 'slot-times')!.querySelectorAll('li').length === 2, 'the second time');
    expect([...part(element, 'slot-times')!.querySelectorAll('li span')].map((time) => text(time))).to.deep.equal([
      '10:00',
      '14:30',
    ]);
    expect(calls).to.have.length(0);
    choose(element, '#slot-mode-VIDEO');
    // A time still in the field counts: people forget "Tijd toevoegen".
    type(element, '#slot-time', '09:00');
    await element.updateComplete;
    await expect(element).to.be.accessible();
    part<HTMLButtonElement>(element, 'slot-submit')!.click();

    await waitUntil(() => calls.length === 1 && slotIds(element).length === 6, 'the new times in the list');
    expect(calls[0]).to.deep.equal({
      input: {
        community: MOCK_COMMUNITY,
        // Summer time: 09:00, 10:00 and 14:30 in the Netherlands are 07:00, 08:00 and 12:30 UTC.
        startsAt: [`${summerDay}T07:00:00.000Z`, `${summerDay}T08:00:00.000Z`, `${summerDay}T12:30:00.000Z`],
        mode: 'VIDEO',
        location: null,
      },
    });
    expect(slotIds(element).slice(0, 3)).to.deep.equal(['my-slot-1', 'my-slot-2', 'my-slot-3']);
    await waitUntil(() => announcer(element) === 'U biedt 3 nieuwe tijden aan.', 'told');
    // Only the times start over: the next ones are often for another day in the same way.
    expect(part(element, 'slot-times')).to.equal(null);
    expect($<HTMLInputElement>(element, '#slot-date').value).to.equal(summerDay);
    expect($<HTMLInputElement>(element, '#slot-mode-VIDEO').checked).to.equal(true);
    expect(part(element, 'error-summary')).to.equal(null);
  });

  it('checks the day, the times, the way and the address before sending, and leads to each', async () => {
    const calls = record('PublishSlots');
    const element = await renderAdvisorInbox();
    part<HTMLButtonElement>(element, 'slot-submit')!.click();
    const slotSummary = () => part(element, 'slot-form')!.querySelector<HTMLElement>('[part="error-summary"]');
    await waitUntil(() => active(element) === slotSummary(), 'focus on the summary');
    expect(summary(slotSummary())).to.deep.equal([
      'Kies een dag.',
      'Voeg minstens één begintijd toe.',
      'Kies hoe de afspraak gaat.',
    ]);
    expect($(element, '#slot-date').getAttribute('aria-describedby')).to.equal('slot-date-error slot-date-hint');
    await expect(element).to.be.accessible();
    slotSummary()!.querySelector<HTMLAnchorElement>('a[href="#slot-mode-IN_PERSON"]')!.click();
    expect(active(element)?.id).to.equal('slot-mode-IN_PERSON');

    // On location, the address is needed; a day that is over is refused.
    choose(element, '#slot-mode-IN_PERSON');
    await element.updateComplete;
    expect(text($(element, 'label[for="slot-location"]'))).to.equal('Adres');
    type(element, '#slot-date', '2020-01-06');
    type(element, '#slot-time', '10:00');
    part<HTMLButtonElement>(element, 'slot-submit')!.click();
    await waitUntil(() => summary(slotSummary()).length === 2, 'the new summary');
    expect(summary(slotSummary())).to.deep.equal([
      'Deze dag is voorbij. Kies vandaag of een dag later.',
      'Vul het adres in. Bij een afspraak op locatie is dat nodig.',
    ]);
    expect($(element, '#slot-location').getAttribute('aria-invalid')).to.equal('true');

    // "Tijd toevoegen" with an empty field says what to type.
    type(element, '#slot-time', '');
    part<HTMLButtonElement>(element, 'add-time')!.click();
    await element.updateComplete;
    expect(text($(element, '#slot-time-error'))).to.equal('Vul een tijd in, bijvoorbeeld 10:00.');
    expect(calls).to.have.length(0);
  });

  it('shows the server’s refusal at the times and keeps every field', async () => {
    worker.use(...advisorScenarios.slotsOverlap);
    const element = await renderAdvisorInbox();
    type(element, '#slot-date', summerDay);
    type(element, '#slot-time', '10:00');
    part<HTMLButtonElement>(element, 'add-time')!.click();
    choose(element, '#slot-mode-IN_PERSON');
    await element.updateComplete;
    type(element, '#slot-location', 'Werkplein Eemsdelta, Zeebadweg 2, Delfzijl');
    part<HTMLButtonElement>(element, 'slot-submit')!.click();
    await waitUntil(() => shadow(element).querySelector('#slot-time-error'), 'the error at the times');
    expect(text($(element, '#slot-time-error'))).to.equal(
      'Deze tijden overlappen met elkaar of met een tijd die u al aanbiedt. Kies andere tijden.',
    );
    const slotSummary = part(element, 'slot-form')!.querySelector('[part="error-summary"]');
    expect(slotSummary!.querySelector('a')!.getAttribute('href')).to.equal('#slot-time');
    expect($<HTMLInputElement>(element, '#slot-date').value).to.equal(summerDay);
    expect(text(part(element, 'slot-times'))).to.contain('10:00');
    expect($<HTMLInputElement>(element, '#slot-location').value).to.equal('Werkplein Eemsdelta, Zeebadweg 2, Delfzijl');
    expect(slotIds(element)).to.have.length(3);
    await expect(element).to.be.accessible();
  });

  it('keeps what was filled in when the times cannot be sent', async () => {
    worker.use(...advisorScenarios.publishNetworkError);
    const element = await renderAdvisorInbox();
    type(element, '#slot-date', summerDay);
    type(element, '#slot-time', '10:00');
    choose(element, '#slot-mode-PHONE');
    part<HTMLButtonElement>(element, 'slot-submit')!.click();
    await waitUntil(
      () => part(element, 'slot-form')!.querySelector('.alert[role="alert"]:not([part])'),
      'the failure',
      {
        timeout: 5000,
      },
    );
    const failure = text(part(element, 'slot-form')!.querySelector('.alert[role="alert"]:not([part])'));
    expect(failure).to.contain('Er is geen verbinding met de community');
    expect(failure).to.contain('Wat u heeft ingevuld, is bewaard.');
    expect($<HTMLInputElement>(element, '#slot-date').value).to.equal(summerDay);
    expect($<HTMLInputElement>(element, '#slot-time').value).to.equal('10:00');
    expect($<HTMLInputElement>(element, '#slot-mode-PHONE').checked).to.equal(true);
  });

  it('adds next steps to an answer from the inbox: "Maak een afspraak", "Stel uw vraag privé"', async () => {
    const calls = record('AnswerQuestion');
    const element = await renderAdvisorInbox();
    inItem<HTMLButtonElement>(element, 'i5', 'toggle')!.click();
    await waitUntil(() => inItem(element, 'i5', 'form'), 'the answer form');
    const choices = inItem(element, 'i5', 'hand-off-choices')!;
    expect(text(choices.querySelector('legend'))).to.equal('Volgende stap voor de inwoner (niet verplicht)');
    expect([...choices.querySelectorAll('label')].map(text)).to.deep.equal([
      'Maak een afspraak',
      'Stel uw vraag privé',
    ]);
    expect(choices.getAttribute('aria-describedby')).to.equal('answer-hand-off-i5-hint');
    await expect(element).to.be.accessible();
    fill(element, 'i5', 'body', expertAnswer);
    choose(element, '#answer-hand-off-i5-private-question');
    await element.updateComplete;
    inItem<HTMLButtonElement>(element, 'i5', 'submit')!.click();
    await waitUntil(() => !ids(element).includes('i5'), 'posted');
    expect((calls[0]!.input as Record<string, unknown>).handOff).to.deep.equal(['PRIVATE_QUESTION']);
  });

  it('says so when there are no private questions, appointments or times yet', async () => {
    worker.use(...advisorScenarios.nothingYet);
    const element = await renderAdvisorInbox();
    expect(text(part(element, 'private-empty'))).to.equal('Er zijn geen privé vragen in uw onderwerpen.');
    expect(text(part(element, 'appointments-empty'))).to.equal('U heeft nog geen afspraken.');
    expect(text(part(element, 'slots-empty'))).to.equal('U biedt nu geen tijden aan.');
    await expect(element).to.be.accessible();
  });

  it('says when they cannot be loaded, with a retry that works', async () => {
    worker.use(...advisorScenarios.networkError);
    const element = await renderAdvisorInbox();
    const privateAlert = part(element, 'private')!.querySelector('[role="alert"]')!;
    expect(text(privateAlert)).to.contain('Er is geen verbinding met de community');
    const agendaAlert = part(element, 'appointments')!.querySelector('[role="alert"]')!;
    expect(text(agendaAlert)).to.contain('Er is geen verbinding met de community');
    await expect(element).to.be.accessible();
    worker.resetHandlers();
    privateAlert.querySelector('button')!.click();
    agendaAlert.querySelector('button')!.click();
    await waitUntil(() => privateItems(element).length === 3 && slotIds(element).length === 3, 'loaded', {
      timeout: 5000,
    });
  });

  it('is not there for someone who is not an expert', async () => {
    signInMockAccount('moderator');
    const element = await renderInbox();
    expect(part(element, 'private')).to.equal(null);
    expect(part(element, 'appointments')).to.equal(null);
    expect(part(element, 'availability')).to.equal(null);
  });

  it('speaks English on an English page, with the dates in Dutch time', async () => {
    signInMockAccount('expert');
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="en">
        <plein-expert-inbox endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-expert-inbox>
      </div>
    `);
    const element = wrapper.querySelector('plein-expert-inbox')!;
    await waitUntil(() => privateItems(element).length === 3 && slotIds(element).length === 3, 'loaded', {
      timeout: 5000,
    });
    expect(text(part(element, 'private-heading'))).to.equal('Private questions');
    expect(text(inPrivate(element, 'pq1', 'private-mark'))).to.equal('Private');
    expect(text(shadow(element).querySelector('[part="appointment"] .item-title'))).to.equal(
      'Tuesday 1 December, 10:00 – 10:45',
    );
    expect(text(part(element, 'availability-heading'))).to.equal('Availability');
    await expect(element).to.be.accessible();
  });
});
