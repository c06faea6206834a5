import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { graphql } from 'msw';
import { resetSharedClients } from '../context.ts';
import '../define/plein-ask.ts';
import '../define/plein-expert-inbox.ts';
import '../define/plein-question.ts';
import { startMockServer, worker } from '../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../mocks/fixtures.ts';
import { moderationScenarios } from '../mocks/moderation.ts';
import { signInMockAccount, signOutMockAccounts } from '../mocks/professionals.ts';
import { AntiSpamSignals } from './anti-spam.ts';

// The honeypot and the fill time in the ask form, the answer form and the expert inbox's answer form. The community
// server is mocked with msw; e2e/ runs the real one.

const api = graphql.link(MOCK_ENDPOINT);
const shadow = (element: Element) => element.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The mutation inputs of one operation that reach the mocked server; the usual handler still answers. */
function record(operation: 'AskQuestion' | 'AnswerQuestion') {
  const inputs: Record<string, unknown>[] = [];
  worker.use(
    api.mutation(operation, ({ variables }) => {
      inputs.push(variables.input as Record<string, unknown>);
      return undefined;
    }),
  );
  return inputs;
}

function type(element: Element, selector: string, value: string): void {
  const control = shadow(element).querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(selector)!;
  control.value = value;
  control.dispatchEvent(new Event(control.localName === 'select' ? 'change' : 'input', { bubbles: true }));
}

/** What a person meets and what a bot sees of the honeypot, as plain values. */
function honeypotFacts(element: Element, id: string) {
  const input = shadow(element).querySelector<HTMLInputElement>(`#${id}`)!;
  const container = input.closest('[aria-hidden]');
  // The container is one pixel that clips what is in it.
  const box = container!.getBoundingClientRect();
  return {
    name: input.name,
    type: input.type,
    tabIndex: input.tabIndex,
    autocomplete: input.getAttribute('autocomplete'),
    label: text(shadow(element).querySelector(`label[for="${id}"]`)),
    hiddenFromScreenReaders: container?.getAttribute('aria-hidden') === 'true',
    visuallyHidden: box.width <= 1 && box.height <= 1 && getComputedStyle(container!).overflow === 'hidden',
  };
}

const expectedHoneypot = {
  name: 'website',
  type: 'text',
  tabIndex: -1,
  autocomplete: 'off',
  label: 'Laat dit veld leeg',
  hiddenFromScreenReaders: true,
  visuallyHidden: true,
};

describe('anti-spam signals', () => {
  before(() => startMockServer());
  beforeEach(() => {
    localStorage.clear();
    signOutMockAccounts();
  });
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    localStorage.clear();
    signOutMockAccounts();
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('plein:draft:')) sessionStorage.removeItem(key);
  });

  it('counts the fill time from the first time the form is shown until the submit, and starts again after reset', () => {
    let now = 1_000;
    const signals = new AntiSpamSignals(() => now);
    expect(signals.signals()).to.deep.equal({ honeypot: '', fillMs: 0 });
    signals.shown();
    now = 4_250.4;
    signals.shown();
    expect(signals.signals()).to.deep.equal({ honeypot: '', fillMs: 3_250 });
    signals.honeypot = 'https://spam.example';
    now = 9_000;
    expect(signals.signals()).to.deep.equal({ honeypot: 'https://spam.example', fillMs: 8_000 });
    signals.reset();
    expect(signals.signals()).to.deep.equal({ honeypot: '', fillMs: 0 });
    signals.shown();
    now = 9_500;
    expect(signals.signals().fillMs).to.equal(500);
  });

  it('gives the ask form a honeypot people never meet, and sends it with the fill time', async () => {
    const inputs = record('AskQuestion');
    const element = await fixture<HTMLElement>(
      html`<plein-ask endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-ask>`,
    );
    await waitUntil(() => shadow(element).querySelector<HTMLSelectElement>('#topic')?.options.length === 4, 'topics');
    expect(honeypotFacts(element, 'website')).to.deep.equal(expectedHoneypot);
    await expect(element).to.be.accessible();

    // From the last visible field, Tab goes to the submit button: the honeypot is not in the way.
    shadow(element).querySelector<HTMLInputElement>('#notifyEmail')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(element).activeElement?.id).to.equal('submit');

    type(element, '#topic', 'ww');
    type(element, '#title', 'Moet ik vakantiegeld doorgeven aan het UWV?');
    type(element, '#body', 'Ik krijg in mei vakantiegeld van mijn oude werkgever. Moet ik dat melden?');
    // A bot fills every field it finds.
    type(element, '#website', 'https://goedkope-leningen.example');
    shadow(element).querySelector<HTMLFormElement>('[part="form"]')!.requestSubmit();
    await waitUntil(() => inputs.length === 1, 'the question is sent');
    const antiSpam = inputs[0]!.antiSpam as { honeypot: string; fillMs: number };
    expect(antiSpam.honeypot).to.equal('https://goedkope-leningen.example');
    expect(Number.isInteger(antiSpam.fillMs) && antiSpam.fillMs >= 0).to.equal(true);
  });

  it('shows “too fast” from the server like any other error in the ask form, and keeps the text', async () => {
    worker.use(...moderationScenarios.submittedTooFast);
    const element = await fixture<HTMLElement>(
      html`<plein-ask endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-ask>`,
    );
    await waitUntil(() => shadow(element).querySelector<HTMLSelectElement>('#topic')?.options.length === 4, 'topics');
    const title = 'Moet ik vakantiegeld doorgeven aan het UWV?';
    const body = 'Ik krijg in mei vakantiegeld van mijn oude werkgever. Moet ik dat melden?';
    type(element, '#topic', 'ww');
    type(element, '#title', title);
    type(element, '#body', body);
    shadow(element).querySelector<HTMLFormElement>('[part="form"]')!.requestSubmit();
    await waitUntil(() => shadow(element).querySelector('[part="summary"]'), 'the error summary');
    expect(text(shadow(element).querySelector('[part="summary"] ul'))).to.equal(
      'U heeft het formulier erg snel verstuurd. Wacht een paar seconden en verstuur het opnieuw.',
    );
    await waitUntil(() => shadow(element).activeElement?.id === 'summary', 'focus on the summary');
    expect([
      shadow(element).querySelector<HTMLInputElement>('#title')!.value,
      shadow(element).querySelector<HTMLTextAreaElement>('#body')!.value,
    ]).to.deep.equal([title, body]);
    await expect(element).to.be.accessible();
  });

  it('gives the answer form a honeypot too, sends it, and keeps the answer after “too fast”', async () => {
    worker.use(...moderationScenarios.submittedTooFast);
    // In front of the scenario: it records, then lets the scenario answer.
    const inputs = record('AnswerQuestion');
    const element = await fixture<HTMLElement>(
      html`<plein-question endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} question-id="q1"></plein-question>`,
    );
    await waitUntil(() => shadow(element).querySelector('#answer-body'), 'the answer form', { timeout: 5000 });
    expect(honeypotFacts(element, 'answer-website')).to.deep.equal(expectedHoneypot);
    const answer = 'Vraag om een gesprek en neem iemand mee die u vertrouwt.';
    type(element, '#answer-body', answer);
    shadow(element).querySelector<HTMLFormElement>('[part="form"]')!.requestSubmit();
    await waitUntil(() => shadow(element).querySelector('[part="error-summary"]'), 'the error summary');
    expect(text(shadow(element).querySelector('[part="error-summary"] ul'))).to.equal(
      'U heeft het formulier erg snel verstuurd. Wacht een paar seconden en verstuur het opnieuw.',
    );
    expect(shadow(element).querySelector<HTMLTextAreaElement>('#answer-body')!.value).to.equal(answer);
    expect(inputs).to.have.length(1);
    const antiSpam = inputs[0]!.antiSpam as { honeypot: string; fillMs: number };
    expect([antiSpam.honeypot, typeof antiSpam.fillMs]).to.deep.equal(['', 'number']);
    await expect(element).to.be.accessible();
  });

  it('gives the expert inbox’s answer form a honeypot, and sends it with the answer', async () => {
    signInMockAccount('expert');
    const inputs = record('AnswerQuestion');
    const element = await fixture<HTMLElement>(
      html`<plein-expert-inbox endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-expert-inbox>`,
    );
    await waitUntil(() => shadow(element).querySelector('[part="list"]'), 'the inbox', { timeout: 5000 });
    shadow(element).querySelector<HTMLButtonElement>('[data-question-id="i5"] [part="toggle"]')!.click();
    await waitUntil(() => shadow(element).querySelector('#answer-body-i5'), 'the answer form');
    expect(honeypotFacts(element, 'answer-website-i5')).to.deep.equal(expectedHoneypot);
    await expect(element).to.be.accessible();
    type(element, '#answer-body-i5', 'U kunt een vaststellingsovereenkomst binnen 14 dagen ontbinden.');
    shadow(element).querySelector<HTMLFormElement>('[data-question-id="i5"] [part="form"]')!.requestSubmit();
    await waitUntil(() => inputs.length === 1, 'the answer is sent');
    const antiSpam = inputs[0]!.antiSpam as { honeypot: string; fillMs: number };
    expect([antiSpam.honeypot, typeof antiSpam.fillMs]).to.deep.equal(['', 'number']);
  });
});
