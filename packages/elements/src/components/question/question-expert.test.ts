import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AnswerNode } from '@plein/client';
import { graphql, HttpResponse } from 'msw';
import { resetSharedClients } from '../../context.ts';
import '../../define/plein-question.ts';
import type { PleinExpertOpenEvent } from '../../events/expert-open.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT, mockAnswers, mockThread } from '../../mocks/fixtures.ts';
import type { PleinQuestion } from './question.ts';

// The expert answers in a thread: their marks, source, review date, note and profile link. The community server is
// mocked with msw in these tests; e2e/ runs the real one.

const NOTE =
  'Dit is algemene informatie, geen persoonlijk juridisch advies. Wilt u advies over uw eigen situatie? Neem contact op met een adviseur.';

async function renderThread(
  template = html`<plein-question
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    question-id="q1"
  ></plein-question>`,
) {
  const element = await fixture<PleinQuestion>(template);
  await waitUntil(() => element.shadowRoot?.querySelector('[part~="answer"], .alert'), 'the thread settles', {
    timeout: 5000,
  });
  return element;
}

const shadow = (element: Element) => element.shadowRoot!;
const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? null;
const answerById = (element: Element, id: string) =>
  shadow(element).querySelector<HTMLElement>(`[data-answer-id="${id}"]`)!;
const answerIds = (element: Element) =>
  [...shadow(element).querySelectorAll<HTMLElement>('[part~="answer"]')].map((answer) => answer.dataset.answerId);
const partText = (answer: Element, part: string) => clean(answer.querySelector(`[part="${part}"]`)?.textContent);

const api = graphql.link(MOCK_ENDPOINT);

/** A thread whose answers come from the server in exactly this order. */
function serveThread(answers: AnswerNode[]) {
  worker.use(api.query('QuestionThread', () => HttpResponse.json({ data: { question: mockThread('q1', answers) } })));
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('<plein-question>: expert answers', () => {
  before(() => startMockServer());
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    localStorage.clear();
  });

  it('marks a verified expert, links the source by its site, shows the review date and the note', async () => {
    const element = await renderThread();
    const answer = answerById(element, 'a1');
    expect(clean(answer.querySelector('.badge.expert')!.textContent)).to.equal('Expert (geverifieerd)');
    expect(answer.querySelector('.badge.expert .visually-hidden')).not.to.equal(null);
    expect(partText(answer, 'answer-author')).to.equal(
      'Geert Heikens Onafhankelijk arbeidsadviseur, Heikens Arbeidsadvies Onafhankelijk: werkt niet voor UWV of de gemeente',
    );

    const source = answer.querySelector('[part="answer-source"]')!;
    expect(clean(source.textContent)).to.equal('Bron: wetten.overheid.nl');
    const link = source.querySelector('a')!;
    expect([link.getAttribute('href'), link.getAttribute('rel'), link.getAttribute('target')]).to.deep.equal([
      'https://wetten.overheid.nl/BWBR0005290/2026-01-01#Boek7_Titeldeel10_Afdeling9_Artikel670',
      'nofollow ugc noopener noreferrer',
      null,
    ]);

    const reviewed = answer.querySelector('[part="answer-reviewed"] time')!;
    expect([reviewed.getAttribute('datetime'), clean(reviewed.textContent)]).to.deep.equal([
      '2026-11-12',
      'Gecontroleerd op 12 november 2026',
    ]);
    expect(partText(answer, 'expert-note')).to.equal(NOTE);
    // The note comes after the answer's text, where it is read in context.
    const order = [...answer.querySelectorAll('[part]')].map((node) => node.getAttribute('part'));
    expect(order.indexOf('expert-note')).to.be.greaterThan(order.indexOf('answer-body'));
    await expect(element).to.be.accessible();
  });

  it('always shows the note under an expert answer, also without a source, and never under a peer’s', async () => {
    const element = await renderThread();
    const klantmanager = answerById(element, 'a2');
    expect(partText(klantmanager, 'expert-note')).to.equal(NOTE);
    expect(klantmanager.querySelector('[part="answer-source"]')).to.equal(null);
    expect(klantmanager.querySelector('[part="answer-reviewed"]')).to.equal(null);
    expect(partText(klantmanager, 'answer-author')).to.equal(
      'Sandra Kloosterhuis Klantmanager, ISD Noordoost Werkt voor de gemeente',
    );
    const peer = answerById(element, 'a3');
    expect(peer.querySelector('[part="expert-note"]')).to.equal(null);
    expect(peer.querySelector('[part="expert-link"]')).to.equal(null);
  });

  it('names the independence in the same four ways as the expert’s profile', async () => {
    const [geert] = mockAnswers;
    const expert = geert!.author.expert!;
    const answerBy = (id: string, facts: Partial<typeof expert>): AnswerNode => ({
      ...geert!,
      id,
      isAccepted: false,
      author: { ...geert!.author, expert: { ...expert, id: `e-${id}`, ...facts } },
    });
    serveThread([
      answerBy('independent', {}),
      answerBy('municipality', { independent: false, independence: 'MUNICIPALITY', organisation: 'ISD Noordoost' }),
      answerBy('uwv', { independent: false, independence: 'UWV', organisation: 'Werkplein Eemsdelta' }),
      answerBy('other', {
        independent: false,
        independence: 'OTHER',
        independenceNote: 'een vakbond (FNV)',
        organisation: 'FNV',
      }),
    ]);
    const element = await renderThread();
    const statement = (id: string) => clean(answerById(element, id).querySelector('.independence')?.textContent);
    expect(['independent', 'municipality', 'uwv', 'other'].map(statement)).to.deep.equal([
      'Onafhankelijk: werkt niet voor UWV of de gemeente',
      'Werkt voor de gemeente',
      'Werkt voor UWV',
      'Werkt voor een vakbond (FNV)',
    ]);
  });

  it('shows the profile under the answer from "Profiel van …", and hides it again', async () => {
    const element = await renderThread();
    const answer = answerById(element, 'a1');
    const button = answer.querySelector<HTMLButtonElement>('[part="expert-link"]')!;
    expect([button.tagName, clean(button.textContent), button.getAttribute('aria-expanded')]).to.deep.equal([
      'BUTTON',
      'Profiel van Geert Heikens',
      'false',
    ]);
    const opened = oneEvent(element, 'plein-expert-open') as Promise<PleinExpertOpenEvent>;
    button.focus();
    await sendKeys({ press: 'Enter' });
    const event = await opened;
    expect([event.expertId, event.displayName, event.cancelable, event.composed]).to.deep.equal([
      'e1',
      'Geert Heikens',
      true,
      true,
    ]);
    await waitUntil(() => answer.querySelector('plein-expert'), 'the profile under the answer');
    const profile = answer.querySelector('plein-expert')!;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.getAttribute('aria-controls')).to.equal(answer.querySelector('[part="expert-profile"]')!.id);
    await waitUntil(() => profile.shadowRoot?.querySelector('[part="name"]'), 'the profile loaded', { timeout: 5000 });
    // Under the answers heading (level 3): the profile's name one level lower.
    expect(profile.shadowRoot!.querySelector('[part="name"]')!.getAttribute('aria-level')).to.equal('4');
    expect(clean(profile.shadowRoot!.querySelector('[part="verified-badge"]')!.textContent)).to.equal(
      'Geverifieerde expert',
    );
    await expect(element).to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !answer.querySelector('plein-expert'), 'the profile hidden');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(element).activeElement).to.equal(button);
  });

  it('leaves the profile to the host when it cancels plein-expert-open', async () => {
    const element = await renderThread();
    element.addEventListener('plein-expert-open', (event) => event.preventDefault());
    const answer = answerById(element, 'a2');
    answer.querySelector<HTMLButtonElement>('[part="expert-link"]')!.click();
    await element.updateComplete;
    expect(answer.querySelector('plein-expert')).to.equal(null);
    expect(answer.querySelector('[part="expert-link"]')!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('links to the host’s profile pages with expert-href', async () => {
    const element = await renderThread(
      html`<plein-question
        endpoint=${MOCK_ENDPOINT}
        community=${MOCK_COMMUNITY}
        question-id="q1"
        expert-href="/expert/{id}"
      ></plein-question>`,
    );
    const link = answerById(element, 'a2').querySelector<HTMLAnchorElement>('[part="expert-link"]')!;
    expect([link.tagName, link.getAttribute('href'), clean(link.textContent)]).to.deep.equal([
      'A',
      '/expert/e2',
      'Profiel van Sandra Kloosterhuis',
    ]);
    element.addEventListener('plein-expert-open', (event) => event.preventDefault(), { once: true });
    const opened = oneEvent(element, 'plein-expert-open') as Promise<PleinExpertOpenEvent>;
    link.click();
    expect((await opened).expertId).to.equal('e2');
    expect(location.pathname).not.to.equal('/expert/e2');
  });

  it('keeps the server’s order: expert answers first, staff with the peers by time, also after an expiry', async () => {
    const [geert, sandra, henk] = mockAnswers;
    const expired = {
      ...sandra!,
      id: 'a-expired',
      createdAt: minutesAgo(240),
      author: {
        ...sandra!.author,
        expert: {
          ...sandra!.author.expert!,
          verified: false,
          independent: false,
          independence: null,
          independenceNote: null,
        },
      },
    };
    const staff = {
      ...henk!,
      id: 'a-staff',
      createdAt: minutesAgo(60),
      author: { displayName: 'Redactie WerkNet', role: 'STAFF' as const, expert: null },
    };
    const peer = { ...henk!, id: 'a-peer', createdAt: minutesAgo(120) };
    serveThread([{ ...geert!, isAccepted: false }, expired, peer, staff]);
    const element = await renderThread();
    expect(answerIds(element)).to.deep.equal(['a1', 'a-expired', 'a-peer', 'a-staff']);
    // An expired verification drops the mark, but the answer still carries the note and the way to the profile.
    const answer = answerById(element, 'a-expired');
    expect([answer.getAttribute('part'), answer.hasAttribute('data-expert')]).to.deep.equal(['answer', false]);
    expect(answer.querySelector('.badge.expert')).to.equal(null);
    expect(partText(answer, 'expert-note')).to.equal(NOTE);
    expect(partText(answer, 'answer-author')).to.equal('Sandra Kloosterhuis Klantmanager, ISD Noordoost');
    await expect(element).to.be.accessible();
  });

  it('shows a source only when it is a web address', async () => {
    const [geert] = mockAnswers;
    serveThread([{ ...geert!, sourceUrl: 'javascript:alert(1)', reviewedOn: null }]);
    const element = await renderThread();
    const answer = answerById(element, 'a1');
    expect(answer.querySelector('[part="answer-source"]')).to.equal(null);
    expect(answer.querySelector('a[href^="javascript"]')).to.equal(null);
    expect(partText(answer, 'expert-note')).to.equal(NOTE);
  });

  it('shows the site without "www." and speaks English on an English page', async () => {
    const [geert] = mockAnswers;
    serveThread([{ ...geert!, sourceUrl: 'https://www.uwv.nl/nl/ww/ik-word-ziek' }]);
    const wrapper = await fixture(
      html`<div lang="en">
        <plein-question endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} question-id="q1"></plein-question>
      </div>`,
    );
    const element = wrapper.querySelector('plein-question')!;
    await waitUntil(() => shadow(element).querySelector('[data-answer-id="a1"]'), 'the thread', { timeout: 5000 });
    const answer = answerById(element, 'a1');
    expect(partText(answer, 'answer-source')).to.equal('Source: uwv.nl');
    expect(clean(answer.querySelector('[part="answer-reviewed"]')!.textContent)).to.equal(
      'Checked on November 12, 2026',
    );
    expect(partText(answer, 'expert-note')).to.equal(
      'This is general information, not personal legal advice. Would you like advice about your own situation? Contact an advisor.',
    );
    expect(clean(answer.querySelector('.badge.expert')!.textContent)).to.equal('Expert (verified)');
    expect(partText(answer, 'expert-link')).to.equal('Profile of Geert Heikens');
  });
});
