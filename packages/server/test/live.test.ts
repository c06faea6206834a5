import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { AnswerAddedDocument, QuestionsListDocument } from '@plein/schema';
import { type Client, createClient, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { type FollowHarness, startFollowHarness } from './follow-harness.ts';

const answerAdded = String(AnswerAddedDocument);
const list = String(QuestionsListDocument);

const HOST_ORIGIN = 'https://www.testgemeente.nl';
const OTHER_COMMUNITY_ORIGIN = 'https://www.andere-gemeente.nl';

type Result = FormattedExecutionResult<Record<string, unknown>, unknown>;

interface Subscription {
  /** Every result that arrived, in order. */
  results: Result[];
  /** Resolves with the results once there are `count` of them. */
  received(count: number): Promise<Result[]>;
  /** Resolves with what the server sent when it refused or ended the subscription. */
  ended: Promise<unknown>;
}

describe('live answers over WebSocket', () => {
  let api: FollowHarness;
  let httpUrl: string;
  let questionIds: { ww: string; parttime: string };
  const clients: Client[] = [];
  let subscribedTopics = 0;
  let onSubscribed = () => {};

  before(async () => {
    api = await startFollowHarness();
    await api.services.communities.allowOrigin('testgemeente', HOST_ORIGIN);
    await api.services.communities.create('anderegemeente', 'Andere Gemeente');
    await api.services.communities.allowOrigin('anderegemeente', OTHER_COMMUNITY_ORIGIN);

    // The server has subscribed a socket when Mercurius's pub/sub has registered its topic: from then on nothing
    // published is missed. Counting those registrations lets the test wait for it instead of sleeping.
    const pubsub = api.app.graphql.pubsub as unknown as { subscribe: (...args: unknown[]) => Promise<void> };
    const subscribe = pubsub.subscribe.bind(pubsub);
    pubsub.subscribe = async (...args) => {
      await subscribe(...args);
      subscribedTopics += 1;
      onSubscribed();
    };

    httpUrl = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { body } = await api.graphql(list, { community: 'testgemeente', first: 50 });
    const byTitle = new Map<string, string>(
      body.data.community.questions.edges.map((edge: { node: { id: string; title: string } }) => [
        edge.node.title,
        edge.node.id,
      ]),
    );
    questionIds = {
      ww: byTitle.get('Hoe lang krijg ik WW na twintig jaar werk?')!,
      parttime: byTitle.get('Gedeeltelijk werken naast mijn WW-uitkering')!,
    };
  });

  after(async () => {
    // dispose() of a client whose socket already closed never settles; closing the app ends every socket anyway.
    for (const client of clients) void client.dispose();
    await api.close();
  });

  /** Resolves once the server has registered `count` subscriptions in all. */
  function subscriptionsRegistered(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (subscribedTopics >= count) resolve();
      };
      onSubscribed = check;
      check();
    });
  }

  /** A graphql-ws client as a browser page at `origin` makes it. */
  function clientFrom(origin: string): Client {
    class BrowserLikeWebSocket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols, { headers: { origin } });
      }
    }
    const client = createClient({
      url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: BrowserLikeWebSocket,
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  }

  function subscribeTo(client: Client, questionId: string): Subscription {
    const results: Result[] = [];
    let waiting: { count: number; resolve: (r: typeof results) => void } | undefined;
    let end: (value: unknown) => void = () => {};
    const ended = new Promise<unknown>((resolve) => (end = resolve));
    client.subscribe(
      { query: answerAdded, variables: { questionId } },
      {
        next: (result) => {
          results.push(result);
          if (waiting && results.length >= waiting.count) waiting.resolve(results);
        },
        error: (error) => end(error),
        complete: () => end('complete'),
      },
    );
    return {
      results,
      ended,
      received: (count) =>
        new Promise((resolve) => {
          waiting = { count, resolve };
          if (results.length >= count) resolve(results);
        }),
    };
  }

  /** Posts an answer over real HTTP, as the answer form on the host page does. */
  async function postAnswer(questionId: string, body: string): Promise<{ id: string }> {
    const response = await fetch(`${httpUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: HOST_ORIGIN },
      body: JSON.stringify({
        query:
          'mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { answer { id } errors { code } } }',
        variables: {
          input: { questionId, body, idempotencyKey: `live-${Math.random().toString(36).slice(2)}` },
        },
      }),
    });
    const result = (await response.json()) as {
      data: { answerQuestion: { answer: { id: string }; errors: unknown[] } };
    };
    assert.deepEqual(result.data.answerQuestion.errors, []);
    return result.data.answerQuestion.answer;
  }

  it('sends a new answer to the sockets that follow its question, and only to those', async () => {
    const ww = subscribeTo(clientFrom(HOST_ORIGIN), questionIds.ww);
    const parttime = subscribeTo(clientFrom(HOST_ORIGIN), questionIds.parttime);
    await subscriptionsRegistered(2);

    const posted = await postAnswer(questionIds.ww, 'U krijgt WW zo lang als uw arbeidsverleden het toelaat.');
    const [first] = await ww.received(1);
    assert.equal(first!.errors, undefined);
    const { createdAt, ...answer } = (first!.data as { answerAdded: Record<string, unknown> }).answerAdded;
    assert.deepEqual(answer, {
      id: posted.id,
      body: 'U krijgt WW zo lang als uw arbeidsverleden het toelaat.',
      isAccepted: false,
      helpfulCount: 0,
      publication: 'PUBLISHED',
      questionId: questionIds.ww,
      sourceUrl: null,
      reviewedOn: null,
      // Only the writer (owner token) and moderators read a reason; a live update is for everyone.
      moderationReason: null,
      handOff: [],
      author: { displayName: 'Anoniem', role: 'CITIZEN', expert: null },
    });
    assert.match(String(createdAt), /^\d{4}-\d{2}-\d{2}T/);

    // Messages on one socket arrive in order: had the first answer gone to the other question's socket, it would
    // have arrived before this one.
    const other = await postAnswer(questionIds.parttime, 'Geef uw inkomsten elke maand door aan het UWV.');
    const received = await parttime.received(1);
    assert.deepEqual(
      received.map((result) => (result.data as { answerAdded: { id: string } }).answerAdded.id),
      [other.id],
    );
    assert.equal(ww.results.length, 1, 'the first socket got only its own question’s answer');
  });

  // Without the server closing it, the connection would stay open and the test would wait: the timeout fails it.
  it(
    'refuses a WebSocket from a page that no community registered, and closes the connection',
    { timeout: 10_000 },
    async () => {
      const socket = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
        headers: { origin: 'https://kwaadwillend.example' },
      });
      const response = await new Promise<IncomingMessage>((resolve, reject) => {
        socket.on('unexpected-response', (_request, answer) => resolve(answer));
        socket.on('open', () => reject(new Error('the socket was opened')));
        socket.on('error', () => {});
      });
      assert.equal(response.statusCode, 403);
      // The server closes the connection: left half open, it would hold up the server's shutdown.
      const connection = response.socket;
      if (!connection.closed) await new Promise((resolve) => connection.once('close', resolve));
      socket.terminate();
    },
  );

  it("refuses a subscription from another community's page and for an unknown question", async () => {
    const before = subscribedTopics;
    const foreign = subscribeTo(clientFrom(OTHER_COMMUNITY_ORIGIN), questionIds.ww);
    const refused = (await foreign.ended) as { message: string; extensions?: { code?: string } }[];
    assert.deepEqual(
      refused.map((error) => error.extensions?.code),
      ['FORBIDDEN'],
    );
    assert.equal(
      refused[0]!.message,
      'Deze website mag de community niet gebruiken. De beheerder kan de website toevoegen.',
    );

    const unknown = subscribeTo(clientFrom(HOST_ORIGIN), 'bestaat-niet');
    const missing = (await unknown.ended) as { message: string; extensions?: { code?: string } }[];
    assert.deepEqual(
      missing.map((error) => error.extensions?.code),
      ['BAD_USER_INPUT'],
    );
    assert.equal(missing[0]!.message, 'Deze vraag bestaat niet (meer).');
    assert.equal(subscribedTopics, before, 'neither subscription was registered');
    assert.deepEqual(foreign.results, []);
  });
});
