import { expect } from '@open-wc/testing';
import { graphql, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createPleinClient, type ExpertProfile, PleinError, PleinExpertChangeEvent } from '../src/index.ts';

// The community server is mocked with msw (a service worker) in these tests; e2e/ runs the real one.
const endpoint = 'https://experts.client.test/graphql';
const api = graphql.link(endpoint);
const worker = setupWorker();

const profile: ExpertProfile = {
  id: 'e1',
  displayName: 'Geert Heikens',
  title: 'Onafhankelijk arbeidsadviseur',
  organisation: 'Heikens Arbeidsadvies',
  independent: true,
  independence: 'INDEPENDENT',
  independenceNote: null,
  verified: true,
  bio: null,
  photoUrl: null,
  photoAlt: null,
  initials: 'GH',
  answerCount: 3,
  medianMinutesToFirstAnswer: 90,
  topics: [{ slug: 'ww', name: 'WW' }],
  verification: { evidence: 'KVK', validUntil: '2027-03-01T00:00:00.000Z', current: true },
};

const page = (nodes: ExpertProfile[]) => ({
  totalCount: nodes.length,
  pageInfo: { hasNextPage: false, endCursor: null },
  edges: nodes.map((node, i) => ({ cursor: `c${i + 1}`, node })),
});

function client() {
  return createPleinClient({
    endpoint,
    community: 'eemsdelta',
    retry: { attempts: 1, baseDelayMs: 1 },
    getToken: () => 'sessie-geert',
  });
}

/** Counts the requests of each operation that reach the mocked server, and what they sent. */
function record() {
  const calls: { operation: string; variables: Record<string, unknown> }[] = [];
  const listener = ({ request }: { request: Request }) => {
    void request
      .clone()
      .json()
      .then((body: { operationName: string; variables: Record<string, unknown> }) =>
        calls.push({ operation: body.operationName, variables: body.variables }),
      )
      .catch(() => undefined);
  };
  worker.events.on('request:start', listener);
  return { calls, count: (operation: string) => calls.filter((call) => call.operation === operation).length };
}

describe('client: experts', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
  after(() => worker.stop());
  afterEach(() => {
    worker.resetHandlers();
    worker.events.removeAllListeners();
  });

  it('reads a profile, and says "not found" for an unknown expert', async () => {
    worker.use(
      api.query('ExpertProfile', ({ variables }) =>
        HttpResponse.json({ data: { expert: variables.id === 'e1' ? profile : null } }),
      ),
    );
    const plein = client();
    expect((await plein.expertProfile('e1')).displayName).to.equal('Geert Heikens');
    const failure = await plein.expertProfile('e9').catch((error: unknown) => error);
    expect(failure instanceof PleinError && failure.kind).to.equal('not-found');
  });

  it('asks the directory for the community, a topic and a page', async () => {
    const requests = record();
    worker.use(
      api.query('ExpertsDirectory', () =>
        HttpResponse.json({ data: { community: { id: 'c1', experts: page([profile]) } } }),
      ),
    );
    const plein = client();
    const experts = await plein.experts({ topic: 'ww', first: 5, after: 'c5' });
    expect(experts.edges.map((edge) => edge.node.id)).to.deep.equal(['e1']);
    await plein.experts();
    expect(requests.calls.map((call) => call.variables)).to.deep.equal([
      { community: 'eemsdelta', topic: 'ww', first: 5, after: 'c5' },
      { community: 'eemsdelta', topic: null, first: 20, after: null },
    ]);
  });

  it('drops cached profiles and directories after a profile change, and tells listeners', async () => {
    const requests = record();
    worker.use(
      api.query('ExpertProfile', () => HttpResponse.json({ data: { expert: profile } })),
      api.query('ExpertsDirectory', () =>
        HttpResponse.json({ data: { community: { id: 'c1', experts: page([profile]) } } }),
      ),
      api.mutation('UpdateMyProfile', ({ request, variables }) => {
        const input = variables.input as { displayName: string };
        const signedIn = request.headers.get('authorization') === 'Bearer sessie-geert';
        return HttpResponse.json({
          data: {
            updateMyProfile: signedIn
              ? { expert: { ...profile, displayName: input.displayName }, errors: [] }
              : { expert: null, errors: [{ field: null, code: 'UNAUTHENTICATED', message: 'Log in.' }] },
          },
        });
      }),
    );
    const plein = client();
    const changes: string[] = [];
    plein.addEventListener('plein-expert-change', (event) => {
      if (event instanceof PleinExpertChangeEvent) changes.push(event.expert.displayName);
    });
    await plein.expertProfile('e1');
    await plein.experts();
    await plein.expertProfile('e1');
    expect([requests.count('ExpertProfile'), requests.count('ExpertsDirectory')]).to.deep.equal([1, 1]);

    const payload = await plein.updateMyProfile({ displayName: 'Geert Heikens-Smit' });
    expect([payload.expert?.displayName, payload.errors]).to.deep.equal(['Geert Heikens-Smit', []]);
    expect(changes).to.deep.equal(['Geert Heikens-Smit']);
    await plein.expertProfile('e1');
    await plein.experts();
    expect([requests.count('ExpertProfile'), requests.count('ExpertsDirectory')]).to.deep.equal([2, 2]);
  });

  it('keeps the caches and stays quiet when the server refuses a change', async () => {
    worker.use(
      api.mutation('UpdateMyProfile', () =>
        HttpResponse.json({
          data: {
            updateMyProfile: {
              expert: null,
              errors: [{ field: 'photoAlt', code: 'REQUIRED', message: 'Beschrijf uw foto.' }],
            },
          },
        }),
      ),
    );
    const plein = client();
    let heard = 0;
    plein.addEventListener('plein-expert-change', () => heard++);
    const payload = await plein.updateMyProfile({ displayName: 'Geert', photoUrl: 'https://example.nl/g.jpg' });
    expect(payload.errors.map((error) => error.field)).to.deep.equal(['photoAlt']);
    expect(heard).to.equal(0);
  });
});
