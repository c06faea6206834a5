import { expect } from '@open-wc/testing';
import { graphql, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createPleinClient, type ModerationItem, PleinDataChangeEvent, PleinError } from '../src/index.ts';

// The community server is mocked with msw (a service worker) in these tests; e2e/ runs the real one.
const endpoint = 'https://moderation.test/graphql';
const api = graphql.link(endpoint);
const worker = setupWorker();
const fastRetry = { attempts: 3, baseDelayMs: 5 };

function client(options: Partial<Parameters<typeof createPleinClient>[0]> = {}) {
  return createPleinClient({ endpoint, community: 'eemsdelta', retry: fastRetry, ...options });
}

const emptyThread = {
  id: 'q1',
  title: 'Titel',
  answers: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
};

const item: ModerationItem = {
  id: 'QUESTION:q1',
  kind: 'QUESTION',
  publication: 'PUBLISHED',
  waitingSince: '2026-11-20T10:00:00.000Z',
  findings: [],
  flags: [],
  question: {
    id: 'q1',
    title: 'Titel',
    body: 'Tekst',
    status: 'OPEN',
    publication: 'PUBLISHED',
    createdAt: '2026-11-20T09:00:00.000Z',
    moderationReason: null,
    topic: { slug: 'ww', name: 'WW' },
    author: { displayName: 'Anoniem', role: 'CITIZEN' },
  },
  answer: null,
};

const queuePage = {
  totalCount: 1,
  pageInfo: { hasNextPage: false, endCursor: 'c1' },
  edges: [{ cursor: 'c1', node: item }],
};

/** Records the device header of every call, by operation name. */
function recordDeviceHeaders() {
  const seen: [string, string | null][] = [];
  worker.use(
    api.operation(({ request, operationName }) => {
      seen.push([operationName, request.headers.get('plein-device')]);
      return undefined;
    }),
  );
  return seen;
}

describe('the device key and moderation in the client', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
  after(() => worker.stop());
  beforeEach(() => {
    for (const key of ['plein:device', 'plein:voter', 'plein:flagged']) localStorage.removeItem(key);
  });
  afterEach(() => worker.resetHandlers());

  it('sends one random key per browser as the Plein-Device header with writes, never with reads', async () => {
    worker.use(
      api.query('QuestionThread', () => HttpResponse.json({ data: { question: emptyThread } })),
      api.mutation('FollowQuestion', () =>
        HttpResponse.json({ data: { followQuestion: { confirmationSent: true, errors: [] } } }),
      ),
      api.mutation('FlagContent', () => HttpResponse.json({ data: { flagContent: { counted: true, errors: [] } } })),
    );
    // In front of the handlers above: it only looks, then lets them answer.
    const seen = recordDeviceHeaders();
    const plein = client();
    await plein.question('q1');
    await plein.followQuestion('q1', 'naam@voorbeeld.nl');
    await plein.flagContent({ kind: 'ANSWER', id: 'a1' }, 'SPAM');
    const key = localStorage.getItem('plein:device');
    expect(key).to.match(/^[0-9a-f-]{36}$/);
    expect(seen).to.deep.equal([
      ['QuestionThread', null],
      ['FollowQuestion', key],
      ['FlagContent', key],
    ]);
    // Another client on the page, and the same page after a reload, send the same key.
    await client({ endpoint }).followQuestion('q1', 'naam@voorbeeld.nl');
    expect(seen.at(-1)).to.deep.equal(['FollowQuestion', key]);
  });

  it('keeps an existing helpful-vote key as the device key, so earlier votes stay this browser’s', async () => {
    localStorage.setItem('plein:voter', 'oude-stemsleutel-1234');
    let voterKey: unknown;
    worker.use(
      api.mutation('MarkAnswerHelpful', ({ variables }) => {
        voterKey = (variables.input as { voterKey: string }).voterKey;
        return HttpResponse.json({
          data: { markAnswerHelpful: { counted: true, answer: { id: 'a1', helpfulCount: 1 }, errors: [] } },
        });
      }),
    );
    const seen = recordDeviceHeaders();
    await client().markAnswerHelpful('q1', 'a1');
    expect([voterKey, seen[0]?.[1]]).to.deep.equal(['oude-stemsleutel-1234', 'oude-stemsleutel-1234']);
    expect(localStorage.getItem('plein:device')).to.equal('oude-stemsleutel-1234');
    expect(localStorage.getItem('plein:voter')).to.equal(null);
  });

  it('replaces a stored key the server would not take (too short, spaces) with a new random one', async () => {
    localStorage.setItem('plein:device', 'kort');
    localStorage.setItem('plein:voter', 'met spatie erin 1234');
    worker.use(
      api.mutation('FollowQuestion', () =>
        HttpResponse.json({ data: { followQuestion: { confirmationSent: true, errors: [] } } }),
      ),
    );
    const seen = recordDeviceHeaders();
    await client().followQuestion('q1', 'naam@voorbeeld.nl');
    const key = localStorage.getItem('plein:device');
    expect(key).to.match(/^[0-9a-f-]{36}$/);
    expect([seen[0]?.[1], localStorage.getItem('plein:voter')]).to.deep.equal([key, null]);
  });

  it('flags content with a reason and a trimmed note, remembers it, and reloads its thread afterwards', async () => {
    const inputs: unknown[] = [];
    let threadRequests = 0;
    worker.use(
      api.query('QuestionThread', () => {
        threadRequests++;
        return HttpResponse.json({ data: { question: emptyThread } });
      }),
      api.mutation('FlagContent', ({ variables }) => {
        inputs.push(variables.input);
        return HttpResponse.json({ data: { flagContent: { counted: inputs.length === 1, errors: [] } } });
      }),
    );
    const plein = client();
    await plein.question('q1');
    expect(plein.hasFlagged({ kind: 'QUESTION', id: 'q1' })).to.equal(false);
    const first = await plein.flagContent({ kind: 'QUESTION', id: 'q1' }, 'PERSONAL_DATA', '  Er staat een naam in. ');
    expect(first.counted).to.equal(true);
    expect(inputs[0]).to.deep.equal({
      content: { kind: 'QUESTION', id: 'q1' },
      reason: 'PERSONAL_DATA',
      note: 'Er staat een naam in.',
    });
    expect(plein.hasFlagged({ kind: 'QUESTION', id: 'q1' })).to.equal(true);
    expect(plein.hasFlagged({ kind: 'ANSWER', id: 'q1' })).to.equal(false);
    await plein.question('q1');
    expect(threadRequests).to.equal(2);

    // Flagged before from this device: the server does not count it again, and the browser still remembers it.
    const again = await plein.flagContent({ kind: 'QUESTION', id: 'q1' }, 'SPAM', '');
    expect([again.counted, (inputs[1] as { note: unknown }).note]).to.deep.equal([false, null]);
    expect(JSON.parse(localStorage.getItem('plein:flagged')!)).to.deep.equal(['QUESTION:q1']);
  });

  it('remembers nothing when the server refuses the flag', async () => {
    worker.use(
      api.mutation('FlagContent', () =>
        HttpResponse.json({
          data: {
            flagContent: {
              counted: false,
              errors: [{ field: 'note', code: 'TOO_LONG', message: 'Gebruik hoogstens 500 tekens.' }],
            },
          },
        }),
      ),
    );
    const plein = client();
    const payload = await plein.flagContent({ kind: 'ANSWER', id: 'a9' }, 'OTHER', 'x'.repeat(501));
    expect(payload.errors[0]?.message).to.equal('Gebruik hoogstens 500 tekens.');
    expect(plein.hasFlagged({ kind: 'ANSWER', id: 'a9' })).to.equal(false);
  });

  it('reads the queue as the signed-in moderator, and says so when nobody is signed in', async () => {
    let variables: unknown;
    worker.use(
      api.query('ModerationQueue', ({ request, variables: sent }) => {
        variables = sent;
        const signedIn = request.headers.get('authorization') === 'Bearer sessie-moderator';
        return HttpResponse.json({ data: { viewer: signedIn ? { id: 'u1', moderationQueue: queuePage } : null } });
      }),
    );
    const page = await client({ getToken: () => 'sessie-moderator' }).moderationQueue({ first: 10 });
    expect(page.edges.map((edge) => edge.node.id)).to.deep.equal(['QUESTION:q1']);
    expect(variables).to.deep.equal({ first: 10, after: null });
    const error = (await client()
      .moderationQueue()
      .catch((e: unknown) => e)) as PleinError;
    expect(error).to.be.instanceOf(PleinError);
    expect(error.kind).to.equal('unauthenticated');
  });

  it('after a moderator’s action drops the cached queue, log and thread, and tells the page', async () => {
    const requests: string[] = [];
    const sent: Record<string, unknown> = {};
    const payload = (name: string) => ({ [name]: { item, errors: [] } });
    worker.use(
      api.query('ModerationQueue', () => {
        requests.push('queue');
        return HttpResponse.json({ data: { viewer: { id: 'u1', moderationQueue: queuePage } } });
      }),
      api.query('QuestionThread', () => {
        requests.push('thread');
        return HttpResponse.json({ data: { question: emptyThread } });
      }),
      ...['ApproveContent', 'RejectContent', 'HideContent', 'RedactContent', 'BlockAuthor'].map((name) =>
        api.mutation(name, ({ variables }) => {
          sent[name] = variables.input;
          const field = name.charAt(0).toLowerCase() + name.slice(1);
          return HttpResponse.json({ data: payload(field) });
        }),
      ),
    );
    const plein = client({ getToken: () => 'sessie-moderator' });
    const changes: string[] = [];
    plein.addEventListener('plein-data-change', (event) => {
      const change = event as PleinDataChangeEvent;
      changes.push(`${change.change}:${change.questionId}`);
    });
    const ref = { kind: 'QUESTION' as const, id: 'q1' };
    await plein.moderationQueue();
    await plein.question('q1');
    await plein.moderationQueue();
    expect(requests).to.deep.equal(['queue', 'thread']);

    await plein.approveContent(ref);
    await plein.moderationQueue();
    await plein.question('q1');
    expect(requests).to.deep.equal(['queue', 'thread', 'queue', 'thread']);

    await plein.rejectContent(ref, 'Dit gaat niet over werk of inkomen.');
    await plein.hideContent(ref, 'Er staat een naam in.');
    await plein.redactContent(ref, { title: 'Nieuwe titel', body: 'Tekst zonder naam', removedKinds: ['name'] });
    await plein.blockAuthor(ref, 'DEVICE', 'Spam');
    expect(sent).to.deep.equal({
      ApproveContent: { content: ref },
      RejectContent: { content: ref, reason: 'Dit gaat niet over werk of inkomen.' },
      HideContent: { content: ref, reason: 'Er staat een naam in.' },
      RedactContent: { content: ref, title: 'Nieuwe titel', body: 'Tekst zonder naam', removedKinds: ['name'] },
      BlockAuthor: { content: ref, scope: 'DEVICE', reason: 'Spam' },
    });
    expect(changes).to.deep.equal(Array.from({ length: 5 }, () => 'question-changed:q1'));
  });

  it('reads the audit log and the settings, and saves the settings for its own community', async () => {
    let input: unknown;
    const settings = { preModeration: 'FIRST_POST', flagThreshold: 3, blockedWords: ['kanker'], heldWords: [] };
    worker.use(
      api.query('AuditLog', () =>
        HttpResponse.json({
          data: { viewer: { id: 'u1', auditLog: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } },
        }),
      ),
      api.query('ModerationSettings', () =>
        HttpResponse.json({ data: { viewer: { id: 'u1', moderationSettings: settings } } }),
      ),
      api.mutation('UpdateModerationSettings', ({ variables }) => {
        input = variables.input;
        return HttpResponse.json({ data: { updateModerationSettings: { settings, errors: [] } } });
      }),
    );
    const plein = client({ getToken: () => 'sessie-admin' });
    expect((await plein.auditLog()).edges).to.deep.equal([]);
    expect(await plein.moderationSettings()).to.deep.equal(settings);
    const fields = { preModeration: 'EVERYTHING' as const, flagThreshold: 5, blockedWords: [], heldWords: ['ontslag'] };
    const saved = await plein.updateModerationSettings(fields);
    expect(saved.errors).to.deep.equal([]);
    expect(input).to.deep.equal({ ...fields, community: 'eemsdelta' });
  });
});
