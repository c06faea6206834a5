import { expect } from '@open-wc/testing';
import * as documents from '@plein/schema';
import { parse as realParse } from 'graphql';
import { delay, graphql, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createPleinClient, PleinError } from '../src/index.ts';
import * as shim from '../src/graphql-shim.ts';

// The community server is mocked with msw (a service worker) in these tests; e2e/ runs the real one.
const endpoint = 'https://client.test/graphql';
const api = graphql.link(endpoint);
const worker = setupWorker();

const emptyPage = { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };
const listBody = { data: { community: { id: 'c1', questions: emptyPage } } };
const fastRetry = { attempts: 3, baseDelayMs: 5 };

function client(options: Partial<Parameters<typeof createPleinClient>[0]> = {}) {
  return createPleinClient({ endpoint, community: 'eemsdelta', retry: fastRetry, ...options });
}

describe('graphql shim', () => {
  it('reads the same operation name and type as graphql itself, for every generated document', () => {
    const generated = Object.entries(documents).filter(
      ([name, value]) => name.endsWith('Document') && value instanceof documents.TypedDocumentString,
    );
    expect(generated.length).to.be.greaterThan(5);
    for (const [, document] of generated) {
      const real = realParse(String(document)).definitions.find((d) => d.kind === 'OperationDefinition');
      const ours = shim.parse(String(document)).definitions[0]!;
      expect(ours.operation).to.equal(real && 'operation' in real ? real.operation : undefined);
      expect(ours.name.value).to.equal(real && 'name' in real ? real.name?.value : undefined);
    }
  });

  it('refuses to print a document AST', () => {
    expect(() => shim.print()).to.throw(/strings/);
  });
});

describe('createPleinClient', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());

  it('shares one request between identical calls in flight, and serves the next from its cache', async () => {
    let requests = 0;
    worker.use(
      api.query('QuestionsList', async () => {
        requests++;
        await delay(30);
        return HttpResponse.json(listBody);
      }),
    );
    const plein = client();
    await Promise.all([plein.questions({ first: 20 }), plein.questions({ first: 20 })]);
    expect(requests).to.equal(1);
    await plein.questions({ first: 20 });
    expect(requests).to.equal(1);
    await plein.questions({ first: 10 });
    expect(requests).to.equal(2);
  });

  it('drops cached lists after a question is asked and tells listeners', async () => {
    let requests = 0;
    worker.use(
      api.query('QuestionsList', () => {
        requests++;
        return HttpResponse.json(listBody);
      }),
      api.mutation('AskQuestion', () =>
        HttpResponse.json({
          data: { askQuestion: { question: { id: 'q9', title: 'x' }, ownerToken: 'token', errors: [] } },
        }),
      ),
    );
    const plein = client();
    const changes: string[] = [];
    plein.addEventListener('plein-data-change', (event) => changes.push((event as Event & { change: string }).change));
    await plein.questions({ first: 20 });
    await plein.askQuestion({
      topic: 'ww',
      title: 'Een vraag over de WW',
      body: 'Uitleg',
      idempotencyKey: 'key-12345678',
    });
    await plein.questions({ first: 20 });
    expect(requests).to.equal(2);
    expect(changes).to.deep.equal(['question-asked']);
  });

  it('retries a failed ask with the same idempotency key until it succeeds', async () => {
    const keys: string[] = [];
    worker.use(
      api.mutation('AskQuestion', ({ variables }) => {
        keys.push((variables.input as { idempotencyKey: string }).idempotencyKey);
        if (keys.length < 3) return HttpResponse.error();
        return HttpResponse.json({ data: { askQuestion: { question: { id: 'q1' }, ownerToken: 't', errors: [] } } });
      }),
    );
    const plein = client();
    const key = plein.newIdempotencyKey();
    const payload = await plein.askQuestion({
      topic: 'ww',
      title: 'Titel van de vraag',
      body: 'Uitleg',
      idempotencyKey: key,
    });
    expect(payload.question?.id).to.equal('q1');
    expect(keys).to.deep.equal([key, key, key]);
  });

  it('gives up after the last attempt with a Dutch network error that can be retried', async () => {
    let requests = 0;
    worker.use(
      api.query('QuestionsList', () => {
        requests++;
        return HttpResponse.error();
      }),
    );
    const error = await client()
      .questions({ first: 20 })
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(PleinError);
    expect((error as PleinError).kind).to.equal('network');
    expect((error as PleinError).retryable).to.equal(true);
    expect((error as PleinError).message).to.contain('geen verbinding');
    expect(requests).to.equal(3);
  });

  it('turns server error codes into kinds, keeping the server text where it is meant for people', async () => {
    worker.use(
      api.query('QuestionsList', () =>
        HttpResponse.json(
          {
            data: null,
            errors: [{ message: 'Deze website mag de community niet gebruiken.', extensions: { code: 'FORBIDDEN' } }],
          },
          { status: 403 },
        ),
      ),
      api.query('QuestionThread', () =>
        HttpResponse.json({
          data: null,
          errors: [{ message: 'x is broken', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        }),
      ),
    );
    const plein = client();
    const forbidden = (await plein.questions({}).catch((e: unknown) => e)) as PleinError;
    expect([forbidden.kind, forbidden.code, forbidden.retryable]).to.deep.equal(['forbidden', 'FORBIDDEN', false]);
    expect(forbidden.message).to.equal('Deze website mag de community niet gebruiken.');
    const internal = (await plein.question('q1').catch((e: unknown) => e)) as PleinError;
    expect(internal.kind).to.equal('server');
    expect(internal.message).to.equal('Er ging iets mis bij de community. Probeer het later opnieuw.');
  });

  it('says "not found" for an unknown community, in English when asked', async () => {
    worker.use(api.query('QuestionsList', () => HttpResponse.json({ data: { community: null } })));
    const error = (await client({ locale: 'en' })
      .questions({})
      .catch((e: unknown) => e)) as PleinError;
    expect(error.kind).to.equal('not-found');
    expect(error.message).to.equal('This cannot be found (any more).');
  });

  it('times out a slow server with a clear message, and stops when the caller aborts', async () => {
    worker.use(
      api.query('QuestionsList', async () => {
        await delay('infinite');
        return HttpResponse.json(listBody);
      }),
    );
    const slow = (await client({ timeoutMs: 50, retry: { attempts: 1, baseDelayMs: 1 } })
      .questions({})
      .catch((e: unknown) => e)) as PleinError;
    expect(slow.kind).to.equal('timeout');
    expect(slow.message).to.contain('duurt te lang');

    const controller = new AbortController();
    const pending = client().questions({ search: 'afbreken' }, { signal: controller.signal });
    controller.abort();
    const aborted = (await pending.catch((e: unknown) => e)) as PleinError;
    expect(aborted.kind).to.equal('aborted');
  });

  it('sends the language and a bearer token, and no cookies', async () => {
    let seen: { language: string | null; authorization: string | null; credentials: string } | undefined;
    worker.use(
      api.query('QuestionsList', ({ request }) => {
        seen = {
          language: request.headers.get('accept-language'),
          authorization: request.headers.get('authorization'),
          credentials: request.credentials,
        };
        return HttpResponse.json(listBody);
      }),
    );
    await client({ locale: 'en', getToken: async () => 'secret-token' }).questions({});
    expect(seen).to.deep.equal({ language: 'en', authorization: 'Bearer secret-token', credentials: 'omit' });
  });
});
