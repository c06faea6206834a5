import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { graphql, HttpResponse } from 'msw';
import { askedQuestion } from '../../mocks/ask-scenarios.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT, mockQuestions } from '../../mocks/fixtures.ts';
import { scenarios } from '../../mocks/handlers.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { resetSharedClients } from '../../context.ts';
import '../../define/plein-ask.ts';
import '../../define/plein-community.ts';
import type { PleinQuestionAskedEvent } from '../../events/question-asked.ts';
import type { PleinQuestionOpenEvent } from '../../events/question-open.ts';
import type { PleinAsk } from './ask.ts';

// The community server is mocked with msw in these tests; e2e/ runs the real one.

const api = graphql.link(MOCK_ENDPOINT);
const DRAFT_KEY = `plein:draft:ask:${MOCK_COMMUNITY}`;

const valid = {
  topic: 'ontslag',
  title: 'Mag mijn werkgever mij ontslaan terwijl ik ziek ben?',
  body: 'Ik ben sinds drie maanden ziek. Nu wil mijn werkgever dat ik een vaststellingsovereenkomst teken.',
  displayName: 'Marleen63',
  notifyEmail: 'marleen@voorbeeld.nl',
};

type Field = keyof typeof valid;
type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const shadow = (element: Element) => element.shadowRoot!;
/** The ask draft as stored in localStorage: `{ savedAt, value: { fields, idempotencyKey } }`. */
const savedDraft = () => {
  const stored = localStorage.getItem(DRAFT_KEY);
  return stored ? (JSON.parse(stored).value as { fields: Record<string, string>; idempotencyKey?: string }) : null;
};
const part = <T extends HTMLElement = HTMLElement>(element: Element, name: string) =>
  shadow(element).querySelector<T>(`[part~="${name}"]`);
const control = (element: Element, field: Field) => shadow(element).querySelector<Control>(`#${field}`)!;
const focusedId = (element: Element) => shadow(element).activeElement?.id;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

async function renderAsk(
  template = html`<plein-ask endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-ask>`,
): Promise<PleinAsk> {
  const rendered = await fixture<HTMLElement>(template);
  const element = (rendered.localName === 'plein-ask' ? rendered : rendered.querySelector('plein-ask')!) as PleinAsk;
  await waitUntil(() => shadow(element).querySelector<HTMLSelectElement>('#topic')?.options.length === 4, 'topics', {
    timeout: 5000,
  });
  return element;
}

function fill(element: Element, field: Field, value: string): void {
  const target = control(element, field);
  target.value = value;
  target.dispatchEvent(new Event(target.localName === 'select' ? 'change' : 'input', { bubbles: true }));
}

async function fillAll(element: PleinAsk, values: Partial<typeof valid> = valid): Promise<void> {
  for (const [field, value] of Object.entries(values)) fill(element, field as Field, value);
  await element.updateComplete;
}

function submit(element: Element): void {
  part<HTMLFormElement>(element, 'form')!.requestSubmit();
}

const warning = (element: Element, field: string) =>
  shadow(element).querySelector(`#${field}-personal-data [part="personal-data-warning"]`);
const findings = (element: Element, field: string) =>
  [...shadow(element).querySelectorAll(`#${field}-personal-data .personal-data-finding`)].map((node) => text(node));
const removeButtons = (element: Element, field: string) => [
  ...shadow(element).querySelectorAll<HTMLButtonElement>(`#${field}-personal-data [part="personal-data-remove"]`),
];
/** The live region's words, without the marker that makes a repeated message count as new. */
const liveText = (element: Element, field: string) =>
  shadow(element).querySelector(`#${field}-personal-data [aria-live]`)?.textContent?.replace(/\s+/g, ' ').trim();
/** What a screen reader hears as the field's description: the texts its aria-describedby points at. */
const describedBy = (element: Element, field: Field) =>
  (control(element, field).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => text(shadow(element).getElementById(id)) ?? `missing #${id}`);

function similarResponse(questions = mockQuestions.slice(0, 3)) {
  const similarQuestions = questions.map(({ id, title, status, answerCount, hasExpertAnswer }) => ({
    id,
    title,
    status,
    answerCount,
    hasExpertAnswer,
  }));
  return HttpResponse.json({ data: { community: { id: 'c1', similarQuestions } } });
}

async function posted(element: PleinAsk): Promise<void> {
  await waitUntil(() => part(element, 'success'), 'the success view', { timeout: 5000 });
}

/** Records every AskQuestion input that reaches the server; `fail` decides per call whether the network drops it. */
function recordAsks(fail: () => boolean = () => false): Record<string, string | null>[] {
  const inputs: Record<string, string | null>[] = [];
  worker.use(
    api.mutation('AskQuestion', ({ variables }) => {
      const input = variables.input as Record<string, string | null>;
      inputs.push(input);
      if (fail()) return HttpResponse.error();
      return HttpResponse.json({
        data: { askQuestion: { question: askedQuestion(input), ownerToken: 'mock-owner-token', errors: [] } },
      });
    }),
  );
  return inputs;
}

describe('<plein-ask>', () => {
  before(() => startMockServer());
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    sessionStorage.clear();
    localStorage.clear();
  });

  it('loads the topics and shows every field with a visible label, optional ones marked', async () => {
    const element = await renderAsk(
      html`<plein-ask endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} heading-level="3"></plein-ask>`,
    );
    const topic = control(element, 'topic') as HTMLSelectElement;
    expect([...topic.options].map((option) => text(option))).to.deep.equal([
      'Kies een onderwerp',
      'WW aanvragen, hoogte en duur',
      'Ontslag en vaststellingsovereenkomst',
      'Ziek in dienst, loondoorbetaling en re-integratie',
    ]);
    expect(topic.value).to.equal('');
    const heading = part(element, 'heading')!;
    expect(text(heading)).to.equal('Stel uw vraag');
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.getAttribute('aria-level')).to.equal('3');
    expect(text(part(element, 'intro'))).to.contain('U hoeft geen account te maken');
    const label = (field: Field) => text(shadow(element).querySelector(`label[for="${field}"]`));
    expect(label('title')).to.equal('Uw vraag in één zin');
    expect(label('body')).to.equal('Uitleg bij uw vraag');
    expect(label('displayName')).to.equal('Naam of schuilnaam (niet verplicht)');
    expect(label('notifyEmail')).to.equal('Stuur mij een e-mail als er een antwoord is (niet verplicht)');
    const email = control(element, 'notifyEmail');
    expect(email.getAttribute('type')).to.equal('email');
    expect(email.getAttribute('autocomplete')).to.equal('email');
    const emailHint = text(shadow(element).getElementById(email.getAttribute('aria-describedby')!));
    expect(emailHint).to.contain('We tonen dit adres nooit');
    expect(emailHint).to.contain('verwijderen het later weer');
    expect(part<HTMLFormElement>(element, 'form')!.noValidate).to.equal(true);
  });

  it('counts characters under the title and the text while the citizen types', async () => {
    const element = await renderAsk();
    const counter = (field: Field) => shadow(element).querySelector(`#${field}-counter`)!;
    expect(text(counter('title'))).to.equal('Nog 150 tekens over');
    expect(text(counter('body'))).to.equal('Nog 5000 tekens over');
    expect(control(element, 'title').getAttribute('aria-describedby')).to.contain('title-counter');

    fill(element, 'title', 'Ziek');
    fill(element, 'body', valid.body);
    await element.updateComplete;
    expect(text(counter('title'))).to.equal('Nog minstens 6 tekens nodig');
    expect(text(counter('body'))).to.equal(`Nog ${5000 - valid.body.length} tekens over`);

    fill(element, 'title', 'x'.repeat(151));
    await element.updateComplete;
    expect(text(counter('title'))).to.equal('1 teken te veel');
    expect(counter('title').classList.contains('over')).to.equal(true);
  });

  it('stops an incomplete question in the browser, with a focused summary that links to each field', async () => {
    const inputs = recordAsks();
    const element = await renderAsk();
    await fillAll(element, { title: 'Ontslag?', notifyEmail: 'marleen@' });
    submit(element);
    await waitUntil(() => part(element, 'summary'), 'error summary');
    const summary = part(element, 'summary')!;
    expect(focusedId(element)).to.equal('summary');
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(text(summary.querySelector('[role="heading"]'))).to.equal('Er klopt iets niet. Controleer deze velden:');
    expect([...summary.querySelectorAll('a')].map((link) => text(link))).to.deep.equal([
      'Onderwerp: Kies een onderwerp.',
      'Uw vraag in één zin: Schrijf minstens 10 tekens.',
      'Uitleg bij uw vraag: Vul dit veld in.',
      'Stuur mij een e-mail als er een antwoord is: Dit e-mailadres klopt niet. Bijvoorbeeld: naam@voorbeeld.nl.',
    ]);

    const title = control(element, 'title');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(title.getAttribute('aria-describedby')!.split(' ')).to.include('title-error');
    expect(text(shadow(element).getElementById('title-error'))).to.equal('Schrijf minstens 10 tekens.');
    expect(control(element, 'displayName').hasAttribute('aria-invalid')).to.equal(false);
    expect(title.value).to.equal('Ontslag?');

    summary.querySelectorAll('a')[2]!.click();
    expect(focusedId(element)).to.equal('body');
    summary.querySelectorAll('a')[0]!.click();
    expect(focusedId(element)).to.equal('topic');

    // Fixing a field takes its error away at once.
    fill(element, 'title', valid.title);
    await element.updateComplete;
    expect(title.hasAttribute('aria-invalid')).to.equal(false);
    expect(shadow(element).getElementById('title-error')).to.equal(null);
    expect(summary.querySelectorAll('a')).to.have.length(3);
    expect(inputs).to.have.length(0);

    // The recorder does see a question once the form is right.
    await fillAll(element);
    submit(element);
    await posted(element);
    expect(inputs).to.have.length(1);
  });

  it("shows the server's field errors the same way, tied to the title field", async () => {
    worker.use(...scenarios.userErrors);
    const element = await renderAsk();
    await fillAll(element);
    submit(element);
    await waitUntil(() => part(element, 'summary'), 'error summary');
    expect(focusedId(element)).to.equal('summary');
    const links = [...part(element, 'summary')!.querySelectorAll('a')];
    expect(links.map((link) => text(link))).to.deep.equal(['Uw vraag in één zin: Schrijf minstens 10 tekens.']);
    links[0]!.click();
    expect(focusedId(element)).to.equal('title');
    const title = control(element, 'title');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(title.getAttribute('aria-describedby')!.split(' ')).to.include('title-error');
    expect(text(shadow(element).getElementById('title-error'))).to.equal('Schrijf minstens 10 tekens.');
    expect(title.value).to.equal(valid.title);
    expect(control(element, 'body').value).to.equal(valid.body);
  });

  it('posts the question: event, owner token, focus on the success heading, and a fresh form for the next one', async () => {
    const inputs = recordAsks();
    const element = await renderAsk();
    await fillAll(element);
    const asked = oneEvent<PleinQuestionAskedEvent>(element, 'plein-question-asked');
    submit(element);
    const event = await asked;
    expect([event.questionId, event.title, event.ownerToken]).to.deep.equal(['q-new', valid.title, 'mock-owner-token']);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(localStorage.getItem('plein:owner:q-new')).to.equal('mock-owner-token');
    expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
    expect(inputs).to.have.length(1);
    const { idempotencyKey, antiSpam, ...sent } = inputs[0]!;
    expect(sent).to.deep.equal({ ...valid, community: MOCK_COMMUNITY });
    expect(idempotencyKey).to.match(/^[A-Za-z0-9_-]{8,100}$/);
    // The hidden field against bots stayed empty (form/anti-spam.test.ts tests the signals themselves).
    expect((antiSpam as unknown as { honeypot: string }).honeypot).to.equal('');

    expect(focusedId(element)).to.equal('success-heading');
    expect(text(part(element, 'success-heading'))).to.equal('Uw vraag staat online');
    const success = text(part(element, 'success'));
    expect(success).to.contain('Andere inwoners en experts kunnen nu reageren.');
    expect(success).to.contain('U kunt uw vraag op dit apparaat nog 15 minuten aanpassen.');
    expect(success).to.contain('Mijn vragen');
    expect(success).to.contain('Klik op de link in die e-mail om te bevestigen.');

    part(element, 'another')!.click();
    await waitUntil(() => focusedId(element) === 'heading', 'focus on the form heading');
    for (const field of Object.keys(valid) as Field[]) expect(control(element, field).value).to.equal('');
    expect(part(element, 'summary')).to.equal(null);

    await fillAll(element);
    submit(element);
    await posted(element);
    expect(inputs).to.have.length(2);
    expect(inputs[1]!.idempotencyKey).not.to.equal(idempotencyKey);
  });

  it('says "Vraag versturen…" while sending and sends only once, however often the citizen submits', async () => {
    const inputs: unknown[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      api.mutation('AskQuestion', async ({ variables }) => {
        inputs.push(variables.input);
        await released;
        const input = variables.input as Record<string, unknown>;
        return HttpResponse.json({
          data: { askQuestion: { question: askedQuestion(input), ownerToken: 't', errors: [] } },
        });
      }),
    );
    const element = await renderAsk();
    await fillAll(element);
    submit(element);
    await waitUntil(() => inputs.length === 1, 'the request reached the server');
    const button = part<HTMLButtonElement>(element, 'submit')!;
    expect(text(button)).to.equal('Vraag versturen…');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(control(element, 'title').hasAttribute('readonly')).to.equal(true);
    submit(element);
    button.click();
    release();
    await posted(element);
    expect(inputs).to.have.length(1);
  });

  it('keeps every character when the network fails, and retries with the same idempotency key', async () => {
    let failing = true;
    const inputs = recordAsks(() => failing);
    const element = await renderAsk();
    await fillAll(element);
    submit(element);
    await waitUntil(() => part(element, 'failure'), 'failure message', { timeout: 8000 });
    const failure = part(element, 'failure')!;
    expect(failure.getAttribute('role')).to.equal('alert');
    expect(text(failure)).to.contain('Er is geen verbinding met de community');
    expect(text(failure)).to.contain('Uw tekst is bewaard');
    for (const [field, value] of Object.entries(valid)) expect(control(element, field as Field).value).to.equal(value);
    const firstKey = inputs[0]!.idempotencyKey;
    expect(savedDraft()?.idempotencyKey).to.equal(firstKey);
    const failedAttempts = inputs.length;

    failing = false;
    const retry = part<HTMLButtonElement>(element, 'retry')!;
    expect(text(retry)).to.equal('Opnieuw proberen');
    retry.click();
    await posted(element);
    expect(inputs.length).to.equal(failedAttempts + 1);
    expect(new Set(inputs.map((input) => input.idempotencyKey))).to.deep.equal(new Set([firstKey]));
  });

  it('puts back every field when the element is created again (a reload, a closed tab), and forgets it after posting', async () => {
    const inputs = recordAsks();
    const first = await renderAsk();
    expect(part(first, 'draft-note')).to.equal(null);
    await fillAll(first);
    // Kept in localStorage, so a closed tab (which empties sessionStorage) does not lose it.
    expect(savedDraft()?.fields).to.deep.equal(valid);
    expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
    first.remove();
    sessionStorage.clear();

    const second = await renderAsk();
    for (const [field, value] of Object.entries(valid)) expect(control(second, field as Field).value).to.equal(value);
    const note = part(second, 'draft-note')!;
    expect(text(note)).to.equal('We hebben uw eerdere tekst teruggezet. Wis deze tekst');
    submit(second);
    await posted(second);
    expect(inputs).to.have.length(1);
    expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
    second.remove();

    const third = await renderAsk();
    expect(control(third, 'title').value).to.equal('');
    expect(part(third, 'draft-note')).to.equal(null);
  });

  it('starts with the topic from the topic attribute', async () => {
    const inputs = recordAsks();
    const element = await renderAsk(
      html`<plein-ask endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} topic="ww"></plein-ask>`,
    );
    expect(control(element, 'topic').value).to.equal('ww');
    const { topic: _topic, ...rest } = valid;
    await fillAll(element, rest);
    submit(element);
    await posted(element);
    expect(inputs[0]!.topic).to.equal('ww');
  });

  it('works inside <plein-community> in English when the page says so', async () => {
    const element = await renderAsk(html`
      <div lang="en">
        <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
          <plein-ask></plein-ask>
        </plein-community>
      </div>
    `);
    expect(text(part(element, 'heading'))).to.equal('Ask your question');
    expect(text((control(element, 'topic') as HTMLSelectElement).options[0])).to.equal('Choose a topic');
    expect(text(shadow(element).querySelector('label[for="displayName"]'))).to.equal('Name or pseudonym (optional)');
    submit(element);
    await waitUntil(() => part(element, 'summary'), 'error summary');
    expect(text(part(element, 'summary')!.querySelector('[role="heading"]'))).to.equal(
      'Something is wrong. Please check these fields:',
    );
    expect(text(part(element, 'summary')!.querySelector('a'))).to.equal('Topic: Please choose a topic.');
  });

  it('can be filled in and sent with the keyboard alone, in a sensible focus order', async () => {
    const inputs = recordAsks();
    const element = await renderAsk(html`
      <div>
        <button id="before">Voor het formulier</button>
        <plein-ask endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-ask>
      </div>
    `);
    element.parentElement!.querySelector<HTMLButtonElement>('#before')!.focus();
    const order: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      order.push(focusedId(element));
    }
    expect(order).to.deep.equal(['topic', 'title', 'body', 'displayName', 'notifyEmail', 'submit']);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedId(element) === 'summary', 'summary focused');
    await sendKeys({ press: 'Tab' });
    expect(text(shadow(element).activeElement)).to.equal('Onderwerp: Kies een onderwerp.');
    await sendKeys({ press: 'Enter' });
    expect(focusedId(element)).to.equal('topic');

    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: valid.title });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: valid.body });
    await sendKeys({ press: 'Enter' }); // a new line in the text area, not a submit
    expect(inputs).to.have.length(0);
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Enter' }); // in a single-line field, Enter sends the form
    await posted(element);
    expect(inputs).to.have.length(1);
    expect(inputs[0]).to.include({ topic: 'ww', title: valid.title, body: valid.body });
    expect(focusedId(element)).to.equal('success-heading');

    await sendKeys({ press: 'Tab' });
    expect(text(shadow(element).activeElement)).to.equal('Bekijk uw vraag');
    await sendKeys({ press: 'Tab' });
    expect(text(shadow(element).activeElement)).to.equal('Nog een vraag stellen');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedId(element) === 'heading', 'focus on the new form');
  });

  it('links to the question with question-href, and fires a cancelable plein-question-open', async () => {
    const element = await renderAsk(
      html`<plein-ask endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} question-href="/vraag/{id}"></plein-ask>`,
    );
    await fillAll(element);
    submit(element);
    await posted(element);
    const view = part<HTMLAnchorElement>(element, 'view')!;
    expect(view.localName).to.equal('a');
    expect(view.getAttribute('href')).to.equal('/vraag/q-new');
    element.addEventListener('plein-question-open', (event) => event.preventDefault(), { once: true });
    const opened = oneEvent<PleinQuestionOpenEvent>(element, 'plein-question-open');
    view.click();
    const event = await opened;
    expect([event.questionId, event.title, event.defaultPrevented]).to.deep.equal(['q-new', valid.title, true]);
    expect(location.pathname).not.to.equal('/vraag/q-new');
  });

  it('without question-href, opens the question in place unless a listener cancels the event', async () => {
    const element = await renderAsk();
    await fillAll(element);
    submit(element);
    await posted(element);
    const view = part<HTMLButtonElement>(element, 'view')!;
    expect(view.localName).to.equal('button');

    element.addEventListener('plein-question-open', (event) => event.preventDefault(), { once: true });
    view.click();
    await element.updateComplete;
    expect(shadow(element).querySelector('plein-question')).to.equal(null);

    const opened = oneEvent<PleinQuestionOpenEvent>(element, 'plein-question-open');
    view.click();
    expect((await opened).questionId).to.equal('q-new');
    await waitUntil(() => shadow(element).querySelector('plein-question'), 'thread in place', { timeout: 5000 });
    expect(shadow(element).querySelector('plein-question')!.getAttribute('question-id')).to.equal('q-new');
    await waitUntil(() => focusedId(element) === 'question', 'focus on the thread');
  });

  it('says so when the topics cannot be loaded, and loads them with "Opnieuw proberen"', async () => {
    worker.use(api.query('CommunityOverview', () => HttpResponse.error()));
    const element = await fixture<PleinAsk>(
      html`<plein-ask endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-ask>`,
    );
    await waitUntil(() => shadow(element).querySelector('.field [role="alert"]'), 'topics failure', { timeout: 5000 });
    const alert = shadow(element).querySelector('.field [role="alert"]')!;
    expect(text(alert)).to.contain('We kunnen de onderwerpen nu niet laden.');
    expect(text(alert)).to.contain('Er is geen verbinding met de community');
    worker.resetHandlers();
    alert.querySelector('button')!.click();
    await waitUntil(() => (control(element, 'topic') as HTMLSelectElement).options.length === 4, 'topics after retry');
    expect(shadow(element).querySelector('.field [role="alert"]')).to.equal(null);
  });

  it('tells the web team when it has no community to talk to', async () => {
    const element = await fixture<PleinAsk>(html`<plein-ask></plein-ask>`);
    expect(text(shadow(element).querySelector('[role="alert"]'))).to.contain('endpoint en community');
  });

  describe('personal data while typing', () => {
    // 111222333 passes the 11-proef, so it reads as a BSN; the others are a mobile number and an e-mail address.
    const leaky =
      'Mijn BSN is 111222333. Bel mij op 06 12345678 of mail naar jan.jansen@voorbeeld.nl als u meer wilt weten.';

    it('lists what looks like personal data under the field, with its kind, tied to the field', async () => {
      const element = await renderAsk();
      fill(element, 'body', leaky);
      await element.updateComplete;
      // A short pause after the last key first: the list does not jump while the citizen types.
      expect(part(element, 'personal-data-warning')).to.equal(null);
      await waitUntil(() => warning(element, 'body'), 'the warning under the text');
      const box = warning(element, 'body')!;
      const heading = box.querySelector('[role="heading"]')!;
      expect(text(heading)).to.equal('Let op: dit lijkt persoonlijke informatie');
      expect(heading.getAttribute('aria-level')).to.equal('3');
      expect(box.getAttribute('aria-labelledby')).to.equal(heading.id);
      expect(text(box)).to.contain(
        'Uw vraag is voor iedereen te lezen. Zet er geen gegevens in waarmee iemand u kan herkennen.',
      );
      expect(findings(element, 'body')).to.deep.equal([
        'een burgerservicenummer (BSN): 111222333',
        'een telefoonnummer: 06 12345678',
        'een e-mailadres: jan.jansen@voorbeeld.nl',
      ]);
      expect(removeButtons(element, 'body').map((button) => text(button))).to.deep.equal([
        'Verwijder dit voor mij',
        'Verwijder dit voor mij',
        'Verwijder dit voor mij',
      ]);
      // Each button says which finding it removes, through its description.
      expect(removeButtons(element, 'body')[1]!.getAttribute('aria-describedby')).to.equal('body-personal-data-1');
      expect(text(part(element, 'personal-data-remove-all'))).to.equal('Verwijder alles');
      expect(describedBy(element, 'body')).to.include('Let op: dit lijkt persoonlijke informatie');
      // The title has nothing: no warning there.
      expect(warning(element, 'title')).to.equal(null);
      expect(control(element, 'title').getAttribute('aria-describedby')).not.to.contain('personal-data');
      await expect(element).to.be.accessible();
    });

    it('also checks the title and the name field', async () => {
      const element = await renderAsk();
      fill(element, 'title', 'Mag ik 06-12345678 bellen over mijn WW?');
      fill(element, 'displayName', 'piet@voorbeeld.nl');
      await waitUntil(() => warning(element, 'title') && warning(element, 'displayName'), 'warnings on both');
      expect(findings(element, 'title')).to.deep.equal(['een telefoonnummer: 06-12345678']);
      expect(findings(element, 'displayName')).to.deep.equal(['een e-mailadres: piet@voorbeeld.nl']);
      // One finding: no "Verwijder alles" next to the one button.
      expect(warning(element, 'title')!.querySelector('[part="personal-data-remove-all"]')).to.equal(null);
    });

    it('"Verwijder dit voor mij" replaces exactly that text, says so, and moves focus to the next button', async () => {
      const element = await renderAsk();
      fill(element, 'body', leaky);
      await waitUntil(() => warning(element, 'body'), 'the warning');
      removeButtons(element, 'body')[1]!.click();
      await waitUntil(() => findings(element, 'body').length === 2, 'one finding fewer');
      expect(control(element, 'body').value).to.equal(
        'Mijn BSN is 111222333. Bel mij op [telefoonnummer verwijderd] of mail naar jan.jansen@voorbeeld.nl als u meer wilt weten.',
      );
      expect(findings(element, 'body')).to.deep.equal([
        'een burgerservicenummer (BSN): 111222333',
        'een e-mailadres: jan.jansen@voorbeeld.nl',
      ]);
      await waitUntil(() => shadow(element).activeElement?.getAttribute('aria-describedby') === 'body-personal-data-1');
      expect(text(shadow(element).activeElement)).to.equal('Verwijder dit voor mij');
      expect(liveText(element, 'body')).to.equal('Verwijderd');
      const liveRegionBefore = shadow(element).querySelector('#body-personal-data [aria-live]')!.textContent;
      // What the citizen removed is gone from the saved draft as well.
      expect(savedDraft()!.fields.body).not.to.contain('06 12345678');

      // The last one: nothing comes after it, so focus goes back to the text, after the placeholder.
      removeButtons(element, 'body')[1]!.click();
      await waitUntil(() => focusedId(element) === 'body', 'focus back in the text');
      const body = control(element, 'body') as HTMLTextAreaElement;
      const placeholder = '[e-mailadres verwijderd]';
      expect(body.selectionStart).to.equal(body.value.indexOf(placeholder) + placeholder.length);
      // The same words again are still read out: the live region's text changed.
      expect(liveText(element, 'body')).to.equal('Verwijderd');
      expect(shadow(element).querySelector('#body-personal-data [aria-live]')!.textContent).not.to.equal(
        liveRegionBefore,
      );
    });

    it('"Verwijder alles" replaces every finding and puts the cursor back in the field', async () => {
      const element = await renderAsk();
      fill(element, 'body', leaky);
      await waitUntil(() => warning(element, 'body'), 'the warning');
      part<HTMLButtonElement>(element, 'personal-data-remove-all')!.click();
      await waitUntil(() => focusedId(element) === 'body', 'focus in the text');
      const body = control(element, 'body') as HTMLTextAreaElement;
      expect(body.value).to.equal(
        'Mijn BSN is [BSN verwijderd]. Bel mij op [telefoonnummer verwijderd] of mail naar [e-mailadres verwijderd] als u meer wilt weten.',
      );
      expect(body.selectionStart).to.equal(body.value.indexOf(' als u meer'));
      expect(warning(element, 'body')).to.equal(null);
      expect(describedBy(element, 'body')).not.to.include('Let op: dit lijkt persoonlijke informatie');
      expect(liveText(element, 'body')).to.equal('Verwijderd');
      expect(JSON.stringify(savedDraft())).not.to.contain('111222333');
    });

    it('gives a gentle note when the text mentions health details, without a warning', async () => {
      const element = await renderAsk();
      fill(element, 'body', 'Ik heb een burn-out en ga elke week naar de psycholoog. Mag mijn werkgever mij ontslaan?');
      await waitUntil(() => part(element, 'health-note'), 'the health note');
      expect(text(part(element, 'health-note'))).to.equal(
        'U hoeft geen medische details te delen. Vertel alleen wat nodig is voor uw vraag.',
      );
      expect(warning(element, 'body')).to.equal(null);
      expect(describedBy(element, 'body')).to.include(
        'U hoeft geen medische details te delen. Vertel alleen wat nodig is voor uw vraag.',
      );
      await expect(element).to.be.accessible();
    });

    it('never blocks posting: a question with findings is sent as the citizen wrote it', async () => {
      const inputs = recordAsks();
      const element = await renderAsk();
      await fillAll(element, { ...valid, body: `${valid.body} Bel mij op 06 12345678.` });
      await waitUntil(() => warning(element, 'body'), 'the warning');
      submit(element);
      await posted(element);
      expect(inputs).to.have.length(1);
      // The server replaces it before storing; the browser does not change what was written without asking.
      expect(inputs[0]!.body).to.contain('06 12345678');
    });

    it('in English, the list and its buttons are in English', async () => {
      const element = await renderAsk(html`
        <div lang="en">
          <plein-ask endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-ask>
        </div>
      `);
      fill(element, 'body', leaky);
      await waitUntil(() => warning(element, 'body'), 'the warning');
      expect(text(warning(element, 'body')!.querySelector('[role="heading"]'))).to.equal(
        'Please note: this looks like personal information',
      );
      expect(findings(element, 'body')[0]).to.equal('a citizen service number (BSN): 111222333');
      expect(text(removeButtons(element, 'body')[0])).to.equal('Remove this for me');
    });
  });

  describe('similar questions while typing', () => {
    /** Records the text of every SimilarQuestions call; answers with `answer(text)` (default: three questions). */
    function recordSimilar(answer: (text: string) => Promise<Response> | Response = () => similarResponse()) {
      const texts: string[] = [];
      worker.use(
        api.query('SimilarQuestions', ({ variables }) => {
          texts.push(String(variables.text));
          return answer(String(variables.text));
        }),
      );
      return texts;
    }

    it('shows similar questions with their status from three words on, and not before', async () => {
      const texts = recordSimilar(() => similarResponse(mockQuestions.slice(0, 6)));
      const element = await renderAsk();
      fill(element, 'title', 'Ontslag ziek');
      await element.updateComplete;
      // Nothing to wait for: this checks that nothing happens, for longer than the pause before a lookup.
      await aTimeout(900);
      expect(texts).to.deep.equal([]);
      expect(part(element, 'similar')).to.equal(null);

      fill(element, 'title', 'Ontslag ziek werkgever');
      await waitUntil(() => part(element, 'similar'), 'similar questions', { timeout: 3000 });
      expect(texts).to.deep.equal(['Ontslag ziek werkgever']);
      const similar = part(element, 'similar')!;
      const heading = similar.querySelector('[role="heading"]')!;
      expect(text(heading)).to.equal('Misschien staat uw antwoord er al bij');
      expect(similar.getAttribute('aria-labelledby')).to.equal(heading.id);
      const items = [...similar.querySelectorAll('[part="similar-item"]')];
      // At most five, even when the server sends more.
      expect(items).to.have.length(5);
      expect(items.map((item) => text(item.querySelector('[part="badge"]')))).to.deep.equal([
        'Opgelost',
        'Beantwoord',
        'Beantwoord',
        'Open',
        'Opgelost',
      ]);
      const link = items[0]!.querySelector('a')!;
      expect(text(link)).to.equal(mockQuestions[0]!.title);
      expect(link.getAttribute('href')).to.equal('#vraag-q1');
      expect(text(shadow(element).getElementById('similar-status'))).to.equal(
        'Er zijn 5 vragen die op uw vraag lijken.',
      );
      await expect(element).to.be.accessible();
    });

    it('looks up the title and the text together, without the personal data in it', async () => {
      const texts = recordSimilar();
      const element = await renderAsk();
      fill(element, 'title', 'Moet ik tekenen?');
      fill(element, 'body', 'Mijn BSN is 111222333 en mijn werkgever wil dat ik teken.');
      await waitUntil(() => part(element, 'similar'), 'similar questions', { timeout: 3000 });
      expect(texts).to.have.length(1);
      expect(texts[0]).to.equal('Moet ik tekenen? Mijn BSN is [BSN verwijderd] en mijn werkgever wil dat ik teken.');
    });

    it('drops a lookup in flight when the citizen types on: only the newest text is shown', async () => {
      let releaseFirst!: () => void;
      const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
      let firstAnswered!: () => void;
      const firstDone = new Promise<void>((resolve) => (firstAnswered = resolve));
      const texts = recordSimilar(async (query) => {
        if (query === 'Ontslag tijdens ziekte') {
          await firstHeld;
          firstAnswered();
          return similarResponse([mockQuestions[1]!]);
        }
        return similarResponse([mockQuestions[2]!]);
      });
      const element = await renderAsk();
      fill(element, 'title', 'Ontslag tijdens ziekte');
      await waitUntil(() => texts.length === 1, 'the first lookup left', { timeout: 3000 });
      fill(element, 'title', 'Ontslag tijdens ziekte en WW');
      await waitUntil(() => part(element, 'similar'), 'the newest list', { timeout: 3000 });
      releaseFirst();
      await firstDone;
      await element.updateComplete;
      expect(texts).to.deep.equal(['Ontslag tijdens ziekte', 'Ontslag tijdens ziekte en WW']);
      expect([...part(element, 'similar')!.querySelectorAll('a')].map((a) => text(a))).to.deep.equal([
        mockQuestions[2]!.title,
      ]);
    });

    it('stays silent when the lookup fails: no message, and the question can still be asked', async () => {
      const inputs = recordAsks();
      const texts = recordSimilar(() => HttpResponse.error());
      const element = await renderAsk();
      await fillAll(element);
      // The client tries three times before it gives up.
      await waitUntil(() => texts.length === 3, 'the lookup gave up', { timeout: 5000 });
      await element.updateComplete;
      expect(part(element, 'similar')).to.equal(null);
      expect(shadow(element).querySelector('[role="alert"]')).to.equal(null);
      submit(element);
      await posted(element);
      expect(inputs).to.have.length(1);
    });

    it('opens a similar question in place, and "Terug naar uw vraag" brings back the form with its text', async () => {
      recordSimilar();
      const element = await renderAsk();
      await fillAll(element);
      await waitUntil(() => part(element, 'similar'), 'similar questions', { timeout: 3000 });
      const opened = oneEvent<PleinQuestionOpenEvent>(element, 'plein-question-open');
      part<HTMLAnchorElement>(element, 'similar-link')!.click();
      const event = await opened;
      expect([event.questionId, event.cancelable]).to.deep.equal(['q1', true]);
      await waitUntil(() => shadow(element).querySelector('plein-question'), 'the thread in place', { timeout: 5000 });
      expect(shadow(element).querySelector('plein-question')!.getAttribute('question-id')).to.equal('q1');
      expect(focusedId(element)).to.equal('back');
      expect(text(part(element, 'back'))).to.equal('← Terug naar uw vraag');

      part(element, 'back')!.click();
      await waitUntil(() => part(element, 'form'), 'the form again');
      for (const [field, value] of Object.entries(valid))
        expect(control(element, field as Field).value).to.equal(value);
      await waitUntil(() => shadow(element).activeElement?.getAttribute('data-question-id') === 'q1', 'focus back');
    });

    it('links to the question page with question-href, and lets the host route by canceling the event', async () => {
      recordSimilar();
      const element = await renderAsk(
        html`<plein-ask endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} question-href="/vraag/{id}"></plein-ask>`,
      );
      fill(element, 'title', 'Ontslag tijdens ziekte');
      await waitUntil(() => part(element, 'similar'), 'similar questions', { timeout: 3000 });
      const link = part<HTMLAnchorElement>(element, 'similar-link')!;
      expect(link.getAttribute('href')).to.equal('/vraag/q1');
      element.addEventListener('plein-question-open', (event) => event.preventDefault(), { once: true });
      const opened = oneEvent<PleinQuestionOpenEvent>(element, 'plein-question-open');
      link.click();
      expect((await opened).defaultPrevented).to.equal(true);
      expect(location.pathname).not.to.equal('/vraag/q1');
      expect(part(element, 'form')).not.to.equal(null);
    });
  });

  describe('no lost text', () => {
    it('drops a draft older than a week', async () => {
      const old = Date.now() - 8 * 24 * 60 * 60 * 1000;
      localStorage.setItem(DRAFT_KEY, JSON.stringify({ savedAt: old, value: { fields: valid } }));
      const element = await renderAsk();
      expect(control(element, 'title').value).to.equal('');
      expect(part(element, 'draft-note')).to.equal(null);
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
    });

    it('"Wis deze tekst" empties a restored draft, for a shared computer', async () => {
      localStorage.setItem(DRAFT_KEY, JSON.stringify({ savedAt: Date.now(), value: { fields: valid } }));
      const element = await renderAsk();
      expect(control(element, 'title').value).to.equal(valid.title);
      part<HTMLButtonElement>(element, 'discard')!.click();
      await waitUntil(() => focusedId(element) === 'heading', 'focus on the heading');
      for (const field of Object.keys(valid) as Field[]) expect(control(element, field).value).to.equal('');
      expect(part(element, 'draft-note')).to.equal(null);
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
    });

    it('keeps the failed question and its key across a reload, and posts it once afterwards', async () => {
      let failing = true;
      const inputs = recordAsks(() => failing);
      const first = await renderAsk();
      await fillAll(first);
      submit(first);
      await waitUntil(() => part(first, 'failure'), 'failure message', { timeout: 8000 });
      const firstKey = inputs[0]!.idempotencyKey;
      first.remove();

      failing = false;
      const second = await renderAsk();
      for (const [field, value] of Object.entries(valid)) expect(control(second, field as Field).value).to.equal(value);
      submit(second);
      await posted(second);
      expect(inputs.at(-1)!.idempotencyKey).to.equal(firstKey);
    });

    it('sends a changed question with a new key: the server would otherwise return the old text', async () => {
      let failing = true;
      const inputs = recordAsks(() => failing);
      const element = await renderAsk();
      await fillAll(element);
      submit(element);
      await waitUntil(() => part(element, 'failure'), 'failure message', { timeout: 8000 });
      const firstKey = inputs[0]!.idempotencyKey;

      failing = false;
      fill(element, 'title', `${valid.title} Nog een vraag erbij.`);
      submit(element);
      await posted(element);
      expect(inputs.at(-1)!.title).to.equal(`${valid.title} Nog een vraag erbij.`);
      expect(inputs.at(-1)!.idempotencyKey).not.to.equal(firstKey);
    });

    it('a double click on "Vraag plaatsen" sends one question', async () => {
      const inputs = recordAsks();
      const element = await renderAsk();
      await fillAll(element);
      const button = part<HTMLButtonElement>(element, 'submit')!;
      button.click();
      button.click();
      await posted(element);
      expect(inputs).to.have.length(1);
    });

    it('says so when a moderator looks at the question first', async () => {
      worker.use(
        api.mutation('AskQuestion', ({ variables }) =>
          HttpResponse.json({
            data: {
              askQuestion: {
                question: { ...askedQuestion(variables.input as Record<string, unknown>), publication: 'HELD' },
                ownerToken: 'mock-owner-token',
                errors: [],
              },
            },
          }),
        ),
      );
      const element = await renderAsk();
      await fillAll(element, { ...valid, notifyEmail: '' });
      submit(element);
      await posted(element);
      expect(text(part(element, 'success-heading'))).to.equal('Uw vraag is ontvangen');
      expect(text(part(element, 'success'))).to.contain('Een moderator kijkt eerst naar uw vraag.');
      expect(text(part(element, 'success'))).not.to.contain('e-mail');
      expect(localStorage.getItem('plein:owner:q-new')).to.equal('mock-owner-token');
    });

    it('is accessible with a failed submit', async () => {
      recordAsks(() => true);
      const element = await renderAsk();
      await fillAll(element);
      submit(element);
      await waitUntil(() => part(element, 'failure'), 'failure message', { timeout: 8000 });
      await expect(element).to.be.accessible();
    });
  });

  it('is accessible when empty, with an error summary, and after posting', async () => {
    const element = await renderAsk();
    await expect(element).to.be.accessible();
    submit(element);
    await waitUntil(() => part(element, 'summary'), 'error summary');
    await expect(element).to.be.accessible();
    await fillAll(element);
    submit(element);
    await posted(element);
    await expect(element).to.be.accessible();
  });
});
