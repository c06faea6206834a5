import rateLimit, {
  type FastifyRateLimitStore,
  type FastifyRateLimitStoreCtor,
  normalizeIP,
  type RateLimitPluginOptions,
} from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  parse,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import { refuseRequest } from '../graphql/limits.ts';
import { systemClock } from '../services/clock.ts';
import { readDeviceKey } from '../services/device-keys.ts';
import { InstanceKeys } from '../services/instance-keys.ts';
import { keyedHash } from '../services/secrets.ts';
import type { PleinStore } from '../store/store.ts';
import { sendVisitRefusal } from './visit-beacon.ts';

/** The writes that are limited, by the mutation that does them. */
export type WriteAction = 'ask' | 'answer' | 'vote' | 'flag' | 'book';

/** At most `max` in `windowMs` milliseconds. */
export interface RateRule {
  max: number;
  windowMs: number;
}

export interface RateLimitSettings {
  /** Per device and community; null: not limited. The limit per IP hash is `ipFactor` times as high. */
  ask: RateRule | null;
  answer: RateRule | null;
  vote: RateRule | null;
  flag: RateRule | null;
  /** Appointments booked, per device and community. */
  book: RateRule | null;
  /** Queries (everything that is not a limited write), per IP hash; null: not limited. */
  read: RateRule | null;
  /** Visit-count beacons (`POST /visits`), per IP hash; null: not limited. */
  visit: RateRule | null;
  /** Many people can share one address (an office, a library, a mobile network): its limit is this many devices'. */
  ipFactor: number;
  /** REDIS_URL: counters shared by every instance; without it each instance counts in its own memory. */
  redisUrl?: string;
  /** Prefix of the Redis keys. */
  redisPrefix: string;
}

export const rateLimitVariables: Readonly<Record<WriteAction | 'read' | 'visit', string>> = {
  ask: 'PLEIN_RATE_ASK',
  answer: 'PLEIN_RATE_ANSWER',
  vote: 'PLEIN_RATE_VOTE',
  flag: 'PLEIN_RATE_FLAG',
  book: 'PLEIN_RATE_BOOK',
  read: 'PLEIN_RATE_READ',
  visit: 'PLEIN_RATE_VISIT',
};

const minutes = (count: number) => count * 60_000;

/** The defaults (docs/decisions/0015-limits.md says why these numbers). */
export const defaultRateLimits: RateLimitSettings = {
  ask: { max: 5, windowMs: minutes(10) },
  answer: { max: 20, windowMs: minutes(10) },
  vote: { max: 60, windowMs: minutes(10) },
  flag: { max: 20, windowMs: minutes(10) },
  // Nobody needs more than a few appointments; a burst of bookings would empty an advisor's agenda.
  book: { max: 5, windowMs: minutes(10) },
  read: { max: 600, windowMs: minutes(1) },
  // A page load sends one beacon, sometimes two; an office or library behind one address loads many pages.
  visit: { max: 120, windowMs: minutes(1) },
  ipFactor: 4,
  redisPrefix: 'plein:rate:',
};

const units: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000 };

/** `5/10m`, `600/1m`, `100/h`, `30/45s`; `off` switches the limit off. */
export function parseRateRule(name: string, text: string): RateRule | null {
  if (/^\s*off\s*$/i.test(text)) return null;
  const match = /^\s*(\d+)\s*\/\s*(\d*)\s*([smh])\s*$/.exec(text);
  const max = Number(match?.[1]);
  const windowMs = Number(match?.[2] || 1) * (units[match?.[3] ?? ''] ?? NaN);
  if (!match || !Number.isSafeInteger(max) || max < 1 || !Number.isSafeInteger(windowMs) || windowMs < 1000) {
    throw new Error(`${name} must be a count per time such as 5/10m, 600/1m or 100/h, or "off"; got "${text}"`);
  }
  return { max, windowMs };
}

/** Reads PLEIN_RATE_ASK, _ANSWER, _VOTE, _FLAG, _BOOK, _READ, PLEIN_RATE_IP_FACTOR and REDIS_URL. */
/** Reads PLEIN_RATE_ASK, _ANSWER, _VOTE, _FLAG, _READ, _VISIT, PLEIN_RATE_IP_FACTOR and REDIS_URL. */
export function rateLimitsFromEnvironment(env: NodeJS.ProcessEnv): RateLimitSettings {
  const rule = (action: WriteAction | 'read' | 'visit') => {
    const text = env[rateLimitVariables[action]];
    return text ? parseRateRule(rateLimitVariables[action], text) : defaultRateLimits[action];
  };
  const ipFactor = Number(env.PLEIN_RATE_IP_FACTOR ?? defaultRateLimits.ipFactor);
  if (!Number.isInteger(ipFactor) || ipFactor < 1) {
    throw new Error(`PLEIN_RATE_IP_FACTOR must be a whole number of at least 1, got "${env.PLEIN_RATE_IP_FACTOR}"`);
  }
  return {
    ask: rule('ask'),
    answer: rule('answer'),
    vote: rule('vote'),
    flag: rule('flag'),
    book: rule('book'),
    read: rule('read'),
    visit: rule('visit'),
    ipFactor,
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: defaultRateLimits.redisPrefix,
  };
}

const actionOfField: Readonly<Record<string, WriteAction>> = {
  askQuestion: 'ask',
  // A private question counts as a question: the same limit, per device and address.
  askPrivateQuestion: 'ask',
  answerQuestion: 'answer',
  markAnswerHelpful: 'vote',
  flagContent: 'flag',
  bookAppointment: 'book',
};

/** One limited mutation field in a request, with its `input` argument as sent. */
export interface WriteCall {
  action: WriteAction;
  input: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The limited mutation fields of a request, each one counted (two aliased `askQuestion` fields are two questions).
 * The widgets send `operationName`, but a request's own word is not trusted: the document is parsed (only when it
 * contains the word `mutation`, so reads cost a substring search) and every mutation operation's top-level fields,
 * fragments included, are read. A document that does not parse limits nothing here: Mercurius refuses it.
 */
export function writesIn(source: string, variables: unknown): WriteCall[] {
  if (!source.includes('mutation')) return [];
  let document: DocumentNode;
  try {
    document = parse(source, { noLocation: true });
  } catch {
    return [];
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const values = isRecord(variables) ? variables : {};
  const calls: WriteCall[] = [];
  const collect = (selectionSet: SelectionSetNode, fragmentPath: ReadonlySet<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const action = actionOfField[selection.name.value];
        if (!action) continue;
        const input = selection.arguments?.find((argument) => argument.name.value === 'input')?.value;
        calls.push({ action, input: input ? valueFromASTUntyped(input, values) : undefined });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, fragmentPath);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !fragmentPath.has(fragment.name.value)) {
          collect(fragment.selectionSet, new Set([...fragmentPath, fragment.name.value]));
        }
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'mutation') {
      collect(definition.selectionSet, new Set());
    }
  }
  return calls;
}

/** Ids and slugs as the store makes them; anything else is looked up nowhere. */
const plausibleId = (value: unknown): value is string => typeof value === 'string' && /^[\w-]{1,100}$/.test(value);
const UNKNOWN_COMMUNITY = '-';

/**
 * The community a write goes to, so that a burst in one community never limits the people of another. A write to
 * something that does not exist counts under one shared "unknown" community (the resolver refuses it anyway).
 */
async function communityOf(store: PleinStore, call: WriteCall): Promise<string> {
  const input = isRecord(call.input) ? call.input : {};
  const ofQuestion = async (id: unknown) =>
    plausibleId(id) ? (await store.questionsByIds([id]))[0]?.community_id : undefined;
  const ofAnswer = async (id: unknown) =>
    plausibleId(id) ? ofQuestion((await store.answersByIds([id]))[0]?.question_id) : undefined;
  try {
    let community: string | undefined;
    if (call.action === 'ask') {
      community = plausibleId(input.community) ? (await store.communityBySlug(input.community))?.id : undefined;
    } else if (call.action === 'answer') {
      community = await ofQuestion(input.questionId);
    } else if (call.action === 'vote') {
      community = await ofAnswer(input.answerId);
    } else if (call.action === 'book') {
      community = plausibleId(input.slotId)
        ? (await store.appointments.slotsByIds([input.slotId]))[0]?.community_id
        : undefined;
    } else {
      const content = isRecord(input.content) ? input.content : {};
      community = content.kind === 'ANSWER' ? await ofAnswer(content.id) : await ofQuestion(content.id);
    }
    return community ?? UNKNOWN_COMMUNITY;
  } catch {
    // The resolver meets the same store failure and reports it; the limit still counts.
    return UNKNOWN_COMMUNITY;
  }
}

/**
 * Keyed hashes of addresses and device keys: HMAC-SHA256 under a key derived from the instance key (PLEIN_SECRET or
 * the database's random one) and the UTC date, so a hash cannot be linked to the same address on another day. Only
 * these hashes reach the counters (memory or Redis, each with the window as its lifetime); never the address.
 */
class DailyHasher {
  private day = '';
  private dayKey = '';

  constructor(private readonly baseKey: () => Promise<string>) {}

  async hash(kind: 'ip' | 'device', value: string): Promise<string> {
    const day = new Date().toISOString().slice(0, 10);
    if (day !== this.day) {
      const dayKey = keyedHash(await this.baseKey(), `rate-limit:${day}`);
      [this.day, this.dayKey] = [day, dayKey];
    }
    return keyedHash(this.dayKey, `${kind}:${value}`).slice(0, 22);
  }
}

/**
 * Counters in memory that end with their window: the library's own memory store keeps an entry until its LRU
 * pushes it out, and hashes of addresses should not stay longer than they count. Least recently used entries go
 * first when `maxEntries` is reached, so a flood of new device keys cannot push out the counter of its own address.
 */
function expiringMemoryStore(maxEntries: number): FastifyRateLimitStoreCtor {
  return class ExpiringMemoryStore implements FastifyRateLimitStore {
    private readonly windows = new Map<string, { count: number; endsAt: number }>();
    private sweptAt = Date.now();

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      windowMs: number,
    ) {
      const now = Date.now();
      if (now - this.sweptAt >= 60_000) this.sweep(now);
      let window = this.windows.get(key);
      this.windows.delete(key);
      if (!window || window.endsAt <= now) window = { count: 0, endsAt: now + windowMs };
      if (this.windows.size >= maxEntries) this.windows.delete(this.windows.keys().next().value!);
      this.windows.set(key, window);
      window.count += 1;
      callback(null, { current: window.count, ttl: window.endsAt - now });
    }

    child(): FastifyRateLimitStore {
      return this;
    }

    private sweep(now: number) {
      this.sweptAt = now;
      for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    }
  };
}

export interface RateLimitOptions {
  store: PleinStore;
  settings: RateLimitSettings;
  /** PLEIN_SECRET; without it the database keeps a random key (services/instance-keys.ts). */
  secret?: string;
}

interface Check {
  key: string;
  max: number;
  windowMs: number;
}

/**
 * Rate limits on `/graphql` with @fastify/rate-limit: asking, answering, helpful votes and flags per device and per
 * keyed IP hash, each within its community; queries per IP hash. A refused request gets HTTP 429 with `Retry-After`
 * and a GraphQL body (`extensions.code: RATE_LIMITED`), which `@plein/client` shows as "rate-limited" and does not
 * retry by itself. The log says which action, community and kind of limit (device or address), nothing more.
 */
export async function registerRateLimits(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  const { store, settings } = options;
  const keys = new InstanceKeys(store, systemClock, options.secret);
  const hasher = new DailyHasher(() => keys.key('rate-limit-key'));
  const pending = new WeakMap<FastifyRequest, Check>();
  const checkOf = (request: FastifyRequest) => pending.get(request)!;

  let redis: import('ioredis').Redis | undefined;
  if (settings.redisUrl) {
    const { Redis } = await import('ioredis');
    redis = new Redis(settings.redisUrl, {
      lazyConnect: true,
      // While Redis is away a request is counted nowhere rather than kept waiting (skipOnError below).
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
    let warnedAt = 0;
    let lastFailure: string | undefined;
    redis.on('error', (error: Error & { code?: string }) => {
      lastFailure = error.code ?? error.name;
      if (Date.now() - warnedAt < 60_000) return;
      warnedAt = Date.now();
      app.log.warn({ what: 'rate limits', failure: lastFailure }, 'Redis is unavailable: nothing is counted');
    });
    try {
      await redis.connect();
    } catch (error) {
      redis.disconnect();
      throw new Error(`REDIS_URL: no connection to Redis (${lastFailure ?? (error as Error).message})`);
    }
    const connection = redis;
    app.addHook('onClose', async () => {
      await connection.quit().catch(() => connection.disconnect());
    });
  }

  /** A limiter of @fastify/rate-limit on its own store; each is registered in a scope of its own. */
  const limiterWith = async (store: Pick<RateLimitPluginOptions, 'redis' | 'nameSpace' | 'store'>) => {
    let limiter: ReturnType<FastifyInstance['createRateLimit']> | undefined;
    await app.register(async (scope) => {
      await scope.register(rateLimit, {
        global: false,
        keyGenerator: (request) => checkOf(request).key,
        max: (request) => checkOf(request).max,
        timeWindow: (request) => checkOf(request).windowMs,
        // Redis away: the request is served uncounted rather than refused or kept waiting.
        skipOnError: true,
        ...store,
      });
      limiter = scope.createRateLimit();
    });
    return limiter!;
  };
  const readLimiter = await limiterWith({ store: expiringMemoryStore(100_000) });
  // Writes count in Redis when there is one, so every instance sees the same numbers. Reads always count in memory:
  // a query then costs no Redis round trip, and the read limit is a guard against floods, not an exact quota.
  const writeLimiter = redis ? await limiterWith({ redis, nameSpace: settings.redisPrefix }) : readLimiter;

  /** Counts one; the seconds to wait when the limit is passed. */
  const consume = async (
    limiter: typeof readLimiter,
    request: FastifyRequest,
    check: Check,
  ): Promise<number | undefined> => {
    pending.set(request, check);
    const result = await limiter(request);
    return !result.isAllowed && result.isExceeded ? Math.max(1, result.ttlInSeconds) : undefined;
  };

  const refuse = (request: FastifyRequest, reply: FastifyReply, seconds: number) => {
    reply.header('retry-after', String(seconds));
    return refuseRequest(request, reply, 429, 'RATE_LIMITED', { retryAfter: seconds });
  };

  // Visit-count beacons per address, before their body is read. A refusal answers as the beacon route does.
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== '/visits' || request.method !== 'POST' || !settings.visit) return;
    const address = await hasher.hash('ip', normalizeIP(request.ip));
    const wait = await consume(readLimiter, request, { key: `visit:${address}`, ...settings.visit });
    if (wait) {
      reply.header('retry-after', String(wait));
      return sendVisitRefusal(request, reply, 429, 'RATE_LIMITED');
    }
  });

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql' || request.headers.upgrade) return;
    const body = request.method === 'POST' && isRecord(request.body) ? request.body : undefined;
    // A mutation over GET is refused before this (graphql/limits.ts), so a GET is always a read.
    const writes = typeof body?.query === 'string' ? writesIn(body.query, body.variables) : [];
    const limited = writes.filter((write) => settings[write.action]);
    if (limited.length === 0 && (writes.length > 0 || !settings.read)) return;
    const address = await hasher.hash('ip', normalizeIP(request.ip));
    if (limited.length === 0) {
      const wait = await consume(readLimiter, request, { key: `read:${address}`, ...settings.read! });
      if (wait) {
        request.log.info({ rateLimited: { action: 'read', limit: 'address' } }, 'rate limit reached');
        return refuse(request, reply, wait);
      }
      return;
    }
    // The `Plein-Device` header; absent or malformed, only the address limit counts.
    const deviceKey = readDeviceKey(request.headers['plein-device']);
    const device = deviceKey ? await hasher.hash('device', deviceKey) : undefined;
    for (const write of limited) {
      const rule = settings[write.action]!;
      const community = await communityOf(store, write);
      // The address first: a refused request then leaves no counter for the device key it brought.
      const checks: [string, Check][] = [
        [
          'address',
          {
            key: `${write.action}:${community}:ip:${address}`,
            max: rule.max * settings.ipFactor,
            windowMs: rule.windowMs,
          },
        ],
      ];
      if (device) checks.push(['device', { key: `${write.action}:${community}:device:${device}`, ...rule }]);
      for (const [limit, check] of checks) {
        const wait = await consume(writeLimiter, request, check);
        if (wait) {
          request.log.info({ rateLimited: { action: write.action, limit, community } }, 'rate limit reached');
          return refuse(request, reply, wait);
        }
      }
    }
  });
}
