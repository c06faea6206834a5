import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { localeFromHeader } from '../i18n/locale.ts';
import { messages } from '../i18n/messages.ts';
import type { RequestOrigin } from '../services/community-service.ts';
import type { Services } from '../services/services.ts';

export function requestOrigin(request: FastifyRequest): RequestOrigin {
  const origin = request.headers.origin;
  return {
    // Browsers send "null" from sandboxed frames and file pages: that is never a registered host.
    origin: typeof origin === 'string' && origin !== '' ? origin : undefined,
    ownOrigin: `${request.protocol}://${request.host}`,
  };
}

/**
 * CORS allowlist: a browser page may call the API only from an origin that some community registered (or from this
 * server's own pages). GraphQL resolvers then check that the origin belongs to the community asked for.
 */
export async function registerCors(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(cors, {
    delegator: (request, callback) => {
      // The embed bundle is a public file that any host page loads as a module script, which needs CORS.
      if (request.url.startsWith('/embed/')) return callback(null, { origin: '*', methods: ['GET'] });
      services.communities
        .isKnownOrigin(requestOrigin(request))
        .then((allowed) =>
          callback(null, {
            origin: allowed ? (request.headers.origin ?? false) : false,
            methods: ['GET', 'POST'],
            // plein-device: the widget's random device key (services/device-keys.ts).
            allowedHeaders: ['content-type', 'authorization', 'accept-language', 'plein-device'],
            maxAge: 600,
          }),
        )
        .catch((error: Error) => callback(error));
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/graphql') || request.method === 'OPTIONS') return;
    if (!(await services.communities.isKnownOrigin(requestOrigin(request)))) {
      return reply.code(403).send({
        data: null,
        errors: [
          {
            message: messages[localeFromHeader(request.headers['accept-language'])].errors.ORIGIN,
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      });
    }
  });
}
