import { limits } from '@plein/schema';
import type { ContentKind } from '../store/database-schema.ts';
import type { DevicePost, PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { DeviceHashes } from './device-keys.ts';
import type { UserError } from './errors.ts';
import { ANONYMOUS } from './models.ts';
import { type ModerationSettings, readModerationSettings } from './moderation-settings.ts';
import type { PersonalDataGuard } from './personal-data.ts';

/**
 * The steps every question and answer goes through, in this order (docs/decisions/0014-moderation-pipeline.md):
 *
 * 1. `form`: the form's signals against bots. A filled honeypot is refused with a general message; a form sent
 *    within 3 seconds gets SUBMITTED_TOO_FAST, so a person who typed fast keeps the text and simply sends again.
 * 2. `blocks`: a blocked device or pseudonym is refused with a neutral message, before any step that could tell
 *    a blocked author something about the rules (which words are blocked, how many posts are allowed).
 * 3. `length`: the lengths the forms show (limits in @plein/schema). The edge checks them too; here they also hold
 *    for a moderator's redaction.
 * 4. `personal-data`: replaced (services/personal-data.ts); a name found with low confidence holds the post.
 * 5. `words`: the community's blocked words refuse the post (the message never repeats them); held words hold it.
 * 6. `links`: more than two http(s) links hold the post.
 * 7. `repeat`: the same text (after step 4, case, accents and punctuation ignored) from the same device within
 *    10 minutes is refused. A retry with the same idempotency key never gets here: the services return the post
 *    stored the first time before the pipeline runs.
 * 8. `rate`: no more than N posts per device per 10 minutes (20 by default), or what `PipelineOptions.rate` says.
 * 9. `pre-moderation`: the community's setting holds nothing, a device's first post, or everything. Answers of
 *    verified experts skip this step only.
 * 10. `publish`: held when any step held it (with every finding), published otherwise.
 *
 * A step continues, changes the text, holds (with a finding and goes on, so all findings are known) or refuses
 * (a user error; nothing is stored). Everything runs before the store sees the post.
 */
export const pipelineOrder = [
  'form',
  'blocks',
  'length',
  'personal-data',
  'words',
  'links',
  'repeat',
  'rate',
  'pre-moderation',
  'publish',
] as const;
export type PipelineStep = (typeof pipelineOrder)[number];

/** Why a post was held, for moderators: for example `personal-data: name`, `links: 3`, `pre-moderation: first-post`. */
export interface PipelineFinding {
  step: PipelineStep;
  detail: string | null;
}

/** The repeat check and the post count look this far back. */
export const REPEAT_WINDOW_MS = 10 * 60_000;
/** A form sent sooner after it appeared than this was not filled in by a person. */
export const MIN_FILL_MS = 3_000;
/** More links than this hold a post. */
export const MAX_LINKS = 2;
/**
 * Posts (questions and answers together) per device per 10 minutes when no other rate limit is given. The HTTP rate
 * limits (http/rate-limits.ts) are stricter per kind; this count holds also where those count in one instance's
 * memory or are switched off, and it reads the database, so every instance agrees.
 */
export const DEFAULT_POSTS_PER_WINDOW = 20;

/** A rate limit for posts that another part of the server may provide (for example one shared through Redis). */
export interface PostRateLimit {
  /** False when the device may not post now; the pipeline then refuses with TOO_MANY_POSTS. */
  check(kind: ContentKind, deviceHash: string): Promise<boolean>;
}

export interface PipelineOptions {
  /** Replaces the pipeline's own count of a device's posts in the database. */
  rate?: PostRateLimit;
  /** Posts per device per 10 minutes for the pipeline's own count; 20 by default. */
  postsPerWindow?: number;
}

/** The form's signals (AntiSpamInput). */
export interface AntiSpam {
  honeypot?: string | null;
  fillMs?: number | null;
}

/** The texts of a post, by field name: `title`, `body`, `displayName`. Null means "not given". */
export type PostFields = Record<string, string | null>;

export interface Post<Fields extends PostFields> {
  kind: ContentKind;
  community: { id: string; slug: string };
  fields: Fields;
  /** The name the post will carry, as typed or from the session; null or "Anoniem" for none. For blocks. */
  authorName: string | null;
  /** From the `Plein-Device` header (services/device-keys.ts); null without one. */
  deviceHash: string | null;
  antiSpam?: AntiSpam | null;
  /** A verified expert's answer: skips pre-moderation, and nothing else. */
  verifiedExpert?: boolean;
  /** The id of the question the asker changes (editQuestion): not a new post, so it is not counted or compared. */
  editing?: string;
}

export type PipelineOutcome<Fields extends PostFields> =
  | { ok: false; step: PipelineStep; error: UserError }
  | { ok: true; fields: Fields; publication: 'PUBLISHED' | 'HELD'; findings: PipelineFinding[] };

type StepResult<Fields> =
  | { action: 'continue' }
  | { action: 'change'; fields: Fields }
  /** Held, and with `fields` also changed. */
  | { action: 'hold'; finding: PipelineFinding; fields?: Fields }
  | { action: 'refuse'; error: UserError };

const proceed = { action: 'continue' } as const;
const refuse = (code: UserError['code'], field: string | null = null): { action: 'refuse'; error: UserError } => ({
  action: 'refuse',
  error: { field, code },
});

/** What the steps of one run share, each read at most once. */
interface Run {
  now: Date;
  settings(): Promise<ModerationSettings>;
  recentPosts(): Promise<DevicePost[]>;
  /** False for a moderator's redaction: a moderator is the person a held post would wait for. */
  mayHold: boolean;
}

export class ModerationPipeline {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly personalData: PersonalDataGuard,
    private readonly devices: DeviceHashes,
    private readonly options: PipelineOptions = {},
  ) {}

  /** The keyed hash stored on a post for this community and `Plein-Device` key; null without a key. */
  deviceHash(communityId: string, deviceKey: string | null | undefined): Promise<string | null> {
    return this.devices.device(communityId, deviceKey);
  }

  /** Runs every step in order; see `pipelineOrder`. */
  run<Fields extends PostFields>(post: Post<Fields>): Promise<PipelineOutcome<Fields>> {
    return this.runSteps(post, pipelineOrder, true);
  }

  /**
   * A moderator's redaction: only the length and personal-data steps. Personal data is replaced; a name found with
   * low confidence stays without holding, because the moderator has read the text.
   */
  async screenRedaction<Fields extends PostFields>(
    kind: ContentKind,
    community: { id: string; slug: string },
    fields: Fields,
  ): Promise<{ ok: false; error: UserError } | { ok: true; fields: Fields }> {
    const outcome = await this.runSteps(
      { kind, community, fields, authorName: null, deviceHash: null },
      ['length', 'personal-data'],
      false,
    );
    return outcome.ok ? { ok: true, fields: outcome.fields } : { ok: false, error: outcome.error };
  }

  private async runSteps<Fields extends PostFields>(
    post: Post<Fields>,
    steps: readonly PipelineStep[],
    mayHold: boolean,
  ): Promise<PipelineOutcome<Fields>> {
    const now = this.clock();
    let settings: Promise<ModerationSettings> | undefined;
    let recent: Promise<DevicePost[]> | undefined;
    const run: Run = {
      now,
      mayHold,
      settings: () => (settings ??= readModerationSettings(this.store, post.community.id)),
      recentPosts: () =>
        (recent ??= post.deviceHash
          ? this.store.postsOfDeviceSince(post.deviceHash, new Date(now.getTime() - REPEAT_WINDOW_MS).toISOString())
          : Promise.resolve([])),
    };
    let fields = post.fields;
    const findings: PipelineFinding[] = [];
    for (const step of steps) {
      const result = await this.step(step, { ...post, fields }, run);
      if (result.action === 'refuse') return { ok: false, step, error: result.error };
      if (result.action === 'change') fields = result.fields;
      if (result.action === 'hold') {
        findings.push(result.finding);
        if (result.fields) fields = result.fields;
      }
    }
    return { ok: true, fields, publication: findings.length > 0 ? 'HELD' : 'PUBLISHED', findings };
  }

  private step<Fields extends PostFields>(
    step: PipelineStep,
    post: Post<Fields>,
    run: Run,
  ): Promise<StepResult<Fields>> | StepResult<Fields> {
    switch (step) {
      case 'form':
        return formSignals(post.antiSpam);
      case 'blocks':
        return this.blocks(post);
      case 'length':
        return length(post);
      case 'personal-data':
        return this.screenPersonalData(post, run);
      case 'words':
        return words(post, run);
      case 'links': {
        const count = countLinks(texts(post.fields));
        return count > MAX_LINKS ? { action: 'hold', finding: { step, detail: String(count) } } : proceed;
      }
      case 'repeat':
        return repeat(post, run);
      case 'rate':
        return this.rate(post, run);
      case 'pre-moderation':
        return this.preModeration(post, run);
      case 'publish':
        return proceed;
    }
  }

  private async blocks(post: Post<PostFields>): Promise<StepResult<never>> {
    const blocked = await this.store.isAuthorBlocked(post.community.id, post.deviceHash, pseudonymKey(post.authorName));
    return blocked ? refuse('BLOCKED_AUTHOR') : proceed;
  }

  private screenPersonalData<Fields extends PostFields>(post: Post<Fields>, run: Run): StepResult<Fields> {
    const screened = this.personalData.screen(post.community.slug, post.fields);
    if (screened.publication === 'HELD' && run.mayHold) {
      // Everything else is replaced; the uncertain name stays for a person to judge, and the finding says why.
      return { action: 'hold', finding: { step: 'personal-data', detail: 'name' }, fields: screened.fields };
    }
    return { action: 'change', fields: screened.fields };
  }

  private async rate(post: Post<PostFields>, run: Run): Promise<StepResult<never>> {
    if (post.deviceHash === null || post.editing !== undefined) return proceed;
    const allowed = this.options.rate
      ? await this.options.rate.check(post.kind, post.deviceHash)
      : (await run.recentPosts()).length < (this.options.postsPerWindow ?? DEFAULT_POSTS_PER_WINDOW);
    return allowed ? proceed : refuse('TOO_MANY_POSTS');
  }

  private async preModeration(post: Post<PostFields>, run: Run): Promise<StepResult<never>> {
    if (post.verifiedExpert) return proceed;
    const { preModeration } = await run.settings();
    if (preModeration === 'EVERYTHING') {
      return { action: 'hold', finding: { step: 'pre-moderation', detail: 'everything' } };
    }
    if (preModeration === 'FIRST_POST') {
      // Without a device key every post is a first post: there is nothing to recognise the device by.
      const known = post.deviceHash !== null && (await this.store.hasPublishedPostOfDevice(post.deviceHash));
      if (!known) return { action: 'hold', finding: { step: 'pre-moderation', detail: 'first-post' } };
    }
    return proceed;
  }
}

function formSignals(antiSpam: AntiSpam | null | undefined): StepResult<never> {
  // Callers without a form (the CLI, tests, older widgets) send no signals; the HTTP rate limits still apply.
  if (!antiSpam) return proceed;
  if (antiSpam.honeypot && antiSpam.honeypot.trim() !== '') return refuse('POST_REFUSED');
  if (typeof antiSpam.fillMs === 'number' && antiSpam.fillMs < MIN_FILL_MS) return refuse('SUBMITTED_TOO_FAST');
  return proceed;
}

/** The `form` step alone, for writes that are not posts (a private question): its refusal, or null. */
export function refusalOfFormSignals(antiSpam: AntiSpam | null | undefined): UserError | null {
  const result = formSignals(antiSpam);
  return result.action === 'refuse' ? result.error : null;
}

function length(post: Post<PostFields>): StepResult<never> {
  const bounds: Record<string, { min: number; max: number }> = {
    title: limits.questionTitle,
    body: post.kind === 'QUESTION' ? limits.questionBody : limits.answerBody,
  };
  // The pseudonym's length is checked at the edge; names from an account or a portal session are not typed here.
  for (const [field, { min, max }] of Object.entries(bounds)) {
    const value = post.fields[field];
    if (value === undefined || value === null) continue;
    const size = value.trim().length;
    if (size < min) return { action: 'refuse', error: { field, code: 'TOO_SHORT', params: { min } } };
    if (size > max) return { action: 'refuse', error: { field, code: 'TOO_LONG', params: { max } } };
  }
  return proceed;
}

async function words(post: Post<PostFields>, run: Run): Promise<StepResult<never>> {
  const { blockedWords, heldWords } = await run.settings();
  const text = texts(post.fields);
  // The user error never names the words: the list would be easy to read out otherwise.
  if (matchingWords(text, blockedWords).length > 0) return refuse('BLOCKED_WORDS');
  const held = matchingWords(text, heldWords);
  return held.length > 0 ? { action: 'hold', finding: { step: 'words', detail: held.join(', ') } } : proceed;
}

async function repeat(post: Post<PostFields>, run: Run): Promise<StepResult<never>> {
  if (post.deviceHash === null) return proceed;
  const fingerprint = postFingerprint(post.kind, post.fields.title ?? null, post.fields.body ?? '');
  const repeated = (await run.recentPosts()).some(
    (earlier) =>
      earlier.kind === post.kind &&
      earlier.id !== post.editing &&
      postFingerprint(earlier.kind, earlier.title, earlier.body) === fingerprint,
  );
  return repeated ? refuse('REPEATED_POST') : proceed;
}

const texts = (fields: PostFields): string[] => Object.values(fields).filter((value): value is string => !!value);

/** Lower case, accents and punctuation gone: "Café, 's Avonds!" → ["cafe", "s", "avonds"]. */
export function wordTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('nl')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** What the repeat check compares: the words of title and text, without case, accents, punctuation or spacing. */
export function postFingerprint(kind: ContentKind, title: string | null, body: string): string {
  return `${kind}:${wordTokens(`${title ?? ''} ${body}`).join(' ')}`;
}

/**
 * Endings that still match a listed word, so "oplichter" also finds "oplichters" and "sukkel" finds "sukkels". Only
 * endings are added: forms that change the stem ("aap", "apen") must be listed themselves.
 */
const inflections = ['', 's', 'e', 'en', 'er', 'ers', 'es', 'je', 'jes', 'tje', 'tjes'];

/**
 * The listed words (or phrases) that occur in any of the texts as whole words, case, accents and punctuation
 * ignored, with simple Dutch endings on the last word. "Lul" matches "lullen" no more than "hoofd" matches
 * "hoofdpijn": a word inside another word never matches, so place names and ordinary words stay usable.
 */
export function matchingWords(textsToSearch: readonly string[], list: readonly string[]): string[] {
  if (list.length === 0) return [];
  const tokenised = textsToSearch.map(wordTokens);
  const present = new Set(tokenised.flat());
  return list.filter((entry) => {
    const parts = wordTokens(entry);
    const last = parts.at(-1);
    if (last === undefined) return false;
    const endsAt = (token: string | undefined) =>
      token !== undefined && inflections.some((end) => token === last + end);
    if (parts.length === 1) return inflections.some((end) => present.has(last + end));
    return tokenised.some((tokens) =>
      tokens.some(
        (_, start) =>
          parts.slice(0, -1).every((part, i) => tokens[start + i] === part) && endsAt(tokens[start + parts.length - 1]),
      ),
    );
  });
}

/** http(s) links in the texts; elements make anchors of these only. */
export function countLinks(textsToSearch: readonly string[]): number {
  return textsToSearch.reduce((count, text) => count + (text.match(/https?:\/\/[^\s<>"']+/gi)?.length ?? 0), 0);
}

/** How a pseudonym is blocked and compared: trimmed, spaces collapsed, lower case; null for none or "Anoniem". */
export function pseudonymKey(name: string | null | undefined): string | null {
  const key = name?.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  return key && key !== ANONYMOUS.toLocaleLowerCase('nl') ? key : null;
}
