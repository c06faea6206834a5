import type {
  AnswerNode,
  CommunityOverview,
  ExpertProfile,
  QuestionSummary,
  QuestionThread,
  Situation,
} from '@plein/client';

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
  independence: 'INDEPENDENT' as const,
  independenceNote: null,
  verified: true,
};

const klantmanager = {
  id: 'e2',
  displayName: 'Sandra Kloosterhuis',
  title: 'Klantmanager',
  organisation: 'ISD Noordoost',
  independent: false,
  independence: 'MUNICIPALITY' as const,
  independenceNote: null,
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
    // Burgerlijk Wetboek Boek 7, artikel 670: the ban on dismissal during illness.
    sourceUrl: 'https://wetten.overheid.nl/BWBR0005290/2026-01-01#Boek7_Titeldeel10_Afdeling9_Artikel670',
    reviewedOn: '2026-11-12',
    moderationReason: null,
    handOff: [],
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
    moderationReason: null,
    // Her situation needs a person: the answer offers an appointment and a private question.
    handOff: ['APPOINTMENT', 'PRIVATE_QUESTION'],
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
    moderationReason: null,
    handOff: [],
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
    moderationReason: null,
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

/** A question a moderator hid: the server returns it, with the reason, only with its owner token. */
export const mockHiddenQuestion: QuestionThread = {
  ...mockRecentThread('q-hidden', []),
  createdAt: minutesAgo(90),
  title: 'Ik word al maanden gepest door mijn teamleider',
  body: 'Mijn teamleider maakt mij belachelijk waar iedereen bij is. Wat kan ik doen?',
  status: 'OPEN',
  publication: 'HIDDEN',
  moderationReason: 'Er stond een naam van een collega in. Wilt u de vraag opnieuw stellen zonder namen?',
  answerCount: 0,
  hasExpertAnswer: false,
  helpfulCount: 0,
  acceptedAnswer: null,
  author: { displayName: 'Anoniem', role: 'CITIZEN', expert: null },
};

/** A question a moderator rejected, with the reason its asker sees (owner token only). */
export const mockRejectedQuestion: QuestionThread = {
  ...mockRecentThread('q-rejected', []),
  createdAt: minutesAgo(300),
  title: 'Wie weet een goede aannemer voor mijn badkamer?',
  body: 'Ik zoek een aannemer in Delfzijl die niet te duur is.',
  status: 'OPEN',
  publication: 'REJECTED',
  moderationReason: 'Deze vraag gaat niet over werk of inkomen. Daar is deze community voor.',
  answerCount: 0,
  hasExpertAnswer: false,
  helpfulCount: 0,
  acceptedAnswer: null,
  author: { displayName: 'Anoniem', role: 'CITIZEN', expert: null },
};

/** Questions the server shows to their asker only: held, hidden or rejected. */
export const mockOwnerOnlyQuestions: QuestionThread[] = [mockHeldQuestion, mockHiddenQuestion, mockRejectedQuestion];

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
  moderationReason: null,
  handOff: [],
  author: { displayName: 'Jannie', role: 'CITIZEN', expert: null },
};

/** A portrait drawn in SVG, inline: the mocks load nothing from elsewhere. */
const portrait = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96">' +
    '<rect width="96" height="96" fill="#d8e4ef"/>' +
    '<circle cx="48" cy="38" r="18" fill="#b07a5a"/>' +
    '<path d="M30 30a18 14 0 0 1 36 0v-4a18 12 0 0 0-36 0z" fill="#8c8c8c"/>' +
    '<path d="M14 96c4-20 18-30 34-30s30 10 34 30z" fill="#2f5d8a"/>' +
    '</svg>',
)}`;

const verification = (validUntil: string, evidence: 'KVK' | 'ORGANISATION_SIGN_IN' | 'MANUAL') => ({
  evidence,
  validUntil,
  current: true,
});

/**
 * The experts of the Eemsdelta pilot (fictitious people): independent labour advisors, a municipal klantmanager, a
 * Werkplein advisor for UWV, a union consultant, and one whose verification expired (no badge, no statement).
 */
export const mockExperts: ExpertProfile[] = [
  {
    ...independentAdvisor,
    independence: 'INDEPENDENT',
    independenceNote: null,
    bio: 'Ik help werknemers in Eemsdelta al twintig jaar bij ziekte, ontslag en re-integratie. Ik werk voor mezelf, niet voor UWV of de gemeente.',
    photoUrl: portrait,
    photoAlt: 'Foto van Geert Heikens, een man met grijs haar in een blauw overhemd',
    initials: 'GH',
    answerCount: 48,
    medianMinutesToFirstAnswer: 170,
    topics: [topicOf('ontslag'), topicOf('ziek-in-dienst')],
    verification: verification('2027-03-01T00:00:00.000Z', 'KVK'),
  },
  {
    ...klantmanager,
    independence: 'MUNICIPALITY',
    independenceNote: null,
    bio: 'Ik ben klantmanager bij de gemeente. Ik weet veel over bijstand, inkomen en wat u moet doorgeven als uw situatie verandert.',
    photoUrl: null,
    photoAlt: null,
    initials: 'SK',
    answerCount: 23,
    medianMinutesToFirstAnswer: 2 * 24 * 60 - 90,
    topics: [topicOf('ww')],
    verification: verification('2027-01-31T00:00:00.000Z', 'ORGANISATION_SIGN_IN'),
  },
  {
    id: 'e3',
    displayName: 'Marco Bakker',
    title: 'Adviseur werk',
    organisation: 'Werkplein Eemsdelta',
    independent: false,
    independence: 'UWV',
    independenceNote: null,
    verified: true,
    bio: null,
    photoUrl: null,
    photoAlt: null,
    initials: 'MB',
    answerCount: 0,
    medianMinutesToFirstAnswer: null,
    topics: [topicOf('ww'), topicOf('ontslag')],
    verification: verification('2026-12-31T00:00:00.000Z', 'ORGANISATION_SIGN_IN'),
  },
  {
    id: 'e4',
    displayName: 'Harm Bosma',
    title: 'Vakbondsconsulent',
    organisation: 'FNV',
    independent: true,
    independence: 'OTHER',
    independenceNote: 'een vakbond (FNV)',
    verified: true,
    bio: 'Leden en niet-leden kunnen mij vragen stellen over hun contract en ontslag.',
    photoUrl: null,
    photoAlt: null,
    initials: 'HB',
    answerCount: 9,
    medianMinutesToFirstAnswer: 45,
    topics: [topicOf('ontslag')],
    verification: verification('2027-06-30T00:00:00.000Z', 'MANUAL'),
  },
  {
    id: 'e5',
    displayName: 'Femke Oosting',
    title: 'Loopbaanadviseur',
    organisation: 'Oosting Loopbaanadvies',
    independent: true,
    // Her verification ended on 1 October 2026: the server drops the badge and the statement by itself.
    independence: null,
    independenceNote: null,
    verified: false,
    bio: 'Ik help mensen die na ziekte of ontslag een nieuwe baan zoeken.',
    photoUrl: null,
    photoAlt: null,
    initials: 'FO',
    answerCount: 5,
    medianMinutesToFirstAnswer: 3 * 24 * 60 + 200,
    topics: [topicOf('ziek-in-dienst')],
    verification: null,
  },
];

/** An expert by id, as `Query.expert` returns it. */
export const mockExpert = (id: string) => mockExperts.find((candidate) => candidate.id === id);
