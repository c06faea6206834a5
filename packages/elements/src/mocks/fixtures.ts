import type { AnswerNode, CommunityOverview, QuestionSummary, QuestionThread } from '@plein/client';

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
