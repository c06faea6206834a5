import { type InboxQuestion, type PleinViewer, sessionKey, type StoredSession } from '@plein/client';
import { delay, graphql, HttpResponse, type RequestHandler } from 'msw';
import { MOCK_COMMUNITY, MOCK_ENDPOINT, mockOverview } from './fixtures.ts';

/**
 * The mocked community's professionals: accounts that sign in, their sessions, the expert inbox and claims. Fictitious
 * people only. Sign-in works with the password `juist-wachtwoord`, the link token `geldige-link` and the portal token
 * `geldig`; `verlopen` is an expired portal token.
 */
const api = graphql.link(MOCK_ENDPOINT);

export const MOCK_PASSWORD = 'juist-wachtwoord';
export const MOCK_SIGN_IN_LINK = 'geldige-link';
export const MOCK_PORTAL_TOKEN = 'geldig';
export const MOCK_EXPIRED_PORTAL_TOKEN = 'verlopen';

/** The bearer tokens the mocked community hands out, one per kind of account. */
export const mockSessionTokens = {
  expert: 'sessie-geert-heikens',
  moderator: 'sessie-joost-mulder',
  portalCitizen: 'sessie-inwoner-k7m2qf',
} as const;
export type MockAccount = keyof typeof mockSessionTokens;

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const topicOf = (slug: string) => {
  const topic = mockOverview.topics.find((t) => t.slug === slug)!;
  return { slug: topic.slug, name: topic.name };
};

const geertProfile = {
  id: 'e1',
  displayName: 'Geert Heikens',
  title: 'Onafhankelijk arbeidsadviseur',
  organisation: 'Heikens Arbeidsadvies',
  independent: true,
  independence: 'INDEPENDENT' as const,
  independenceNote: null,
  verified: true,
  bio: 'Ik help mensen in Eemsdelta bij ontslag, ziekte en de WW. Al 20 jaar, en altijd onafhankelijk.',
  photoUrl: null,
  photoAlt: null,
  initials: 'GH',
  answerCount: 48,
  medianMinutesToFirstAnswer: 95,
  topics: [topicOf('ww'), topicOf('ontslag'), topicOf('ziek-in-dienst')],
  verification: { evidence: 'KVK' as const, validUntil: hoursFromNow(24 * 300), current: true },
};

/** Who each mocked session belongs to, as the Viewer query returns it. */
export function mockViewer(account: MockAccount, expiresAt = hoursFromNow(8)): PleinViewer {
  const community = { slug: MOCK_COMMUNITY };
  if (account === 'expert') {
    return {
      id: 'u-geert',
      displayName: 'Geert Heikens',
      email: 'geert@heikens-arbeidsadvies.example',
      roles: ['EXPERT'],
      portalCitizen: false,
      sessionExpiresAt: expiresAt,
      community,
      expert: geertProfile,
    };
  }
  if (account === 'moderator') {
    return {
      id: 'u-joost',
      displayName: 'Joost Mulder',
      email: 'joost.mulder@eemsdelta.example',
      roles: ['MODERATOR', 'STAFF'],
      portalCitizen: false,
      sessionExpiresAt: expiresAt,
      community,
      expert: null,
    };
  }
  return {
    id: 'p-k7m2qf',
    displayName: 'Inwoner K7M2QF',
    email: null,
    roles: [],
    portalCitizen: true,
    sessionExpiresAt: expiresAt,
    community,
    expert: null,
  };
}

/** A session as the client keeps it in sessionStorage, for tests and stories that start signed in. */
export function mockStoredSession(account: MockAccount, expiresAt = hoursFromNow(8)): StoredSession {
  const viewer = mockViewer(account, expiresAt);
  return {
    token: mockSessionTokens[account],
    expiresAt,
    viewer: {
      id: viewer.id,
      displayName: viewer.displayName,
      roles: viewer.roles,
      portalCitizen: viewer.portalCitizen,
      expertId: viewer.expert?.id ?? null,
    },
  };
}

/** Starts this tab signed in to the mocked community, as after a sign-in and a reload. */
export function signInMockAccount(account: MockAccount, expiresAt?: string): void {
  sessionStorage.setItem(
    sessionKey(MOCK_ENDPOINT, MOCK_COMMUNITY),
    JSON.stringify(mockStoredSession(account, expiresAt)),
  );
}

/** Forgets every Plein session in this tab. */
export function signOutMockAccounts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('plein:session:')) sessionStorage.removeItem(key);
}

const accountOf = (request: Request): MockAccount | undefined => {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  return (Object.keys(mockSessionTokens) as MockAccount[]).find((account) => mockSessionTokens[account] === token);
};

const signedIn = (account: MockAccount) => {
  const expiresAt = hoursFromNow(account === 'portalCitizen' ? 1 : 8);
  return {
    session: { token: mockSessionTokens[account], expiresAt },
    viewer: mockViewer(account, expiresAt),
    errors: [],
  };
};

const refused = (code: string, message: string, field: string | null = null) => ({
  session: null,
  viewer: null,
  errors: [{ field, code, message }],
});

const author = { displayName: 'Anoniem', role: 'CITIZEN' as const, expert: null };
const fatima = { id: 'e3', displayName: 'Fatima Ouali' };

/** An open question without an expert answer, `hours` old. */
function inboxQuestion(
  id: string,
  hours: number,
  topic: string,
  title: string,
  body: string,
  claim: InboxQuestion['claim'] = null,
): InboxQuestion {
  return {
    id,
    title,
    body,
    status: 'OPEN',
    createdAt: hoursFromNow(-hours),
    answerCount: id === 'i3' ? 1 : 0,
    hasExpertAnswer: false,
    helpfulCount: 0,
    topic: topicOf(topic),
    author: id === 'i3' ? { ...author, displayName: 'Marleen63' } : author,
    claim,
  };
}

/** The expert's inbox, oldest first: two wait more than 48 hours, one is claimed by Fatima, one by the viewer. */
export function mockInbox(): InboxQuestion[] {
  return [
    inboxQuestion(
      'i1',
      24 * 4 + 3,
      'ww',
      'Mijn WW is gestopt omdat ik een formulier te laat heb ingestuurd. Wat kan ik doen?',
      'Ik kreeg een brief van het UWV dat mijn WW stopt. Ik had het inkomstenformulier twee dagen te laat ingestuurd omdat ik in het ziekenhuis lag. Kan ik hier bezwaar tegen maken?',
    ),
    inboxQuestion(
      'i2',
      24 * 3,
      'ziek-in-dienst',
      'Mag mijn werkgever mij een waarschuwing geven omdat ik vaak ziek ben?',
      'Ik ben dit jaar vier keer kort ziek geweest. Nu krijg ik een officiële waarschuwing. Mag dat zomaar?',
      { claimedAt: hoursFromNow(-1), expiresAt: hoursFromNow(1), mine: false, expert: fatima },
    ),
    inboxQuestion(
      'i3',
      30,
      'ww',
      'Hoeveel keer per week moet ik solliciteren met een WW-uitkering?',
      'Ik heb sinds vorige maand WW. Mijn buurvrouw zegt dat ik vier keer per week moet solliciteren. Klopt dat?',
    ),
    inboxQuestion(
      'i4',
      5,
      'ww',
      'Telt mijn vakantiegeld mee voor de hoogte van mijn WW?',
      'Ik krijg in mei vakantiegeld van mijn oude werkgever. Wordt mijn WW dan lager?',
      {
        claimedAt: hoursFromNow(-0.5),
        expiresAt: hoursFromNow(1.5),
        mine: true,
        expert: { id: 'e1', displayName: 'Geert Heikens' },
      },
    ),
    inboxQuestion(
      'i5',
      1,
      'ontslag',
      'Ik heb een vaststellingsovereenkomst getekend. Kan ik nog terug?',
      'Gisteren heb ik de vaststellingsovereenkomst getekend. Nu twijfel ik. Kan ik dit nog ongedaan maken?',
    ),
  ];
}

/** The question that another expert claimed just before the viewer: the claim is refused. */
export const MOCK_RACED_QUESTION = 'i3';

function inboxPage(questions: InboxQuestion[], first: number, after: unknown) {
  const start = after ? Number(String(after).replace('inbox-', '')) : 0;
  const page = questions.slice(start, start + first);
  return {
    totalCount: questions.length,
    pageInfo: { hasNextPage: start + first < questions.length, endCursor: `inbox-${start + page.length}` },
    edges: page.map((node, i) => ({ cursor: `inbox-${start + i + 1}`, node })),
  };
}

function inboxHandler(questions: () => InboxQuestion[]) {
  return api.query('ExpertInbox', ({ request, variables }) => {
    const account = accountOf(request);
    if (!account) return HttpResponse.json({ data: { viewer: null } });
    if (account !== 'expert') {
      return HttpResponse.json({
        data: null,
        errors: [{ message: 'U mag dit niet doen.', extensions: { code: 'FORBIDDEN' } }],
      });
    }
    const inbox = inboxPage(questions(), Number(variables.first ?? 20), variables.after);
    return HttpResponse.json({ data: { viewer: { id: 'u-geert', inbox } } });
  });
}

const claimOf = (questionId: string) => ({
  id: questionId,
  claim: {
    claimedAt: new Date().toISOString(),
    expiresAt: hoursFromNow(2),
    mine: true,
    expert: { id: 'e1', displayName: 'Geert Heikens' },
  },
});

/** The sign-in mutations, the viewer, the inbox and claims, and answers by a signed-in expert. */
export const professionalHandlers: RequestHandler[] = [
  api.query('Viewer', ({ request }) => {
    const account = accountOf(request);
    return HttpResponse.json({ data: { viewer: account ? mockViewer(account) : null } });
  }),
  api.mutation('SignIn', ({ variables }) => {
    const { email, password } = variables.input as { email: string; password: string };
    if (password !== MOCK_PASSWORD) {
      return HttpResponse.json({
        data: { signIn: refused('SIGN_IN_FAILED', 'Het e-mailadres of het wachtwoord klopt niet.') },
      });
    }
    return HttpResponse.json({ data: { signIn: signedIn(email.startsWith('moderator') ? 'moderator' : 'expert') } });
  }),
  api.mutation('RequestSignInLink', () =>
    HttpResponse.json({ data: { requestSignInLink: { sent: true, errors: [] } } }),
  ),
  api.mutation('SignInWithLink', ({ variables }) =>
    HttpResponse.json({
      data: {
        signInWithLink:
          variables.token === MOCK_SIGN_IN_LINK
            ? signedIn('expert')
            : refused('SIGN_IN_LINK_INVALID', 'Deze link werkt niet meer. Vraag een nieuwe aan.'),
      },
    }),
  ),
  api.mutation('SignInWithPortalToken', ({ variables }) => {
    const { token } = variables.input as { token: string };
    return HttpResponse.json({
      data: {
        signInWithPortalToken:
          token === MOCK_PORTAL_TOKEN
            ? signedIn('portalCitizen')
            : refused(
                'PORTAL_TOKEN_INVALID',
                'Uw inlog via het portaal werkt niet (meer). U kunt gewoon anoniem verder.',
                'token',
              ),
      },
    });
  }),
  api.mutation('SignOut', () => HttpResponse.json({ data: { signOut: { signedOut: true } } })),
  inboxHandler(mockInbox),
  api.mutation('ClaimQuestion', ({ variables }) => {
    const questionId = String(variables.questionId);
    if (questionId === MOCK_RACED_QUESTION) {
      return HttpResponse.json({
        data: {
          claimQuestion: {
            question: null,
            errors: [
              { field: 'questionId', code: 'ALREADY_CLAIMED', message: 'Een andere expert werkt al aan deze vraag.' },
            ],
          },
        },
      });
    }
    return HttpResponse.json({ data: { claimQuestion: { question: claimOf(questionId), errors: [] } } });
  }),
  api.mutation('ReleaseClaim', ({ variables }) =>
    HttpResponse.json({
      data: { releaseClaim: { question: { id: String(variables.questionId), claim: null }, errors: [] } },
    }),
  ),
  // Only answers by the signed-in expert; everyone else's fall through to the community's usual handler.
  api.mutation('AnswerQuestion', ({ request, variables }) => {
    if (accountOf(request) !== 'expert') return undefined;
    const input = variables.input as Record<string, string | undefined>;
    const expert = {
      id: geertProfile.id,
      displayName: geertProfile.displayName,
      title: geertProfile.title,
      organisation: geertProfile.organisation,
      independent: true,
      independence: geertProfile.independence,
      independenceNote: geertProfile.independenceNote,
      verified: true,
    };
    return HttpResponse.json({
      data: {
        answerQuestion: {
          answer: {
            id: `a-${String(input.questionId)}`,
            body: input.body,
            createdAt: new Date().toISOString(),
            isAccepted: false,
            helpfulCount: 0,
            publication: 'PUBLISHED',
            questionId: input.questionId,
            sourceUrl: input.sourceUrl ?? null,
            reviewedOn: input.reviewedOn ?? null,
            moderationReason: null,
            handOff: (variables.input as { handOff?: string[] }).handOff ?? [],
            author: { displayName: expert.displayName, role: 'EXPERT', expert },
          },
          ownerToken: null,
          errors: [],
        },
      },
    });
  }),
];

/** States of the inbox, sign-in and portal sign-in for tests and stories: put one in front with `worker.use`. */
export const professionalScenarios = {
  /** Nothing waits for an expert. */
  inboxEmpty: [inboxHandler(() => [])],
  /** The inbox never loads. */
  inboxSlow: [
    api.query('ExpertInbox', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  ],
  /** The inbox cannot be reached. */
  inboxNetworkError: [api.query('ExpertInbox', () => HttpResponse.error())],
  /** The answer cannot be sent. */
  answerNetworkError: [api.mutation('AnswerQuestion', () => HttpResponse.error())],
  /** The expert's answer comes back with a field error from the server. */
  answerUserErrors: [
    api.mutation('AnswerQuestion', () =>
      HttpResponse.json({
        data: {
          answerQuestion: {
            answer: null,
            ownerToken: null,
            errors: [
              {
                field: 'sourceUrl',
                code: 'INVALID_URL',
                message: 'Vul een webadres in dat begint met https://, bijvoorbeeld https://wetten.overheid.nl.',
              },
            ],
          },
        },
      }),
    ),
  ],
  /** Sign-in and sign-in links cannot reach the community. */
  signInNetworkError: [
    api.mutation('SignIn', () => HttpResponse.error()),
    api.mutation('RequestSignInLink', () => HttpResponse.error()),
    api.mutation('SignInWithLink', () => HttpResponse.error()),
  ],
  /** Sign-in is slow to answer. */
  signInSlow: [
    api.mutation('SignIn', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  ],
} satisfies Record<string, RequestHandler[]>;

/**
 * The inbox of an expert who just lost a race: it still shows `MOCK_RACED_QUESTION` as free, but the claim is refused,
 * and from then on the inbox shows Fatima's claim on it.
 */
export function claimRace(): RequestHandler[] {
  let refusedOnce = false;
  const questions = () =>
    mockInbox().map((question) =>
      question.id === MOCK_RACED_QUESTION && refusedOnce
        ? {
            ...question,
            claim: { claimedAt: hoursFromNow(0), expiresAt: hoursFromNow(2), mine: false, expert: fatima },
          }
        : question,
    );
  return [
    inboxHandler(questions),
    api.mutation('ClaimQuestion', ({ variables }) => {
      if (String(variables.questionId) !== MOCK_RACED_QUESTION) return undefined;
      refusedOnce = true;
      return undefined;
    }),
  ];
}
