import { z } from 'zod';
import type { UserError } from './errors.ts';

/** The edge of the moderation mutations (as services/validation.ts is for the others); `validate` reports errors. */

/** A refinement's own user error code (see toUserErrors in validation.ts). */
const code = (userErrorCode: UserError['code']) => ({ params: { code: userErrorCode } });

/** Longest flag note, moderator reason and block reason, in characters. */
export const MODERATION_TEXT_MAX = 500;
/** The most flags that hide content; the fewest is 1. */
export const MAX_FLAG_THRESHOLD = 20;
/** The most words per list, and the length of each. */
export const MAX_LIST_WORDS = 200;
export const LIST_WORD_LENGTH = { min: 2, max: 40 } as const;

const contentRef = z.object({
  kind: z.enum(['QUESTION', 'ANSWER']),
  id: z.string().trim().min(1).max(100),
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

const requiredReason = z.string().trim().min(3).max(MODERATION_TEXT_MAX);

export const flagContentInput = z.object({
  content: contentRef,
  reason: z.enum(['PERSONAL_DATA', 'OFFENSIVE', 'SPAM', 'INCORRECT', 'OTHER']),
  note: optionalText(MODERATION_TEXT_MAX),
});

/** Approve: a reason is optional. */
export const approveContentInput = z.object({ content: contentRef, reason: optionalText(MODERATION_TEXT_MAX) });

/** Reject and hide: the reason is required (the author reads it for a rejection). */
export const decideContentInput = z.object({ content: contentRef, reason: requiredReason });

export const redactContentInput = z.object({
  content: contentRef,
  // Lengths are the pipeline's length step; this only bounds what is read at all.
  title: optionalText(1_000),
  body: z.string().max(20_000),
  // Kinds such as `name`, `phone`, `health`, `offensive`: lower-case words with hyphens, so no text slips in.
  removedKinds: z
    .array(z.string().trim())
    .refine(
      (kinds) => kinds.length >= 1 && kinds.length <= 10 && kinds.every((kind) => /^[a-z][a-z-]{1,39}$/.test(kind)),
      code('REMOVED_KINDS'),
    )
    .transform((kinds) => [...new Set(kinds)]),
});

export const blockAuthorInput = z.object({
  content: contentRef,
  scope: z.enum(['DEVICE', 'PSEUDONYM']),
  reason: requiredReason,
});

/** A word list: trimmed, empty entries dropped, doubles (ignoring case) once. */
const wordList = z
  .array(z.string())
  .transform((words) => words.map((word) => word.trim().replace(/\s+/g, ' ')).filter(Boolean))
  .refine(
    (words) =>
      words.length <= MAX_LIST_WORDS &&
      words.every((word) => word.length >= LIST_WORD_LENGTH.min && word.length <= LIST_WORD_LENGTH.max),
    code('WORD_LIST'),
  )
  .transform((words) => {
    const seen = new Set<string>();
    return words.filter((word) => {
      const key = word.toLocaleLowerCase('nl');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

export const moderationSettingsInput = z.object({
  community: z.string().trim().min(1),
  preModeration: z.enum(['NONE', 'FIRST_POST', 'EVERYTHING']),
  flagThreshold: z
    .number()
    .refine((value) => Number.isInteger(value) && value >= 1 && value <= MAX_FLAG_THRESHOLD, code('FLAG_THRESHOLD')),
  blockedWords: wordList,
  heldWords: wordList,
});
