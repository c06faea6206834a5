import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { resetSharedClients } from '../../src/context.ts';
import '../../src/define/plein-ask.ts';
import '../../src/define/plein-expert-inbox.ts';
import '../../src/define/plein-expert.ts';
import '../../src/define/plein-experts.ts';
import '../../src/define/plein-moderation.ts';
import '../../src/define/plein-my-questions.ts';
import '../../src/define/plein-question.ts';
import '../../src/define/plein-questions.ts';
import '../../src/define/plein-topics.ts';
import { startMockServer, worker } from '../../src/mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../../src/mocks/fixtures.ts';
import { signInMockAdmin } from '../../src/mocks/moderation.ts';
import { signInMockAccount, signOutMockAccounts } from '../../src/mocks/professionals.ts';
import {
  deepElements,
  injectionProblems,
  installCanary,
  letPayloadsFire,
  shapeOf,
  showsText,
  Tally,
  unmarkedLinks,
} from './xss-inspect.ts';
import { xssPayloads } from './xss-payloads.ts';
import {
  ALL_TOPICS_COMMUNITY,
  arrivingAnswer,
  askMarker,
  type Corpus,
  corpusHandlers,
  type CorpusOptions,
  harmlessCorpus,
  heldAnswerToken,
  multiLiveServer,
  myPublications,
  payloadCorpus,
  expertId,
  questionId,
  SIMILAR_BATCH,
} from './xss-server.ts';

/*
 * Every XSS payload in every user-written text field, rendered by every element in Chromium. Per element: first a
 * rendering with harmless text records which tags and attributes the element uses (the allowlist); then the same
 * rendering with the payloads must stay inside it, run nothing, carry no event handler or script URL, link only to
 * http(s) addresses with rel="nofollow ugc noopener", and show each payload as the text it is.
 */

const payloads = xssPayloads.map((payload) => payload.text);
const COUNT = payloads.length;
const canary = installCanary();
const tally = new Tally();
/** Links to web addresses without rel="nofollow ugc noopener", with how often each was rendered; checked last. */
const linksNotMarked = new Map<string, number>();
/** Requests for what a payload points at (`<img src=x>`, example.org): only an injected element would make one. */
const resourceRequests: string[] = [];

const shadow = (element: Element) => element.shadowRoot!;
const all = <T extends Element = HTMLElement>(root: Element | ShadowRoot, selector: string) => [
  ...root.querySelectorAll<T>(selector),
];
const range = (count: number) => Array.from({ length: count }, (_, i) => i);
const indices = range(COUNT);
/**
 * Topics in the selects of elements rendered once per payload (the asker's edit form in each thread): every topic
 * name is rendered elsewhere, and 168 selects of 168 long names would only make the test slow.
 */
const TOPICS_IN_FORMS = 8;
/**
 * Items in the harmless rendering: enough for every kind of item (status, publication, claim, photo) to show, and
 * fewer than the payloads, since the allowlist depends on the kinds of items, not on their number.
 */
const HARMLESS_COUNT = 24;

/** What ran, by payload name: short to print when a test fails. */
const ranPayloads = () => [
  ...[...canary.ran].map((index) => `${index}: ${xssPayloads[index]?.name ?? 'unknown'}`),
  ...canary.dialogs,
];

/** Whether the text, parsed as HTML, makes any element (parsing into a template runs nothing). */
function createsElements(text: string): boolean {
  const template = document.createElement('template');
  template.innerHTML = text;
  return template.content.querySelector('*') !== null;
}

/** What a careless linkifier takes for an address: anything with a scheme. */
const anyAddress = /(?:https?|javascript|data|vbscript):[^\s<>"']+/gi;

/**
 * What a careless element would render: the text as HTML, and a link without rel for everything that looks like an
 * address. Built in a document without a window, where nothing loads or runs, for the checks' self-test.
 */
function unsafeRenderings(texts: readonly string[]): Element[] {
  const inert = document.implementation.createHTMLDocument('');
  return texts.map((text) => {
    const host = inert.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p part="text"></p><p part="links"></p>';
    root.firstElementChild!.innerHTML = text;
    for (const [address] of text.matchAll(anyAddress)) {
      const link = inert.createElement('a');
      link.href = address;
      link.textContent = address;
      root.lastElementChild!.append(link);
    }
    return host;
  });
}

/** Collects every text that is not where it belongs, so a failure lists them all at once. */
class Expectations {
  readonly missing: string[] = [];
  shows(node: Element | null | undefined, text: string, what: string): void {
    if (!showsText(node, text)) this.missing.push(`${what}: ${JSON.stringify(text.slice(0, 60))}`);
  }
  equals(actual: string | null | undefined, text: string, what: string): void {
    if (actual !== text) this.missing.push(`${what}: ${JSON.stringify(text.slice(0, 60))}`);
  }
}

interface Scenario {
  /** The fields of the element that hold user text in this rendering, for the figures. */
  fields: readonly string[];
  /** How the mocked community answers besides the corpus (which threads are published). */
  options?: CorpusOptions;
  /** Anything to set up before rendering (storage, a session, a socket), for both corpora. */
  prepare?(): void;
  /** Renders and waits until the element shows all of the corpus; returns the element(s). */
  render(corpus: Corpus): Promise<Element[]>;
  /** Puts each text where it belongs: the payload's text shows as text. */
  check(hosts: Element[], corpus: Corpus, expectations: Expectations): void;
}

/**
 * Renders with harmless text for the allowlist, then with the payloads, and checks the payload rendering. The
 * harmless rendering must pass the same checks: it proves they do not fail on what every element normally renders.
 * Links without rel="nofollow ugc noopener" are checked last, so that such a link does not hide anything else.
 */
async function renderEverywhere(element: string, scenario: Scenario): Promise<void> {
  const started = performance.now();
  const harmless = harmlessCorpus(HARMLESS_COUNT);
  scenario.prepare?.();
  worker.use(...corpusHandlers(harmless, scenario.options));
  const plain = await scenario.render(harmless);
  const allowed = shapeOf(...plain);
  expect(plain.flatMap((host) => injectionProblems(host, allowed)).slice(0, 10), 'harmless text').to.deep.equal([]);
  const plainExpectations = new Expectations();
  scenario.check(plain, harmless, plainExpectations);
  expect(plainExpectations.missing.slice(0, 10), 'harmless text shows').to.deep.equal([]);
  const unmarked = plain.flatMap((host) => unmarkedLinks(host));
  fixtureCleanup();
  worker.resetHandlers();
  resetSharedClients();
  // Nothing of the harmless rendering may carry over: drafts, tokens, flags and sessions are stored.
  localStorage.clear();
  sessionStorage.clear();

  canary.reset();
  resourceRequests.length = 0;
  scenario.prepare?.();
  worker.use(...corpusHandlers(payloadCorpus(payloads), scenario.options));
  const hosts = await scenario.render(payloadCorpus(payloads));
  await letPayloadsFire();
  expect(ranPayloads(), 'payloads that ran').to.deep.equal([]);
  expect(window.__xss, 'canary calls').to.equal(0);
  const problems = hosts.flatMap((host) => injectionProblems(host, allowed));
  expect(problems.slice(0, 20), `${problems.length} injected elements or attributes`).to.deep.equal([]);
  expect(resourceRequests, 'resources a payload asked for').to.deep.equal([]);
  const expectations = new Expectations();
  scenario.check(hosts, payloadCorpus(payloads), expectations);
  expect(expectations.missing.slice(0, 20), `${expectations.missing.length} texts not shown`).to.deep.equal([]);
  tally.add(element, scenario.fields, COUNT);
  tally.addLinks(
    element,
    hosts
      .flatMap((host) => deepElements(host))
      .filter((node) => node.localName === 'a' && /^https?:/.test(node.getAttribute('href') ?? '')).length,
  );
  console.log(`${element} (${scenario.fields.join(', ')}): ${Math.round(performance.now() - started)} ms`);

  for (const link of [...unmarked, ...hosts.flatMap((host) => unmarkedLinks(host))]) {
    const kind = `${link.where} has rel="${link.rel}", e.g. href="${link.href.slice(0, 50)}"`;
    const known = [...linksNotMarked.keys()].find((key) => key.startsWith(`${link.where} has rel="${link.rel}"`));
    linksNotMarked.set(known ?? kind, (linksNotMarked.get(known ?? kind) ?? 0) + 1);
  }
}

async function settle(what: string, condition: () => boolean, timeout = 60_000): Promise<void> {
  await waitUntil(condition, what, { timeout, interval: 20 });
}

/** One `<plein-question>` per payload, question n showing text n; resolves when every thread is shown. */
async function renderThreads(count: number): Promise<HTMLElement[]> {
  const root = await fixture(
    html`<div>
      ${range(count).map(
        (i) =>
          html`<plein-question
            .endpoint=${MOCK_ENDPOINT}
            .community=${MOCK_COMMUNITY}
            question-id=${questionId(i)}
          ></plein-question>`,
      )}
    </div>`,
  );
  const threads = all(root, 'plein-question');
  await settle('every thread', () => threads.every((thread) => shadow(thread).querySelector('[part="title"]')));
  return threads;
}

/** This device asked every question (it keeps their owner tokens). */
function actAsAsker(): void {
  for (const i of indices) localStorage.setItem(`plein:owner:${questionId(i)}`, `owner-${questionId(i)}`);
}

function fill(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('XSS: user text is rendered as text by every element', function () {
  // Each test renders an element with every payload in every field, far more than a usual element test; on a loaded
  // 2-core machine 168 threads took over 20 s to settle, so the limits are generous (only a failure waits this long).
  this.timeout(240_000);

  before(async () => {
    await startMockServer();
    worker.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname === '/x' || url.hostname.endsWith('example.org')) resourceRequests.push(request.url);
    });
  });
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    canary.reset();
  });
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    signOutMockAccounts();
    localStorage.clear();
    sessionStorage.clear();
  });
  after(() => {
    console.log(tally.report(COUNT));
    expect(window.__xss, 'the canary, after every test').to.equal(0);
  });

  it(`has at least 100 payloads, each of which calls the canary when it runs (${COUNT})`, async () => {
    expect(COUNT).to.be.at.least(100);
    expect(new Set(payloads).size, 'no payload twice').to.equal(COUNT);
    // Each payload runs on its own page, as raw HTML: the canary must see the classic ones, or it would see nothing.
    const frames = xssPayloads.map((payload) => {
      const frame = document.createElement('iframe');
      frame.srcdoc =
        '<script>window.xss = (n) => parent.xss(n); window.alert = window.confirm = window.prompt = () => 0;</script>' +
        payload.text;
      frame.style.cssText = 'position:absolute;inline-size:10px;block-size:10px;opacity:0';
      return frame;
    });
    // `<img src=x>` fails at once, without a warning about an unknown address.
    worker.use(http.get('/x', () => HttpResponse.error()));
    const loaded = frames.map((frame) => new Promise((resolve) => frame.addEventListener('load', resolve)));
    document.body.append(...frames);
    await Promise.all(loaded);
    await letPayloadsFire(500);
    const ran = new Set(canary.ran);
    for (const frame of frames) frame.remove();
    const parsed = payloads.filter(createsElements).length;
    console.log(
      `XSS payloads: ${COUNT}; ${ran.size} run when put into a page as raw HTML, ${parsed} create elements when ` +
        `parsed as HTML; the rest target attributes, URLs, templates and linkifiers.`,
    );
    const named = (name: string) => xssPayloads.find((payload) => payload.name === name)!.index;
    for (const name of ['script tag', 'img onerror, unquoted', 'svg onload', 'details ontoggle', 'iframe srcdoc']) {
      expect(ran.has(named(name)), `"${name}" runs as raw HTML`).to.equal(true);
    }
    canary.reset();
    resourceRequests.length = 0;
  });

  it('catches an element that renders text as HTML or links any address: the checks can fail', () => {
    const allowed = shapeOf(...unsafeRenderings(harmlessCorpus(HARMLESS_COUNT).texts));
    const hosts = unsafeRenderings(payloads);
    const caught = indices.filter((i) => injectionProblems(hosts[i]!, allowed).length > 0);
    // Caught as injected: markup, and links to anything but a web address (those are caught by their rel, below).
    const scriptLink = (text: string) => [...text.matchAll(anyAddress)].some(([address]) => !/^https?:/i.test(address));
    const expected = indices.filter((i) => createsElements(payloads[i]!) || scriptLink(payloads[i]!));
    const unmarked = hosts.filter((host) => unmarkedLinks(host).length > 0).length;
    console.log(
      `Self-check: rendered as HTML, with every address linked, ${caught.length} of ${COUNT} payloads are caught; ` +
        `${unmarked} renderings have a link without rel="nofollow ugc noopener".`,
    );
    expect(
      expected.filter((i) => !caught.includes(i)).map((i) => xssPayloads[i]!.name),
      'missed',
    ).to.deep.equal([]);
    expect(unmarked, 'links without rel').to.be.greaterThan(0);
  });

  it('<plein-questions>: titles, pseudonyms and topic names', async () => {
    await renderEverywhere('plein-questions', {
      fields: ['question title', 'pseudonym', 'topic name'],
      async render({ texts }) {
        const element = await fixture(
          html`<plein-questions .endpoint=${MOCK_ENDPOINT} .community=${MOCK_COMMUNITY}></plein-questions>`,
        );
        await settle('every question and topic', () => {
          const root = shadow(element);
          return (
            all(root, '[part="item"]').length === texts.length && all(root, '#topic option').length === texts.length + 1
          );
        });
        return [element];
      },
      check([element], { texts }, want) {
        const items = all(shadow(element!), '[part="item"]');
        const options = all(shadow(element!), '#topic option').slice(1);
        for (const i of range(texts.length)) {
          want.equals(items[i]!.querySelector('[part="title"]')!.textContent, texts[i]!, `title ${i}`);
          want.shows(items[i]!.querySelector('[part="meta"]'), `Gevraagd door ${texts[i]}`, `author ${i}`);
          want.shows(items[i]!.querySelector('[part="meta"] span'), texts[i]!, `topic ${i}`);
          want.shows(options[i], texts[i]!, `topic option ${i}`);
        }
      },
    });
  });

  it("<plein-question>: the thread, its answers (held, live, flagged), the expert's profile, the asker's edit form", async () => {
    let live: ReturnType<typeof multiLiveServer>;
    await renderEverywhere('plein-question', {
      fields: [
        'question title',
        'question body',
        'pseudonym',
        'answer body',
        'expert name',
        'expert title',
        'expert organisation',
        'independence note',
        'topic name',
        'source URL',
        'flag note',
      ],
      // Each thread's edit form lists the topics: the topic names are rendered in every thread's meta already.
      options: { topics: TOPICS_IN_FORMS },
      prepare() {
        // This device asked every question and wrote a held answer to each.
        actAsAsker();
        for (const i of indices) {
          localStorage.setItem(`plein:answers:${questionId(i)}`, JSON.stringify([heldAnswerToken(i)]));
        }
        live = multiLiveServer();
        worker.use(live.handler);
      },
      async render(corpus) {
        const threads = await renderThreads(corpus.texts.length);
        await settle('every thread with its answers and held answer', () =>
          threads.every((thread) => all(shadow(thread), '[part~="answer"]').length === 4),
        );
        // The asker's edit form: the title and text in fields, the topics (with their names) in a select.
        for (const thread of threads) shadow(thread).querySelector<HTMLButtonElement>('#edit')!.click();
        await settle('every edit form with its topics', () =>
          threads.every((thread) => all(shadow(thread), '#edit-topic option').length === TOPICS_IN_FORMS),
        );
        // The expert's profile under the first expert answer.
        for (const thread of threads) shadow(thread).querySelector<HTMLButtonElement>('[part~="expert-link"]')!.click();
        // A flag on the first answer, with text n typed as its note.
        for (const thread of threads)
          shadow(thread).querySelector<HTMLButtonElement>('[part~="answer"] [part="flag"]')!.click();
        await settle('every flag form', () => threads.every((thread) => shadow(thread).querySelector('#flag-note')));
        threads.forEach((thread, i) => {
          shadow(thread).querySelector<HTMLInputElement>('#flag-reason-OFFENSIVE')!.click();
          fill(shadow(thread).querySelector<HTMLTextAreaElement>('#flag-note')!, corpus.texts[i]!);
        });
        // One new answer per thread over the live socket.
        await settle('every thread subscribed', () => live.subscriptions.size === corpus.texts.length);
        for (const i of range(corpus.texts.length)) live.publish(arrivingAnswer(corpus, i));
        await settle('every live answer and profile', () =>
          threads.every(
            (thread) =>
              all(shadow(thread), '[part~="new-answer"]').length === 1 &&
              shadow(thread).querySelector('[part="announcer"]')!.textContent!.trim() !== '' &&
              shadow(thread).querySelector('plein-expert')?.shadowRoot?.querySelector('[part="name"]'),
          ),
        );
        return threads;
      },
      check(threads, { texts, urls }, want) {
        threads.forEach((thread, i) => {
          const root = shadow(thread);
          const text = texts[i]!;
          want.shows(root.querySelector('[part="title"]'), text, `title ${i}`);
          want.shows(root.querySelector('[part="body"]'), text, `body ${i}`);
          want.shows(root.querySelector('[part="meta"]'), `Gevraagd door ${text}`, `author ${i}`);
          want.shows(root.querySelector('[part="meta"] span'), text, `topic ${i}`);
          for (const answer of all(root, '[part~="answer"]')) {
            const id = answer.dataset.answerId;
            want.shows(answer.querySelector('[part="answer-body"]'), text, `answer body ${id}`);
            want.shows(answer.querySelector('[part="answer-author"] .name'), text, `answer author ${id}`);
          }
          const independent = root.querySelector(`[data-answer-id="xss-a${i}-independent"]`);
          want.shows(independent?.querySelector('.role'), `${text}, ${text}`, `expert title and organisation ${i}`);
          want.shows(independent?.querySelector('[part~="expert-link"]'), text, `expert link ${i}`);
          const other = root.querySelector(`[data-answer-id="xss-a${i}-other"]`);
          want.shows(other?.querySelector('.independence'), text, `independence note ${i}`);
          const source = independent?.querySelector('[part="answer-source"] a');
          if (urls[i]!.startsWith('https://example.org/bron/'))
            want.equals(source?.getAttribute('href'), urls[i]!, `source ${i}`);
          const oneLine = text.replace(/[\r\n]/g, '');
          want.equals(root.querySelector<HTMLInputElement>('#edit-title')?.value, oneLine, `edit title ${i}`);
          want.equals(root.querySelector<HTMLTextAreaElement>('#flag-note')?.value, text, `flag note ${i}`);
          want.equals(root.querySelector<HTMLTextAreaElement>('#edit-body')?.value, text, `edit body ${i}`);
          all(root, '#edit-topic option').forEach((option, k) => want.shows(option, texts[k]!, `edit topic ${k}`));
          want.shows(root.querySelector('[part="announcer"]'), text, `live announcement ${i}`);
          want.shows(
            root.querySelector('plein-expert')?.shadowRoot?.querySelector('[part="bio"]'),
            text,
            `expert bio under the answer ${i}`,
          );
        });
      },
    });
  });

  it("<plein-question>: a hidden or rejected question, with the moderator's reason, for its asker", async () => {
    await renderEverywhere('plein-question', {
      fields: ['moderation reason'],
      options: { threadPublication: (i) => (i % 2 === 0 ? 'HIDDEN' : 'REJECTED') },
      prepare: actAsAsker,
      async render(corpus) {
        const threads = await renderThreads(corpus.texts.length);
        await settle('every notice', () =>
          threads.every((thread) => shadow(thread).querySelector('[part="moderation-notice"]')),
        );
        return threads;
      },
      check(threads, { texts }, want) {
        threads.forEach((thread, i) => {
          want.shows(shadow(thread).querySelector('[part="moderation-notice"]'), texts[i]!, `reason ${i}`);
        });
      },
    });
  });

  it('<plein-ask>: similar questions, topic names, and the personal-data panel over what was typed', async () => {
    /** Form n shows batch n of the similar questions, counted round. */
    const batchStart = (n: number, count: number) => (n % Math.ceil(count / SIMILAR_BATCH)) * SIMILAR_BATCH;
    await renderEverywhere('plein-ask', {
      fields: ['question title', 'question body', 'pseudonym', 'topic name'],
      options: { topics: TOPICS_IN_FORMS },
      async render(corpus) {
        // The first form is in a community with every topic; the others list a few, as the edit forms do.
        const root = await fixture(
          html`<div>
            ${range(corpus.texts.length).map(
              (i) =>
                html`<plein-ask
                  .endpoint=${MOCK_ENDPOINT}
                  .community=${i === 0 ? ALL_TOPICS_COMMUNITY : MOCK_COMMUNITY}
                ></plein-ask>`,
            )}
          </div>`,
        );
        const asks = all(root, 'plein-ask');
        const topicCount = (i: number) => (i === 0 ? corpus.texts.length : TOPICS_IN_FORMS);
        await settle('the topics in every form', () =>
          asks.every((ask, i) => all(shadow(ask), '#topic option').length === topicCount(i) + 1),
        );
        // Form n gets text n in every field, with an e-mail address for the personal-data panel to find.
        asks.forEach((ask, i) => {
          const field = (id: string) => shadow(ask).querySelector<HTMLInputElement>(`#${id}`)!;
          fill(field('title'), corpus.texts[i]!);
          fill(field('body'), `${corpus.texts[i]} ${askMarker(i)} mail mij op jan.jansen@voorbeeld.nl`);
          fill(field('displayName'), corpus.texts[i]!);
        });
        await settle('the similar questions for its text and the personal-data panel in every form', () =>
          asks.every(
            (ask, i) =>
              shadow(ask).querySelector('[part="similar-item"] a')?.textContent ===
                corpus.texts[batchStart(i, corpus.texts.length)] &&
              shadow(ask).querySelector('#body-personal-data [part="personal-data-warning"]'),
          ),
        );
        return asks;
      },
      check(asks, { texts }, want) {
        all(shadow(asks[0]!), '#topic option')
          .slice(1)
          .forEach((option, i) => want.shows(option, texts[i]!, `topic option ${i}`));
        asks.forEach((ask, i) => {
          const root = shadow(ask);
          const start = batchStart(i, texts.length);
          const links = all(root, '[part="similar-item"] a');
          texts.slice(start, start + SIMILAR_BATCH).forEach((text, k) => {
            want.equals(links[k]?.textContent, text, `similar question ${start + k} in form ${i}`);
          });
          want.shows(root.querySelector('#body-personal-data'), 'jan.jansen@voorbeeld.nl', `personal data ${i}`);
          // A one-line field drops line breaks from its value, as every browser does.
          const oneLine = texts[i]!.replace(/[\r\n]/g, '');
          want.equals(root.querySelector<HTMLInputElement>('#title')!.value, oneLine, `typed title ${i}`);
          want.equals(root.querySelector<HTMLInputElement>('#displayName')!.value, oneLine, `typed name ${i}`);
        });
      },
    });
  });

  it("<plein-my-questions>: titles and topic names; held, hidden and rejected with the moderator's reason", async () => {
    await renderEverywhere('plein-my-questions', {
      fields: ['question title', 'topic name', 'moderation reason'],
      prepare() {
        localStorage.setItem(`plein:owner:${questionId(0)}`, 'owner-xss');
      },
      async render({ texts }) {
        const element = await fixture(
          html`<plein-my-questions .endpoint=${MOCK_ENDPOINT} .community=${MOCK_COMMUNITY}></plein-my-questions>`,
        );
        const count = myPublications.length * texts.length;
        await settle('every question', () => all(shadow(element), '[part~="item"]').length === count);
        return [element];
      },
      check([element], { texts }, want) {
        all(shadow(element!), '[part~="item"]').forEach((item, k) => {
          const [i, publication] = [Math.floor(k / myPublications.length), myPublications[k % myPublications.length]!];
          const what = `${publication.toLowerCase()} ${i}`;
          want.equals(item.querySelector('[part="title"]')!.textContent, texts[i]!, `title ${what}`);
          want.shows(item.querySelector('[part="meta"] span'), texts[i]!, `topic ${what}`);
          if (publication === 'HIDDEN' || publication === 'REJECTED') {
            want.shows(item.querySelector('[part="moderation-note"]'), texts[i]!, `reason ${what}`);
          }
        });
      },
    });
  });

  it('<plein-topics>: situation titles and descriptions, topic names', async () => {
    await renderEverywhere('plein-topics', {
      fields: ['situation title', 'situation description', 'topic name'],
      async render({ texts }) {
        const element = await fixture(
          html`<plein-topics .endpoint=${MOCK_ENDPOINT} .community=${MOCK_COMMUNITY}></plein-topics>`,
        );
        await settle('every situation', () => all(shadow(element), '[part~="item"]').length === texts.length);
        return [element];
      },
      check([element], { texts }, want) {
        all(shadow(element!), '[part~="item"]').forEach((item, i) => {
          want.equals(item.querySelector('.title')!.textContent, texts[i]!, `situation title ${i}`);
          want.equals(item.querySelector('[part="description"]')!.textContent, texts[i]!, `description ${i}`);
          want.shows(item.querySelector('[part="meta"]'), texts[i]!, `topic ${i}`);
        });
      },
    });
  });

  it('<plein-expert>: name, title, organisation, bio, independence note, photo text and topics', async () => {
    await renderEverywhere('plein-expert', {
      fields: [
        'expert name',
        'expert title',
        'expert organisation',
        'expert bio',
        'independence note',
        'photo alt text',
        'topic name',
      ],
      async render({ texts }) {
        const root = await fixture(
          html`<div>
            ${range(texts.length).map(
              (i) =>
                html`<plein-expert
                  .endpoint=${MOCK_ENDPOINT}
                  .community=${MOCK_COMMUNITY}
                  expert-id=${expertId(i)}
                ></plein-expert>`,
            )}
          </div>`,
        );
        const experts = all(root, 'plein-expert');
        await settle('every profile', () => experts.every((expert) => shadow(expert).querySelector('[part="bio"]')));
        return experts;
      },
      check(experts, { texts }, want) {
        experts.forEach((expert, i) => {
          const root = shadow(expert);
          const text = texts[i]!;
          want.shows(root.querySelector('[part="name"]'), text, `name ${i}`);
          want.equals(root.querySelector('[part="title"]')?.textContent, text, `title ${i}`);
          want.equals(root.querySelector('[part="organisation"]')?.textContent, text, `organisation ${i}`);
          want.shows(root.querySelector('[part="independence"]'), text, `independence note ${i}`);
          want.equals(root.querySelector('[part="bio"]')?.textContent, text, `bio ${i}`);
          want.equals(root.querySelector('[part="topic"]')?.textContent, text, `topic ${i}`);
          if (i % 2 === 0) want.equals(root.querySelector('img')?.getAttribute('alt'), text, `photo alt ${i}`);
        });
      },
    });
  });

  it('<plein-experts>: names, titles, organisations, independence notes, photo texts and topic names', async () => {
    await renderEverywhere('plein-experts', {
      fields: [
        'expert name',
        'expert title',
        'expert organisation',
        'independence note',
        'photo alt text',
        'topic name',
      ],
      async render({ texts }) {
        const element = await fixture(
          html`<plein-experts .endpoint=${MOCK_ENDPOINT} .community=${MOCK_COMMUNITY}></plein-experts>`,
        );
        await settle('every expert, twice, and the topics', () => {
          const root = shadow(element);
          const items = all(root, '[part="item"]').length;
          return items === 2 * texts.length && all(root, '#topic option').length === texts.length + 1;
        });
        return [element];
      },
      check([element], { texts }, want) {
        const items = all(shadow(element!), '[part="item"]');
        const options = all(shadow(element!), '#topic option').slice(1);
        for (const i of range(texts.length)) {
          const [independent, other] = [items[2 * i]!, items[2 * i + 1]!];
          const text = texts[i]!;
          want.equals(independent.querySelector('[part="name"]')?.textContent, text, `name ${i}`);
          want.equals(independent.querySelector('[part="role"]')?.textContent, `${text}, ${text}`, `role ${i}`);
          want.shows(other.querySelector('[part="independence"]'), text, `independence note ${i}`);
          want.equals(other.querySelector('[part="topic"]')?.textContent, text, `topic ${i}`);
          if (i % 2 === 0) want.equals(other.querySelector('img')?.getAttribute('alt'), text, `photo alt ${i}`);
          want.shows(options[i], text, `topic option ${i}`);
        }
      },
    });
  });

  it('<plein-expert-inbox>: titles, texts, topic names and the names of experts who claimed a question', async () => {
    await renderEverywhere('plein-expert-inbox', {
      fields: ['question title', 'question body', 'topic name', 'claiming expert name'],
      prepare() {
        signInMockAccount('expert');
      },
      async render({ texts }) {
        const element = await fixture(
          html`<plein-expert-inbox .endpoint=${MOCK_ENDPOINT} .community=${MOCK_COMMUNITY}></plein-expert-inbox>`,
        );
        await settle('every question', () => all(shadow(element), '[part="item"]').length === texts.length);
        // The private questions, the agenda and the free times load on their own; both renderings must have them, or
        // the harmless one allows less than the payload one shows.
        const loaded = (...parts: string[]) =>
          parts.every((part) =>
            shadow(element).querySelector(
              part
                .split('|')
                .map((p) => `[part="${p}"]`)
                .join(','),
            ),
          );
        await settle('the private questions, appointments and free times', () =>
          loaded('private-list|private-empty', 'appointment-list|appointments-empty', 'slot-list|slots-empty'),
        );
        for (const toggle of all<HTMLButtonElement>(shadow(element), '[part="toggle"]')) toggle.click();
        await settle('every question opened', () => all(shadow(element), '[part="body"]').length === texts.length);
        return [element];
      },
      check([element], { texts }, want) {
        all(shadow(element!), '[part="item"]').forEach((item, i) => {
          const text = texts[i]!;
          want.shows(item.querySelector('[part="toggle"]'), text, `title ${i}`);
          want.equals(item.querySelector('[part="body"]')?.textContent, text, `body ${i}`);
          want.shows(item.querySelector('[part="meta"] span'), text, `topic ${i}`);
          if (i % 2 === 1) want.shows(item.querySelector('[part~="claim"]'), text, `claimed by ${i}`);
        });
      },
    });
  });

  it('<plein-moderation>: the queue (texts, flag notes, findings, redact and block forms) and the audit log', async () => {
    const itemKey = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '-');
    await renderEverywhere('plein-moderation', {
      fields: [
        'question title',
        'question body',
        'answer body',
        'pseudonym',
        'topic name',
        'flag note',
        'pipeline finding',
        'moderation reason',
        'audit detail',
        'staff name',
      ],
      prepare: signInMockAdmin,
      async render({ texts }) {
        const root = await fixture(
          html`<div>
            <plein-moderation .endpoint=${MOCK_ENDPOINT} .community=${MOCK_COMMUNITY} view="queue"></plein-moderation>
            <plein-moderation .endpoint=${MOCK_ENDPOINT} .community=${MOCK_COMMUNITY} view="log"></plein-moderation>
          </div>`,
        );
        const [queue, log] = all(root, 'plein-moderation');
        await settle('every item and log entry', () => {
          return (
            all(shadow(queue!), '[part~="item"]').length === 2 * texts.length &&
            all(shadow(log!), '[part~="entry"]').length === texts.length
          );
        });
        // A moderator's forms: "Aanpassen" shows a question's title and text in fields, "Blokkeer schuilnaam" names
        // the answer's writer in its confirmation.
        const opened = all(shadow(queue!), '[part~="item"]').flatMap((item) => {
          const action = item.dataset.itemId!.startsWith('QUESTION') ? 'redact' : 'block-pseudonym';
          const button = item.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
          button?.click();
          item.querySelector('details')?.setAttribute('open', '');
          return button ?? [];
        });
        await settle('every form', () => opened.every((button) => button.getAttribute('aria-expanded') === 'true'));
        return [queue!, log!];
      },
      check([queue, log], { texts }, want) {
        texts.forEach((text, i) => {
          const questionItem = shadow(queue!).querySelector(`[data-item-id="QUESTION:${questionId(i)}"]`);
          const answerItem = shadow(queue!).querySelector(`[data-item-id="ANSWER:xss-a${i}"]`);
          for (const [item, kind] of [
            [questionItem, 'question'],
            [answerItem, 'answer'],
          ] as const) {
            want.shows(item?.querySelector('[part="item-heading"]'), text, `${kind} ${i}: title`);
            want.shows(item?.querySelector('[part="meta"]'), text, `${kind} ${i}: writer and topic`);
            want.shows(item?.querySelector('[part="text"]'), text, `${kind} ${i}: text`);
            want.shows(item?.querySelector('[part="notes"] .text'), text, `${kind} ${i}: flag note`);
            want.shows(item?.querySelector('[part="findings"]'), text, `${kind} ${i}: findings`);
          }
          want.shows(answerItem?.querySelector('[part="context"]'), text, `answer ${i}: the question's text`);
          const key = itemKey(`QUESTION:${questionId(i)}`);
          const oneLine = text.replace(/[\r\n]/g, '');
          want.equals(
            questionItem?.querySelector<HTMLInputElement>(`#redact-title-${key}`)?.value,
            oneLine,
            `redact title ${i}`,
          );
          want.equals(
            questionItem?.querySelector<HTMLTextAreaElement>(`#redact-body-${key}`)?.value,
            text,
            `redact text ${i}`,
          );
          const confirm = answerItem?.querySelector('.confirm-question');
          if (answerItem?.querySelector('[data-action="block-pseudonym"]')) want.shows(confirm, text, `block ${i}`);
          const entry = shadow(log!).querySelector(`[data-entry-id="xss-log${i}"]`);
          want.shows(entry?.querySelector('dd.text'), text, `log ${i}: reason`);
          want.shows(entry?.querySelector('.entry-facts'), text, `log ${i}: who`);
          want.shows(entry?.querySelector('.entry-what'), text, `log ${i}: subject`);
          want.shows(entry?.querySelector('.entry-extra'), text, `log ${i}: details`);
        });
      },
    });
  });

  // Runs last: the elements above rendered these links, with harmless text and with the payloads.
  it('marks every link to a web address in what the elements rendered as user content: rel="nofollow ugc noopener"', () => {
    const found = [...linksNotMarked].map(([kind, times]) => `${kind} (${times} links)`);
    expect(found, 'links without nofollow, ugc and noopener').to.deep.equal([]);
  });
});
