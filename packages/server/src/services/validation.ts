import { limits } from '@plein/schema';
import { z } from 'zod';
import type { UserError } from './errors.ts';

/** Optional free text: trimmed, and empty means "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);

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
});
export type AskQuestionInput = z.output<typeof askQuestionInput>;

export const answerQuestionInput = z.object({
  questionId: z.string().trim().min(1).max(100),
  body: z.string().trim().min(limits.answerBody.min).max(limits.answerBody.max),
  displayName: optionalText(limits.displayName.max),
  idempotencyKey,
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

/** Turns schema issues into one UserError per field, in the order of the form. */
function toUserErrors(issues: z.core.$ZodIssue[]): UserError[] {
  const byField = new Map<string, UserError>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (byField.has(field)) continue;
    if (issue.code === 'too_small') {
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
