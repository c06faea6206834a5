import type {
  AnswerNode,
  AuditEntry,
  CommunityOverview,
  ExpertProfile,
  InboxQuestion,
  ModerationItem,
  MyQuestion,
  QuestionSummary,
  QuestionThread,
  SimilarQuestion,
  Situation,
} from '@plein/client';
import type { Independence, Publication } from '@plein/schema';
import { graphql, HttpResponse, type RequestHandler, ws } from 'msw';
import { MOCK_ENDPOINT, MOCK_WS_ENDPOINT, mockOverview } from '../../src/mocks/fixtures.ts';

/**
 * A mocked community whose every user-written text is taken from a list: the XSS payloads, or harmless text for the
 * allowlist rendering. Text n goes into every text field of item n (question n, expert n, situation n, …), so one
 * response carries every payload in every field of an element.
 */
const api = graphql.link(MOCK_ENDPOINT);

export interface Corpus {
  /** What people wrote: titles, bodies, names, bios, notes. */
  readonly texts: readonly string[];
  /** What experts gave as a source address. */
  readonly urls: readonly string[];
}

/** Harmless text of the same shape: words, punctuation, and a web address for a linkifier to pick up. */
export function harmlessCorpus(count: number): Corpus {
  return {
    texts: Array.from({ length: count }, (_, i) => `Gewone tekst ${i}: "zie" https://example.org/info/${i} & meer.`),
    urls: Array.from({ length: count }, (_, i) => `https://example.org/bron/${i}`),
  };
}

/** The payloads in every field, source addresses included. */
export function payloadCorpus(texts: readonly string[]): Corpus {
  return { texts, urls: texts };
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const statusOf = (i: number) => (['OPEN', 'ANSWERED', 'RESOLVED'] as const)[i % 3]!;

/** A portrait inline, so rendering a profile loads nothing from elsewhere. */
const portrait = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#d8e4ef"/></svg>',
)}`;

export const questionId = (i: number) => `xss-q${i}`;
export const expertId = (i: number) => `xss-e${i}`;
export const indexOf = (id: string) => Number(/(\d+)/.exec(id)?.[1] ?? -1);

function topic(corpus: Corpus, i: number) {
  return { slug: `xss-t${i}`, name: corpus.texts[i]! };
}

/** The community's topics: text n is the name of topic n (the first `count` of them). */
export function overview(corpus: Corpus, count = corpus.texts.length): CommunityOverview {
  const topics = corpus.texts.slice(0, count).map((_, i) => ({ ...topic(corpus, i), questionCount: i }));
  return { ...mockOverview, topics };
}

export function summary(corpus: Corpus, i: number): QuestionSummary {
  const text = corpus.texts[i]!;
  return {
    id: questionId(i),
    title: text,
    status: statusOf(i),
    createdAt: minutesFromNow(-60 * (i + 1)),
    answerCount: 3,
    hasExpertAnswer: true,
    helpfulCount: i % 4,
    topic: topic(corpus, i),
    author: { displayName: text, role: 'CITIZEN', expert: null },
  };
}

/** An expert as an answer shows them: independent (the organisation in the role line), or "Werkt voor <note>". */
function expertFacts(corpus: Corpus, i: number, independence: Independence) {
  const text = corpus.texts[i]!;
  return {
    id: expertId(i),
    displayName: text,
    title: text,
    organisation: text,
    independent: independence === 'INDEPENDENT',
    independence,
    independenceNote: independence === 'OTHER' ? text : null,
    verified: true,
  };
}

function answer(corpus: Corpus, i: number, kind: 'independent' | 'other' | 'citizen' | 'held'): AnswerNode {
  const text = corpus.texts[i]!;
  const expert =
    kind === 'independent'
      ? expertFacts(corpus, i, 'INDEPENDENT')
      : kind === 'other'
        ? expertFacts(corpus, i, 'OTHER')
        : null;
  return {
    id: `xss-a${i}-${kind}`,
    body: text,
    createdAt: minutesFromNow(-30),
    isAccepted: kind === 'independent',
    helpfulCount: 2,
    publication: kind === 'held' ? 'HELD' : 'PUBLISHED',
    questionId: questionId(i),
    sourceUrl: expert ? corpus.urls[i]! : null,
    reviewedOn: expert ? '2026-11-12' : null,
    moderationReason: text,
    handOff: [],
    author: { displayName: text, role: expert ? 'EXPERT' : 'CITIZEN', expert },
  };
}

/** Question n with three answers holding text n: an independent expert's, another expert's and a citizen's. */
export function thread(corpus: Corpus, i: number, publication: Publication = 'PUBLISHED'): QuestionThread {
  const answers = (['independent', 'other', 'citizen'] as const).map((kind) => answer(corpus, i, kind));
  return {
    ...summary(corpus, i),
    body: corpus.texts[i]!,
    // Asked a minute ago: its asker may still change it, so the edit form can be opened.
    createdAt: minutesFromNow(-1),
    editableUntil: minutesFromNow(14),
    publication,
    editedAt: null,
    moderationReason: corpus.texts[i]!,
    acceptedAnswer: { id: answers[0]!.id },
    answers: {
      totalCount: answers.length,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: answers.map((node) => ({ cursor: node.id, node })),
    },
  };
}

/** The answer with text n written on this device and waiting for a moderator; its owner token is `held-<n>`. */
export const heldAnswerToken = (i: number) => `held-${i}`;

/** The answer to question n that arrives over the live socket. */
export function arrivingAnswer(corpus: Corpus, i: number): AnswerNode {
  return { ...answer(corpus, i, 'citizen'), id: `xss-a${i}-live`, createdAt: new Date().toISOString() };
}

export function situation(corpus: Corpus, i: number): Situation {
  const text = corpus.texts[i]!;
  return {
    id: `xss-s${i}`,
    slug: `xss-s${i}`,
    title: text,
    description: text,
    topic: { ...topic(corpus, i), questionCount: i },
  };
}

/** Expert n's profile; `independence` OTHER shows the note as "Werkt voor …", INDEPENDENT the organisation. */
export function profile(corpus: Corpus, i: number, independence: Independence, id = expertId(i)): ExpertProfile {
  const text = corpus.texts[i]!;
  return {
    ...expertFacts(corpus, i, independence),
    id,
    bio: text,
    photoUrl: i % 2 === 0 ? portrait : null,
    photoAlt: i % 2 === 0 ? text : null,
    initials: 'XS',
    answerCount: i,
    medianMinutesToFirstAnswer: 90,
    topics: [topic(corpus, i)],
    verification: { evidence: 'KVK', validUntil: '2027-03-01T00:00:00.000Z', current: true },
  };
}

/** Question n in an expert's inbox; every odd one is claimed by another expert whose name is text n. */
export function inboxQuestion(corpus: Corpus, i: number): InboxQuestion {
  const text = corpus.texts[i]!;
  return {
    ...summary(corpus, i),
    status: 'OPEN',
    answerCount: 0,
    hasExpertAnswer: false,
    body: text,
    claim:
      i % 2 === 1
        ? {
            claimedAt: minutesFromNow(-5),
            expiresAt: minutesFromNow(60),
            mine: false,
            expert: { id: 'e9', displayName: text },
          }
        : null,
  };
}

/**
 * Text n in the moderation queue twice: as a held question (its title, text, asker and topic) and as a hidden answer
 * to such a question (its text and writer), each with a flag whose note is text n and the pipeline's findings about
 * it (a word from the lists, and a step the element does not know, shown as it comes).
 */
export function moderationItems(corpus: Corpus, i: number): ModerationItem[] {
  const text = corpus.texts[i]!;
  const flags = [
    { reason: 'OFFENSIVE' as const, note: text, createdAt: minutesFromNow(-20) },
    { reason: 'OTHER' as const, note: null, createdAt: minutesFromNow(-10) },
  ];
  const findings = [
    { step: 'words', detail: text },
    { step: text, detail: text },
  ];
  const question = {
    id: questionId(i),
    title: text,
    body: text,
    status: 'OPEN' as const,
    publication: 'HELD' as const,
    createdAt: minutesFromNow(-60),
    moderationReason: text,
    topic: topic(corpus, i),
    author: { displayName: text, role: 'CITIZEN' as const },
  };
  return [
    {
      id: `QUESTION:${questionId(i)}`,
      kind: 'QUESTION',
      publication: 'HELD',
      waitingSince: minutesFromNow(-60 - i),
      findings,
      flags,
      question,
      answer: null,
    },
    {
      id: `ANSWER:xss-a${i}`,
      kind: 'ANSWER',
      publication: 'HIDDEN',
      waitingSince: minutesFromNow(-30 - i),
      findings,
      flags,
      question: { ...question, publication: 'PUBLISHED' },
      answer: {
        id: `xss-a${i}`,
        body: text,
        createdAt: minutesFromNow(-30),
        publication: 'HIDDEN',
        moderationReason: text,
        author: { displayName: text, role: 'CITIZEN' },
      },
    },
  ];
}

/** A log entry whose reason, other details, actor and subject are text n (what moderators and staff wrote). */
export function auditEntry(corpus: Corpus, i: number): AuditEntry {
  const text = corpus.texts[i]!;
  return {
    id: `xss-log${i}`,
    action: i % 2 === 0 ? 'moderation.rejected' : 'moderation.blocked',
    subjectType: 'question',
    subjectId: text,
    actorName: text,
    detail: JSON.stringify({ reason: text, scope: 'PSEUDONYM', note: text, removedKinds: [text] }),
    createdAt: minutesFromNow(-i),
  };
}

const page = <T extends { id: string }>(nodes: T[]) => ({
  totalCount: nodes.length,
  pageInfo: { hasNextPage: false, endCursor: null },
  edges: nodes.map((node) => ({ cursor: node.id, node })),
});

/** How many similar questions `<plein-ask>` shows at most; the server sends a batch of this many per lookup. */
export const SIMILAR_BATCH = 5;

/** The words `<plein-ask>` n puts in its text, so the similar-questions lookup knows which batch to send. */
export const askMarker = (n: number) => `vraagnummer${n}einde`;

/** "Mijn vragen" shows each question four times: published, held, hidden and rejected (these two with a reason). */
export const myPublications = ['PUBLISHED', 'HELD', 'HIDDEN', 'REJECTED'] as const;

/** A community slug whose overview lists every topic, whatever `CorpusOptions.topics` says. */
export const ALL_TOPICS_COMMUNITY = 'eemsdelta-alle-onderwerpen';

export interface CorpusOptions {
  /** Whether thread n is published, or held, hidden or rejected (its asker then sees why). */
  threadPublication?: (i: number) => Publication;
  /** How many topics the community has (default: one per text); every select of topics shows them all. */
  topics?: number;
}

/** Every operation the elements use, answering with the corpus. */
export function corpusHandlers(corpus: Corpus, options: CorpusOptions = {}): RequestHandler[] {
  const all = corpus.texts.map((_, i) => i);
  return [
    api.query('CommunityOverview', ({ variables }) => {
      const count = variables.community === ALL_TOPICS_COMMUNITY ? undefined : options.topics;
      return HttpResponse.json({ data: { community: overview(corpus, count) } });
    }),
    api.query('QuestionsList', () =>
      HttpResponse.json({
        data: { community: { id: mockOverview.id, questions: page(all.map((i) => summary(corpus, i))) } },
      }),
    ),
    api.query('QuestionThread', ({ variables }) => {
      const i = indexOf(String(variables.id));
      return HttpResponse.json({ data: { question: thread(corpus, i, options.threadPublication?.(i)) } });
    }),
    api.query('MyAnswers', ({ variables }) => {
      const tokens = (variables.ownerTokens ?? []) as string[];
      const held = tokens.filter((token) => token.startsWith('held-')).map((token) => indexOf(token));
      return HttpResponse.json({ data: { myAnswers: held.map((i) => answer(corpus, i, 'held')) } });
    }),
    api.query('MyQuestions', () => {
      const myQuestions: MyQuestion[] = all.flatMap((i) =>
        myPublications.map((publication) => ({
          ...summary(corpus, i),
          id: `${questionId(i)}-${publication.toLowerCase()}`,
          publication,
          moderationReason: publication === 'HIDDEN' || publication === 'REJECTED' ? corpus.texts[i]! : null,
        })),
      );
      return HttpResponse.json({ data: { myQuestions } });
    }),
    api.query('SimilarQuestions', ({ variables }) => {
      const n = Number(/vraagnummer(\d+)einde/.exec(String(variables.text))?.[1] ?? 0);
      const batches = Math.ceil(corpus.texts.length / SIMILAR_BATCH);
      const start = (n % batches) * SIMILAR_BATCH;
      const similarQuestions: SimilarQuestion[] = all.slice(start, start + SIMILAR_BATCH).map((i) => ({
        id: questionId(i),
        title: corpus.texts[i]!,
        status: statusOf(i),
        answerCount: 1,
        hasExpertAnswer: true,
      }));
      return HttpResponse.json({ data: { community: { id: mockOverview.id, similarQuestions } } });
    }),
    api.query('Situations', () =>
      HttpResponse.json({
        data: { community: { id: mockOverview.id, situations: all.map((i) => situation(corpus, i)) } },
      }),
    ),
    api.query('ExpertProfile', ({ variables }) =>
      HttpResponse.json({ data: { expert: profile(corpus, indexOf(String(variables.id)), 'OTHER') } }),
    ),
    api.query('ExpertsDirectory', () => {
      // Each expert twice: independent (the organisation in the role line) and with a note ("Werkt voor …").
      const experts = all.flatMap((i) => [
        profile(corpus, i, 'INDEPENDENT', `${expertId(i)}-independent`),
        profile(corpus, i, 'OTHER', `${expertId(i)}-other`),
      ]);
      return HttpResponse.json({ data: { community: { id: mockOverview.id, experts: page(experts) } } });
    }),
    api.query('ModerationQueue', () =>
      HttpResponse.json({
        data: { viewer: { id: 'u-anke', moderationQueue: page(all.flatMap((i) => moderationItems(corpus, i))) } },
      }),
    ),
    api.query('AuditLog', () => {
      const { totalCount: _count, ...auditLog } = page(all.map((i) => auditEntry(corpus, i)));
      return HttpResponse.json({ data: { viewer: { id: 'u-anke', auditLog } } });
    }),
    api.query('ExpertInbox', () =>
      HttpResponse.json({
        data: { viewer: { id: 'u-geert', inbox: page(all.map((i) => inboxQuestion(corpus, i))) } },
      }),
    ),
  ];
}

/**
 * The live socket for many threads at once: one graphql-ws connection carries every thread's subscription (the
 * shared `liveServer` mock keeps one per connection).
 */
export function multiLiveServer() {
  const subscriptions = new Map<string, { send(data: string): void; id: string }>();
  const handler = ws.link(MOCK_WS_ENDPOINT).addEventListener('connection', ({ client }) => {
    client.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as {
        type?: string;
        id?: string;
        payload?: { variables?: { questionId?: string } };
      };
      if (message.type === 'connection_init') client.send(JSON.stringify({ type: 'connection_ack' }));
      else if (message.type === 'ping') client.send(JSON.stringify({ type: 'pong' }));
      else if (message.type === 'subscribe' && message.id) {
        const questionId = String(message.payload?.variables?.questionId);
        subscriptions.set(questionId, { send: (data) => client.send(data), id: message.id });
      }
    });
  });
  return {
    handler,
    subscriptions,
    publish(answer: AnswerNode): boolean {
      const subscription = subscriptions.get(answer.questionId);
      if (!subscription) return false;
      subscription.send(
        JSON.stringify({ id: subscription.id, type: 'next', payload: { data: { answerAdded: answer } } }),
      );
      return true;
    },
  };
}
