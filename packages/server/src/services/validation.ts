import { limits } from '@plein/schema';
import { z } from 'zod';
import type { UserError } from './errors.ts';
import { HAND_OFFS } from './models.ts';

/** Optional free text: trimmed, and empty means "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);

/** The form's signals against bots (AntiSpamInput); the moderation pipeline judges them. Absent without a form. */
const antiSpam = z
  .object({ honeypot: z.string().nullish(), fillMs: z.number().int().nullish() })
  .nullish()
  .transform((value) => value ?? null);

/** Optional https address of at most `max` characters; empty means "not given". */
export const httpsUrl = (max: number) =>
  optionalText(max).refine((value) => value === null || isHttpsUrl(value), { params: { code: 'INVALID_URL' } });

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** True for a day that exists: 2023-02-30 does not (Date.parse would roll it over to March). */
function isCalendarDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** Optional calendar date YYYY-MM-DD, from 2000 on; empty means "not given". */
export const calendarDate = optionalText(10).refine(
  (value) => value === null || (/^\d{4}-\d{2}-\d{2}$/.test(value) && value >= '2000-01-01' && isCalendarDay(value)),
  { params: { code: 'INVALID_DATE' } },
);

export const askQuestionInput = z.object({
  community: z.string().trim().min(1),
  topic: z.string().trim().min(1),
  title: z.string().trim().min(limits.questionTitle.min).max(limits.questionTitle.max),
  body: z.string().trim().min(limits.questionBody.min).max(limits.questionBody.max),
  displayName: optionalText(limits.displayName.max),
  notifyEmail: z
    .string()
    .trim()
    .max(limits.email.max)
    .nullish()
    .transform((value) => (value ? value : null))
    .pipe(z.email().nullable()),
  idempotencyKey,
  antiSpam,
});
export type AskQuestionInput = z.output<typeof askQuestionInput>;

export const answerQuestionInput = z.object({
  questionId: z.string().trim().min(1).max(100),
  body: z.string().trim().min(limits.answerBody.min).max(limits.answerBody.max),
  displayName: optionalText(limits.displayName.max),
  idempotencyKey,
  // Experts only (AnswerService refuses them from others); a date in the future is refused there, by the clock.
  sourceUrl: httpsUrl(500),
  reviewedOn: calendarDate,
  antiSpam,
  // Experts only, like sourceUrl. Each step once, in the order the answer shows them.
  handOff: z
    .array(z.enum(HAND_OFFS))
    .nullish()
    .transform((steps) => HAND_OFFS.filter((step) => steps?.includes(step))),
});
export type AnswerQuestionInput = z.output<typeof answerQuestionInput>;

const id = z.string().trim().min(1).max(100);
/** Owner tokens are 43 characters of base64url; anything else cannot be one. */
const ownerToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

export const editQuestionInput = z.object({
  questionId: id,
  ownerToken,
  title: z.string().trim().min(limits.questionTitle.min).max(limits.questionTitle.max),
  body: z.string().trim().min(limits.questionBody.min).max(limits.questionBody.max),
  topic: z.string().trim().min(1),
});
export type EditQuestionInput = z.output<typeof editQuestionInput>;

export const ownerQuestionInput = z.object({ questionId: id, ownerToken });
export type OwnerQuestionInput = z.output<typeof ownerQuestionInput>;

export const acceptAnswerInput = z.object({ answerId: id, ownerToken });
export type AcceptAnswerInput = z.output<typeof acceptAnswerInput>;

export const markAnswerHelpfulInput = z.object({
  answerId: id,
  // A device's random key (a UUID from the client): printable ASCII, 8 to 100 characters.
  voterKey: z.string().regex(/^[\x21-\x7e]{8,100}$/),
});
export type MarkAnswerHelpfulInput = z.output<typeof markAnswerHelpfulInput>;

// Experts, verifications and claims

/** A refinement's own user error code (see toUserErrors). */
const userErrorCode = (code: UserError['code']) => ({ params: { code } });

export const verifyExpertInput = z
  .object({
    expertId: id,
    evidence: z.enum(['KVK', 'ORGANISATION_SIGN_IN', 'MANUAL']),
    // Spaces are allowed while typing ("1234 5678"); what is kept is the 8 digits.
    kvkNumber: optionalText(20).transform((value) => value?.replace(/\s+/g, '') || null),
    note: optionalText(500),
    organisation: z.string().trim().min(2).max(120),
    independence: z.enum(['INDEPENDENT', 'MUNICIPALITY', 'UWV', 'OTHER']),
    independenceNote: optionalText(300),
    topics: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
    // A moment (ISO 8601 with a zone), or a day (YYYY-MM-DD): valid to the end of that day, UTC. The service checks
    // that it lies in the future, by its clock.
    validUntil: z
      .string()
      .trim()
      .refine(
        (value) =>
          /^\d{4}-\d{2}-\d{2}(T.*(Z|[+-]\d{2}:?\d{2}))?$/.test(value) &&
          isCalendarDay(value.slice(0, 10)) &&
          !Number.isNaN(Date.parse(value)),
        userErrorCode('VALID_UNTIL'),
      )
      .transform((value) => new Date(value.length === 10 ? `${value}T23:59:59.999Z` : value).toISOString()),
  })
  .superRefine((input, context) => {
    if (input.evidence === 'KVK' && !/^\d{8}$/.test(input.kvkNumber ?? '')) {
      context.addIssue({ code: 'custom', path: ['kvkNumber'], ...userErrorCode('INVALID_KVK') });
    }
    if (input.evidence === 'MANUAL' && input.note === null) {
      context.addIssue({ code: 'custom', path: ['note'], ...userErrorCode('REQUIRED') });
    }
    if (input.independence === 'OTHER' && input.independenceNote === null) {
      context.addIssue({ code: 'custom', path: ['independenceNote'], ...userErrorCode('REQUIRED') });
    }
  });
export type VerifyExpertInput = z.output<typeof verifyExpertInput>;

export const revokeVerificationInput = z.object({
  expertId: id,
  reason: z.string().trim().min(3).max(500),
});

export const updateMyProfileInput = z
  .object({
    displayName: z.string().trim().min(limits.expertDisplayName.min).max(limits.expertDisplayName.max),
    title: optionalText(limits.expertTitle.max),
    bio: optionalText(limits.expertBio.max),
    photoUrl: httpsUrl(limits.expertPhotoUrl.max),
    photoAlt: optionalText(limits.expertPhotoAlt.max),
  })
  .superRefine((input, context) => {
    // Without a description, a screen reader user learns nothing from the photo.
    if (input.photoUrl !== null && input.photoAlt === null) {
      context.addIssue({ code: 'custom', path: ['photoAlt'], ...userErrorCode('REQUIRED') });
    }
  });
export type UpdateMyProfileInput = z.output<typeof updateMyProfileInput>;

// End of experts, verifications and claims

/** Turns schema issues into one UserError per field, in the order of the form. */
function toUserErrors(issues: z.core.$ZodIssue[]): UserError[] {
  const byField = new Map<string, UserError>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (byField.has(field)) continue;
    if (issue.code === 'custom' && typeof issue.params?.code === 'string') {
      // A refinement that names its own code, for example INVALID_URL.
      byField.set(field, { field, code: issue.params.code as UserError['code'] });
    } else if (issue.code === 'too_small') {
      const min = Number(issue.minimum);
      byField.set(field, { field, code: min <= 1 ? 'REQUIRED' : 'TOO_SHORT', params: { min } });
    } else if (issue.code === 'too_big') {
      byField.set(field, { field, code: 'TOO_LONG', params: { max: Number(issue.maximum) } });
    } else if (field === 'notifyEmail') {
      byField.set(field, { field, code: 'INVALID_EMAIL' });
    } else if (field === 'idempotencyKey' || field === 'voterKey') {
      byField.set(field, { field, code: 'INVALID_KEY' });
    } else if (field === 'ownerToken') {
      byField.set(field, { field, code: 'NOT_OWNER' });
    } else {
      byField.set(field, { field, code: 'REQUIRED' });
    }
  }
  return [...byField.values()];
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

export function validate<Schema extends z.ZodType>(schema: Schema, input: unknown): Validated<z.output<Schema>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: toUserErrors(result.error.issues) };
}
