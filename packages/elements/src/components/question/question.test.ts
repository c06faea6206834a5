import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { resetSharedClients, sharedClient } from '../../context.ts';
import '../../define/plein-community.ts';
import '../../define/plein-question.ts';
import type { PleinAnswerPostedEvent } from '../../events/answer-posted.ts';
import type { PleinQuestionDeletedEvent } from '../../events/question-deleted.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT, mockOwnerToken } from '../../mocks/fixtures.ts';
import { scenarios } from '../../mocks/handlers.ts';
import { liveServer } from '../../mocks/live-server.ts';
import { answerServer, arrivingAnswer, questionScenarios, threadServer } from '../../mocks/question-scenarios.ts';
import { PleinQuestion } from './question.ts';

// The community server is mocked with msw in these tests; e2e/ runs the real one.

const DRAFT_KEY = `plein:draft:answer:${MOCK_COMMUNITY}:q1`;
const ANSWER = 'Vraag om een gesprek en neem iemand mee die u vertrouwt.';

async function renderThread(
  template = html`<plein-question
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    question-id="q1"
  ></plein-question>`,
) {
  const element = await fixture<PleinQuestion>(template);
  await waitUntil(() => element.shadowRoot?.querySelector('[part="title"], .alert'), 'the thread settles', {
    timeout: 5000,
  });
  return element;
}

const shadow = (element: Element) => element.shadowRoot!;
const $ = <T extends Element = HTMLElement>(element: Element, selector: string) =>
  shadow(element).querySelector<T>(selector)!;
const answers = (element: Element) => [...shadow(element).querySelectorAll<HTMLElement>('[part~="answer"]')];
const answersHeading = (element: Element) => $(element, '[part="answers-heading"]').textContent?.trim();
const bodyField = (element: Element) => $<HTMLTextAreaElement>(element, '#answer-body');
const nameField = (element: Element) => $<HTMLInputElement>(element, '#answer-name');
const submitButton = (element: Element) => $<HTMLButtonElement>(element, '[part="submit"]');
const statusText = (element: Element) => $(element, '[part="form"] [role="status"]').textContent?.trim();
const announced = (element: Element) => $(element, '[part="announcer"]').textContent?.trim();
const answerIds = (element: Element) => answers(element).map((answer) => answer.dataset.answerId);
const answerById = (element: Element, id: string) => $(element, `[data-answer-id="${id}"]`);
const button = (element: Element, selector: string) => $<HTMLButtonElement>(element, selector);
const text = (element: Element, selector: string) => shadow(element).querySelector(selector)?.textContent?.trim();
const helpfulOf = (element: Element, id: string) =>
  answerById(element, id).querySelector<HTMLButtonElement>('[part="helpful"]')!;

/** This device asked the question: it keeps the owner token the mocked server knows. */
function actAsAsker(questionId = 'q1'): void {
  localStorage.setItem(`plein:owner:${questionId}`, mockOwnerToken(questionId));
}

/** Records the input of each mutation of these names that reaches the mocked server. */
function recordInputs(...names: string[]) {
  const inputs: Record<string, unknown>[] = [];
  const listener = ({ request }: { request: Request }) => {
    void request
      .clone()
      .json()
      .then((body: { operationName?: string; variables?: { input?: Record<string, unknown> } }) => {
        if (body.operationName && names.includes(body.operationName) && body.variables?.input) {
          inputs.push({ operation: body.operationName, ...body.variables.input });
        }
      })
      .catch(() => undefined);
  };
  worker.events.on('request:start', listener);
  return { inputs, stop: () => worker.events.removeListener('request:start', listener) };
}
const active = (element: Element) => shadow(element).activeElement;
/** An element as its markup: chai prints a string cheaply when a test fails, a live element it may never finish. */
const markup = (node: Element | null) => node?.outerHTML ?? null;
/** What has focus, by id or part: short to compare, and cheap to print when a test fails. */
const focused = (element: Element) => {
  const target = active(element);
  return target ? target.id || target.getAttribute('part') || target.tagName : null;
};

function type(field: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input'));
}

/** The messages the field's aria-describedby points at, in order. */
function descriptionOf(element: Element, field: HTMLElement): string[] {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => shadow(element).getElementById(id)?.textContent?.trim() ?? `missing #${id}`);
}

describe('<plein-question>', () => {
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

  describe('the thread', () => {
    it('shows the question with its heading, meta and status', async () => {
      const element = await renderThread();
      const title = $(element, '[part="title"]');
      expect(title.getAttribute('role')).to.equal('heading');
      expect(title.getAttribute('aria-level')).to.equal('2');
      expect(title.textContent?.trim()).to.equal('Mijn werkgever wil mij ontslaan terwijl ik ziek ben. Mag dat?');
      const meta = $(element, '[part="meta"]');
      expect(meta.textContent).to.contain('Ziek in dienst, loondoorbetaling en re-integratie');
      expect(meta.textContent).to.contain('Gevraagd door Marleen63');
      expect(meta.querySelector('[part="badge"]')!.textContent?.trim()).to.equal('Opgelost');
      const time = meta.querySelector('time')!;
      expect(Number.isNaN(Date.parse(time.getAttribute('datetime')!))).to.equal(false);
      expect(time.getAttribute('title')).to.match(/\d{4}/);
      expect(time.textContent?.trim()).to.equal('7 uur geleden');
      expect($(element, '[part="body"]').textContent).to.contain('Ik ben al drie weken ziek thuis.');
    });

    it('shows text exactly as typed: line breaks kept, markup never rendered', async () => {
      worker.use(...questionScenarios.markupInText);
      const element = await renderThread();
      const body = $(element, '[part="body"]');
      expect(markup(body.querySelector('b, img'))).to.equal(null);
      expect(body.textContent).to.contain('Eerste regel <b>vet</b><img src=x onerror="alert(1)">\nTweede regel');
      expect(getComputedStyle(body).whiteSpace).to.equal('pre-wrap');
    });

    it('puts expert answers first and says who the expert works for, and marks the best answer', async () => {
      const element = await renderThread();
      expect(answersHeading(element)).to.equal('3 antwoorden');
      const [independent, klantmanager, peer] = answers(element);

      expect(independent!.getAttribute('part')).to.equal('answer expert-answer');
      expect(independent!.hasAttribute('data-expert')).to.equal(true);
      expect(independent!.textContent).to.contain('Expert');
      expect(independent!.textContent).to.contain('Geert Heikens');
      expect(independent!.textContent).to.contain('Onafhankelijk arbeidsadviseur, Heikens Arbeidsadvies');
      expect(independent!.textContent).to.contain('Onafhankelijk: werkt niet voor UWV of de gemeente');
      expect(independent!.querySelector('.badge.accepted')?.textContent?.trim()).to.equal(
        'Beste antwoord volgens de vrager',
      );

      expect(klantmanager!.getAttribute('part')).to.equal('answer expert-answer');
      expect(klantmanager!.textContent).to.contain('Sandra Kloosterhuis');
      expect(klantmanager!.textContent).to.contain('Klantmanager');
      expect(klantmanager!.textContent).to.contain('Klantmanager, ISD Noordoost');
      expect(klantmanager!.textContent).to.contain('Werkt voor de gemeente');
      expect(klantmanager!.textContent).not.to.contain('Onafhankelijk');
      expect(markup(klantmanager!.querySelector('.badge.accepted'))).to.equal(null);

      expect(peer!.getAttribute('part')).to.equal('answer');
      expect(peer!.hasAttribute('data-expert')).to.equal(false);
      expect(peer!.textContent).to.contain('Henk uit Appingedam');
      expect(peer!.textContent).not.to.contain('Expert');
      expect(peer!.querySelector('[part="answer-body"]')!.textContent).to.equal(
        'Ik had hetzelfde vorig jaar. Laat u niet onder druk zetten. Het kwam bij mij goed.',
      );
    });

    it('fits the host page outline with heading-level', async () => {
      const element = await renderThread(
        html`<plein-question
          endpoint=${MOCK_ENDPOINT}
          community=${MOCK_COMMUNITY}
          question-id="q1"
          heading-level="3"
        ></plein-question>`,
      );
      expect($(element, '[part="title"]').getAttribute('aria-level')).to.equal('3');
      expect($(element, '[part="answers-heading"]').getAttribute('aria-level')).to.equal('4');
      expect($(element, '#form-heading').getAttribute('aria-level')).to.equal('4');
    });

    it('invites an answer when there is none yet', async () => {
      worker.use(...questionScenarios.noAnswers);
      const element = await renderThread();
      expect(answersHeading(element)).to.equal('0 antwoorden');
      expect($(element, '.empty').textContent).to.contain('Er is nog geen antwoord');
      expect(answers(element)).to.have.length(0);
    });

    it('loads more answers, appends them and moves focus to the first new one', async () => {
      worker.use(...questionScenarios.moreAnswers);
      const element = await renderThread();
      expect(answersHeading(element)).to.equal('5 antwoorden');
      expect(answers(element)).to.have.length(3);
      const more = $<HTMLButtonElement>(element, '[part="more"]');
      expect(more.textContent?.trim()).to.equal('Meer antwoorden laden');
      more.click();
      await waitUntil(() => answers(element).length === 5, 'the answers of page two');
      expect(answers(element).map((answer) => answer.dataset.answerId)).to.deep.equal(['a1', 'a2', 'a3', 'a4', 'a5']);
      expect(answers(element)[3]!.textContent).to.contain('Antwoord 4, op pagina twee.');
      await waitUntil(() => active(element)?.getAttribute('data-answer-id') === 'a4', 'focus on the first new answer');
      expect(answers(element)[3]!.tabIndex).to.equal(-1);
      expect(markup(shadow(element).querySelector('[part="more"]'))).to.equal(null);
      expect(answersHeading(element)).to.equal('5 antwoorden');
    });
    it('keeps the "more" button after a failed page, and the same button tries again', async () => {
      worker.use(...questionScenarios.moreAnswersOffline);
      const element = await renderThread();
      const more = $<HTMLButtonElement>(element, '[part="more"]');
      more.focus();
      more.click();
      await waitUntil(() => shadow(element).querySelector('.answers [role="alert"]'), 'the failure', {
        timeout: 5000,
      });
      expect($(element, '.answers [role="alert"]').textContent).to.contain('Er is geen verbinding met de community');
      expect(answers(element)).to.have.length(3);
      expect(focused(element)).to.equal('more');

      worker.resetHandlers();
      worker.use(...questionScenarios.moreAnswers);
      more.click();
      await waitUntil(() => answers(element).length === 5, 'page two after all', { timeout: 5000 });
      expect(markup(shadow(element).querySelector('.answers [role="alert"]'))).to.equal(null);
    });
  });

  describe('states', () => {
    it('says it is loading, never a blank box', async () => {
      worker.use(...scenarios.slow);
      const element = await fixture<PleinQuestion>(
        html`<plein-question endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} question-id="q1"></plein-question>`,
      );
      const loading = $(element, '.loading');
      expect(loading.textContent?.trim()).to.equal('Vraag laden…');
      expect(loading.getAttribute('aria-busy')).to.equal('true');
    });

    it('explains a question that does not exist, without a retry button', async () => {
      worker.use(...questionScenarios.notFound);
      const element = await renderThread();
      const alert = $(element, '[role="alert"]');
      expect(alert.textContent).to.contain('Deze vraag bestaat niet (meer).');
      expect(markup(alert.querySelector('button'))).to.equal(null);
      expect(markup(shadow(element).querySelector('form'))).to.equal(null);
    });

    it('shows a Dutch message and a working retry when the server cannot be reached', async () => {
      worker.use(...scenarios.networkError);
      const element = await renderThread();
      const alert = $(element, '[role="alert"]');
      expect(alert.textContent).to.contain('Er is geen verbinding met de community');
      const retry = alert.querySelector('button')!;
      expect(retry.textContent?.trim()).to.equal('Opnieuw proberen');
      worker.resetHandlers();
      retry.click();
      await waitUntil(() => answers(element).length === 3, 'the thread after retry', { timeout: 5000 });
      await waitUntil(() => focused(element) === 'title', 'focus on the loaded title');
    });

    it('tells the web team what is missing', async () => {
      const bare = await fixture(html`<plein-question question-id="q1"></plein-question>`);
      expect($(bare, '[role="alert"]').textContent).to.contain('endpoint en community');
      const noId = await fixture(
        html`<plein-question endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-question>`,
      );
      expect($(noId, '[role="alert"]').textContent).to.contain('question-id');
    });

    it('works inside <plein-community>, in English when the page says so', async () => {
      const wrapper = await fixture(html`
        <div lang="en">
          <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
            <plein-question question-id="q1"></plein-question>
          </plein-community>
        </div>
      `);
      const element = wrapper.querySelector('plein-question')!;
      await waitUntil(() => answers(element).length === 3, 'thread inside provider', { timeout: 5000 });
      expect(answersHeading(element)).to.equal('3 answers');
      expect(answers(element)[1]!.textContent).to.contain('Works for the municipality');
      expect(submitButton(element).textContent?.trim()).to.equal('Post answer');
    });
  });

  describe('the answer form', () => {
    it('posts an answer: appends it, counts it, says so and fires plein-answer-posted', async () => {
      const server = answerServer();
      worker.use(...server.handlers);
      const element = await renderThread();
      type(bodyField(element), ANSWER);
      type(nameField(element), 'Jannie');
      const posted = oneEvent<PleinAnswerPostedEvent>(element, 'plein-answer-posted');
      submitButton(element).click();
      const event = await posted;

      expect(event.questionId).to.equal('q1');
      expect(event.answerId).to.equal(`a-posted-${server.inputs[0]!.idempotencyKey}`);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(server.inputs).to.have.length(1);
      expect(server.inputs[0]).to.include({ questionId: 'q1', body: ANSWER, displayName: 'Jannie' });
      await waitUntil(() => answers(element).length === 4, 'the new answer in the list');
      expect(answers(element)[3]!.textContent).to.contain(ANSWER);
      expect(answers(element)[3]!.textContent).to.contain('Jannie');
      expect(answersHeading(element)).to.equal('4 antwoorden');
      expect(statusText(element)).to.equal('Dank u wel. Uw antwoord staat erbij.');
      expect(bodyField(element).value).to.equal('');
      expect([localStorage.getItem(DRAFT_KEY), sessionStorage.getItem(DRAFT_KEY)]).to.deep.equal([null, null]);
    });

    it('sends once while sending, and says it is sending', async () => {
      const server = answerServer();
      let release!: () => void;
      server.hold = new Promise((resolve) => (release = resolve));
      worker.use(...server.handlers);
      const element = await renderThread();
      // The element's own client: a submit calls it synchronously, so counting calls needs no waiting.
      const client = sharedClient(MOCK_ENDPOINT, MOCK_COMMUNITY, 'nl');
      const answerQuestion = client.answerQuestion.bind(client);
      let calls = 0;
      client.answerQuestion = (...args) => {
        calls += 1;
        return answerQuestion(...args);
      };
      type(bodyField(element), ANSWER);
      submitButton(element).click();
      expect(calls).to.equal(1);
      await element.updateComplete;
      expect(submitButton(element).textContent?.trim()).to.equal('Antwoord versturen…');
      expect(submitButton(element).getAttribute('aria-disabled')).to.equal('true');
      submitButton(element).click();
      submitButton(element).click();
      expect(calls).to.equal(1);
      release();
      await waitUntil(() => statusText(element) !== '', 'posted');
      expect(server.inputs).to.have.length(1);
      expect(answers(element)).to.have.length(4);
      expect(submitButton(element).getAttribute('aria-disabled')).to.equal('false');
      expect(submitButton(element).textContent?.trim()).to.equal('Plaats antwoord');
    });

    it('checks the answer before sending: a summary with links gets focus, fields say what is wrong', async () => {
      const server = answerServer();
      worker.use(...server.handlers);
      const element = await renderThread();
      submitButton(element).click();
      await waitUntil(() => shadow(element).querySelector('[part="error-summary"]'), 'error summary');
      const summary = $(element, '[part="error-summary"]');
      expect(summary.getAttribute('role')).to.equal('alert');
      await waitUntil(() => focused(element) === 'error-summary', 'focus on the summary');
      expect(summary.textContent).to.contain('Controleer uw antwoord:');
      expect(bodyField(element).getAttribute('aria-invalid')).to.equal('true');
      expect(descriptionOf(element, bodyField(element))[0]).to.equal('Schrijf uw antwoord.');
      expect(nameField(element).getAttribute('aria-invalid')).to.equal('false');

      type(bodyField(element), 'Te kort.');
      type(nameField(element), 'Een naam die echt veel te lang is voor dit veld hier');
      submitButton(element).click();
      await waitUntil(() => summary.querySelectorAll('a').length === 2, 'two problems');
      const [bodyLink, nameLink] = [...summary.querySelectorAll('a')];
      expect(bodyLink!.textContent).to.equal('Schrijf minstens 10 tekens.');
      expect(nameLink!.textContent).to.equal('Gebruik hoogstens 40 tekens voor uw naam.');
      expect(descriptionOf(element, bodyField(element))).to.deep.equal([
        'Schrijf minstens 10 tekens.',
        'Deel uw ervaring of kennis. Schrijf geen persoonlijke gegevens zoals uw BSN of telefoonnummer.',
        'Nog minstens 2 tekens nodig',
      ]);
      expect(nameField(element).getAttribute('aria-invalid')).to.equal('true');
      expect(descriptionOf(element, nameField(element))[0]).to.equal('Gebruik hoogstens 40 tekens voor uw naam.');

      nameLink!.click();
      expect(focused(element)).to.equal('answer-name');
      expect(location.hash).to.equal('');
      expect(server.inputs).to.have.length(0);
    });

    it('shows the server’s field errors the same way', async () => {
      worker.use(...scenarios.userErrors);
      const element = await renderThread();
      type(bodyField(element), 'Precies tien tekens, volgens mij.');
      submitButton(element).click();
      await waitUntil(() => shadow(element).querySelector('[part="error-summary"]'), 'error summary', {
        timeout: 5000,
      });
      const summary = $(element, '[part="error-summary"]');
      await waitUntil(() => focused(element) === 'error-summary', 'focus on the summary');
      expect(summary.querySelector('a')!.textContent).to.equal('Schrijf minstens 10 tekens.');
      expect(bodyField(element).getAttribute('aria-invalid')).to.equal('true');
      expect(descriptionOf(element, bodyField(element))[0]).to.equal('Schrijf minstens 10 tekens.');
      expect(bodyField(element).value).to.equal('Precies tien tekens, volgens mij.');
      expect(answers(element)).to.have.length(3);
    });

    it('keeps every character when the network fails, and a retry sends the same idempotency key', async () => {
      const server = answerServer();
      server.offline = true;
      worker.use(...server.handlers);
      const element = await renderThread();
      const text = `${ANSWER}\nEn schrijf alles op.`;
      type(bodyField(element), text);
      submitButton(element).click();
      await waitUntil(() => shadow(element).querySelector('form [role="alert"]'), 'the failure', { timeout: 5000 });
      const alert = $(element, 'form [role="alert"]');
      expect(alert.textContent).to.contain('Er is geen verbinding met de community');
      expect(alert.textContent).to.contain('Uw tekst is bewaard. U kunt het zo opnieuw proberen.');
      expect(bodyField(element).value).to.equal(text);
      expect(server.inputs.length).to.be.greaterThan(0);

      server.offline = false;
      submitButton(element).click();
      await waitUntil(() => answers(element).length === 4, 'posted on retry', { timeout: 5000 });
      const keys = new Set(server.inputs.map((input) => input.idempotencyKey));
      expect(keys.size).to.equal(1);
      expect(server.inputs.length).to.be.greaterThan(1);
      expect(markup(shadow(element).querySelector('form [role="alert"]'))).to.equal(null);

      // The next answer is a new submit with a new key.
      type(bodyField(element), ANSWER);
      submitButton(element).click();
      await waitUntil(() => answers(element).length === 5, 'a second answer');
      expect(new Set(server.inputs.map((input) => input.idempotencyKey)).size).to.equal(2);
    });

    it('restores what was typed after the element is made again (a reload)', async () => {
      const first = await renderThread();
      type(bodyField(first), `${ANSWER}\nTweede regel.`);
      type(nameField(first), 'Jannie');
      first.remove();

      const again = await renderThread();
      expect(bodyField(again).value).to.equal(`${ANSWER}\nTweede regel.`);
      expect(nameField(again).value).to.equal('Jannie');
      expect($(again, '.counter').textContent?.trim()).to.equal('Nog 4930 tekens over');
    });

    it('keeps the key of a failed submit in the draft, so a retry after a reload posts once', async () => {
      const server = answerServer();
      server.offline = true;
      worker.use(...server.handlers);
      const first = await renderThread();
      type(bodyField(first), ANSWER);
      type(nameField(first), 'Jannie');
      submitButton(first).click();
      await waitUntil(() => shadow(first).querySelector('form [role="alert"]'), 'the failure', { timeout: 5000 });
      const sentKey = server.inputs[0]!.idempotencyKey;
      first.remove();

      server.offline = false;
      const again = await renderThread();
      expect(bodyField(again).value).to.equal(ANSWER);
      expect(nameField(again).value).to.equal('Jannie');
      submitButton(again).click();
      await waitUntil(() => answers(again).length === 4, 'posted after the reload', { timeout: 5000 });
      expect(server.inputs.at(-1)!.idempotencyKey).to.equal(sentKey);
    });

    it('can be used with the keyboard alone, in a sensible order', async () => {
      const server = answerServer();
      worker.use(...server.handlers);
      const element = await renderThread();
      bodyField(element).focus();
      await sendKeys({ type: 'Eerste regel.' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'Tweede regel.' });
      expect(bodyField(element).value).to.equal('Eerste regel.\nTweede regel.');
      expect(server.inputs).to.have.length(0);

      await sendKeys({ press: 'Tab' });
      expect(focused(element)).to.equal('answer-name');
      await sendKeys({ type: 'Jannie' });
      await sendKeys({ press: 'Tab' });
      expect(focused(element)).to.equal('submit');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => answers(element).length === 4, 'posted with Enter');
      expect(server.inputs[0]).to.include({ body: 'Eerste regel.\nTweede regel.', displayName: 'Jannie' });
      expect(focused(element)).to.equal('submit');
    });

    it('remembers the answer’s owner token, and shows an answer held for a moderator to its writer only', async () => {
      const server = answerServer();
      server.publication = 'HELD';
      worker.use(...server.handlers);
      const element = await renderThread();
      type(bodyField(element), ANSWER);
      submitButton(element).click();
      await waitUntil(() => statusText(element) !== '', 'posted');
      const key = server.inputs[0]!.idempotencyKey;
      expect(JSON.parse(localStorage.getItem('plein:answers:q1') ?? '[]')).to.deep.equal([`answer-token-${key}`]);
      expect(statusText(element)).to.equal('Dank u wel. Uw antwoord wacht op controle. Daarna ziet iedereen het.');
      const held = answerById(element, `a-posted-${key}`);
      expect(held.getAttribute('part')).to.equal('answer held-answer');
      expect(held.querySelector('.badge.held')?.textContent?.trim()).to.equal('Wacht op controle');
      expect(held.textContent).to.contain('Alleen u ziet dit antwoord.');
      expect(markup(held.querySelector('[part="helpful"]'))).to.equal(null);
      // Not counted: others cannot see it yet.
      expect(answersHeading(element)).to.equal('3 antwoorden');
    });
  });

  describe('live answers', () => {
    const minimum = PleinQuestion.minimumPollInterval;
    before(() => (PleinQuestion.minimumPollInterval = 0));
    after(() => (PleinQuestion.minimumPollInterval = minimum));

    const pollingThread = () =>
      renderThread(
        html`<plein-question
          endpoint=${MOCK_ENDPOINT}
          community=${MOCK_COMMUNITY}
          question-id="q1"
          poll-interval="0.05"
        ></plein-question>`,
      );

    it('shows an answer that arrives over the socket where it belongs, says so politely, and leaves focus alone', async () => {
      const live = liveServer();
      worker.use(live.handler);
      const element = await renderThread();
      await waitUntil(() => live.subscriptions.size === 1, 'the thread subscribes', { timeout: 5000 });
      expect(element.liveStatus).to.equal('live');
      const [subscription] = [...live.subscriptions.values()];
      expect(subscription!.questionId).to.equal('q1');
      const peerVote = helpfulOf(element, 'a3');
      peerVote.focus();

      live.publish(arrivingAnswer('a-live-expert', 'Mr. Ilse Dijkhuis', true));
      await waitUntil(() => answers(element).length === 4, 'the new answer in the thread');
      // Expert answers come first: the new one goes after the other experts, above the citizen's answer.
      expect(answerIds(element)).to.deep.equal(['a1', 'a2', 'a-live-expert', 'a3']);
      const arrived = answerById(element, 'a-live-expert');
      expect(arrived.getAttribute('part')).to.equal('answer expert-answer new-answer');
      expect(arrived.querySelector('.badge.new')?.textContent?.trim()).to.equal('Nieuw');
      expect(answersHeading(element)).to.equal('4 antwoorden');
      await waitUntil(() => announced(element) !== '', 'the announcement');
      expect(announced(element)).to.equal('Er is een nieuw antwoord van expert Mr. Ilse Dijkhuis.');
      expect($(element, '[part="announcer"]').getAttribute('role')).to.equal('status');
      expect(active(element) === peerVote).to.equal(true);

      live.publish(arrivingAnswer('a-live-expert', 'Mr. Ilse Dijkhuis', true));
      live.publish(arrivingAnswer('a-live-peer', 'Piet'));
      await waitUntil(() => answers(element).length === 5, 'the second new answer');
      expect(answerIds(element)).to.deep.equal(['a1', 'a2', 'a-live-expert', 'a3', 'a-live-peer']);
      await waitUntil(() => announced(element) === 'Er is een nieuw antwoord van Piet.', 'the second announcement');
      expect(answersHeading(element)).to.equal('5 antwoorden');
      expect(active(element) === peerVote).to.equal(true);
    });

    it('polls when the socket is refused: a new answer appears once, however often the thread is polled', async () => {
      const live = liveServer({ refuse: true });
      const server = threadServer();
      worker.use(live.handler, ...server.handlers);
      const element = await pollingThread();
      await waitUntil(() => element.liveStatus === 'polling', 'falls back to polling', { timeout: 5000 });
      await waitUntil(() => server.firsts.filter((first) => first === 50).length >= 2, 'polls reach the server');
      expect(answers(element)).to.have.length(3);

      server.answers = [...server.answers, arrivingAnswer('a-polled', 'Piet')];
      await waitUntil(() => answers(element).length === 4, 'the polled answer', { timeout: 5000 });
      const polls = server.firsts.length;
      await waitUntil(() => server.firsts.length >= polls + 3, 'more polls');
      expect(answerIds(element)).to.deep.equal(['a1', 'a2', 'a3', 'a-polled']);
      expect(answersHeading(element)).to.equal('4 antwoorden');
      expect(announced(element)).to.equal('Er is een nieuw antwoord van Piet.');
      // It keeps trying the socket meanwhile.
      await waitUntil(() => live.connections >= 2, 'a reconnect', { timeout: 5000 });
    });

    it('announces answers that arrive together once, with their number', async () => {
      const server = threadServer();
      worker.use(liveServer({ refuse: true }).handler, ...server.handlers);
      const element = await pollingThread();
      await waitUntil(() => element.liveStatus === 'polling', 'polling', { timeout: 5000 });
      server.answers = [...server.answers, arrivingAnswer('a-x', 'Piet'), arrivingAnswer('a-y', 'Jannie')];
      await waitUntil(() => answers(element).length === 5, 'both answers', { timeout: 5000 });
      await waitUntil(() => announced(element) !== '', 'the announcement');
      expect(announced(element)).to.equal('Er zijn 2 nieuwe antwoorden.');
    });

    it('stops everything when it leaves the page: the socket, the polling and the reconnects', async () => {
      const live = liveServer();
      worker.use(live.handler);
      const connected = await renderThread();
      await waitUntil(() => live.subscriptions.size === 1, 'subscribed', { timeout: 5000 });
      connected.remove();
      await waitUntil(() => live.subscriptions.size === 0, 'the socket is closed');

      const refused = liveServer({ refuse: true });
      const server = threadServer();
      worker.use(refused.handler, ...server.handlers);
      const polling = await pollingThread();
      await waitUntil(() => server.firsts.length >= 3, 'polling');
      polling.remove();
      const [polls, sockets] = [server.firsts.length, refused.connections];
      await aTimeout(400);
      expect([server.firsts.length, refused.connections]).to.deep.equal([polls, sockets]);
      expect(polling.liveStatus).to.equal(undefined);
    });
  });

  describe('the asker', () => {
    it('sees their own panel, only on the device that asked; "Bewerken" only within the edit window', async () => {
      const reader = await renderThread();
      expect(markup(shadow(reader).querySelector('[part="owner-actions"]'))).to.equal(null);
      expect(markup(shadow(reader).querySelector('[part="accept"]'))).to.equal(null);

      actAsAsker();
      const asker = await renderThread();
      const panel = $(asker, '[part="owner-actions"]');
      expect(panel.textContent).to.contain('U heeft deze vraag op dit apparaat gesteld. Alleen u ziet deze knoppen.');
      // q1 was asked hours ago: no more editing, but resolving and deleting can be done any time.
      expect(markup(panel.querySelector('[part="edit"]'))).to.equal(null);
      expect(text(asker, '[part="delete"]')).to.equal('Verwijderen');
      // q1 is resolved already: it says so instead of offering the button.
      expect(markup(panel.querySelector('[part="resolve"]'))).to.equal(null);
      expect(text(asker, '#resolved-note')).to.equal('Uw vraag staat op opgelost.');
    });

    it('changes the question within 15 minutes: the form holds the text, saves, and focus returns to the title', async () => {
      worker.use(...questionScenarios.recentlyAsked);
      actAsAsker();
      const recorder = recordInputs('EditQuestion');
      const element = await renderThread();
      expect(text(element, '#edit-until')).to.match(/^U kunt uw vraag aanpassen tot \d{1,2}:\d{2}\.$/);
      button(element, '[part="edit"]').click();
      await waitUntil(() => focused(element) === 'edit-title', 'focus on the title field');
      const title = $<HTMLInputElement>(element, '#edit-title');
      expect(title.value).to.equal('Mijn werkgever wil mij ontslaan terwijl ik ziek ben. Mag dat?');
      expect($<HTMLTextAreaElement>(element, '#edit-body').value).to.contain('Ik ben al drie weken ziek thuis.');
      await waitUntil(() => shadow(element).querySelectorAll('#edit-topic option').length === 3, 'the topics');
      expect($<HTMLSelectElement>(element, '#edit-topic').value).to.equal('ziek-in-dienst');

      type(title, 'Mag mijn werkgever mij ontslaan als ik ziek ben?');
      const topic = $<HTMLSelectElement>(element, '#edit-topic');
      topic.value = 'ontslag';
      topic.dispatchEvent(new Event('change'));
      button(element, '#edit-save').click();
      await waitUntil(() => focused(element) === 'title', 'focus back on the title');
      recorder.stop();
      expect(text(element, '[part="title"]')).to.equal('Mag mijn werkgever mij ontslaan als ik ziek ben?');
      expect(text(element, '[part="meta"]')).to.contain('Ontslag en vaststellingsovereenkomst');
      expect(text(element, '[part="meta"]')).to.contain('Aangepast');
      expect(markup(shadow(element).querySelector('[part="edit-form"]'))).to.equal(null);
      await waitUntil(() => announced(element) === 'Uw vraag is aangepast.', 'the announcement');
      expect(recorder.inputs).to.have.length(1);
      expect(recorder.inputs[0]).to.include({
        questionId: 'q1',
        ownerToken: mockOwnerToken('q1'),
        title: 'Mag mijn werkgever mij ontslaan als ik ziek ben?',
        topic: 'ontslag',
      });
    });

    it('keeps what was typed when saving fails, ties field errors to fields, and "Annuleren" goes back', async () => {
      worker.use(...questionScenarios.recentlyAsked, ...questionScenarios.ownerActionsOffline);
      actAsAsker();
      const element = await renderThread();
      button(element, '[part="edit"]').click();
      await element.updateComplete;
      const title = $<HTMLInputElement>(element, '#edit-title');
      type(title, 'Kort');
      button(element, '#edit-save').click();
      await waitUntil(() => focused(element) === 'edit-title', 'focus on the field to fix');
      expect(title.getAttribute('aria-invalid')).to.equal('true');
      expect(descriptionOf(element, title)[0]).to.equal('Schrijf minstens 10 tekens.');

      type(title, 'Mag mijn werkgever mij nu ontslaan?');
      button(element, '#edit-save').click();
      await waitUntil(() => shadow(element).querySelector('[part="edit-form"] [role="alert"]'), 'the failure', {
        timeout: 5000,
      });
      const alert = text(element, '[part="edit-form"] [role="alert"]');
      expect(alert).to.contain('Er is geen verbinding met de community');
      expect(alert).to.contain('Uw wijzigingen zijn nog niet opgeslagen, maar uw tekst is bewaard.');
      expect($<HTMLInputElement>(element, '#edit-title').value).to.equal('Mag mijn werkgever mij nu ontslaan?');
      expect(title.getAttribute('aria-invalid')).to.equal('false');
      expect(text(element, '[part="title"]')).to.equal('Mijn werkgever wil mij ontslaan terwijl ik ziek ben. Mag dat?');

      worker.resetHandlers();
      worker.use(...questionScenarios.recentlyAsked, ...questionScenarios.editRejected);
      button(element, '#edit-save').click();
      await waitUntil(() => title.getAttribute('aria-invalid') === 'true', 'the server’s field error');
      expect(descriptionOf(element, title)[0]).to.equal('Uw vraag is te kort. Schrijf minstens 10 tekens.');
      expect(focused(element)).to.equal('edit-title');

      button(element, '#edit-cancel').click();
      await waitUntil(() => focused(element) === 'edit', 'focus back on "Bewerken"');
      expect(markup(shadow(element).querySelector('[part="edit-form"]'))).to.equal(null);
    });

    it('says so when the 15 minutes are over, and "Bewerken" goes away by itself', async () => {
      worker.use(...questionScenarios.recentlyAsked, ...questionScenarios.editWindowClosed);
      actAsAsker();
      const element = await renderThread();
      button(element, '[part="edit"]').click();
      await element.updateComplete;
      button(element, '#edit-save').click();
      await waitUntil(() => shadow(element).querySelector('[part="edit-form"] [role="alert"]'), 'the refusal');
      expect(text(element, '[part="edit-form"] [role="alert"]')).to.contain(
        'U kunt uw vraag niet meer aanpassen. Dat kan tot 15 minuten na het plaatsen.',
      );

      worker.resetHandlers();
      resetSharedClients();
      worker.use(...questionScenarios.editWindowClosing);
      const closing = await renderThread();
      expect(text(closing, '[part="edit"]')).to.equal('Bewerken');
      await waitUntil(() => !shadow(closing).querySelector('[part="edit"]'), 'no more "Bewerken"', { timeout: 3000 });
    });

    it('deletes only after a confirmation; "Nee" returns focus, "Ja" says it is removed and offers the way back', async () => {
      actAsAsker();
      const recorder = recordInputs('DeleteQuestion');
      const element = await renderThread(
        html`<plein-question
          endpoint=${MOCK_ENDPOINT}
          community=${MOCK_COMMUNITY}
          question-id="q1"
          back-href="/vragen"
        ></plein-question>`,
      );
      button(element, '[part="delete"]').click();
      await waitUntil(() => focused(element) === 'delete-confirm', 'focus on the confirmation');
      const confirm = $(element, '[part="delete-confirm"]');
      expect(confirm.getAttribute('role')).to.equal('group');
      expect(shadow(element).getElementById(confirm.getAttribute('aria-labelledby')!)?.textContent?.trim()).to.equal(
        'Weet u zeker dat u uw vraag wilt verwijderen? De antwoorden worden ook verwijderd. Dit kunt u niet ongedaan maken.',
      );
      button(element, '#delete-no').click();
      await waitUntil(() => focused(element) === 'delete', 'focus back on "Verwijderen"');
      expect(recorder.inputs).to.have.length(0);

      button(element, '[part="delete"]').click();
      await element.updateComplete;
      const deleted = oneEvent<PleinQuestionDeletedEvent>(element, 'plein-question-deleted');
      button(element, '#delete-yes').click();
      const event = await deleted;
      recorder.stop();
      expect([event.questionId, event.bubbles, event.composed]).to.deep.equal(['q1', true, true]);
      await waitUntil(() => focused(element) === 'removed', 'focus on the message');
      expect(text(element, '[part="removed"]')).to.contain('Uw vraag is verwijderd.');
      expect(text(element, '[part="removed"]')).to.contain('De vraag en de antwoorden zijn niet meer te zien.');
      const back = $<HTMLAnchorElement>(element, '[part="back"]');
      expect([back.textContent?.trim(), back.getAttribute('href')]).to.deep.equal([
        'Terug naar alle vragen',
        '/vragen',
      ]);
      expect(answers(element)).to.have.length(0);
      expect(recorder.inputs[0]).to.include({ questionId: 'q1', ownerToken: mockOwnerToken('q1') });
      // The device forgets the token of a question that is gone.
      expect(localStorage.getItem('plein:owner:q1')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('keeps the confirmation when deleting fails, and says why', async () => {
      worker.use(...questionScenarios.ownerActionsOffline);
      actAsAsker();
      const element = await renderThread();
      button(element, '[part="delete"]').click();
      await element.updateComplete;
      button(element, '#delete-yes').click();
      await waitUntil(() => shadow(element).querySelector('[part="delete-confirm"] [role="alert"]'), 'the failure', {
        timeout: 5000,
      });
      expect(text(element, '[part="delete-confirm"] [role="alert"]')).to.contain('Er is geen verbinding');
      expect(text(element, '[part="title"]')).to.contain('Mijn werkgever');
      expect(localStorage.getItem('plein:owner:q1')).to.equal(mockOwnerToken('q1'));
    });

    it('marks the question resolved, and puts focus on what changed', async () => {
      worker.use(...questionScenarios.noneAccepted);
      actAsAsker();
      const element = await renderThread();
      expect(text(element, '[part="meta"] [part="badge"]')).to.equal('Beantwoord');
      button(element, '[part="resolve"]').click();
      await waitUntil(() => focused(element) === 'resolved-note', 'focus on the note');
      expect(text(element, '#resolved-note')).to.equal('Uw vraag staat op opgelost.');
      expect(text(element, '[part="meta"] [part="badge"]')).to.equal('Opgelost');
      expect(markup(shadow(element).querySelector('[part="resolve"]'))).to.equal(null);
    });

    it('chooses the answer that helped: marked as the asker’s best answer, shown first, focused and announced', async () => {
      worker.use(...questionScenarios.noneAccepted);
      actAsAsker();
      const recorder = recordInputs('AcceptAnswer');
      const element = await renderThread();
      expect(answerIds(element)).to.deep.equal(['a1', 'a2', 'a3']);
      const accept = answerById(element, 'a3').querySelector<HTMLButtonElement>('[part="accept"]')!;
      expect(accept.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
        'Dit antwoord heeft mij geholpen (antwoord van Henk uit Appingedam)',
      );
      accept.click();
      await waitUntil(() => active(element)?.getAttribute('data-answer-id') === 'a3', 'focus on the chosen answer');
      recorder.stop();
      expect(answerIds(element)).to.deep.equal(['a3', 'a1', 'a2']);
      expect(answerById(element, 'a3').querySelector('.badge.accepted')?.textContent?.trim()).to.equal(
        'Beste antwoord volgens de vrager',
      );
      expect(markup(answerById(element, 'a3').querySelector('[part="accept"]'))).to.equal(null);
      expect(text(element, '[part="meta"] [part="badge"]')).to.equal('Opgelost');
      await waitUntil(() => announced(element) !== '', 'the announcement');
      expect(announced(element)).to.equal(
        'U heeft dit antwoord gekozen als beste antwoord. Uw vraag staat nu op opgelost.',
      );
      expect(recorder.inputs[0]).to.include({ answerId: 'a3', ownerToken: mockOwnerToken('q1') });
    });

    it('shows a held question to its asker with "Wacht op controle" and why, and to nobody else', async () => {
      const held = html`<plein-question
        endpoint=${MOCK_ENDPOINT}
        community=${MOCK_COMMUNITY}
        question-id="q-held"
      ></plein-question>`;
      const stranger = await renderThread(held);
      expect(text(stranger, '[role="alert"]')).to.contain('Deze vraag bestaat niet (meer).');

      actAsAsker('q-held');
      resetSharedClients();
      const element = await renderThread(held);
      const notice = $(element, '[part="held-notice"]');
      expect(notice.textContent).to.contain('Wacht op controle');
      expect(notice.textContent).to.contain('Een moderator kijkt eerst naar uw vraag. Daarna ziet iedereen hem.');
      expect(text(element, '[part="meta"] [part="badge"]')).to.equal('Wacht op controle');
      // Nobody can answer or follow it yet; its asker can still change or delete it.
      expect(markup(shadow(element).querySelector('[part="form"]'))).to.equal(null);
      expect(markup(shadow(element).querySelector('[part="follow"]'))).to.equal(null);
      expect(text(element, '[part="edit"]')).to.equal('Bewerken');
      expect(markup(shadow(element).querySelector('[part="resolve"]'))).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('shows answers written on this device that wait for a moderator, to this device only', async () => {
      localStorage.setItem('plein:answers:q1', JSON.stringify(['answer-held']));
      const element = await renderThread();
      await waitUntil(() => answers(element).length === 4, 'the held answer');
      const held = answerById(element, 'a-held');
      expect(answerIds(element).at(-1)).to.equal('a-held');
      expect(held.querySelector('.badge.held')?.textContent?.trim()).to.equal('Wacht op controle');
      expect(held.textContent).to.contain('Alleen u ziet dit antwoord.');
      expect(answersHeading(element)).to.equal('3 antwoorden');

      localStorage.clear();
      resetSharedClients();
      const other = await renderThread();
      expect(answerIds(other)).to.deep.equal(['a1', 'a2', 'a3']);
    });

    it('can be used with the keyboard: delete, think again, and back', async () => {
      actAsAsker();
      const element = await renderThread();
      button(element, '[part="delete"]').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(element) === 'delete-confirm', 'the confirmation');
      await sendKeys({ press: 'Tab' });
      expect(focused(element)).to.equal('delete-yes');
      await sendKeys({ press: 'Tab' });
      expect(focused(element)).to.equal('delete-no');
      await sendKeys({ press: 'Space' });
      await waitUntil(() => focused(element) === 'delete', 'back on "Verwijderen"');
      expect(localStorage.getItem('plein:owner:q1')).to.equal(mockOwnerToken('q1'));
    });
  });

  describe('helpful votes', () => {
    it('"Nuttig": pressed after a vote, the count goes up, it is announced, and remembered after a reload', async () => {
      const recorder = recordInputs('MarkAnswerHelpful');
      const element = await renderThread();
      const vote = helpfulOf(element, 'a3');
      expect(vote.getAttribute('aria-pressed')).to.equal('false');
      expect(vote.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Nuttig (antwoord van Henk uit Appingedam)');
      expect(descriptionOf(element, vote)).to.deep.equal(['5 mensen vinden dit nuttig']);
      vote.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => vote.getAttribute('aria-pressed') === 'true', 'pressed');
      expect(text(element, '[data-answer-id="a3"] [part="helpful-count"]')).to.equal('6 mensen vinden dit nuttig');
      await waitUntil(() => announced(element) === 'Dank u. U vindt dit antwoord nuttig.', 'the announcement');
      expect(active(element) === vote).to.equal(true);
      expect(recorder.inputs).to.have.length(1);
      expect(recorder.inputs[0]!.answerId).to.equal('a3');
      expect(String(recorder.inputs[0]!.voterKey)).to.match(/^[0-9a-f-]{36}$/);

      vote.click();
      await aTimeout(50);
      expect(recorder.inputs).to.have.length(1);
      recorder.stop();

      element.remove();
      const again = await renderThread();
      expect(helpfulOf(again, 'a3').getAttribute('aria-pressed')).to.equal('true');
      expect(helpfulOf(again, 'a2').getAttribute('aria-pressed')).to.equal('false');
    });

    it('shows the pressed state without a new count when this device had voted before', async () => {
      worker.use(...questionScenarios.alreadyVoted);
      const element = await renderThread();
      helpfulOf(element, 'a1').click();
      await waitUntil(() => helpfulOf(element, 'a1').getAttribute('aria-pressed') === 'true', 'pressed');
      expect(text(element, '[data-answer-id="a1"] [part="helpful-count"]')).to.equal('12 mensen vinden dit nuttig');
    });

    it('says so when a vote cannot be sent, and leaves the button unpressed', async () => {
      worker.use(...questionScenarios.voteOffline);
      const element = await renderThread();
      helpfulOf(element, 'a2').click();
      await waitUntil(() => answerById(element, 'a2').querySelector('[role="alert"]'), 'the failure', {
        timeout: 5000,
      });
      expect(answerById(element, 'a2').querySelector('[role="alert"]')!.textContent).to.contain(
        'Er is geen verbinding',
      );
      expect(helpfulOf(element, 'a2').getAttribute('aria-pressed')).to.equal('false');
      expect(localStorage.getItem('plein:helpful')).to.equal(null);
    });
  });

  describe('following a question', () => {
    const emailField = (element: Element) => $<HTMLInputElement>(element, '#follow-email');

    it('has a labelled e-mail field that explains privacy and the confirmation e-mail', async () => {
      const element = await renderThread();
      const field = emailField(element);
      expect([field.type, field.autocomplete]).to.deep.equal(['email', 'email']);
      expect(shadow(element).querySelector(`label[for="${field.id}"]`)?.textContent?.trim()).to.equal('Uw e-mailadres');
      expect(descriptionOf(element, field)).to.deep.equal([
        'We tonen uw e-mailadres nooit. We verwijderen het als u het niet meer nodig heeft.',
        'U krijgt eerst een e-mail om dit te bevestigen.',
      ]);
      expect(text(element, '[part="follow"] [role="heading"]')).to.equal('Volg deze vraag');
    });

    it('sends the address and says to confirm it by e-mail, with focus on that message', async () => {
      const recorder = recordInputs('FollowQuestion');
      const element = await renderThread();
      emailField(element).focus();
      await sendKeys({ type: 'jannie@voorbeeld.nl' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(element) === 'follow-sent', 'focus on the message');
      recorder.stop();
      expect(text(element, '#follow-sent')).to.contain('Bijna klaar. We hebben u een e-mail gestuurd.');
      expect(recorder.inputs).to.deep.equal([
        { operation: 'FollowQuestion', questionId: 'q1', email: 'jannie@voorbeeld.nl' },
      ]);
    });

    it('checks the address first, and shows the server’s objection at the field', async () => {
      worker.use(...questionScenarios.followRejected);
      const element = await renderThread();
      const field = emailField(element);
      button(element, '[part="follow-submit"]').click();
      await waitUntil(() => field.getAttribute('aria-invalid') === 'true', 'an error');
      expect(descriptionOf(element, field)[0]).to.equal('Vul uw e-mailadres in.');
      expect(focused(element)).to.equal('follow-email');

      type(field, 'jannie@voorbeeld');
      button(element, '[part="follow-submit"]').click();
      await waitUntil(() => descriptionOf(element, field)[0]!.startsWith('Dit e-mailadres klopt niet'), 'format');

      type(field, 'niemand@bestaat-niet.nl');
      button(element, '[part="follow-submit"]').click();
      await waitUntil(() => descriptionOf(element, field)[0] === 'Dit e-mailadres bestaat niet.', 'server error');
      expect(field.value).to.equal('niemand@bestaat-niet.nl');
      await expect(element).to.be.accessible();
    });

    it('keeps the typed address when it cannot be sent', async () => {
      worker.use(...questionScenarios.followOffline);
      const element = await renderThread();
      type(emailField(element), 'jannie@voorbeeld.nl');
      button(element, '[part="follow-submit"]').click();
      await waitUntil(() => shadow(element).querySelector('[part="follow-form"] [role="alert"]'), 'the failure', {
        timeout: 5000,
      });
      expect(text(element, '[part="follow-form"] [role="alert"]')).to.contain(
        'Uw e-mailadres is bewaard. U kunt het zo opnieuw proberen.',
      );
      expect(emailField(element).value).to.equal('jannie@voorbeeld.nl');
    });
  });

  describe('accessibility', () => {
    it('is accessible when loaded, after a failed load, and with form errors', async () => {
      await expect(await renderThread()).to.be.accessible();

      worker.use(...scenarios.serverError);
      await expect(await renderThread()).to.be.accessible();
      worker.resetHandlers();
      resetSharedClients();

      const element = await renderThread();
      submitButton(element).click();
      await waitUntil(() => shadow(element).querySelector('[part="error-summary"]'), 'error summary');
      await expect(element).to.be.accessible();
    });

    it('is accessible for the asker: the panel, the edit form with errors, the confirmation', async () => {
      worker.use(...questionScenarios.recentlyAsked);
      actAsAsker();
      const element = await renderThread();
      await expect(element).to.be.accessible();
      button(element, '[part="edit"]').click();
      await element.updateComplete;
      type($<HTMLInputElement>(element, '#edit-title'), '');
      button(element, '#edit-save').click();
      await waitUntil(() => focused(element) === 'edit-title', 'the error');
      await expect(element).to.be.accessible();
      button(element, '#edit-cancel').click();
      await element.updateComplete;
      button(element, '[part="delete"]').click();
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });

    it('is accessible with new, held and voted answers', async () => {
      const live = liveServer();
      worker.use(live.handler);
      localStorage.setItem('plein:answers:q1', JSON.stringify(['answer-held']));
      localStorage.setItem('plein:helpful', JSON.stringify(['a1']));
      const element = await renderThread();
      await waitUntil(() => live.subscriptions.size === 1, 'subscribed', { timeout: 5000 });
      live.publish(arrivingAnswer('a-live', 'Piet'));
      await waitUntil(() => answers(element).length === 5, 'new and held answers');
      await expect(element).to.be.accessible();
    });
  });
});
