import { expect, waitUntil } from '@open-wc/testing';
import { graphql, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createPleinClient } from '../src/index.ts';
import {
  type AnswerSnapshot,
  type LiveAnswer,
  type LiveStatus,
  subscribeToAnswers,
  type WebSocketLike,
} from '../src/live.ts';

// The socket is a fake injected through `webSocketImpl`: these tests check what the client says and does with the
// graphql-ws messages. The real socket against Mercurius is covered by the e2e tests.

type Message = { type: string; id?: string; payload?: unknown };

class FakeSocket implements WebSocketLike {
  static made: FakeSocket[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  readonly sent: Message[] = [];
  closedWith: number | undefined;

  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {
    FakeSocket.made.push(this);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Message);
  }

  close(code?: number): void {
    this.closedWith = code ?? 1000;
  }

  /** The server side of the conversation. */
  open(): void {
    this.onopen?.(new Event('open'));
  }

  receive(message: Message): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) }));
  }

  drop(): void {
    this.onerror?.(new Event('error'));
    this.onclose?.(new CloseEvent('close', { code: 1006 }));
  }

  sentTypes(): string[] {
    return this.sent.map((message) => message.type);
  }
}

const latest = () => FakeSocket.made.at(-1)!;

function answer(id: string, minutesAgo: number, displayName = 'Jannie'): LiveAnswer {
  return {
    id,
    body: `Antwoord ${id}`,
    createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    isAccepted: false,
    helpfulCount: 0,
    publication: 'PUBLISHED',
    questionId: 'q1',
    sourceUrl: null,
    reviewedOn: null,
    moderationReason: null,
    handOff: [],
    author: { displayName, role: 'CITIZEN', expert: null },
  };
}

/** A thread the poll reads; tests change it between polls. */
function pollSource(initial: AnswerSnapshot) {
  const source = { snapshot: initial, polls: 0, failing: false };
  const poll = async () => {
    source.polls += 1;
    if (source.failing) throw new Error('offline');
    return source.snapshot;
  };
  return Object.assign(source, { poll });
}

function feed(
  options: { poll?: (signal: AbortSignal) => Promise<AnswerSnapshot>; knownIds?: string[]; knownTotal?: number } = {},
) {
  const received: string[] = [];
  const statuses: LiveStatus[] = [];
  const subscription = subscribeToAnswers(
    'q1',
    (added) => received.push(added.id),
    (status) => statuses.push(status),
    {
      url: 'wss://plein.test/graphql',
      poll: options.poll ?? (() => new Promise(() => undefined)),
      knownAnswerIds: options.knownIds ?? ['a1', 'a2'],
      knownTotal: options.knownTotal ?? options.knownIds?.length ?? 2,
      webSocketImpl: FakeSocket,
      pollIntervalMs: 20,
      reconnectDelayMs: 60,
      maxReconnectDelayMs: 200,
      connectTimeoutMs: 500,
    },
  );
  return { received, statuses, subscription };
}

describe('live answers (graphql-ws protocol)', () => {
  let subscriptions: { close(): void }[] = [];
  const track = <T extends { subscription: { close(): void } }>(value: T): T => {
    subscriptions.push(value.subscription);
    return value;
  };

  beforeEach(() => (FakeSocket.made = []));
  afterEach(() => {
    subscriptions.forEach((subscription) => subscription.close());
    subscriptions = [];
  });

  it('greets the server, subscribes to the question after the ack, and reports each new answer once', async () => {
    const { received, statuses } = track(feed());
    const socket = latest();
    expect(socket.url).to.equal('wss://plein.test/graphql');
    expect(socket.protocols).to.equal('graphql-transport-ws');
    expect(statuses).to.deep.equal(['connecting']);

    socket.open();
    expect(socket.sentTypes()).to.deep.equal(['connection_init']);
    socket.receive({ type: 'connection_ack' });
    expect(statuses).to.deep.equal(['connecting', 'live']);
    const subscribe = socket.sent[1] as { id: string; type: string; payload: Record<string, unknown> };
    expect(subscribe.type).to.equal('subscribe');
    expect(subscribe.payload.operationName).to.equal('AnswerAdded');
    expect(subscribe.payload.variables).to.deep.equal({ questionId: 'q1' });
    expect(String(subscribe.payload.query)).to.match(/^\s*subscription AnswerAdded\(\$questionId: ID!\)/);

    const next = (added: LiveAnswer) =>
      socket.receive({ id: subscribe.id, type: 'next', payload: { data: { answerAdded: added } } });
    next(answer('a3', 0));
    next(answer('a3', 0));
    next(answer('a1', 60));
    socket.receive({ id: 'someone-else', type: 'next', payload: { data: { answerAdded: answer('a9', 0) } } });
    next(answer('a4', 0));
    expect(received).to.deep.equal(['a3', 'a4']);
  });

  it('answers the server’s ping with a pong', () => {
    track(feed());
    const socket = latest();
    socket.open();
    socket.receive({ type: 'connection_ack' });
    socket.receive({ type: 'ping' });
    expect(socket.sentTypes().at(-1)).to.equal('pong');
  });

  it('polls when the socket cannot connect, reports only what is new, and reconnects with a growing wait', async () => {
    const source = pollSource({ answers: [answer('a1', 60), answer('a2', 50)], totalCount: 2, complete: true });
    const { received, statuses } = track(feed({ poll: source.poll }));
    const first = latest();
    const started = performance.now();
    first.drop();
    expect(statuses).to.deep.equal(['connecting', 'polling']);
    expect(first.closedWith).to.equal(1000);

    await waitUntil(() => source.polls >= 2, 'two polls');
    expect(received).to.deep.equal([]);
    source.snapshot = {
      answers: [answer('a1', 60), answer('a2', 50), answer('a5', 1, 'Piet')],
      totalCount: 3,
      complete: true,
    };
    await waitUntil(() => received.length === 1, 'the new answer from a poll');
    expect(received).to.deep.equal(['a5']);

    // Reconnects: the first after about 60 ms, the next after twice that.
    await waitUntil(() => FakeSocket.made.length === 2, 'a second socket', { timeout: 2000 });
    const firstWait = performance.now() - started;
    latest().drop();
    const dropped = performance.now();
    await waitUntil(() => FakeSocket.made.length === 3, 'a third socket', { timeout: 2000 });
    expect(firstWait).to.be.at.least(55);
    expect(performance.now() - dropped).to.be.at.least(115);
    expect(statuses).to.deep.equal(['connecting', 'polling']);
  });

  it('goes back to the socket when it works again, with one poll for what came in meanwhile', async () => {
    const source = pollSource({ answers: [answer('a1', 60), answer('a2', 50)], totalCount: 2, complete: true });
    const { received, statuses } = track(feed({ poll: source.poll }));
    latest().drop();
    await waitUntil(() => FakeSocket.made.length === 2, 'a second socket', { timeout: 2000 });
    source.snapshot = {
      answers: [answer('a1', 60), answer('a2', 50), answer('a6', 0)],
      totalCount: 3,
      complete: true,
    };
    const pollsBefore = source.polls;
    const socket = latest();
    socket.open();
    socket.receive({ type: 'connection_ack' });
    expect(statuses).to.deep.equal(['connecting', 'polling', 'live']);
    await waitUntil(() => received.length === 1, 'the answer missed while the socket was down');
    expect(received).to.deep.equal(['a6']);
    // The catch-up poll came in; after it, no more polling while the socket is up.
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(source.polls - pollsBefore).to.be.at.most(2);
    const settled = source.polls;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(source.polls).to.equal(settled);
  });

  it('does not take older answers the reader has not loaded yet for new ones', async () => {
    // The page shows a1 and a2 of a thread of four; a3 and a4 are older answers on the next page. Then a5 arrives.
    const older = [answer('a1', 90), answer('a2', 80), answer('a3', 70), answer('a4', 60)];
    const source = pollSource({ answers: [...older, answer('a5', 0)], totalCount: 5, complete: true });
    const { received } = track(feed({ poll: source.poll, knownTotal: 4 }));
    latest().drop();
    await waitUntil(() => received.length > 0, 'the new answer');
    expect(received).to.deep.equal(['a5']);
    await waitUntil(() => source.polls >= 3, 'more polls');
    expect(received).to.deep.equal(['a5']);
  });

  it('reports nothing from a poll that does not hold the whole thread, but counts on from it', async () => {
    const source = pollSource({ answers: [answer('a1', 60), answer('a7', 0)], totalCount: 60, complete: false });
    const { received } = track(feed({ poll: source.poll }));
    latest().drop();
    await waitUntil(() => source.polls >= 2, 'two polls');
    expect(received).to.deep.equal([]);
    source.snapshot = { answers: [answer('a1', 60), answer('a7', 0), answer('a8', 0)], totalCount: 3, complete: true };
    await waitUntil(() => source.polls >= 4, 'more polls');
    expect(received).to.deep.equal([]);
  });

  it('keeps polling after a failed poll', async () => {
    const source = pollSource({ answers: [answer('a1', 60), answer('a2', 50)], totalCount: 2, complete: true });
    source.failing = true;
    const { received } = track(feed({ poll: source.poll }));
    latest().drop();
    await waitUntil(() => source.polls >= 2, 'polls that fail');
    source.failing = false;
    source.snapshot = { ...source.snapshot, answers: [...source.snapshot.answers, answer('a3', 0)], totalCount: 3 };
    await waitUntil(() => received.length === 1, 'the answer once the server is back');
  });

  it('falls back when the server never acknowledges, or ends the subscription', async () => {
    const { statuses } = track(feed());
    const silent = latest();
    silent.open();
    await waitUntil(() => statuses.includes('polling'), 'gives up after the connect timeout', { timeout: 2000 });
    expect(silent.closedWith).to.equal(1000);

    const other = track(feed());
    const socket = latest();
    socket.open();
    socket.receive({ type: 'connection_ack' });
    const id = (socket.sent[1] as { id: string }).id;
    socket.receive({ id, type: 'error', payload: [{ message: 'Onbekende vraag' }] });
    expect(other.statuses).to.deep.equal(['connecting', 'live', 'polling']);
  });

  it('polls only, without a socket, where there is no WebSocket', async () => {
    const source = pollSource({ answers: [], totalCount: 0, complete: true });
    const statuses: LiveStatus[] = [];
    const subscription = subscribeToAnswers(
      'q1',
      () => undefined,
      (status) => statuses.push(status),
      {
        url: 'wss://plein.test/graphql',
        poll: source.poll,
        webSocketImpl: null,
        pollIntervalMs: 20,
      },
    );
    subscriptions.push(subscription);
    await waitUntil(() => source.polls >= 2, 'polls');
    expect(statuses).to.deep.equal(['polling']);
    expect(FakeSocket.made).to.have.length(0);
  });

  it('stops everything on close: the subscription, the socket, the polls and the reconnects', async () => {
    const source = pollSource({ answers: [], totalCount: 0, complete: true });
    const live = feed({ poll: source.poll });
    const socket = latest();
    socket.open();
    socket.receive({ type: 'connection_ack' });
    live.subscription.close();
    expect(socket.sentTypes().at(-1)).to.equal('complete');
    expect(socket.closedWith).to.equal(1000);
    expect(live.statuses.at(-1)).to.equal('closed');
    socket.receive({ id: 'answers', type: 'next', payload: { data: { answerAdded: answer('a3', 0) } } });
    expect(live.received).to.deep.equal([]);

    const dropped = feed({ poll: source.poll });
    latest().drop();
    dropped.subscription.close();
    const polls = source.polls;
    const sockets = FakeSocket.made.length;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect([source.polls, FakeSocket.made.length]).to.deep.equal([polls, sockets]);
  });
});

describe('client.subscribeToAnswers', () => {
  const endpoint = 'https://client.test/graphql';
  const api = graphql.link(endpoint);
  const worker = setupWorker();
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());
  beforeEach(() => (FakeSocket.made = []));

  it('opens the socket on the endpoint’s wss:// address, and polls the thread past the cache', async () => {
    const firsts: number[] = [];
    let answers = [answer('a1', 60)];
    worker.use(
      api.query('QuestionThread', ({ variables }) => {
        firsts.push(Number(variables.first));
        return HttpResponse.json({
          data: {
            question: {
              id: 'q1',
              answers: {
                totalCount: answers.length,
                pageInfo: { hasNextPage: false, endCursor: null },
                edges: answers.map((node) => ({ cursor: node.id, node })),
              },
            },
          },
        });
      }),
    );
    const plein = createPleinClient({ endpoint, community: 'eemsdelta', cacheTtlMs: 60_000 });
    const received: string[] = [];
    const subscription = plein.subscribeToAnswers('q1', (added) => received.push(added.id), undefined, {
      knownAnswerIds: ['a1'],
      knownTotal: 1,
      webSocketImpl: FakeSocket,
      pollIntervalMs: 20,
      reconnectDelayMs: 10_000,
    });
    try {
      await waitUntil(() => FakeSocket.made.length === 1, 'the socket, once the live code is loaded');
      expect(latest().url).to.equal('wss://client.test/graphql');
      latest().drop();
      await waitUntil(() => firsts.length >= 2, 'two polls, both reaching the server');
      expect(firsts[0]).to.equal(50);
      answers = [answer('a1', 60), answer('a2', 0)];
      await waitUntil(() => received.length === 1, 'the new answer');
      expect(received).to.deep.equal(['a2']);
    } finally {
      subscription.close();
    }
  });
});
