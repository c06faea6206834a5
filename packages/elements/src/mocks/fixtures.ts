import type { AnswerNode, CommunityOverview, QuestionSummary, QuestionThread, Situation } from '@plein/client';

/**
 * Mock data for element tests and Storybook (served by msw, never by a real server). Fictitious people only.
 */
export const MOCK_ENDPOINT = 'https://plein.test/graphql';
export const MOCK_COMMUNITY = 'eemsdelta';

export const mockOverview: CommunityOverview = {
  id: 'c1',
  slug: 'eemsdelta',
  name: 'WerkNet Eemsdelta',
  municipalities: [
    { slug: 'delfzijl', name: 'Delfzijl' },
    { slug: 'loppersum', name: 'Loppersum' },
    { slug: 'appingedam', name: 'Appingedam' },
  ],
  topics: [
    { slug: 'ww', name: 'WW aanvragen, hoogte en duur', questionCount: 9 },
    { slug: 'ontslag', name: 'Ontslag en vaststellingsovereenkomst', questionCount: 8 },
    { slug: 'ziek-in-dienst', name: 'Ziek in dienst, loondoorbetaling en re-integratie', questionCount: 8 },
  ],
};

const independentAdvisor = {
  id: 'e1',
  displayName: 'Geert Heikens',
  title: 'Onafhankelijk arbeidsadviseur',
  organisation: 'Heikens Arbeidsadvies',
  independent: true,
  verified: true,
};

const klantmanager = {
  id: 'e2',
  displayName: 'Sandra Kloosterhuis',
  title: 'Klantmanager',
  organisation: 'ISD Noordoost',
  independent: false,
  verified: true,
};

const titles: [string, string][] = [
  ['ziek-in-dienst', 'Mijn werkgever wil mij ontslaan terwijl ik ziek ben. Mag dat?'],
  ['ww', 'Hoe lang krijg ik WW als ik twintig jaar heb gewerkt?'],
  ['ontslag', 'Moet ik de vaststellingsovereenkomst van mijn werkgever tekenen?'],
  ['ww', 'Moet ik vakantiegeld doorgeven aan het UWV?'],
  ['ontslag', 'Wat gebeurt er met mijn uitkering als de fabriek sluit?'],
];

const topicOf = (slug: string) => {
  const topic = mockOverview.topics.find((t) => t.slug === slug)!;
  return { slug: topic.slug, name: topic.name };
};

/** 25 questions, newest first, an hour apart: enough for two pages of 20. */
export const mockQuestions: QuestionSummary[] = Array.from({ length: 25 }, (_, i) => {
  const [topic, title] = titles[i % titles.length]!;
  const status = i % 4 === 0 ? 'RESOLVED' : i % 3 === 0 ? 'OPEN' : 'ANSWERED';
  return {
    id: `q${i + 1}`,
    title: i < titles.length ? title : `${title} (${i + 1})`,
    status,
    createdAt: new Date(Date.now() - (i + 1) * 3_600_000 * 7).toISOString(),
    answerCount: status === 'OPEN' ? 0 : (i % 3) + 1,
    hasExpertAnswer: status !== 'OPEN',
    helpfulCount: i % 5,
    topic: topicOf(topic),
    author: { displayName: i % 2 ? 'Anoniem' : 'Marleen63', role: 'CITIZEN', expert: null },
  };
});

export const mockAnswers: AnswerNode[] = [
  {
    id: 'a1',
    body: 'Tijdens de eerste twee jaar van uw ziekte geldt een opzegverbod. Uw werkgever mag u dan meestal niet ontslaan. Teken niets voordat u advies heeft gekregen. Bel gerust de adviesl ijn voor uw eigen situatie.',
    createdAt: new Date(Date.now() - 5 * 3_600_000).toISOString(),
    isAccepted: true,
    helpfulCount: 12,
    publication: 'PUBLISHED',
    questionId: 'q1',
    sourceUrl: null,
    reviewedOn: null,
    author: { displayName: independentAdvisor.displayName, role: 'EXPERT', expert: independentAdvisor },
  },
  {
    id: 'a2',
    body: 'Bij de gemeente kunnen wij u helpen als uw inkomen stopt. Neem contact op, dan kijken we samen naar uw situatie.',
    createdAt: new Date(Date.now() - 4 * 3_600_000).toISOString(),
    isAccepted: false,
    helpfulCount: 3,
    publication: 'PUBLISHED',
    questionId: 'q1',
    sourceUrl: null,
    reviewedOn: null,
    author: { displayName: klantmanager.displayName, role: 'EXPERT', expert: klantmanager },
  },
  {
    id: 'a3',
    body: 'Ik had hetzelfde vorig jaar. Laat u niet onder druk zetten. Het kwam bij mij goed.',
    createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    isAccepted: false,
    helpfulCount: 5,
    publication: 'PUBLISHED',
    questionId: 'q1',
    sourceUrl: null,
    reviewedOn: null,
    author: { displayName: 'Henk uit Appingedam', role: 'CITIZEN', expert: null },
  },
];

export function mockThread(id: string, answers: AnswerNode[] = mockAnswers, hasNextPage = false): QuestionThread {
  const summary = mockQuestions.find((q) => q.id === id) ?? mockQuestions[0]!;
  const createdAt = summary.createdAt;
  return {
    ...summary,
    id,
    publication: 'PUBLISHED',
    editableUntil: new Date(Date.parse(createdAt) + 15 * 60_000).toISOString(),
    editedAt: null,
    acceptedAnswer: answers.find((answer) => answer.isAccepted) ? { id: answers.find((a) => a.isAccepted)!.id } : null,
    answerCount: answers.length + (hasNextPage ? 1 : 0),
    body: 'Ik ben al drie weken ziek thuis. Mijn werkgever belt nu dat hij het contract wil beëindigen met wederzijds goedvinden. Bij het Werkplein zeggen ze dat ik dat nooit moet doen vanwege mijn WW. Wat is wijs?',
    answers: {
      totalCount: answers.length + (hasNextPage ? 1 : 0),
      pageInfo: { hasNextPage, endCursor: hasNextPage ? 'cursor-page-2' : null },
      edges: answers.map((node) => ({ cursor: `cursor-${node.id}`, node })),
    },
  };
}

const topicWithCount = (slug: string) => mockOverview.topics.find((t) => t.slug === slug)!;

/** Situations in a citizen's own words, each leading to the questions of one topic (`<plein-topics>`). */
export const mockSituations: Situation[] = [
  {
    id: 's1',
    slug: 'ziek-baan-in-gevaar',
    title: 'Ik ben ziek en mijn baan is in gevaar',
    description: 'Over het opzegverbod, loondoorbetaling en wat u wel en niet hoeft te tekenen.',
    topic: topicWithCount('ziek-in-dienst'),
  },
  {
    id: 's2',
    slug: 'deeltijd-ww',
    title: 'Ik krijg deeltijd-WW',
    description: 'Hoeveel uur u werkt, wat u doorgeeft aan het UWV en hoe lang de WW duurt.',
    topic: topicWithCount('ww'),
  },
  {
    id: 's3',
    slug: 'vaststellingsovereenkomst',
    title: 'Mijn werkgever wil dat ik een vaststellingsovereenkomst teken',
    description: null,
    topic: topicWithCount('ontslag'),
  },
  {
    id: 's4',
    slug: 'langere-tijd-ziek',
    title: 'Ik ben langere tijd ziek: wat zijn de regels?',
    description: 'Over re-integratie, de bedrijfsarts en de WIA na twee jaar ziekte.',
    topic: topicWithCount('ziek-in-dienst'),
  },
  {
    id: 's5',
    slug: 'eigen-bedrijf',
    title: 'Ik wil een eigen bedrijf starten',
    description: 'Starten vanuit de WW: wat betekent dat voor uw uitkering?',
    topic: topicWithCount('ww'),
  },
];

/** The socket address of the mocked community (graphql-ws); `liveServer` in question-scenarios.ts answers on it. */
export const MOCK_WS_ENDPOINT = 'wss://plein.test/graphql';

/**
 * Owner tokens the mocked community knows: `owner-<question id>` manages that question, `owner-q-held` the held one.
 * Tests and stories put one in localStorage (`plein:owner:<id>`) to be the asker on this device.
 */
export const mockOwnerToken = (questionId: string) => `owner-${questionId}`;

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** A question asked two minutes ago: its asker may still change it for thirteen minutes. */
export function mockRecentThread(id: string, answers: AnswerNode[] = mockAnswers): QuestionThread {
  const createdAt = minutesAgo(2);
  return {
    ...mockThread(id, answers),
    createdAt,
    editableUntil: new Date(Date.parse(createdAt) + 15 * 60_000).toISOString(),
  };
}

/** A question waiting for a moderator: the server returns it only with its owner token. */
export const mockHeldQuestion: QuestionThread = {
  ...mockRecentThread('q-held', []),
  title: 'Mijn leidinggevende vertelt collega’s over mijn ziekte. Mag dat?',
  status: 'OPEN',
  publication: 'HELD',
  answerCount: 0,
  hasExpertAnswer: false,
  helpfulCount: 0,
  acceptedAnswer: null,
  author: { displayName: 'Anoniem', role: 'CITIZEN', expert: null },
};

/** An answer written on this device that waits for a moderator (owner token `answer-held`). */
export const mockHeldAnswer: AnswerNode = {
  id: 'a-held',
  body: 'Bij mij heeft de vakbond geholpen. Die kon mij goed uitleggen wat mijn werkgever mocht.',
  createdAt: minutesAgo(10),
  isAccepted: false,
  helpfulCount: 0,
  publication: 'HELD',
  questionId: 'q1',
  sourceUrl: null,
  reviewedOn: null,
  author: { displayName: 'Jannie', role: 'CITIZEN', expert: null },
};
