import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { resetSharedClients, sharedClient } from '../../context.ts';
import '../../define/plein-community.ts';
import '../../define/plein-question.ts';
import type { PleinAnswerPostedEvent } from '../../events/answer-posted.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../../mocks/fixtures.ts';
import { scenarios } from '../../mocks/handlers.ts';
import { answerServer, questionScenarios } from '../../mocks/question-scenarios.ts';
import type { PleinQuestion } from './question.ts';

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
const statusText = (element: Element) => $(element, '[role="status"]').textContent?.trim();
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
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    sessionStorage.clear();
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
      expect(independent!.querySelector('.badge.accepted')?.textContent?.trim()).to.equal('Gekozen als beste antwoord');

      expect(klantmanager!.getAttribute('part')).to.equal('answer expert-answer');
      expect(klantmanager!.textContent).to.contain('Sandra Kloosterhuis');
      expect(klantmanager!.textContent).to.contain('Klantmanager');
      expect(klantmanager!.textContent).to.contain('Werkt bij ISD Noordoost');
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
      expect(answers(element)[1]!.textContent).to.contain('Works at ISD Noordoost');
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
      expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
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
  });
});
