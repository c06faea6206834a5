import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { graphql, HttpResponse } from 'msw';
import { askedQuestion } from '../../mocks/ask-scenarios.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../../mocks/fixtures.ts';
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
    expect(label('notifyEmail')).to.equal('E-mailadres voor een bericht bij een antwoord (niet verplicht)');
    const email = control(element, 'notifyEmail');
    expect(email.getAttribute('type')).to.equal('email');
    expect(email.getAttribute('autocomplete')).to.equal('email');
    expect(text(shadow(element).getElementById(email.getAttribute('aria-describedby')!))).to.contain(
      'We tonen dit adres nooit',
    );
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
    expect(text(summary.querySelector('[role="heading"]'))).to.equal('Er gaat iets mis. Controleer deze velden:');
    expect([...summary.querySelectorAll('a')].map((link) => text(link))).to.deep.equal([
      'Onderwerp: Kies een onderwerp.',
      'Uw vraag in één zin: Schrijf minstens 10 tekens.',
      'Uitleg bij uw vraag: Vul dit veld in.',
      'E-mailadres voor een bericht bij een antwoord: Dit e-mailadres klopt niet. Bijvoorbeeld: naam@voorbeeld.nl.',
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
    expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
    expect(inputs).to.have.length(1);
    const { idempotencyKey, ...sent } = inputs[0]!;
    expect(sent).to.deep.equal({ ...valid, community: MOCK_COMMUNITY });
    expect(idempotencyKey).to.match(/^[A-Za-z0-9_-]{8,100}$/);

    expect(focusedId(element)).to.equal('success-heading');
    expect(text(part(element, 'success-heading'))).to.equal('Uw vraag staat online');
    expect(text(part(element, 'success'))).to.contain('U krijgt een e-mail als er een antwoord is.');

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
    expect(JSON.parse(sessionStorage.getItem(DRAFT_KEY)!).idempotencyKey).to.equal(firstKey);
    const failedAttempts = inputs.length;

    failing = false;
    const retry = part<HTMLButtonElement>(element, 'retry')!;
    expect(text(retry)).to.equal('Opnieuw proberen');
    retry.click();
    await posted(element);
    expect(inputs.length).to.equal(failedAttempts + 1);
    expect(new Set(inputs.map((input) => input.idempotencyKey))).to.deep.equal(new Set([firstKey]));
  });

  it('puts back the draft when the element is created again, and forgets it after posting', async () => {
    const inputs = recordAsks();
    const first = await renderAsk();
    expect(part(first, 'draft-note')).to.equal(null);
    await fillAll(first);
    const savedKey = JSON.parse(sessionStorage.getItem(DRAFT_KEY)!).idempotencyKey;
    first.remove();

    const second = await renderAsk();
    for (const [field, value] of Object.entries(valid)) expect(control(second, field as Field).value).to.equal(value);
    const note = part(second, 'draft-note')!;
    expect(text(note)).to.equal('We hebben uw eerdere tekst teruggezet.');
    expect(note.getAttribute('role')).to.equal('status');
    submit(second);
    await posted(second);
    expect(inputs[0]!.idempotencyKey).to.equal(savedKey);
    expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
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
    await waitUntil(() => shadow(element).querySelector('plein-question'), 'thread in place');
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
