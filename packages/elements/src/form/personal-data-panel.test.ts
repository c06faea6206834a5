import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetSharedClients } from '../context.ts';
import '../define/plein-question.ts';
import { startMockServer, worker } from '../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../mocks/fixtures.ts';
import { answerServer } from '../mocks/question-scenarios.ts';
import type { PleinQuestion } from '../components/question/question.ts';

// The personal-data panel in the answer form of <plein-question> (the ask form's own tests are in ask.test.ts).
// The community server is mocked with msw; e2e/ runs the real one.

const DRAFT_KEY = `plein:draft:answer:${MOCK_COMMUNITY}:q1`;
const LEAKY = 'Bel hem gerust, zijn nummer is 06 12345678. Of mail naar henk@voorbeeld.nl, hij helpt graag.';

const shadow = (element: Element) => element.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const bodyField = (element: Element) => shadow(element).querySelector<HTMLTextAreaElement>('#answer-body')!;
const warning = (element: Element) =>
  shadow(element).querySelector('#answer-body-personal-data [part="personal-data-warning"]');
const findings = (element: Element) =>
  [...shadow(element).querySelectorAll('#answer-body-personal-data .personal-data-finding')].map((node) => text(node));

async function renderThread(): Promise<PleinQuestion> {
  const element = await fixture<PleinQuestion>(
    html`<plein-question endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} question-id="q1"></plein-question>`,
  );
  await waitUntil(() => shadow(element).querySelector('#answer-body'), 'the answer form', { timeout: 5000 });
  return element;
}

function type(field: HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input'));
}

describe('the personal-data panel in the answer form', () => {
  before(() => startMockServer());
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    localStorage.clear();
  });

  it('lists what looks like personal data under the answer, tied to the field, and removes it on request', async () => {
    const element = await renderThread();
    type(bodyField(element), LEAKY);
    await waitUntil(() => warning(element), 'the warning under the answer');
    const box = warning(element)!;
    expect(text(box.querySelector('[role="heading"]'))).to.equal('Let op: dit lijkt persoonlijke informatie');
    expect(text(box)).to.contain('Uw antwoord is voor iedereen te lezen.');
    expect(findings(element)).to.deep.equal(['een telefoonnummer: 06 12345678', 'een e-mailadres: henk@voorbeeld.nl']);
    const describedBy = bodyField(element).getAttribute('aria-describedby')!.split(' ');
    expect(describedBy).to.include('answer-body-personal-data-heading');
    await expect(element).to.be.accessible();

    box.querySelector<HTMLButtonElement>('[part="personal-data-remove"]')!.click();
    await waitUntil(() => findings(element).length === 1, 'one finding left');
    expect(bodyField(element).value).to.equal(
      'Bel hem gerust, zijn nummer is [telefoonnummer verwijderd]. Of mail naar henk@voorbeeld.nl, hij helpt graag.',
    );
    await waitUntil(
      () => text(shadow(element).activeElement) === 'Verwijder dit voor mij',
      'focus on the next "Verwijder dit voor mij"',
    );
  });

  it('notes that medical details are not needed', async () => {
    const element = await renderThread();
    type(bodyField(element), 'Ik had na mijn operatie hetzelfde. Vraag om een gesprek met uw werkgever.');
    await waitUntil(() => shadow(element).querySelector('[part="health-note"]'), 'the health note');
    expect(text(shadow(element).querySelector('[part="health-note"]'))).to.equal(
      'U hoeft geen medische details te delen. Vertel alleen wat nodig is voor uw antwoord.',
    );
    expect(warning(element)).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('keeps the answer in localStorage, per question, so a closed tab does not lose it', async () => {
    const first = await renderThread();
    type(bodyField(first), 'Vraag om een gesprek en neem iemand mee die u vertrouwt.');
    const stored = JSON.parse(localStorage.getItem(DRAFT_KEY)!);
    expect(stored.value.body).to.equal('Vraag om een gesprek en neem iemand mee die u vertrouwt.');
    expect(typeof stored.savedAt).to.equal('number');
    first.remove();
    sessionStorage.clear();

    const again = await renderThread();
    expect(bodyField(again).value).to.equal('Vraag om een gesprek en neem iemand mee die u vertrouwt.');
  });

  it('posts an answer with findings as written: the panel never blocks sending', async () => {
    const server = answerServer();
    worker.use(...server.handlers);
    const element = await renderThread();
    type(bodyField(element), LEAKY);
    await waitUntil(() => warning(element), 'the warning');
    shadow(element).querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await waitUntil(() => server.inputs.length === 1, 'the answer was sent', { timeout: 5000 });
    expect(server.inputs[0]!.body).to.equal(LEAKY);
    await waitUntil(() => bodyField(element).value === '', 'the form is empty after posting', { timeout: 5000 });
    await waitUntil(() => warning(element) === null, 'the warning is gone with the text');
    expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
  });
});
