import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, graphql, HttpResponse } from 'msw';
import { resetSharedClients } from '../../context.ts';
import '../../define/plein-community.ts';
import '../../define/plein-questions.ts';
import '../../define/plein-topics.ts';
import type { PleinTopicOpenEvent } from '../../events/topic-open.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT, mockOverview, mockSituations } from '../../mocks/fixtures.ts';
import { scenarios } from '../../mocks/handlers.ts';
import type { PleinTopics } from './topics.ts';

// The community server is mocked with msw in these tests; e2e/ runs the real one.

const api = graphql.link(MOCK_ENDPOINT);

const shadow = (element: Element) => element.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const links = (element: Element) => [...shadow(element).querySelectorAll<HTMLElement>('[part="link"]')];
const items = (element: Element) => [...shadow(element).querySelectorAll<HTMLElement>('[part="item"]')];
const alertText = (element: Element) => text(shadow(element).querySelector('[role="alert"]'));

async function renderTopics(
  template = html`<plein-topics endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-topics>`,
): Promise<PleinTopics> {
  const rendered = await fixture<HTMLElement>(template);
  const element = (
    rendered.localName === 'plein-topics' ? rendered : rendered.querySelector('plein-topics')!
  ) as PleinTopics;
  await waitUntil(() => shadow(element).querySelector('[part="list"], .empty, [role="alert"]'), 'settled', {
    timeout: 5000,
  });
  return element;
}

describe('<plein-topics>', () => {
  before(() => startMockServer());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
  });

  it('shows every situation with its explanation, its topic and how many questions there are', async () => {
    const element = await renderTopics(
      html`<plein-topics endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} heading-level="3"></plein-topics>`,
    );
    const heading = shadow(element).querySelector('[part="heading"]')!;
    expect(text(heading)).to.equal('Wat is uw situatie?');
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.getAttribute('aria-level')).to.equal('3');
    expect(links(element).map((link) => text(link))).to.deep.equal(mockSituations.map((s) => s.title));
    const first = items(element)[0]!;
    expect(text(first.querySelector('[part="description"]'))).to.equal(
      'Over het opzegverbod, loondoorbetaling en wat u wel en niet hoeft te tekenen.',
    );
    expect(text(first.querySelector('[part="meta"]'))).to.equal(
      '8 vragen Onderwerp: Ziek in dienst, loondoorbetaling en re-integratie',
    );
    // The count is part of what a screen reader hears on the button.
    const meta = shadow(element).getElementById(links(element)[0]!.getAttribute('aria-describedby')!);
    expect(text(meta)).to.contain('8 vragen');
    // A situation without an explanation shows none.
    expect(items(element)[2]!.querySelector('[part="description"]')).to.equal(null);
  });

  it('with topic-href, each situation is a real link to its topic', async () => {
    const element = await renderTopics(
      html`<plein-topics
        endpoint=${MOCK_ENDPOINT}
        community=${MOCK_COMMUNITY}
        topic-href="/onderwerp/{topic}?situatie={situation}"
      ></plein-topics>`,
    );
    const link = links(element)[1]!;
    expect(link.localName).to.equal('a');
    expect(link.getAttribute('href')).to.equal('/onderwerp/ww?situatie=deeltijd-ww');

    element.addEventListener('plein-topic-open', (event) => event.preventDefault(), { once: true });
    const opened = oneEvent<PleinTopicOpenEvent>(element, 'plein-topic-open');
    link.click();
    const event = await opened;
    expect([event.topic, event.situation, event.title]).to.deep.equal(['ww', 'deeltijd-ww', 'Ik krijg deeltijd-WW']);
    expect(event.defaultPrevented).to.equal(true);
    expect(location.pathname).not.to.equal('/onderwerp/ww');
  });

  it('without topic-href, a button fires a cancelable plein-topic-open that bubbles out of the shadow root', async () => {
    const element = await renderTopics();
    const button = links(element)[0]!;
    expect(button.localName).to.equal('button');
    const opened = oneEvent<PleinTopicOpenEvent>(document, 'plein-topic-open');
    button.click();
    const event = await opened;
    expect([event.topic, event.situation]).to.deep.equal(['ziek-in-dienst', 'ziek-baan-in-gevaar']);
    expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
  });

  it('inside <plein-community>, makes the questions next to it show the chosen topic', async () => {
    const element = await renderTopics(html`
      <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
        <plein-topics></plein-topics>
        <plein-questions></plein-questions>
      </plein-community>
    `);
    const list = element.parentElement!.querySelector('plein-questions')!;
    const topicsShown = () =>
      [...shadow(list).querySelectorAll('[part="meta"] span:first-child')].map((node) => text(node));
    await waitUntil(() => topicsShown().length > 0, 'the questions list');

    const button = links(element)[1]!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => topicsShown().every((name) => name === 'WW aanvragen, hoogte en duur'), 'only WW');
    expect(list.topic).to.equal('ww');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(text(shadow(element).querySelector('[role="status"]'))).to.equal(
      'U ziet nu de vragen over: WW aanvragen, hoogte en duur.',
    );
    expect(shadow(element).activeElement === button).to.equal(true);

    // The same situation again shows every question.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => list.topic === '', 'all topics again');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(text(shadow(element).querySelector('[role="status"]'))).to.equal('U ziet nu alle vragen.');
  });

  it('leaves the questions alone when a listener cancels the event', async () => {
    const element = await renderTopics(html`
      <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
        <plein-topics></plein-topics>
        <plein-questions topic="ontslag"></plein-questions>
      </plein-community>
    `);
    element.addEventListener('plein-topic-open', (event) => event.preventDefault());
    links(element)[1]!.click();
    await element.updateComplete;
    expect(element.parentElement!.querySelector('plein-questions')!.topic).to.equal('ontslag');
    expect(links(element)[1]!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('says it is loading while the situations are on their way', async () => {
    worker.use(
      api.query('Situations', async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const element = await fixture<PleinTopics>(
      html`<plein-topics endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-topics>`,
    );
    await waitUntil(() => shadow(element).querySelector('[aria-busy="true"]'), 'loading');
    expect(text(shadow(element).querySelector('[aria-busy="true"]'))).to.equal('Situaties laden…');
    await expect(element).to.be.accessible();
  });

  it('says so when the community has no situations yet', async () => {
    worker.use(
      api.query('Situations', () =>
        HttpResponse.json({ data: { community: { id: mockOverview.id, situations: [] } } }),
      ),
    );
    const element = await renderTopics();
    expect(text(shadow(element).querySelector('.empty'))).to.equal(
      'Er zijn nog geen situaties. Bekijk alle vragen of stel zelf een vraag.',
    );
    await expect(element).to.be.accessible();
  });

  it('says so when the situations cannot be loaded, and loads them with "Opnieuw proberen"', async () => {
    worker.use(...scenarios.networkError);
    const element = await renderTopics();
    expect(alertText(element)).to.contain('We kunnen de situaties nu niet laden.');
    expect(alertText(element)).to.contain('Er is geen verbinding met de community');
    await expect(element).to.be.accessible();
    worker.resetHandlers();
    const retry = shadow(element).querySelector<HTMLButtonElement>('[role="alert"] button')!;
    expect(text(retry)).to.equal('Opnieuw proberen');
    retry.click();
    await waitUntil(() => links(element).length === mockSituations.length, 'situations after retry');
    expect(shadow(element).querySelector('[role="alert"]')).to.equal(null);
  });

  it('offers no retry when the site may not use the community', async () => {
    worker.use(...scenarios.forbidden);
    const element = await renderTopics();
    expect(alertText(element)).to.contain('Deze website mag de community niet gebruiken.');
    expect(shadow(element).querySelector('[role="alert"] button')).to.equal(null);
  });

  it('works in English when the page says so', async () => {
    const element = await renderTopics(html`
      <div lang="en">
        <plein-topics endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-topics>
      </div>
    `);
    expect(text(shadow(element).querySelector('[part="heading"]'))).to.equal('What is your situation?');
    expect(text(shadow(element).querySelector('[part="count"]'))).to.equal('8 questions');
  });

  it('tells the web team when it has no community to talk to', async () => {
    const element = await fixture<PleinTopics>(html`<plein-topics></plein-topics>`);
    expect(alertText(element)).to.contain('endpoint en community');
  });

  it('is accessible with its situations, as links and as buttons', async () => {
    await expect(await renderTopics()).to.be.accessible();
    await expect(
      await renderTopics(
        html`<plein-topics
          endpoint=${MOCK_ENDPOINT}
          community=${MOCK_COMMUNITY}
          topic-href="/onderwerp/{topic}"
        ></plein-topics>`,
      ),
    ).to.be.accessible();
  });
});
