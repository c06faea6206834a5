import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import mercurius from 'mercurius';
import type { PleinContext } from './graphql/context.ts';
import { formatErrors } from './graphql/error-formatter.ts';
import {
  defaultGraphQLLimits,
  type GraphQLLimits,
  graphqlValidationRules,
  registerGraphQLGuards,
} from './graphql/limits.ts';
import { PersistedOperations } from './graphql/persisted-operations.ts';
import { loaders, resolvers } from './graphql/resolvers.ts';
import { redisLiveEmitter } from './graphql/live-emitter.ts';
import { liveUpdateOptions, registerLiveAnswers } from './graphql/subscriptions.ts';
import { appointmentPages } from './http/appointment-pages.ts';
import { registerCors, requestOrigin } from './http/cors.ts';
import { embedFramePage } from './http/embed-frame.ts';
import { cspStrictPages } from './http/csp-strict-pages.ts';
import { notificationPages } from './http/notification-pages.ts';
import { oidcRoutes } from './http/oidc-routes.ts';
import { type RateLimitSettings, registerRateLimits } from './http/rate-limits.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { visitBeacon } from './http/visit-beacon.ts';
import { type MetricsAccess, registerMetrics, ServerMetrics } from './http/metrics.ts';
import { localeFromHeader } from './i18n/locale.ts';
import { messages } from './i18n/messages.ts';
import { readDeviceKey } from './services/device-keys.ts';
import type { Services } from './services/services.ts';
import { bearerToken } from './services/session-service.ts';
import type { PleinStore } from './store/store.ts';

export interface AppOptions {
  store: PleinStore;
  services: Services;
  logLevel?: string;
  /** Where log lines go instead of stdout: tests read them to check that nothing personal is logged. */
  logStream?: { write(line: string): void };
  /** Folder served at `/`: the example host pages. */
  examplesDir?: string;
  /** Folder served at `/embed/`: the built embed bundle. */
  embedDir?: string;
  /** Rate limits on /graphql (http/rate-limits.ts); without them nothing is rate limited, as in most tests. */
  rateLimits?: RateLimitSettings;
  /** PLEIN_SECRET: the key behind the rate limits' keyed hashes; without it the database keeps a random one. */
  secret?: string;
  /** Depth, alias, cost, size and operation limits of GraphQL requests; `defaultGraphQLLimits` when absent. */
  graphqlLimits?: GraphQLLimits;
  /** Whether `__schema` and `__type` are answered; true when absent, false in production (config.ts). */
  introspection?: boolean;
  /** 'only': nothing but the widgets' own operations is accepted (PLEIN_PERSISTED_OPERATIONS). */
  persistedOperations?: 'off' | 'only';
  /** Fastify's `trustProxy` (PLEIN_TRUST_PROXY): behind a proxy the client's address comes from X-Forwarded-For. */
  trustProxy?: boolean | string;
  /** Counters and histograms for `/metrics` (http/metrics.ts); a fresh set when absent. */
  metrics?: ServerMetrics;
  /** PLEIN_METRICS / PLEIN_METRICS_TOKEN: whether `/metrics` answers, and to whom; off when absent. */
  metricsAccess?: MetricsAccess;
  /** Set `stopping` to make `/readyz` answer 503 before the app closes (graceful shutdown, runtime.ts). */
  readiness?: { stopping: boolean };
  /** REDIS_URL: live answers go through Redis pub/sub, so every instance's subscribers hear every instance's answers. */
  liveAnswersRedisUrl?: string;
}

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const defaultExamplesDir = `${repositoryRoot}examples`;
export const defaultEmbedDir = `${repositoryRoot}packages/elements/dist/embed`;

const schema = readFileSync(fileURLToPath(import.meta.resolve('@plein/schema/schema.graphql')), 'utf8');

/** Logs say what was asked, never who asked: no IP address, no query string, no headers. */
const serializers = {
  req: (request: FastifyRequest) => ({ method: request.method, url: request.url.split('?')[0] }),
};

/**
 * How long browsers and a CDN keep an /embed/ file. Chunks have their content's hash in the name, so they never
 * change: a year, immutable. The entry (`plein.js`, `frame.js`) keeps its name across releases, so it is checked
 * again after five minutes; a release reaches every host page within that time.
 */
function embedCacheControl(path: string): string {
  return /[\\/]chunks[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300';
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store, services } = options;
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info', serializers, ...(options.logStream && { stream: options.logStream }) },
    // The largest legitimate request, an answer or question of 5,000 characters, is at most about 32 KB as JSON.
    bodyLimit: 64 * 1024,
    trustProxy: options.trustProxy ?? false,
    forceCloseConnections: 'idle',
  });
  let accepting = true;

  // Anything Fastify itself refuses (bad JSON, too large, wrong content type) gets a short answer without internals.
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    const texts = messages[localeFromHeader(request.headers['accept-language'])].errors;
    if (status === 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send({
      data: null,
      errors: [
        {
          message: status === 500 ? texts.INTERNAL_SERVER_ERROR : texts.BAD_USER_INPUT,
          extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' },
        },
      ],
    });
  });

  await registerCors(app, services);
  await registerSecurityHeaders(app);
  if (options.rateLimits)
    await registerRateLimits(app, { store, settings: options.rateLimits, secret: options.secret });
  const graphqlLimits = options.graphqlLimits ?? defaultGraphQLLimits;
  const introspection = options.introspection ?? true;
  const live = options.liveAnswersRedisUrl
    ? await redisLiveEmitter(options.liveAnswersRedisUrl, (error) =>
        app.log.warn({ what: 'live answers', failure: (error as { code?: string }).code ?? 'redis' }, 'Redis error'),
      )
    : undefined;
  // Closed after the sockets (onClose runs after @fastify/websocket's preClose has said goodbye to them).
  if (live) app.addHook('onClose', async () => live.close());

  await app.register(mercurius, {
    schema,
    resolvers,
    loaders,
    path: '/graphql',
    graphiql: false,
    jit: 1,
    // Depth, aliases, cost and operations per document (graphql/limits.ts); introspection off in production.
    validationRules: graphqlValidationRules({ limits: graphqlLimits, introspection }),
    allowBatchedQueries: false,
    // The viewer comes from `Authorization: Bearer <token>`. A token that does not work (expired, revoked, unknown)
    // gives a null viewer, not an error: public queries keep working, and protected ones refuse with UNAUTHENTICATED.
    context: async (request): Promise<PleinContext> => ({
      services,
      locale: localeFromHeader(request.headers['accept-language']),
      request: requestOrigin(request),
      viewer: await services.sessions.viewerFor(bearerToken(request.headers.authorization)),
      deviceKey: readDeviceKey(request.headers['plein-device']),
    }),
    errorFormatter: formatErrors,
    // Live answers over WebSocket on /graphql (graphql-ws protocol); see graphql/subscriptions.ts.
    subscription: liveUpdateOptions(services, live),
  });
  registerLiveAnswers(app, services);
  registerMetrics(app, options.metrics ?? new ServerMetrics(), options.metricsAccess ?? { enabled: false }, {
    moderationWaiting: () => store.countWaitingForModeration(),
    backgroundTasks: () => services.events.inFlight,
  });
  registerGraphQLGuards(app, {
    limits: graphqlLimits,
    introspection,
    persisted: options.persistedOperations === 'only' ? new PersistedOperations() : null,
  });
  // The pages behind the links in follow-up e-mails (confirm, unsubscribe).
  await app.register(notificationPages, { services });
  // The page behind the cancel link in appointment e-mails.
  await app.register(appointmentPages, { services });
  // Anonymous visit counts from the elements' beacons (POST /visits); see http/visit-beacon.ts.
  await app.register(visitBeacon, { services });
  // Single sign-on with a community's organisation (OpenID Connect); see http/oidc-routes.ts.
  await app.register(oidcRoutes, { services });
  // One element on a page of its own, for CMSes that allow only an iframe (GET /embed/frame); http/embed-frame.ts.
  await app.register(embedFramePage, { services });
  // Refused sign-ins: a reason and a keyed hash of the address, never the address, a password or a token.
  const stopSignInLog = services.signInLog.listen((refusal) => app.log.info({ signIn: refusal }, 'sign-in refused'));
  app.addHook('onClose', async () => stopSignInLog());

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (!accepting || options.readiness?.stopping) return reply.code(503).send({ status: 'stopping' });
    try {
      await store.ping();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'database unavailable' });
    }
  });
  app.addHook('preClose', async () => {
    accepting = false;
  });

  const examplesDir = options.examplesDir ?? defaultExamplesDir;
  if (existsSync(examplesDir)) {
    await app.register(fastifyStatic, { root: examplesDir, prefix: '/' });
    // The strict-CSP example pages, each with its own policy (http/csp-strict-pages.ts).
    await app.register(cspStrictPages, { examplesDir });
  }
  const embedDir = options.embedDir ?? defaultEmbedDir;
  if (existsSync(embedDir)) {
    await app.register(fastifyStatic, {
      root: embedDir,
      prefix: '/embed/',
      decorateReply: false,
      cacheControl: false,
      setHeaders: (response, path) => response.setHeader('cache-control', embedCacheControl(path)),
    });
  }
  return app;
}
