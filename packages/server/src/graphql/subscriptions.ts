import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { requestOrigin } from '../http/cors.ts';
import { localeFromHeader } from '../i18n/locale.ts';
import { messages } from '../i18n/messages.ts';
import { ServiceError } from '../services/errors.ts';
import { LIVE_CHANNEL_PREFIX, type LiveEmitter } from './live-emitter.ts';
import type { Answer, Question } from '../services/models.ts';
import type { Services } from '../services/services.ts';

/** The pub/sub topic of one question's new answers (a Redis channel when instances share Redis). */
const answerAddedTopic = (questionId: string) => `${LIVE_CHANNEL_PREFIX}answer-added:${questionId}`;

/**
 * Options for Mercurius's `subscription`: GraphQL over WebSocket (graphql-ws and the older subscriptions-transport-ws
 * protocol) on `/graphql`. One instance alone uses Mercurius's in-memory emitter; instances that share Redis pass
 * `live` (graphql/live-emitter.ts), so a subscriber on one instance hears an answer posted on another. The upgrade
 * request passes the same origin check as every GraphQL request (http/cors.ts), and `answerAdded` checks that the
 * page's origin belongs to the question's community.
 */
export function liveUpdateOptions(services: Services, live?: LiveEmitter) {
  return {
    keepAlive: 30_000,
    ...(live && { emitter: live.emitter }),
    context: (_socket: unknown, request: FastifyRequest) => ({
      services,
      locale: localeFromHeader(request.headers['accept-language']),
      // Mercurius copies connection_init payload fields into `request.headers` when they are missing there, so the
      // origin is read from the upgrade request now, once, and not from those headers later.
      request: { ...requestOrigin(request), headers: request.headers },
    }),
  };
}

/**
 * Forwards every published answer to the sockets that follow its question, until the app closes. Also closes the
 * connection of an upgrade request that got an ordinary HTTP answer instead of a WebSocket (a refused origin, an
 * unknown path): Node leaves such a socket half open, and it would hold up shutdown and use a connection forever.
 */
export function registerLiveAnswers(app: FastifyInstance, services: Services): void {
  const stop = services.events.on(
    'answer-published',
    ({ answer, question }) =>
      new Promise<void>((resolve) =>
        app.graphql.pubsub.publish({ topic: answerAddedTopic(question.id), payload: { answerAdded: answer } }, () =>
          resolve(),
        ),
      ),
  );
  app.addHook('onClose', async () => stop());
  // A WebSocket that was accepted is hijacked by its handler and never reaches onResponse.
  app.addHook('onResponse', async (request) => {
    if (request.headers.upgrade?.toLowerCase() === 'websocket') request.raw.socket?.destroy();
  });
}

/** `Subscription.answerAdded`: a published question from an allowed page, then every new published answer on it. */
export const answerAdded = {
  subscribe: async (_root: unknown, { questionId }: { questionId: string }, context: MercuriusContext) => {
    const texts = messages[context.locale];
    let question: Question | null;
    try {
      // byId checks the page's origin against the question's community; unknown and held questions are null.
      question = await context.services.questions.byId(questionId, context.request);
    } catch (error) {
      // Errors thrown here reach the socket as they are, so they get their words and code now.
      if (error instanceof ServiceError)
        throw new GraphQLError(texts.errors[error.messageKey], { extensions: { code: error.code } });
      throw error;
    }
    if (!question) {
      throw new GraphQLError(texts.userErrors.UNKNOWN_QUESTION({}), { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return context.pubsub.subscribe(answerAddedTopic(question.id));
  },
  resolve: (payload: { answerAdded: Answer }) => payload.answerAdded,
};
