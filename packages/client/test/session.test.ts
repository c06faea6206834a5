import { expect, waitUntil } from '@open-wc/testing';
import { graphql, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createPleinClient, PleinError, type PleinSessionChangeEvent } from '../src/index.ts';
import { sessionKey } from '../src/session.ts';

// The community server is mocked with msw (a service worker) in these tests; e2e/ runs the real one.
const endpoint = 'https://session.test/graphql';
const api = graphql.link(endpoint);
const worker = setupWorker();
const key = sessionKey(endpoint, 'eemsdelta');

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

const viewer = (overrides: Record<string, unknown> = {}) => ({
  id: 'u1',
  displayName: 'Geert Heikens',
  email: 'geert@heikens.example',
  roles: ['EXPERT'],
  portalCitizen: false,
  sessionExpiresAt: inAnHour(),
  community: { slug: 'eemsdelta' },
  expert: null,
  ...overrides,
});

const signedIn = (token = 'sessie-1') => ({
  session: { token, expiresAt: inAnHour() },
  viewer: viewer(),
  errors: [],
});

const refused = (code: string, message: string) => ({
  session: null,
  viewer: null,
  errors: [{ field: null, code, message }],
});

const emptyInbox = { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };

function client(options: Partial<Parameters<typeof createPleinClient>[0]> = {}) {
  return createPleinClient({ endpoint, community: 'eemsdelta', retry: { attempts: 2, baseDelayMs: 5 }, ...options });
}

/** The Authorization header of every call that reaches the mocked server, as `Operation: header`, in order. */
function recordAuthorization() {
  const calls: Promise<string>[] = [];
  const listener = ({ request }: { request: Request }) => {
    const authorization = request.headers.get('authorization') ?? 'none';
    calls.push(
      request
        .clone()
        .json()
        .then((body: { operationName?: string }) => `${body.operationName}: ${authorization}`),
    );
  };
  worker.events.on('request:start', listener);
  afterCurrentTest.push(() => worker.events.removeListener('request:start', listener));
  return { seen: () => Promise.all(calls) };
}

const afterCurrentTest: (() => void)[] = [];

function sessionChanges(plein: EventTarget) {
  const reasons: string[] = [];
  plein.addEventListener('plein-session-change', (event) => reasons.push((event as PleinSessionChangeEvent).reason));
  return reasons;
}

describe('the session in the client', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
  after(() => worker.stop());
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    for (const cleanUp of afterCurrentTest.splice(0)) cleanUp();
    worker.resetHandlers();
    sessionStorage.clear();
  });

  it('keeps a signed-in session in sessionStorage, sends its bearer token, and tells listeners', async () => {
    const calls = recordAuthorization();
    let inputs: unknown;
    worker.use(
      api.mutation('SignIn', ({ variables }) => {
        inputs = variables.input;
        return HttpResponse.json({ data: { signIn: signedIn() } });
      }),
      api.query('ExpertInbox', () => HttpResponse.json({ data: { viewer: { id: 'u1', inbox: emptyInbox } } })),
    );
    const plein = client();
    const reasons = sessionChanges(plein);
    const outcome = await plein.signIn('geert@heikens.example', 'juist-wachtwoord');
    expect(inputs).to.deep.equal({
      community: 'eemsdelta',
      email: 'geert@heikens.example',
      password: 'juist-wachtwoord',
    });
    expect(outcome.session?.viewer).to.deep.equal({
      id: 'u1',
      displayName: 'Geert Heikens',
      roles: ['EXPERT'],
      portalCitizen: false,
      expertId: null,
    });
    // The element never sees the token; sessionStorage holds it with the end time and the viewer's summary.
    expect(JSON.stringify(outcome)).not.to.contain('sessie-1');
    const stored = JSON.parse(sessionStorage.getItem(key)!);
    expect([stored.token, stored.viewer.displayName, typeof stored.expiresAt]).to.deep.equal([
      'sessie-1',
      'Geert Heikens',
      'string',
    ]);
    expect(JSON.stringify(stored)).not.to.contain('geert@heikens.example');
    expect(reasons).to.deep.equal(['signed-in']);
    expect(document.cookie).to.equal('');

    await plein.expertInbox();
    expect(await calls.seen()).to.deep.equal(['SignIn: none', 'ExpertInbox: Bearer sessie-1']);
  });

  it('returns the server’s words for a wrong password, keeps nothing and fires nothing', async () => {
    worker.use(
      api.mutation('SignIn', () =>
        HttpResponse.json({
          data: { signIn: refused('SIGN_IN_FAILED', 'Deze combinatie van e-mailadres en wachtwoord kennen we niet.') },
        }),
      ),
    );
    const plein = client();
    const reasons = sessionChanges(plein);
    const outcome = await plein.signIn('geert@heikens.example', 'fout');
    expect(outcome).to.deep.equal({
      session: null,
      errors: [
        {
          field: null,
          code: 'SIGN_IN_FAILED',
          message: 'Deze combinatie van e-mailadres en wachtwoord kennen we niet.',
        },
      ],
    });
    expect(sessionStorage.getItem(key)).to.equal(null);
    expect(plein.currentSession()).to.equal(undefined);
    expect(reasons).to.deep.equal([]);
  });

  it('shares the session with every client of the same community on the page, and after a reload', async () => {
    worker.use(api.mutation('SignIn', () => HttpResponse.json({ data: { signIn: signedIn() } })));
    const dutch = client();
    const english = client({ locale: 'en' });
    const other = client({ community: 'westerkwartier' });
    const englishReasons = sessionChanges(english);
    const otherReasons = sessionChanges(other);
    await dutch.signIn('geert@heikens.example', 'juist-wachtwoord');
    expect(english.currentSession()?.viewer.displayName).to.equal('Geert Heikens');
    expect(englishReasons).to.deep.equal(['signed-in']);
    expect(other.currentSession()).to.equal(undefined);
    expect(otherReasons).to.deep.equal([]);
    // A new page in the same tab makes new clients; they find the session in sessionStorage.
    expect(client().currentSession()?.viewer.roles).to.deep.equal(['EXPERT']);
  });

  it('drops an expired session when it is read, sends no token, and says so', async () => {
    const calls = recordAuthorization();
    worker.use(api.query('Viewer', () => HttpResponse.json({ data: { viewer: null } })));
    sessionStorage.setItem(
      key,
      JSON.stringify({
        token: 'oud',
        expiresAt: new Date(Date.now() - 1000).toISOString(),
        viewer: { id: 'u1', displayName: 'Geert Heikens', roles: ['EXPERT'], portalCitizen: false, expertId: null },
      }),
    );
    const plein = client();
    const reasons = sessionChanges(plein);
    expect(plein.currentSession()).to.equal(undefined);
    expect(sessionStorage.getItem(key)).to.equal(null);
    await waitUntil(() => reasons.length > 0, 'the expiry is announced');
    expect(reasons).to.deep.equal(['expired']);
    expect(await plein.viewer()).to.equal(null);
    expect(await calls.seen()).to.deep.equal(['Viewer: none']);
  });

  it('forgets the session when the server says UNAUTHENTICATED, and tells listeners', async () => {
    worker.use(
      api.mutation('SignIn', () => HttpResponse.json({ data: { signIn: signedIn() } })),
      api.query('ExpertInbox', () =>
        HttpResponse.json({
          data: null,
          errors: [{ message: 'U bent niet (meer) ingelogd.', extensions: { code: 'UNAUTHENTICATED' } }],
        }),
      ),
    );
    const plein = client();
    await plein.signIn('geert@heikens.example', 'juist-wachtwoord');
    const reasons = sessionChanges(plein);
    // The session ended at the server (revoked, or signed out in another tab); the next call finds out.
    const error = (await plein.expertInbox().catch((e: unknown) => e)) as PleinError;
    expect([error.kind, error.message]).to.deep.equal(['unauthenticated', 'U bent niet (meer) ingelogd.']);
    expect(plein.currentSession()).to.equal(undefined);
    expect(sessionStorage.getItem(key)).to.equal(null);
    expect(reasons).to.deep.equal(['unauthenticated']);
  });

  it('signs out at the server, then forgets the session, also when the server cannot be reached', async () => {
    const calls = recordAuthorization();
    worker.use(
      api.mutation('SignIn', () => HttpResponse.json({ data: { signIn: signedIn() } })),
      api.mutation('SignOut', () => HttpResponse.json({ data: { signOut: { signedOut: true } } })),
    );
    const plein = client();
    const reasons = sessionChanges(plein);
    await plein.signIn('geert@heikens.example', 'juist-wachtwoord');
    await plein.signOut();
    expect(await calls.seen()).to.deep.equal(['SignIn: none', 'SignOut: Bearer sessie-1']);
    expect(plein.currentSession()).to.equal(undefined);
    expect(reasons).to.deep.equal(['signed-in', 'signed-out']);

    worker.use(api.mutation('SignOut', () => HttpResponse.error()));
    await plein.signIn('geert@heikens.example', 'juist-wachtwoord');
    await plein.signOut();
    expect(sessionStorage.getItem(key)).to.equal(null);
    expect(reasons).to.deep.equal(['signed-in', 'signed-out', 'signed-in', 'signed-out']);
  });

  it('drops cached responses at every session change, so nobody sees the data of the viewer before', async () => {
    let viewerCalls = 0;
    worker.use(
      api.query('Viewer', ({ request }) => {
        viewerCalls++;
        const signedInNow = request.headers.get('authorization') === 'Bearer sessie-1';
        return HttpResponse.json({ data: { viewer: signedInNow ? viewer() : null } });
      }),
      api.mutation('SignIn', () => HttpResponse.json({ data: { signIn: signedIn() } })),
    );
    const plein = client();
    expect(await plein.viewer()).to.equal(null);
    expect(await plein.viewer()).to.equal(null);
    expect(viewerCalls).to.equal(1);
    await plein.signIn('geert@heikens.example', 'juist-wachtwoord');
    expect((await plein.viewer())?.displayName).to.equal('Geert Heikens');
    expect(viewerCalls).to.equal(2);
  });

  it('asks for a sign-in link for this community and returns the same answer for any address', async () => {
    let input: unknown;
    worker.use(
      api.mutation('RequestSignInLink', ({ variables }) => {
        input = variables.input;
        return HttpResponse.json({ data: { requestSignInLink: { sent: true, errors: [] } } });
      }),
    );
    const payload = await client().requestSignInLink('onbekend@example.nl');
    expect(payload).to.deep.equal({ sent: true, errors: [] });
    expect(input).to.deep.equal({ community: 'eemsdelta', email: 'onbekend@example.nl' });
  });

  it('trades a sign-in link for a session', async () => {
    let token: unknown;
    worker.use(
      api.mutation('SignInWithLink', ({ variables }) => {
        token = variables.token;
        return HttpResponse.json({ data: { signInWithLink: signedIn('sessie-link') } });
      }),
    );
    const plein = client();
    const outcome = await plein.signInWithLink('link-token-123');
    expect(token).to.equal('link-token-123');
    expect(outcome.session?.viewer.displayName).to.equal('Geert Heikens');
    expect(JSON.parse(sessionStorage.getItem(key)!).token).to.equal('sessie-link');
  });

  it('signs a portal citizen in under a pseudonym and never stores the portal’s JWT', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMiLCJuYW1lIjoiSmFuIn0.handtekening';
    let input: unknown;
    worker.use(
      api.mutation('SignInWithPortalToken', ({ variables }) => {
        input = variables.input;
        return HttpResponse.json({
          data: {
            signInWithPortalToken: {
              session: { token: 'sessie-portaal', expiresAt: inAnHour() },
              viewer: viewer({ id: 'p1', displayName: 'Inwoner K7M2QF', roles: [], portalCitizen: true, email: null }),
              errors: [],
            },
          },
        });
      }),
    );
    const outcome = await client().signInWithPortalToken(jwt);
    expect(input).to.deep.equal({ community: 'eemsdelta', token: jwt });
    expect([outcome.session?.viewer.displayName, outcome.session?.viewer.portalCitizen]).to.deep.equal([
      'Inwoner K7M2QF',
      true,
    ]);
    const everything = [...Array(sessionStorage.length).keys()].map((i) =>
      sessionStorage.getItem(sessionStorage.key(i)!),
    );
    const local = [...Array(localStorage.length).keys()].map((i) => localStorage.getItem(localStorage.key(i)!));
    expect([...everything, ...local].some((value) => value?.includes(jwt))).to.equal(false);
  });

  it('refuses an expired portal token with the server’s message, and stays anonymous', async () => {
    worker.use(
      api.mutation('SignInWithPortalToken', () =>
        HttpResponse.json({
          data: { signInWithPortalToken: refused('PORTAL_TOKEN_INVALID', 'De inlog van het portaal is verlopen.') },
        }),
      ),
    );
    const plein = client();
    const outcome = await plein.signInWithPortalToken('verlopen');
    expect(outcome.errors.map((error) => error.code)).to.deep.equal(['PORTAL_TOKEN_INVALID']);
    expect(plein.currentSession()).to.equal(undefined);
  });

  it('takes over a session token from the organisation sign-on after checking it with the server', async () => {
    const calls = recordAuthorization();
    const expiresAt = inAnHour();
    worker.use(
      api.query('Viewer', ({ request }) =>
        HttpResponse.json({
          data: {
            viewer:
              request.headers.get('authorization') === 'Bearer sessie-oidc'
                ? viewer({ sessionExpiresAt: expiresAt })
                : null,
          },
        }),
      ),
    );
    const plein = client();
    const outcome = await plein.useSessionToken('sessie-oidc');
    expect(outcome.session?.expiresAt).to.equal(expiresAt);
    expect(plein.currentSession()?.viewer.displayName).to.equal('Geert Heikens');
    const refusedOutcome = await client({ community: 'westerkwartier' }).useSessionToken('sessie-oidc');
    expect(refusedOutcome.errors.map((error) => error.code)).to.deep.equal(['UNAUTHENTICATED']);
    const unknown = await plein.useSessionToken('onbekend');
    expect(unknown.session).to.equal(null);
    // A refused token does not replace the session that works.
    expect(JSON.parse(sessionStorage.getItem(key)!).token).to.equal('sessie-oidc');
    expect(await calls.seen()).to.deep.equal([
      'Viewer: Bearer sessie-oidc',
      'Viewer: Bearer sessie-oidc',
      'Viewer: Bearer onbekend',
    ]);
  });

  it('pages through the inbox, and claims and releases refresh it', async () => {
    const variables: unknown[] = [];
    worker.use(
      api.query('ExpertInbox', ({ variables: v }) => {
        variables.push(v);
        return HttpResponse.json({ data: { viewer: { id: 'u1', inbox: emptyInbox } } });
      }),
      api.mutation('ClaimQuestion', ({ variables: v }) =>
        HttpResponse.json({
          data: {
            claimQuestion: {
              question: null,
              errors: [
                { field: null, code: 'ALREADY_CLAIMED', message: `Fatima werkt al aan ${String(v.questionId)}.` },
              ],
            },
          },
        }),
      ),
      api.mutation('ReleaseClaim', ({ variables: v }) =>
        HttpResponse.json({ data: { releaseClaim: { question: { id: v.questionId, claim: null }, errors: [] } } }),
      ),
    );
    const plein = client();
    await plein.expertInbox();
    await plein.expertInbox({ first: 5, after: 'cursor-5' });
    await plein.expertInbox();
    expect(variables).to.deep.equal([
      { first: 20, after: null },
      { first: 5, after: 'cursor-5' },
    ]);
    const claim = await plein.claimQuestion('q7');
    expect(claim.errors[0]?.message).to.equal('Fatima werkt al aan q7.');
    await plein.expertInbox();
    expect(variables).to.have.length(3);
    expect((await plein.releaseClaim('q7')).question?.claim).to.equal(null);
    await plein.expertInbox();
    expect(variables).to.have.length(4);
  });

  it('says "not signed in" when the inbox has no viewer', async () => {
    worker.use(api.query('ExpertInbox', () => HttpResponse.json({ data: { viewer: null } })));
    const error = (await client()
      .expertInbox()
      .catch((e: unknown) => e)) as PleinError;
    expect(error).to.be.instanceOf(PleinError);
    expect([error.kind, error.message]).to.deep.equal([
      'unauthenticated',
      'U bent niet (meer) ingelogd. Log opnieuw in.',
    ]);
  });

  it('leaves the token to the host when it gives getToken', async () => {
    const calls = recordAuthorization();
    worker.use(
      api.mutation('SignIn', () => HttpResponse.json({ data: { signIn: signedIn() } })),
      api.query('Viewer', () => HttpResponse.json({ data: { viewer: viewer() } })),
    );
    const plein = client({ getToken: () => 'van-de-host' });
    await plein.signIn('geert@heikens.example', 'juist-wachtwoord');
    await plein.viewer();
    expect(await calls.seen()).to.deep.equal(['SignIn: Bearer van-de-host', 'Viewer: Bearer van-de-host']);
  });

  it('keeps the session in memory for this page when sessionStorage refuses it', async () => {
    worker.use(api.mutation('SignIn', () => HttpResponse.json({ data: { signIn: signedIn() } })));
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const plein = client();
      await plein.signIn('geert@heikens.example', 'juist-wachtwoord');
      expect(sessionStorage.getItem(key)).to.equal(null);
      expect(plein.currentSession()?.viewer.displayName).to.equal('Geert Heikens');
      expect(client({ locale: 'en' }).currentSession()?.viewer.displayName).to.equal('Geert Heikens');
    } finally {
      Storage.prototype.setItem = setItem;
    }
    worker.use(api.mutation('SignOut', () => HttpResponse.json({ data: { signOut: { signedOut: true } } })));
    await client().signOut();
    expect(client().currentSession()).to.equal(undefined);
  });
});
