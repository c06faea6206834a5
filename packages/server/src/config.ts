import type { MetricsAccess } from './http/metrics.ts';
import { type RateLimitSettings, rateLimitsFromEnvironment } from './http/rate-limits.ts';
import { DEFAULT_DATABASE_URL } from './store/connect.ts';

export interface MailConfig {
  /** nodemailer SMTP URL, for example `smtps://user:password@smtp.example.org`; without it mail goes to `outboxDir`. */
  smtpUrl: string | undefined;
  /** Folder for one `.eml` file per message when there is no SMTP server. */
  outboxDir: string;
  /** The From header, for example `Plein <no-reply@plein.example.org>`. */
  from: string;
}

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Log level for pino; 'silent' in tests. */
  logLevel: string;
  /** Seed the demo community when the database has no community yet. */
  seedWhenEmpty: boolean;
  /**
   * PLEIN_SECRET: the key for keyed hashes (helpful votes). Without it the instance makes a random key once and keeps
   * it in the database.
   */
  secret: string | undefined;
  /** PLEIN_PII_ALLOW, comma-separated: official phone numbers and addresses that are never treated as personal data. */
  personalDataAllow: string[];
  /** Where people reach this server, without a trailing slash: the links in e-mails start with it. */
  publicUrl: string;
  /** The link to a question in an e-mail; `{id}` becomes the question's id. */
  questionUrl: string;
  /**
   * PLEIN_SIGN_IN_URL: the host page with `<plein-sign-in>` that sign-in links open, with `?plein-link=TOKEN` added;
   * `{community}` becomes the community's slug. Default: PUBLIC_URL + '/'.
   */
  signInUrl: string;
  /**
   * PLEIN_PRIVATE_THREAD_URL: the page with the private thread that the links in private-question e-mails open;
   * `{token}` becomes the thread's id and secret. Put it in the fragment (`#…={token}`): a fragment never reaches a
   * server. Default: PUBLIC_URL + '/municipal-site/#plein-prive={token}'.
   */
  privateThreadUrl: string;
  mail: MailConfig;
  /** PLEIN_RATE_ASK, _ANSWER, _VOTE, _FLAG, _READ, PLEIN_RATE_IP_FACTOR and REDIS_URL (http/rate-limits.ts). */
  rateLimits: RateLimitSettings;
  /**
   * REDIS_URL: several instances share rate limits (in `rateLimits`) and live answers through this Redis. Without it
   * each instance counts and publishes on its own, which is right for one instance.
   */
  redisUrl: string | undefined;
  /** PLEIN_PERSISTED_OPERATIONS: 'only' accepts nothing but the widgets' own operations. */
  persistedOperations: 'off' | 'only';
  /** PLEIN_INTROSPECTION (`on`/`off`); off by default when NODE_ENV is `production`. */
  introspection: boolean;
  /** PLEIN_TRUST_PROXY: `on`, or the proxies' addresses or ranges, comma-separated; off by default. */
  trustProxy: boolean | string;
  /** PLEIN_METRICS (`on`/`off`, off by default) and PLEIN_METRICS_TOKEN (a bearer token; setting it turns it on unless PLEIN_METRICS is `off`). */
  metrics: MetricsAccess;
  /** PLEIN_SHUTDOWN_DELAY_MS: after SIGTERM, how long `/readyz` says 503 before the server stops listening (0). */
  shutdownDelayMs: number;
  /** PLEIN_SHUTDOWN_TIMEOUT_MS: after SIGTERM, the longest the server waits for work to finish (10000). */
  shutdownTimeoutMs: number;
}

export const DEFAULT_OUTBOX_DIR = './data/outbox';
export const DEFAULT_MAIL_FROM = 'Plein <no-reply@localhost>';

/** Reads the configuration from the environment (see README, "Configure the server"). */
export function configFromEnvironment(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const publicUrl = httpUrl('PUBLIC_URL', env.PUBLIC_URL || `http://localhost:${port}`);
  // The example municipal site opens `#vraag-<id>` in its <plein-questions>; a real community sets its own page.
  const questionUrl = env.PLEIN_QUESTION_URL || `${publicUrl}/municipal-site/#vraag-{id}`;
  if (!questionUrl.includes('{id}')) throw new Error('PLEIN_QUESTION_URL must hold {id}, the place of the question id');
  httpUrl('PLEIN_QUESTION_URL', questionUrl.replace('{id}', 'id'));
  // The example page for professionals has <plein-sign-in>; a real community sets its own page.
  const signInUrl = env.PLEIN_SIGN_IN_URL || `${publicUrl}/professionals/`;
  httpUrl('PLEIN_SIGN_IN_URL', signInUrl.replaceAll('{community}', 'community'));
  const privateThreadUrl = env.PLEIN_PRIVATE_THREAD_URL || `${publicUrl}/municipal-site/#plein-prive={token}`;
  if (!privateThreadUrl.includes('{token}'))
    throw new Error('PLEIN_PRIVATE_THREAD_URL must hold {token}, the place of the secret link token');
  httpUrl('PLEIN_PRIVATE_THREAD_URL', privateThreadUrl.replace('{token}', 'token'));
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    logLevel: env.LOG_LEVEL ?? 'info',
    seedWhenEmpty: env.PLEIN_SEED !== 'off',
    secret: env.PLEIN_SECRET || undefined,
    personalDataAllow: (env.PLEIN_PII_ALLOW ?? '')
      .split(',')
      .map((text) => text.trim())
      .filter(Boolean),
    publicUrl,
    questionUrl,
    signInUrl,
    privateThreadUrl,
    mail: {
      smtpUrl: env.SMTP_URL || undefined,
      outboxDir: env.PLEIN_OUTBOX_DIR || DEFAULT_OUTBOX_DIR,
      from: env.PLEIN_MAIL_FROM || DEFAULT_MAIL_FROM,
    },
    rateLimits: rateLimitsFromEnvironment(env),
    redisUrl: env.REDIS_URL || undefined,
    persistedOperations: choice('PLEIN_PERSISTED_OPERATIONS', env.PLEIN_PERSISTED_OPERATIONS, ['off', 'only'], 'off'),
    introspection:
      choice(
        'PLEIN_INTROSPECTION',
        env.PLEIN_INTROSPECTION,
        ['on', 'off'],
        env.NODE_ENV === 'production' ? 'off' : 'on',
      ) === 'on',
    trustProxy: trustProxy(env.PLEIN_TRUST_PROXY),
    metrics:
      choice('PLEIN_METRICS', env.PLEIN_METRICS, ['on', 'off'], env.PLEIN_METRICS_TOKEN ? 'on' : 'off') === 'on'
        ? { enabled: true, token: env.PLEIN_METRICS_TOKEN || undefined }
        : { enabled: false },
    shutdownDelayMs: milliseconds('PLEIN_SHUTDOWN_DELAY_MS', env.PLEIN_SHUTDOWN_DELAY_MS, 0),
    shutdownTimeoutMs: milliseconds('PLEIN_SHUTDOWN_TIMEOUT_MS', env.PLEIN_SHUTDOWN_TIMEOUT_MS, 10_000),
  };
}

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (!value) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`${name} must be ${allowed.join(' or ')}, got "${value}"`);
  return value as T;
}

function milliseconds(name: string, value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new Error(`${name} must be a number of milliseconds, got "${value}"`);
  return number;
}

/** `on`: every proxy is trusted; otherwise the proxies' addresses or ranges (`10.0.0.0/8,127.0.0.1`). */
function trustProxy(value: string | undefined): boolean | string {
  if (!value || value === 'off') return false;
  return value === 'on' ? true : value;
}

/** An http(s) URL without a trailing slash, or an error naming the variable. */
function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${name} must be an http(s) URL, got "${value}"`);
  return value.replace(/\/+$/, '');
}
