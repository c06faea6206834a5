import {
  type AuditEntry,
  type ModerationItem,
  type ModerationSettings,
  type PleinViewer,
  sessionKey,
  type StoredSession,
} from '@plein/client';
import { delay, graphql, HttpResponse, type RequestHandler } from 'msw';
import { MOCK_COMMUNITY, MOCK_ENDPOINT, mockOverview } from './fixtures.ts';
import { mockSessionTokens } from './professionals.ts';

/**
 * The mocked community's moderation: the queue, the moderators' actions, the audit log, the settings, and flags from
 * anyone. Fictitious people only. The moderator is Joost Mulder (`signInMockAccount('moderator')`, roles MODERATOR
 * and STAFF); the admin Anke Visser (`signInMockAdmin()`, roles ADMIN and MODERATOR) also changes the settings.
 */
const api = graphql.link(MOCK_ENDPOINT);

export const MOCK_ADMIN_TOKEN = 'sessie-anke-visser';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const topicOf = (slug: string) => {
  const topic = mockOverview.topics.find((t) => t.slug === slug)!;
  return { slug: topic.slug, name: topic.name };
};

function adminViewer(expiresAt: string): PleinViewer {
  return {
    id: 'u-anke',
    displayName: 'Anke Visser',
    email: 'anke.visser@eemsdelta.example',
    roles: ['ADMIN', 'MODERATOR'],
    portalCitizen: false,
    sessionExpiresAt: expiresAt,
    community: { slug: MOCK_COMMUNITY },
    expert: null,
  };
}

/** Starts this tab signed in as the mocked community's admin, as after a sign-in and a reload. */
export function signInMockAdmin(): void {
  const expiresAt = hoursFromNow(8);
  const viewer = adminViewer(expiresAt);
  const session: StoredSession = {
    token: MOCK_ADMIN_TOKEN,
    expiresAt,
    viewer: {
      id: viewer.id,
      displayName: viewer.displayName,
      roles: viewer.roles,
      portalCitizen: false,
      expertId: null,
    },
  };
  sessionStorage.setItem(sessionKey(MOCK_ENDPOINT, MOCK_COMMUNITY), JSON.stringify(session));
}

type Staff = 'admin' | 'moderator' | 'expert' | undefined;
const staffOf = (request: Request): Staff => {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  if (token === MOCK_ADMIN_TOKEN) return 'admin';
  if (token === mockSessionTokens.moderator) return 'moderator';
  if (token === mockSessionTokens.expert) return 'expert';
  return undefined;
};

const forbidden = (): Response =>
  HttpResponse.json({ data: null, errors: [{ message: 'U mag dit niet doen.', extensions: { code: 'FORBIDDEN' } }] });

function question(
  id: string,
  minutes: number,
  topic: string,
  title: string,
  body: string,
  publication: ModerationItem['publication'],
  author = 'Anoniem',
): ModerationItem['question'] {
  return {
    id,
    title,
    body,
    status: 'OPEN',
    publication,
    createdAt: minutesAgo(minutes),
    moderationReason: null,
    topic: topicOf(topic),
    author: { displayName: author, role: 'CITIZEN' },
  };
}

/**
 * The queue, oldest first: a held question that may name someone, an answer hidden after three flags for insults,
 * an answer held for its three links, the first question of a new device, and a published question with two flags.
 */
export function mockModerationQueue(): ModerationItem[] {
  const wwQuestion = question(
    'q2',
    60 * 30,
    'ww',
    'Hoe lang krijg ik WW als ik twintig jaar heb gewerkt?',
    'Ik heb twintig jaar bij dezelfde werkgever gewerkt en word nu ontslagen. Hoe lang krijg ik WW?',
    'PUBLISHED',
    'Marleen63',
  );
  return [
    {
      id: 'QUESTION:q-m1',
      kind: 'QUESTION',
      publication: 'HELD',
      waitingSince: minutesAgo(60 * 26),
      findings: [{ step: 'personal-data', detail: 'name' }],
      flags: [],
      question: question(
        'q-m1',
        60 * 26,
        'ziek-in-dienst',
        'Mijn leidinggevende scheldt mij uit waar collega’s bij zijn',
        'Mijn teamleider, meneer De Vries van de afdeling inpak, scheldt mij al weken uit waar iedereen bij is. Ik durf niet meer naar mijn werk.\nMag ik mij ziek melden, of moet ik eerst met HR praten?',
        'HELD',
      ),
      answer: null,
    },
    {
      id: 'ANSWER:a-m2',
      kind: 'ANSWER',
      publication: 'HIDDEN',
      waitingSince: minutesAgo(60 * 20),
      findings: [],
      flags: [
        { reason: 'OFFENSIVE', note: 'Dit is gemeen tegen de vraagsteller.', createdAt: minutesAgo(60 * 20) },
        { reason: 'OFFENSIVE', note: null, createdAt: minutesAgo(60 * 19) },
        { reason: 'OFFENSIVE', note: 'Scheldt mensen uit die een uitkering hebben.', createdAt: minutesAgo(60 * 18) },
      ],
      question: wwQuestion,
      answer: {
        id: 'a-m2',
        body: 'Wat een onzinvraag. Mensen zoals jij moeten gewoon gaan werken in plaats van te klagen over hun WW.',
        createdAt: minutesAgo(60 * 21),
        publication: 'HIDDEN',
        moderationReason: null,
        author: { displayName: 'Eerlijkzegger', role: 'CITIZEN' },
      },
    },
    {
      id: 'ANSWER:a-m3',
      kind: 'ANSWER',
      publication: 'HELD',
      waitingSince: minutesAgo(60 * 5),
      findings: [{ step: 'links', detail: '3' }],
      flags: [],
      question: wwQuestion,
      answer: {
        id: 'a-m3',
        body: 'Kijk op https://www.uwv.nl/particulieren/ww, https://snel-geld-lenen.example/ww-voorschot en https://www.juridischloket.nl.\nBij snel-geld-lenen krijgt u binnen een dag een voorschot op uw WW!',
        createdAt: minutesAgo(60 * 5),
        publication: 'HELD',
        moderationReason: null,
        author: { displayName: 'Geldhulp2026', role: 'CITIZEN' },
      },
    },
    {
      id: 'QUESTION:q-m4',
      kind: 'QUESTION',
      publication: 'HELD',
      waitingSince: minutesAgo(40),
      findings: [{ step: 'pre-moderation', detail: 'first-post' }],
      flags: [],
      question: question(
        'q-m4',
        40,
        'ontslag',
        'Krijg ik mijn vakantiedagen uitbetaald na mijn ontslag?',
        'Ik ben per 1 december ontslagen. Ik had nog 12 vakantiedagen over. Moet mijn werkgever die uitbetalen, of vervallen ze?',
        'HELD',
        'Ria',
      ),
      answer: null,
    },
    {
      id: 'QUESTION:q-m5',
      kind: 'QUESTION',
      publication: 'PUBLISHED',
      waitingSince: minutesAgo(10),
      findings: [],
      flags: [
        {
          reason: 'INCORRECT',
          note: 'Het klopt niet dat je WW kwijtraakt als je op vakantie gaat. Zie https://www.uwv.nl/vakantie.',
          createdAt: minutesAgo(10),
        },
        { reason: 'OTHER', note: null, createdAt: minutesAgo(4) },
      ],
      question: question(
        'q-m5',
        60 * 3,
        'ww',
        'Ik raak mijn WW kwijt als ik twee weken op vakantie ga, toch?',
        'Een buurman zegt dat je WW stopt als je naar het buitenland gaat. Klopt dat?',
        'PUBLISHED',
        'Hennie',
      ),
      answer: null,
    },
  ];
}

/** The item after a moderator's action, as the server returns it. */
function decided(itemId: string, changes: Partial<Pick<ModerationItem, 'publication'>> & { reason?: string }) {
  const item = mockModerationQueue().find((candidate) => candidate.id === itemId) ?? mockModerationQueue()[0]!;
  const publication = changes.publication ?? item.publication;
  const moderationReason = changes.reason ?? null;
  return {
    ...item,
    publication,
    flags: publication === 'PUBLISHED' ? [] : item.flags,
    question: item.kind === 'QUESTION' ? { ...item.question, publication, moderationReason } : item.question,
    answer: item.answer ? { ...item.answer, publication, moderationReason } : null,
  };
}

/** A dozen entries, newest first: decisions, a block, a settings change, a verification and account changes. */
export function mockAuditLog(): AuditEntry[] {
  const entry = (
    id: number,
    minutes: number,
    action: string,
    subjectType: string,
    subjectId: string | null,
    actorName: string | null,
    detail: Record<string, unknown> = {},
  ): AuditEntry => ({
    id: `log-${id}`,
    action,
    subjectType,
    subjectId,
    actorName,
    detail: JSON.stringify(detail),
    createdAt: minutesAgo(minutes),
  });
  return [
    entry(12, 15, 'moderation.approved', 'question', 'q24', 'Joost Mulder', {
      from: 'HELD',
      to: 'PUBLISHED',
      closedFlags: 0,
    }),
    entry(11, 55, 'moderation.rejected', 'question', 'q23', 'Joost Mulder', {
      from: 'HELD',
      to: 'REJECTED',
      closedFlags: 0,
      reason: 'Deze vraag gaat niet over werk of inkomen.',
    }),
    entry(10, 60 * 2, 'moderation.redacted', 'answer', 'a51', 'Anke Visser', {
      from: 'HIDDEN',
      to: 'PUBLISHED',
      closedFlags: 2,
      removedKinds: ['name', 'phone'],
      changedFields: ['body'],
    }),
    entry(9, 60 * 3, 'moderation.author-blocked', 'answer', 'a50', 'Anke Visser', {
      from: 'HELD',
      to: 'HIDDEN',
      closedFlags: 0,
      scope: 'DEVICE',
      reason: 'Plaatst steeds reclame voor leningen.',
      newBlock: true,
    }),
    entry(8, 60 * 5, 'moderation.hidden-by-flags', 'answer', 'a48', null, { flags: 3, threshold: 3 }),
    entry(7, 60 * 7, 'moderation.hidden', 'answer', 'a47', 'Joost Mulder', {
      from: 'PUBLISHED',
      to: 'HIDDEN',
      closedFlags: 1,
      reason: 'Beledigend voor de vrager.',
    }),
    entry(6, 60 * 24, 'moderation.settings-changed', 'community', 'eemsdelta', 'Anke Visser', {
      preModeration: 'FIRST_POST',
      flagThreshold: 3,
      blockedWords: 2,
      heldWords: 3,
    }),
    entry(5, 60 * 26, 'moderation.approved', 'answer', 'a44', 'Joost Mulder', {
      from: 'HELD',
      to: 'PUBLISHED',
      closedFlags: 0,
    }),
    entry(4, 60 * 30, 'verification.created', 'expert', 'e4', 'Anke Visser', { evidence: 'MANUAL' }),
    entry(3, 60 * 49, 'user.roles', 'user', 'u-joost', 'Anke Visser', { roles: ['MODERATOR', 'STAFF'] }),
    entry(2, 60 * 50, 'user.add', 'user', 'u-joost', null),
    entry(1, 60 * 72, 'moderation.redacted', 'question', 'q12', 'Joost Mulder', {
      from: 'HELD',
      to: 'PUBLISHED',
      closedFlags: 0,
      removedKinds: ['address'],
      changedFields: ['title', 'body'],
    }),
  ];
}

export const mockModerationSettings: ModerationSettings = {
  preModeration: 'FIRST_POST',
  flagThreshold: 3,
  blockedWords: ['kankerlijer', 'tyfuslijer'],
  heldWords: ['lening', 'voorschot', 'bitcoin'],
};

function page<T>(nodes: T[], first: number, after: unknown, prefix: string) {
  const start = after ? Number(String(after).replace(`${prefix}-`, '')) : 0;
  const slice = nodes.slice(start, start + first);
  return {
    totalCount: nodes.length,
    pageInfo: { hasNextPage: start + first < nodes.length, endCursor: `${prefix}-${start + slice.length}` },
    edges: slice.map((node, i) => ({ cursor: `${prefix}-${start + i + 1}`, node })),
  };
}

function queueHandler(items: () => ModerationItem[]) {
  return api.query('ModerationQueue', ({ request, variables }) => {
    const staff = staffOf(request);
    if (!staff) return HttpResponse.json({ data: { viewer: null } });
    if (staff === 'expert') return forbidden();
    const moderationQueue = page(items(), Number(variables.first ?? 20), variables.after, 'queue');
    return HttpResponse.json({ data: { viewer: { id: `u-${staff}`, moderationQueue } } });
  });
}

function logHandler(entries: () => AuditEntry[]) {
  return api.query('AuditLog', ({ request, variables }) => {
    const staff = staffOf(request);
    if (!staff) return HttpResponse.json({ data: { viewer: null } });
    if (staff === 'expert') return forbidden();
    const { totalCount: _count, ...auditLog } = page(entries(), Number(variables.first ?? 50), variables.after, 'log');
    return HttpResponse.json({ data: { viewer: { id: `u-${staff}`, auditLog } } });
  });
}

/** One moderator action: refused for anyone but moderators and admins, else the item as it is now. */
function actionHandler(
  operation: string,
  field: string,
  changes: (input: Record<string, unknown>) => Partial<Pick<ModerationItem, 'publication'>> & { reason?: string },
) {
  return api.mutation(operation, ({ request, variables }) => {
    const staff = staffOf(request);
    if (staff !== 'moderator' && staff !== 'admin') return forbidden();
    const input = variables.input as Record<string, unknown> & { content: { kind: string; id: string } };
    const item = decided(`${input.content.kind}:${input.content.id}`, changes(input));
    return HttpResponse.json({ data: { [field]: { item, errors: [] } } });
  });
}

/** The queue, the actions, the log and the settings, and flags from anyone. In front of the professionals' handlers. */
export const moderationHandlers: RequestHandler[] = [
  // The admin exists only here; the other accounts fall through to the professionals' Viewer handler.
  api.query('Viewer', ({ request }) =>
    staffOf(request) === 'admin' ? HttpResponse.json({ data: { viewer: adminViewer(hoursFromNow(8)) } }) : undefined,
  ),
  queueHandler(mockModerationQueue),
  logHandler(mockAuditLog),
  actionHandler('ApproveContent', 'approveContent', () => ({ publication: 'PUBLISHED' })),
  actionHandler('RejectContent', 'rejectContent', (input) => ({
    publication: 'REJECTED',
    reason: String(input.reason),
  })),
  actionHandler('HideContent', 'hideContent', (input) => ({ publication: 'HIDDEN', reason: String(input.reason) })),
  actionHandler('RedactContent', 'redactContent', () => ({ publication: 'PUBLISHED' })),
  // A block also hides the post, and so decides it.
  actionHandler('BlockAuthor', 'blockAuthor', () => ({ publication: 'HIDDEN' })),
  api.query('ModerationSettings', ({ request }) => {
    const staff = staffOf(request);
    if (!staff) return HttpResponse.json({ data: { viewer: null } });
    const settings = staff === 'admin' || staff === 'moderator' ? mockModerationSettings : null;
    return HttpResponse.json({ data: { viewer: { id: `u-${staff}`, moderationSettings: settings } } });
  }),
  api.mutation('UpdateModerationSettings', ({ request, variables }) => {
    if (staffOf(request) !== 'admin') return forbidden();
    const { community: _community, ...settings } = variables.input as ModerationSettings & { community: string };
    return HttpResponse.json({ data: { updateModerationSettings: { settings, errors: [] } } });
  }),
  api.mutation('FlagContent', () => HttpResponse.json({ data: { flagContent: { counted: true, errors: [] } } })),
];

const submittedTooFast = {
  field: null,
  code: 'SUBMITTED_TOO_FAST',
  message: 'U heeft het formulier erg snel verstuurd. Wacht een paar seconden en verstuur het opnieuw.',
};

/** States of the moderation and the anti-spam checks for tests and stories: put one in front with `worker.use`. */
export const moderationScenarios = {
  /** Nothing waits for a moderator. */
  queueEmpty: [queueHandler(() => [])],
  /** One item waits: the held question that may name someone. */
  queueOneItem: [queueHandler(() => mockModerationQueue().slice(0, 1))],
  /** The queue never loads. */
  queueSlow: [
    api.query('ModerationQueue', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  ],
  /** The queue cannot be reached. */
  queueNetworkError: [api.query('ModerationQueue', () => HttpResponse.error())],
  /** Every moderator action fails to reach the server. */
  actionsNetworkError: ['ApproveContent', 'RejectContent', 'HideContent', 'RedactContent', 'BlockAuthor'].map(
    (operation) => api.mutation(operation, () => HttpResponse.error()),
  ),
  /** Another moderator decided first: the server refuses with its own words. */
  alreadyDecided: ['ApproveContent', 'RejectContent', 'HideContent', 'RedactContent'].map((operation) =>
    api.mutation(operation, () =>
      HttpResponse.json({
        data: {
          [operation.charAt(0).toLowerCase() + operation.slice(1)]: {
            item: null,
            errors: [
              { field: null, code: 'ALREADY_DECIDED', message: 'Een andere moderator heeft hier al over beslist.' },
            ],
          },
        },
      }),
    ),
  ),
  /** The log has nothing yet. */
  logEmpty: [logHandler(() => [])],
  /** The log cannot be reached. */
  logNetworkError: [api.query('AuditLog', () => HttpResponse.error())],
  /** The settings cannot be saved. */
  settingsNetworkError: [api.mutation('UpdateModerationSettings', () => HttpResponse.error())],
  /** A flag cannot be sent. */
  flagNetworkError: [api.mutation('FlagContent', () => HttpResponse.error())],
  /** The ask and answer forms were sent faster than a person writes: the server says so. */
  submittedTooFast: [
    api.mutation('AskQuestion', () =>
      HttpResponse.json({ data: { askQuestion: { question: null, ownerToken: null, errors: [submittedTooFast] } } }),
    ),
    api.mutation('AnswerQuestion', () =>
      HttpResponse.json({ data: { answerQuestion: { answer: null, ownerToken: null, errors: [submittedTooFast] } } }),
    ),
  ],
} satisfies Record<string, RequestHandler[]>;
