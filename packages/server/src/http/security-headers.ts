import helmet from '@fastify/helmet';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** A Host header fit to repeat in a policy: a name or address and a port, nothing that could end a directive. */
export function webSocketSources(request: IncomingMessage): string {
  const host = request.headers.host ?? '';
  return /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * The policy of the pages this server serves itself (the example host pages at `/`, health): only its own scripts
 * (`/embed/plein.js`) and style sheets. The elements style themselves with constructable style sheets, which
 * `style-src 'self'` allows without 'unsafe-inline'. Images may come from https (expert photos) and `data:` (the
 * examples' empty favicon); live answers open a WebSocket to this same host, which not every browser counts as
 * 'self'. Nothing may frame these pages.
 */
export const pageDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'https:'],
  'connect-src': ["'self'", (request: IncomingMessage) => webSocketSources(request)],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Security headers with @fastify/helmet.
 * - Pages (examples, health, 404s): the policy above, `Referrer-Policy: no-referrer`, `nosniff`, no framing, HSTS
 *   without subdomains (this server cannot speak for the rest of a municipality's domain).
 * - `/embed/*`: public files that other sites load, so `Cross-Origin-Resource-Policy: cross-origin` (and CORS `*`,
 *   http/cors.ts); no page policy and no frame rule, so the iframe page of the embed can be framed by host sites.
 * - `/graphql`: JSON for the widgets: `nosniff` and `no-referrer` only, set directly, because @fastify/helmet builds
 *   its middleware again for every request and this route is the hot path.
 * Pages with a policy of their own (http/notification-pages.ts, http/oidc-routes.ts) set it on the reply, which
 * replaces the one set here.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: false,
    contentSecurityPolicy: { useDefaults: false, directives: pageDirectives },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0]!;
    if (path === '/graphql') {
      reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    } else if (path.startsWith('/embed/')) {
      reply.helmet({
        contentSecurityPolicy: false,
        frameguard: false,
        crossOriginResourcePolicy: { policy: 'cross-origin' },
      });
    } else {
      reply.helmet();
    }
  });
}
