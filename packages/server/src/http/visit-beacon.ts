import type { FastifyInstance, FastifyReply, FastifyRequest, LogLevel } from 'fastify';
import { localeFromHeader } from '../i18n/locale.ts';
import { messages, type VisitRefusal } from '../i18n/messages.ts';
import type { Services } from '../services/services.ts';
import { VisitRefused } from '../services/visit-service.ts';
import { requestOrigin } from './cors.ts';

/** A beacon names a community, a page and at most 20 tags: far below this. */
const BEACON_BODY_LIMIT = 2 * 1024;

/** The refusals Fastify itself makes before the handler runs, by status. */
const refusalOfStatus: Readonly<Record<number, VisitRefusal>> = { 413: 'TOO_LARGE', 415: 'CONTENT_TYPE' };

/** Log levels from the most to the least verbose; see `quietLevel`. */
const levels: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/**
 * A beacon's request is not logged: a line per visit would keep its moment to the millisecond, and the counts keep
 * only the day. Failures (warn and up) still are, without anything of the request. A quieter server log stays quieter.
 */
function quietLevel(serverLevel: string): LogLevel {
  const level = levels.find((known) => known === serverLevel) ?? 'info';
  return levels.indexOf(level) > levels.indexOf('warn') ? level : 'warn';
}

export function sendVisitRefusal(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  reason: VisitRefusal,
): FastifyReply {
  const texts = messages[localeFromHeader(request.headers['accept-language'])].visits;
  return reply.code(status).send({ error: texts[reason] });
}

/**
 * `POST /visits`: the elements' anonymous visit counts (services/visit-service.ts). The client sends them with
 * `navigator.sendBeacon` as `text/plain`, which a browser sends across sites without a CORS preflight; the body is
 * JSON all the same. `application/json` is accepted too. 204 when counted; 400 with `{ "error": "…" }` in the
 * request's language when anything is wrong. Rate limited per keyed address hash (http/rate-limits.ts).
 */
export async function visitBeacon(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  // Encapsulated in this plugin: both types arrive as text, and only here.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['text/plain', 'application/json'],
    { parseAs: 'string', bodyLimit: BEACON_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status < 500) return sendVisitRefusal(request, reply, status, refusalOfStatus[status] ?? 'BODY');
    // The kind of failure only: a database error can quote the values it was given.
    request.log.error({ failure: error.code ?? error.name }, 'visit count failed');
    const texts = messages[localeFromHeader(request.headers['accept-language'])].errors;
    return reply.code(500).send({ error: texts.INTERNAL_SERVER_ERROR });
  });

  // Host sites on other origins send the beacon (mode no-cors). With helmet's `same-origin` on the answer, the browser
  // reports every beacon as a failed load in the host page's console; the answer says nothing (204, or a refusal).
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cross-origin-resource-policy', 'cross-origin');
  });

  app.post('/visits', { logLevel: quietLevel(app.log.level) }, async (request, reply) => {
    let beacon: unknown;
    try {
      beacon = JSON.parse(typeof request.body === 'string' ? request.body : '');
    } catch {
      return sendVisitRefusal(request, reply, 400, 'BODY');
    }
    try {
      await services.visits.count(beacon, requestOrigin(request));
    } catch (error) {
      if (error instanceof VisitRefused) return sendVisitRefusal(request, reply, 400, error.reason);
      throw error;
    }
    return reply.code(204).send();
  });
}
