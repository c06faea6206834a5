import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { resetSharedClients } from '../../context.ts';
import '../../define/plein-community.ts';
import '../../define/plein-experts.ts';
import type { PleinExpertOpenEvent } from '../../events/expert-open.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { expertScenarios } from '../../mocks/expert-scenarios.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../../mocks/fixtures.ts';
import type { PleinExperts } from './experts.ts';

// The community server is mocked with msw in these tests; e2e/ runs the real one.

async function renderDirectory(
  template = html`<plein-experts endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-experts>`,
) {
  const element = await fixture<PleinExperts>(template);
  await waitUntil(() => element.shadowRoot?.querySelector('[part="list"], [part="empty"], .alert'), 'the list', {
    timeout: 5000,
  });
  return element;
}

const shadow = (element: Element) => element.shadowRoot!;
const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? null;
const text = (element: Element, selector: string) => clean(shadow(element).querySelector(selector)?.textContent);
const items = (element: Element) => [...shadow(element).querySelectorAll<HTMLElement>('[part="item"]')];
const names = (element: Element) =>
  items(element).map((item) => clean(item.querySelector('[part="name"]')?.textContent));
const itemOf = (element: Element, name: string) =>
  items(element).find((item) => clean(item.querySelector('[part="name"]')?.textContent) === name)!;
const partText = (item: Element, part: string) => clean(item.querySelector(`[part="${part}"]`)?.textContent);
const focusedExpert = (element: Element) => shadow(element).activeElement?.getAttribute('data-expert-id') ?? null;

async function chooseTopic(element: Element, slug: string): Promise<void> {
  await waitUntil(() => shadow(element).querySelectorAll('#topic option').length > 1, 'the topics');
  const select = shadow(element).querySelector<HTMLSelectElement>('#topic')!;
  select.value = slug;
  select.dispatchEvent(new Event('change'));
}

describe('<plein-experts>', () => {
  before(() => startMockServer());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
  });

  it('lists the experts with their role, independence, badge, topics and figures', async () => {
    const element = await renderDirectory();
    const heading = shadow(element).querySelector('[part="heading"]')!;
    expect([
      heading.getAttribute('role'),
      heading.getAttribute('aria-level'),
      clean(heading.textContent),
    ]).to.deep.equal(['heading', '2', 'Experts']);
    expect(names(element)).to.deep.equal([
      'Geert Heikens',
      'Sandra Kloosterhuis',
      'Marco Bakker',
      'Harm Bosma',
      'Femke Oosting',
    ]);
    const count = shadow(element).querySelector('[part="count"]')!;
    expect([count.getAttribute('role'), clean(count.textContent)]).to.deep.equal(['status', '5 experts']);

    const geert = itemOf(element, 'Geert Heikens');
    expect(partText(geert, 'role')).to.equal('Onafhankelijk arbeidsadviseur, Heikens Arbeidsadvies');
    expect(partText(geert, 'independence')).to.equal('Onafhankelijk: werkt niet voor UWV of de gemeente');
    expect(partText(geert, 'verified-badge')).to.equal('Geverifieerde expert');
    expect(partText(geert, 'verified-until')).to.equal('Gecontroleerd tot 1 maart 2027');
    expect(geert.querySelector('img')!.getAttribute('alt')).to.contain('Foto van Geert Heikens');
    expect(partText(geert, 'stats')).to.equal('48 antwoorden gegeven Antwoordt meestal binnen 3 uur');
    // Each name is a heading one level below the list's, so screen reader users can jump from expert to expert.
    expect(geert.querySelector('.card-heading')!.getAttribute('aria-level')).to.equal('3');

    const sandra = itemOf(element, 'Sandra Kloosterhuis');
    expect(partText(sandra, 'independence')).to.equal('Werkt voor de gemeente');
    expect(partText(sandra, 'role')).to.equal('Klantmanager, ISD Noordoost');
    expect(sandra.querySelector('[part="initials"]')!.getAttribute('aria-hidden')).to.equal('true');
    expect(partText(itemOf(element, 'Marco Bakker'), 'independence')).to.equal('Werkt voor UWV');

    const femke = itemOf(element, 'Femke Oosting');
    expect(femke.querySelector('[part="verified-badge"]')).to.equal(null);
    expect(femke.querySelector('[part="independence"]')).to.equal(null);
    expect(text(element, '[part="shown"]')).to.equal('5 van 5 experts getoond');
    await expect(element).to.be.accessible();
  });

  it('filters by topic, reflects it in the topic attribute, and says how many there are', async () => {
    const element = await renderDirectory();
    await chooseTopic(element, 'ww');
    await waitUntil(() => names(element).length === 2, 'the experts for WW');
    expect(element.getAttribute('topic')).to.equal('ww');
    expect(names(element)).to.deep.equal(['Sandra Kloosterhuis', 'Marco Bakker']);
    expect(text(element, '[part="count"]')).to.equal('2 experts voor WW aanvragen, hoogte en duur');
    await expect(element).to.be.accessible();

    await chooseTopic(element, '');
    await waitUntil(() => names(element).length === 5, 'all experts again');
    expect(element.hasAttribute('topic') && element.getAttribute('topic') !== '').to.equal(false);
  });

  it('starts with the topic attribute, and can hide the filter', async () => {
    const element = await renderDirectory(
      html`<plein-experts
        endpoint=${MOCK_ENDPOINT}
        community=${MOCK_COMMUNITY}
        topic="ontslag"
        hide-filters
      ></plein-experts>`,
    );
    expect(names(element)).to.deep.equal(['Geert Heikens', 'Marco Bakker', 'Harm Bosma']);
    expect(shadow(element).querySelector('[part="filters"]')).to.equal(null);
    expect(partText(itemOf(element, 'Harm Bosma'), 'independence')).to.equal('Werkt voor een vakbond (FNV)');
  });

  it('loads more with the keyboard and puts focus on the first new expert', async () => {
    worker.use(...expertScenarios.directoryLong);
    const element = await renderDirectory();
    expect(items(element)).to.have.length(20);
    expect(text(element, '[part="shown"]')).to.equal('20 van 30 experts getoond');
    const more = shadow(element).querySelector<HTMLButtonElement>('[part="more"]')!;
    expect(clean(more.textContent)).to.equal('Meer experts laden');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => items(element).length === 30, 'the second page', { timeout: 5000 });
    await waitUntil(() => focusedExpert(element) === 'x21', 'focus on the first new expert');
    expect(shadow(element).querySelector('[part="more"]')).to.equal(null);
    expect(text(element, '[part="shown"]')).to.equal('30 van 30 experts getoond');
  });

  it('links to the host’s profile pages with expert-href, after a cancelable plein-expert-open', async () => {
    const element = await renderDirectory(
      html`<plein-experts
        endpoint=${MOCK_ENDPOINT}
        community=${MOCK_COMMUNITY}
        expert-href="/expert/{id}"
      ></plein-experts>`,
    );
    const link = itemOf(element, 'Sandra Kloosterhuis').querySelector<HTMLAnchorElement>('[part="name"]')!;
    expect(link.getAttribute('href')).to.equal('/expert/e2');
    element.addEventListener('plein-expert-open', (event) => event.preventDefault(), { once: true });
    const opened = oneEvent(element, 'plein-expert-open') as Promise<PleinExpertOpenEvent>;
    link.click();
    const event = await opened;
    expect([event.expertId, event.displayName, event.cancelable, event.bubbles, event.composed]).to.deep.equal([
      'e2',
      'Sandra Kloosterhuis',
      true,
      true,
      true,
    ]);
    expect(location.pathname).not.to.equal('/expert/e2');
  });

  it('opens a profile in place without expert-href, and the way back returns focus to the same expert', async () => {
    const element = await renderDirectory();
    const link = itemOf(element, 'Marco Bakker').querySelector<HTMLAnchorElement>('[part="name"]')!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(element).querySelector('plein-expert'), 'the profile');
    const profile = shadow(element).querySelector('plein-expert')!;
    expect(profile.getAttribute('expert-id')).to.equal('e3');
    const back = shadow(element).querySelector<HTMLButtonElement>('[part="back"]')!;
    await waitUntil(() => shadow(element).activeElement === back, 'focus on the way back');
    expect(clean(back.textContent)).to.equal('← Terug naar alle experts');
    await waitUntil(() => profile.shadowRoot?.querySelector('[part="name"]'), 'the profile loaded', { timeout: 5000 });
    expect(clean(profile.shadowRoot!.querySelector('[part="independence"]')!.textContent)).to.equal('Werkt voor UWV');
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedExpert(element) === 'e3', 'focus back on the expert');
  });

  it('leaves the profile to the host when it cancels plein-expert-open', async () => {
    const element = await renderDirectory();
    element.addEventListener('plein-expert-open', (event) => event.preventDefault());
    itemOf(element, 'Geert Heikens').querySelector<HTMLAnchorElement>('[part="name"]')!.click();
    await element.updateComplete;
    expect(shadow(element).querySelector('plein-expert')).to.equal(null);
    expect(names(element)).to.have.length(5);
  });

  it('says so when there are no experts, for the community or for a topic', async () => {
    worker.use(...expertScenarios.directoryEmpty);
    const element = await renderDirectory();
    expect(text(element, '[part="empty"]')).to.equal('Er zijn nog geen experts in deze community.');
    expect(text(element, '[part="count"]')).to.equal('0 experts');
    await expect(element).to.be.accessible();
    const topic = await renderDirectory(
      html`<plein-experts endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} topic="ww"></plein-experts>`,
    );
    expect(text(topic, '[part="empty"]')).to.equal(
      'Er zijn nog geen experts voor dit onderwerp. Kies een ander onderwerp.',
    );
  });

  it('says it is loading, never a blank box', async () => {
    worker.use(...expertScenarios.directorySlow);
    const element = await fixture<PleinExperts>(
      html`<plein-experts endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-experts>`,
    );
    await waitUntil(() => shadow(element).querySelector('.loading'), 'the loading text');
    const loading = shadow(element).querySelector('.loading')!;
    expect([clean(loading.textContent), loading.getAttribute('aria-busy')]).to.deep.equal(['Experts laden…', 'true']);
    await expect(element).to.be.accessible();
  });

  it('shows a Dutch message and a working retry when the server cannot be reached', async () => {
    worker.use(...expertScenarios.directoryNetworkError);
    const element = await renderDirectory();
    const alert = shadow(element).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Er is geen verbinding met de community');
    await expect(element).to.be.accessible();
    worker.resetHandlers();
    alert.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => items(element).length === 5, 'the list after a retry', { timeout: 5000 });
  });

  it('speaks English on an English page, and works inside <plein-community>', async () => {
    const wrapper = await fixture(
      html`<div lang="en">
        <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
          <plein-experts></plein-experts>
        </plein-community>
      </div>`,
    );
    const element = wrapper.querySelector('plein-experts')!;
    await waitUntil(() => items(element).length === 5, 'the list', { timeout: 5000 });
    expect(text(element, '[part="heading"]')).to.equal('Experts');
    expect(text(element, '[part="count"]')).to.equal('5 experts');
    expect(partText(itemOf(element, 'Sandra Kloosterhuis'), 'independence')).to.equal('Works for the municipality');
    expect(partText(itemOf(element, 'Geert Heikens'), 'stats')).to.equal(
      '48 answers given Usually answers within 3 hours',
    );
    expect(clean(shadow(element).querySelector('label[for="topic"]')!.textContent)).to.equal('Topic');
  });

  it('tells the web team what is missing', async () => {
    const bare = await fixture(html`<plein-experts></plein-experts>`);
    expect(text(bare, '[role="alert"]')).to.contain('endpoint en community');
  });
});
