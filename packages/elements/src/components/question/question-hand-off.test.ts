import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { graphql } from 'msw';
import { resetSharedClients } from '../../context.ts';
import '../../define/plein-question.ts';
import type { PleinContactRequestEvent } from '../../events/contact-request.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../../mocks/fixtures.ts';
import { signInMockAccount, signOutMockAccounts } from '../../mocks/professionals.ts';
import type { PleinQuestion } from './question.ts';

// Next steps under an expert answer ("Maak een afspraak", "Stel uw vraag privé") and the expert's choice of them in
// the answer form. The community server is mocked with msw in these tests; e2e/ runs the real one.

const api = graphql.link(MOCK_ENDPOINT);
const shadow = (element: Element) => element.shadowRoot!;
const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';
const answerById = (element: Element, id: string) =>
  shadow(element).querySelector<HTMLElement>(`[data-answer-id="${id}"]`)!;
const handOffButton = (answer: Element, label: string) =>
  [...answer.querySelectorAll<HTMLButtonElement>('[part="hand-off-button"]')].find(
    (button) => clean(button.textContent) === label,
  )!;

/** The question q1 is about `ziek-in-dienst`; its answer a2 (Sandra, a klantmanager) offers both next steps. */
const TOPIC = 'ziek-in-dienst';

async function renderThread(
  template = html`<plein-question
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    question-id="q1"
  ></plein-question>`,
): Promise<PleinQuestion> {
  const rendered = await fixture<HTMLElement>(template);
  const element = (
    rendered.localName === 'plein-question' ? rendered : rendered.querySelector('plein-question')!
  ) as PleinQuestion;
  await waitUntil(() => element.shadowRoot?.querySelector('[part~="answer"], .alert'), 'the thread settles', {
    timeout: 5000,
  });
  return element;
}

/** The AnswerQuestion inputs that reach the mocked server (the answers themselves come from the usual handlers). */
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

function fillAnswer(element: Element, body: string): void {
  const field = shadow(element).querySelector<HTMLTextAreaElement>('#answer-body')!;
  field.value = body;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function tick(element: Element, id: string): void {
  const box = shadow(element).querySelector<HTMLInputElement>(`#${id}`)!;
  box.checked = true;
  box.dispatchEvent(new Event('change', { bubbles: true }));
}

const expertAnswer =
  'Tijdens uw ziekte mag uw werkgever u meestal niet ontslaan. Laat een adviseur met u naar uw eigen situatie kijken.';

describe('<plein-question>: next steps under an expert answer', () => {
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
  });

  it('shows "Uw situatie vraagt om persoonlijk advies." and a button per step, only under that answer', async () => {
    const element = await renderThread();
    const answer = answerById(element, 'a2');
    const handOff = answer.querySelector('[part="hand-off"]')!;
    expect(clean(handOff.querySelector('.hand-off-lead')!.textContent)).to.equal(
      'Uw situatie vraagt om persoonlijk advies.',
    );
    const buttons = [...handOff.querySelectorAll<HTMLButtonElement>('[part="hand-off-button"]')];
    expect(buttons.map((button) => [button.type, clean(button.textContent)])).to.deep.equal([
      ['button', 'Maak een afspraak'],
      ['button', 'Stel uw vraag privé'],
    ]);
    // After the note that it is general information: the next step follows from it.
    const parts = [...answer.querySelectorAll('[part]')].map((node) => node.getAttribute('part'));
    expect(parts.indexOf('hand-off')).to.be.greaterThan(parts.indexOf('expert-note'));
    expect(answerById(element, 'a1').querySelector('[part="hand-off"]')).to.equal(null);
    expect(answerById(element, 'a3').querySelector('[part="hand-off"]')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('asks the page for the channel with the question’s topic; a host that takes it gets nothing more', async () => {
    const element = await renderThread();
    const taken: PleinContactRequestEvent[] = [];
    const take = (event: PleinContactRequestEvent) => {
      taken.push(event);
      event.preventDefault();
    };
    document.addEventListener('plein-contact-request', take);
    try {
      handOffButton(answerById(element, 'a2'), 'Maak een afspraak').click();
      handOffButton(answerById(element, 'a2'), 'Stel uw vraag privé').click();
      await element.updateComplete;
    } finally {
      document.removeEventListener('plein-contact-request', take);
    }
    expect(taken.map((event) => event.detail)).to.deep.equal([
      { topic: TOPIC, channel: 'appointment' },
      { topic: TOPIC, channel: 'private-question' },
    ]);
    expect(taken.map((event) => [event.bubbles, event.composed, event.cancelable])).to.deep.equal([
      [true, true, true],
      [true, true, true],
    ]);
    expect(shadow(element).querySelector('plein-contact')).to.equal(null);
  });

  it('opens a <plein-contact> under the answer on a page without one, at the channel and topic', async () => {
    const element = await renderThread();
    const answer = answerById(element, 'a2');
    const requested = oneEvent(element, 'plein-contact-request') as Promise<PleinContactRequestEvent>;
    handOffButton(answer, 'Stel uw vraag privé').click();
    expect((await requested).detail).to.deep.equal({ topic: TOPIC, channel: 'private-question' });
    await waitUntil(() => answer.querySelector('[part="hand-off-contact"] plein-contact'), 'the contact element');
    const contact = answer.querySelector('plein-contact')!;
    expect(['topic', 'channel', 'variant'].map((name) => contact.getAttribute(name))).to.deep.equal([
      TOPIC,
      'private-question',
      'compact',
    ]);
    // It opens the private question's form, and focus goes to it, as on a page with its own contact element.
    await waitUntil(
      () => contact.shadowRoot?.activeElement?.id === 'private-question-heading',
      'focus on the private question',
      { timeout: 5000 },
    );
    await expect(element).to.be.accessible();
  });

  it('leaves it to the page’s own <plein-contact>', async () => {
    await import('../../define/plein-contact.ts');
    const element = await renderThread(html`
      <div>
        <plein-question endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} question-id="q1"></plein-question>
        <plein-contact endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-contact>
      </div>
    `);
    const requested = oneEvent(element, 'plein-contact-request') as Promise<PleinContactRequestEvent>;
    handOffButton(answerById(element, 'a2'), 'Maak een afspraak').click();
    await requested;
    await element.updateComplete;
    expect(shadow(element).querySelector('plein-contact')).to.equal(null);
  });

  it('lets a signed-in expert add next steps to their answer, and shows them under it', async () => {
    signInMockAccount('expert');
    const inputs = recordAnswers();
    const element = await renderThread();
    const choices = shadow(element).querySelector('[part="hand-off-choices"]')!;
    expect(clean(choices.querySelector('legend')!.textContent)).to.equal(
      'Volgende stap voor de inwoner (niet verplicht)',
    );
    expect(clean(choices.querySelector('.hint')!.textContent)).to.equal(
      'Vraagt de situatie om persoonlijk advies? Kies wat de inwoner kan doen. Onder uw antwoord staat dan een knop.',
    );
    expect([...choices.querySelectorAll('input')].map((box) => [box.type, box.id])).to.deep.equal([
      ['checkbox', 'answer-hand-off-appointment'],
      ['checkbox', 'answer-hand-off-private-question'],
    ]);
    await expect(element).to.be.accessible();

    fillAnswer(element, expertAnswer);
    tick(element, 'answer-hand-off-appointment');
    await element.updateComplete;
    shadow(element).querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await waitUntil(() => shadow(element).querySelector('[data-answer-id="a-q1"]'), 'the posted answer');
    expect(inputs).to.have.length(1);
    expect(inputs[0]).to.deep.include({ questionId: 'q1', body: expertAnswer, handOff: ['APPOINTMENT'] });
    const posted = answerById(element, 'a-q1');
    expect(
      [...posted.querySelectorAll('[part="hand-off-button"]')].map((button) => clean(button.textContent)),
    ).to.deep.equal(['Maak een afspraak']);
    // The form starts over, with nothing ticked.
    expect(shadow(element).querySelector<HTMLInputElement>('#answer-hand-off-appointment')!.checked).to.equal(false);
  });

  it('offers no next steps to anyone else, and sends none', async () => {
    const inputs = recordAnswers();
    const element = await renderThread();
    expect(shadow(element).querySelector('[part="hand-off-choices"]')).to.equal(null);
    fillAnswer(element, 'Ik had dit ook. Bel gerust de adviseur, dat hielp mij.');
    shadow(element).querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await waitUntil(() => inputs.length === 1, 'sent');
    expect(inputs[0]).not.to.have.property('handOff');
  });

  it('speaks English on an English page', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="en">
        <plein-question endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} question-id="q1"></plein-question>
      </div>
    `);
    const element = wrapper.querySelector('plein-question')!;
    await waitUntil(() => shadow(element).querySelector('[part="hand-off"]'), 'the thread', { timeout: 5000 });
    const handOff = answerById(element, 'a2').querySelector('[part="hand-off"]')!;
    expect(clean(handOff.textContent)).to.equal(
      'Your situation needs personal advice. Make an appointment Ask your question privately',
    );
  });
});
