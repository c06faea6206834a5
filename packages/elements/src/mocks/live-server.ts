import type { AnswerNode } from '@plein/client';
import { ws } from 'msw';
import { MOCK_WS_ENDPOINT } from './fixtures.ts';

type Connection = { send(data: string): void; close(): void };

/**
 * The mocked community's socket: a small graphql-ws ("graphql-transport-ws") server for tests and stories. It
 * acknowledges, answers pings, remembers each subscription, and sends an answer to every subscriber of its question
 * with `publish`. With `refuse`, it closes every socket at once, so the thread falls back to polling.
 */
export function liveServer(options: { refuse?: boolean } = {}) {
  const subscriptions = new Map<Connection, { id: string; questionId: string }>();
  const server = {
    /** How many sockets were opened, refused ones included. */
    connections: 0,
    subscriptions,
    handler: ws.link(MOCK_WS_ENDPOINT).addEventListener('connection', ({ client }) => {
      server.connections += 1;
      if (options.refuse) {
        client.close();
        return;
      }
      client.addEventListener('message', (event) => {
        let message: { type?: string; id?: string; payload?: { variables?: { questionId?: string } } };
        try {
          message = JSON.parse(String(event.data)) as typeof message;
        } catch {
          return;
        }
        if (message.type === 'connection_init') client.send(JSON.stringify({ type: 'connection_ack' }));
        else if (message.type === 'ping') client.send(JSON.stringify({ type: 'pong' }));
        else if (message.type === 'subscribe' && message.id) {
          subscriptions.set(client, { id: message.id, questionId: String(message.payload?.variables?.questionId) });
        } else if (message.type === 'complete') subscriptions.delete(client);
      });
      client.addEventListener('close', () => subscriptions.delete(client));
    }),
    /** Sends a new answer to everyone who follows its question. */
    publish(answer: AnswerNode) {
      for (const [client, { id, questionId }] of subscriptions) {
        if (questionId !== answer.questionId) continue;
        client.send(JSON.stringify({ id, type: 'next', payload: { data: { answerAdded: answer } } }));
      }
    },
  };
  return server;
}
