import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetSharedClients, sharedClient } from '../../context.ts';
import '../../define/plein-my-questions.ts';
import type { PleinQuestionOpenEvent } from '../../events/question-open.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT, mockOwnerToken } from '../../mocks/fixtures.ts';
import { scenarios } from '../../mocks/handlers.ts';
import type { PleinMyQuestions } from './my-questions.ts';

// The community server is mocked with msw in these tests; e2e/ runs the real one.

async function renderMine(
  template = html`<plein-my-questions endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-my-questions>`,
) {
  const element = await fixture<PleinMyQuestions>(template);
  await waitUntil(() => element.shadowRoot?.querySelector('.list, .empty, .alert'), 'the list settles', {
    timeout: 5000,
  });
  return element;
}

const shadow = (element: Element) => element.shadowRoot!;
const items = (element: Element) => [...shadow(element).querySelectorAll<HTMLElement>('[part="item"]')];
const titles = (element: Element) => items(element).map((item) => item.querySelector('[part="title"]')?.textContent);
const badges = (element: Element) =>
  items(element).map((item) => item.querySelector('[part="badge"]')?.textContent?.trim());
const focusedId = (element: Element) => shadow(element).activeElement?.getAttribute('data-question-id') ?? null;

/** This device asked these questions: it keeps their owner tokens. */
function askedOnThisDevice(...questionIds: string[]): void {
  for (const id of questionIds) localStorage.setItem(`plein:owner:${id}`, mockOwnerToken(id));
}

/** Counts the MyQuestions requests that reach the mocked server. */
function countRequests() {
  const counter = { count: 0, stop: () => undefined as void };
  const listener = ({ request }: { request: Request }) => {
    void request
      .clone()
      .json()
      .then((body: { operationName?: string }) => {
        if (body.operationName === 'MyQuestions') counter.count += 1;
      })
      .catch(() => undefined);
  };
  worker.events.on('request:start', listener);
  counter.stop = () => worker.events.removeListener('request:start', listener);
  return counter;
}

describe('<plein-my-questions>', () => {
  before(() => startMockServer());
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    localStorage.clear();
  });

  it('says so when this device asked nothing yet, without asking the server', async () => {
    const requests = countRequests();
    const element = await renderMine();
    requests.stop();
    expect(shadow(element).querySelector('[part="empty"]')?.textContent?.trim()).to.equal(
      'U heeft op dit apparaat nog geen vragen gesteld.',
    );
    expect(requests.count).to.equal(0);
    await expect(element).to.be.accessible();
  });

  it('lists the questions asked on this device, newest first, with their status; held ones wait for a check', async () => {
    askedOnThisDevice('q3', 'q-held', 'q1');
    localStorage.setItem('plein:owner:q-unknown', 'a token the server does not know');
    const element = await renderMine();
    const heading = shadow(element).querySelector('[part="heading"]')!;
    expect([heading.getAttribute('role'), heading.getAttribute('aria-level')]).to.deep.equal(['heading', '2']);
    expect(heading.textContent?.trim()).to.equal('Mijn vragen');
    expect(titles(element)).to.deep.equal([
      'Mijn leidinggevende vertelt collega’s over mijn ziekte. Mag dat?',
      'Mijn werkgever wil mij ontslaan terwijl ik ziek ben. Mag dat?',
      'Moet ik de vaststellingsovereenkomst van mijn werkgever tekenen?',
    ]);
    expect(badges(element)).to.deep.equal(['Wacht op controle', 'Opgelost', 'Beantwoord']);
    const held = items(element)[0]!;
    const note = held.querySelector('[part="held-note"]')!;
    expect(note.textContent?.trim()).to.equal('Een moderator kijkt eerst naar uw vraag. Daarna ziet iedereen hem.');
    // The explanation belongs to the link: a screen reader hears it with the title.
    expect(held.querySelector('[part="title"]')!.getAttribute('aria-describedby')).to.equal(note.id);
    expect(items(element)[1]!.querySelector('[part="meta"]')!.textContent).to.contain('1 antwoord');
    expect(markup(items(element)[1]!.querySelector('[part="held-note"]'))).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('says which questions a moderator hid or rejected, with the reason, to the asker only', async () => {
    askedOnThisDevice('q-hidden', 'q-rejected', 'q1');
    const element = await renderMine();
    expect(badges(element)).to.deep.equal(['Verborgen door een moderator', 'Afgewezen door een moderator', 'Opgelost']);
    const [hidden, rejected, published] = items(element);
    const note = (item: HTMLElement | undefined) =>
      item?.querySelector('[part="moderation-note"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
    expect(note(hidden)).to.equal(
      'Reden: Er stond een naam van een collega in. Wilt u de vraag opnieuw stellen zonder namen? ' +
        'Anderen zien deze vraag nu niet. Een moderator heeft hem verborgen, of kijkt er nog naar.',
    );
    expect(note(rejected)).to.equal(
      'Afgewezen door een moderator: Deze vraag gaat niet over werk of inkomen. Daar is deze community voor. ' +
        'Deze vraag komt niet online. U kunt wel een nieuwe vraag stellen.',
    );
    expect(note(published)).to.equal(null);
    // The explanation belongs to the link: a screen reader hears it with the title.
    expect(rejected!.querySelector('[part="title"]')!.getAttribute('aria-describedby')).to.equal(
      rejected!.querySelector('[part="moderation-note"]')!.id,
    );
    await expect(element).to.be.accessible();
  });

  it('links to the host’s question pages with question-href, and fires a cancelable plein-question-open', async () => {
    askedOnThisDevice('q1');
    const element = await renderMine(
      html`<plein-my-questions
        endpoint=${MOCK_ENDPOINT}
        community=${MOCK_COMMUNITY}
        question-href="/vraag/{id}"
      ></plein-my-questions>`,
    );
    const link = shadow(element).querySelector<HTMLAnchorElement>('[part="title"]')!;
    expect(link.getAttribute('href')).to.equal('/vraag/q1');
    element.addEventListener('plein-question-open', (event) => event.preventDefault(), { once: true });
    const opened = oneEvent<PleinQuestionOpenEvent>(element, 'plein-question-open');
    link.click();
    const event = await opened;
    expect([event.questionId, event.title, event.cancelable, event.composed]).to.deep.equal([
      'q1',
      'Mijn werkgever wil mij ontslaan terwijl ik ziek ben. Mag dat?',
      true,
      true,
    ]);
    expect(location.pathname).not.to.equal('/vraag/q1');
  });

  it('opens a question in place without question-href, and the way back returns focus to it', async () => {
    askedOnThisDevice('q1', 'q3');
    const element = await renderMine();
    const link = shadow(element).querySelector<HTMLAnchorElement>('[data-question-id="q3"]')!;
    link.click();
    await waitUntil(() => shadow(element).querySelector('plein-question'), 'the thread', { timeout: 5000 });
    const thread = shadow(element).querySelector('plein-question')!;
    expect(thread.getAttribute('question-id')).to.equal('q3');
    const back = shadow(element).querySelector<HTMLButtonElement>('[part="back"]')!;
    await waitUntil(() => shadow(element).activeElement === back, 'focus on the way back');
    expect(back.textContent?.trim()).to.equal('← Terug naar mijn vragen');
    back.click();
    await waitUntil(() => focusedId(element) === 'q3', 'focus back on the question');
  });

  it('is up to date after a question is deleted on the same page', async () => {
    askedOnThisDevice('q1', 'q3');
    const element = await renderMine();
    expect(items(element)).to.have.length(2);
    const { deleted } = await sharedClient(MOCK_ENDPOINT, MOCK_COMMUNITY, 'nl').deleteQuestion('q1');
    expect(deleted).to.equal(true);
    await waitUntil(() => items(element).length === 1, 'the list without it');
    expect(titles(element)).to.deep.equal(['Moet ik de vaststellingsovereenkomst van mijn werkgever tekenen?']);
  });

  it('says it is loading, never a blank box', async () => {
    askedOnThisDevice('q1');
    worker.use(...scenarios.slow);
    const element = await fixture<PleinMyQuestions>(
      html`<plein-my-questions endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-my-questions>`,
    );
    const loading = shadow(element).querySelector('.loading')!;
    expect(loading.textContent?.trim()).to.equal('Uw vragen laden…');
    expect(loading.getAttribute('aria-busy')).to.equal('true');
  });

  it('shows a Dutch message and a working retry when the server cannot be reached', async () => {
    askedOnThisDevice('q1');
    worker.use(...scenarios.networkError);
    const element = await renderMine();
    const alert = shadow(element).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Er is geen verbinding met de community');
    await expect(element).to.be.accessible();
    worker.resetHandlers();
    alert.querySelector('button')!.click();
    await waitUntil(() => items(element).length === 1, 'the list after a retry', { timeout: 5000 });
  });

  it('speaks English on an English page, and tells the web team what is missing', async () => {
    askedOnThisDevice('q-held');
    const wrapper = await fixture(
      html`<div lang="en">
        <plein-my-questions endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-my-questions>
      </div>`,
    );
    const element = wrapper.querySelector('plein-my-questions')!;
    await waitUntil(() => items(element).length === 1, 'the list', { timeout: 5000 });
    expect(shadow(element).querySelector('[part="heading"]')?.textContent?.trim()).to.equal('My questions');
    expect(badges(element)).to.deep.equal(['Waiting for a check']);

    const bare = await fixture(html`<plein-my-questions></plein-my-questions>`);
    expect(shadow(bare).querySelector('[role="alert"]')?.textContent).to.contain('endpoint en community');
  });
});

/** An element as its markup: chai prints a string cheaply when a test fails, a live element it may never finish. */
function markup(node: Element | null) {
  return node?.outerHTML ?? null;
}
