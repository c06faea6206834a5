import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../../mocks/fixtures.ts';
import { scenarios } from '../../mocks/handlers.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { resetSharedClients } from '../../context.ts';
import '../../define/plein-questions.ts';
import '../../define/plein-community.ts';
import type { PleinQuestionOpenEvent } from '../../events/question-open.ts';
import type { PleinQuestions } from './questions.ts';

// The community server is mocked with msw in these tests; e2e/ runs the real one.

async function renderList(
  template = html`<plein-questions endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-questions>`,
) {
  const element = await fixture<PleinQuestions>(template);
  await waitUntil(() => element.shadowRoot?.querySelector('.list, .empty, .alert'), 'the list settles', {
    timeout: 5000,
  });
  return element;
}

const shadow = (element: Element) => element.shadowRoot!;
const titles = (element: Element) =>
  [...shadow(element).querySelectorAll('[part="title"]')].map((a) => a.textContent?.trim());
const countText = (element: Element) => shadow(element).querySelector('[part="count"]')?.textContent?.trim();

describe('<plein-questions>', () => {
  before(() => startMockServer());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
  });

  it('lists the first page with counts and marks', async () => {
    const element = await renderList();
    expect(titles(element)).to.have.length(20);
    expect(titles(element)[0]).to.equal('Mijn werkgever wil mij ontslaan terwijl ik ziek ben. Mag dat?');
    expect(countText(element)).to.equal('25 vragen');
    const first = shadow(element).querySelector('[part="item"]')!;
    expect(first.textContent).to.contain('Antwoord van een expert');
    expect(first.textContent).to.contain('Opgelost');
    expect(first.textContent).to.contain('Gevraagd door Marleen63');
    expect(shadow(element).querySelector('.shown')?.textContent).to.contain('20 van 25 vragen getoond');
  });

  it('loads more with "Meer vragen laden" until all are shown', async () => {
    const element = await renderList();
    const more = shadow(element).querySelector<HTMLButtonElement>('[part="more"]')!;
    expect(more.textContent?.trim()).to.equal('Meer vragen laden');
    more.click();
    await waitUntil(() => titles(element).length === 25, 'all 25 questions');
    expect(shadow(element).querySelector('[part="more"]') === null, 'no more button').to.equal(true);
  });

  it('moves focus to the first question of the next page after "Meer vragen laden" with the keyboard', async () => {
    const element = await renderList();
    shadow(element).querySelector<HTMLButtonElement>('[part="more"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => titles(element).length === 25, 'all 25 questions');
    // The button is gone with the last page: focus must not fall back to the page's body.
    await waitUntil(
      () => shadow(element).activeElement === shadow(element).querySelectorAll('[part="title"]')[20],
      'focus on the 21st question',
      { timeout: 5000 },
    );
    expect(shadow(element).activeElement?.textContent?.trim()).to.equal(titles(element)[20]);
  });

  it('moves focus to "Opnieuw proberen" when the next page fails, not to the page body', async () => {
    const element = await renderList();
    worker.use(...scenarios.networkError);
    shadow(element).querySelector<HTMLButtonElement>('[part="more"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => shadow(element).activeElement?.closest('[role="alert"]'),
      'focus on the retry button in the alert',
      { timeout: 15000 },
    );
    expect(shadow(element).activeElement?.localName).to.equal('button');
    expect(titles(element)).to.have.length(20);
  });

  it('filters by topic and status, and searches after the citizen stops typing', async () => {
    const element = await renderList();
    const topic = shadow(element).querySelector<HTMLSelectElement>('#topic')!;
    await waitUntil(() => topic.options.length === 4, 'topics loaded');
    expect(topic.options[1]!.textContent?.trim()).to.equal('WW aanvragen, hoogte en duur (9)');
    topic.value = 'ontslag';
    topic.dispatchEvent(new Event('change'));
    await waitUntil(() =>
      titles(element).every((t) => t?.includes('vaststellingsovereenkomst') || t?.includes('fabriek')),
    );
    expect(element.topic).to.equal('ontslag');

    const status = shadow(element).querySelector<HTMLSelectElement>('#status')!;
    status.value = 'RESOLVED';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => countText(element) === '3 vragen', 'three resolved questions about ontslag');

    const search = shadow(element).querySelector<HTMLInputElement>('#search')!;
    search.value = 'fabriek';
    search.dispatchEvent(new InputEvent('input'));
    expect(countText(element)).to.equal('3 vragen');
    await waitUntil(() => countText(element) === '2 vragen gevonden voor “fabriek”', 'debounced search applied');
  });

  it('says so when nothing matches a search', async () => {
    const element = await renderList();
    const search = shadow(element).querySelector<HTMLInputElement>('#search')!;
    search.value = 'pensioenbreuk';
    search.form!.requestSubmit();
    await waitUntil(() => shadow(element).querySelector('.empty'), 'empty state');
    expect(shadow(element).querySelector('.empty')!.textContent).to.contain(
      'Geen vragen gevonden voor “pensioenbreuk”',
    );
  });

  it('shows an empty community kindly', async () => {
    worker.use(...scenarios.empty);
    const element = await renderList();
    expect(shadow(element).querySelector('.empty')!.textContent).to.contain('Stel gerust de eerste vraag');
    expect(countText(element)).to.equal('0 vragen');
  });

  it('shows a Dutch message and a working retry when the server cannot be reached', async () => {
    worker.use(...scenarios.networkError);
    const element = await renderList();
    const alert = shadow(element).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Er is geen verbinding met de community');
    worker.resetHandlers();
    resetSharedClients();
    alert.querySelector('button')!.click();
    await waitUntil(() => titles(element).length === 20, 'list after retry', { timeout: 5000 });
  });

  it('explains a community name that does not exist, without a retry button', async () => {
    worker.use(...scenarios.unknownCommunity);
    const element = await renderList();
    const alert = shadow(element).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('niet (meer) te vinden');
    expect(alert.querySelector('button') === null, 'no retry button').to.equal(true);
  });

  it('tells the web team when it has no community to talk to', async () => {
    const element = await fixture<PleinQuestions>(html`<plein-questions></plein-questions>`);
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.contain('endpoint en community');
  });

  it('works inside <plein-community> without attributes of its own, in English when the page says so', async () => {
    const wrapper = await fixture(html`
      <div lang="en">
        <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
          <plein-questions></plein-questions>
        </plein-community>
      </div>
    `);
    const element = wrapper.querySelector('plein-questions')!;
    await waitUntil(() => titles(element).length === 20, 'list inside provider');
    expect(countText(element)).to.equal('25 questions');
  });

  it('fires a cancelable plein-question-open and follows question-href when not cancelled', async () => {
    const element = await renderList(
      html`<plein-questions
        endpoint=${MOCK_ENDPOINT}
        community=${MOCK_COMMUNITY}
        question-href="/vraag/{id}"
      ></plein-questions>`,
    );
    const link = shadow(element).querySelector<HTMLAnchorElement>('[part="title"]')!;
    expect(link.getAttribute('href')).to.equal('/vraag/q1');
    element.addEventListener('plein-question-open', (event) => event.preventDefault(), { once: true });
    const opened = oneEvent<PleinQuestionOpenEvent>(element, 'plein-question-open');
    link.click();
    const event = await opened;
    expect(event.questionId).to.equal('q1');
    expect(event.defaultPrevented).to.equal(true);
    expect(location.pathname).not.to.equal('/vraag/q1');
  });

  it('opens a thread in place and goes back to the list with focus on the same question', async () => {
    const element = await renderList();
    const link = shadow(element).querySelectorAll<HTMLAnchorElement>('[part="title"]')[2]!;
    link.click();
    await waitUntil(() => shadow(element).querySelector('plein-question'), 'thread shown', { timeout: 5000 });
    const back = shadow(element).querySelector<HTMLButtonElement>('[part="back"]')!;
    await waitUntil(() => shadow(element).activeElement === back, 'focus on the back button');
    back.click();
    await waitUntil(() => titles(element).length === 20, 'list back');
    await waitUntil(() => shadow(element).activeElement?.getAttribute('data-question-id') === 'q3', 'focus restored');
  });

  it('opens the question named in the page address (#vraag-<id>, as in e-mail links) without moving focus', async () => {
    const before = location.hash;
    history.replaceState(null, '', '#vraag-q2');
    try {
      const element = await fixture<PleinQuestions>(
        html`<plein-questions endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-questions>`,
      );
      await waitUntil(() => shadow(element).querySelector('plein-question'), 'thread shown', { timeout: 5000 });
      expect(shadow(element).querySelector('plein-question')!.getAttribute('question-id')).to.equal('q2');
      expect(shadow(element).activeElement === null).to.equal(true);
    } finally {
      history.replaceState(null, '', before || location.pathname);
    }
  });

  it('is accessible in its loaded, empty and error states', async () => {
    await expect(await renderList()).to.be.accessible();
    worker.use(...scenarios.empty);
    await expect(await renderList()).to.be.accessible();
    worker.resetHandlers();
    resetSharedClients();
    worker.use(...scenarios.serverError);
    await expect(await renderList()).to.be.accessible();
  });
});
