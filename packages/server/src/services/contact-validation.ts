import { z } from 'zod';
import { isDay } from '@plein/schema';
import type { UserError } from './errors.ts';
import { minutesOf } from './opening-hours.ts';
import type { Validated } from './validation.ts';

/**
 * The edge of `setContactChannels` and `plein contact set` (as services/validation.ts is for the forum). Errors name
 * the full path of the field, such as `adviceLine.openingHours.2.closes`, so a form can point at the right row.
 */

/** Longest description of a channel, in characters. */
export const CONTACT_DESCRIPTION_MAX = 300;
/** Longest reason of a closed day ("Tweede Kerstdag"). */
export const CLOSED_DAY_REASON_MAX = 100;
/** The most blocks of opening hours on one weekday, and the most closed days. */
export const MAX_BLOCKS_PER_DAY = 4;
export const MAX_CLOSED_DAYS = 60;
/** Working days within which the e-mail service answers. */
export const ANSWER_WITHIN_DAYS = { min: 1, max: 10 } as const;
/** Minutes per appointment, in steps of APPOINTMENT_STEP. */
export const APPOINTMENT_MINUTES = { min: 15, max: 120 } as const;
export const APPOINTMENT_STEP = 5;

/** Service numbers (free, paid) have 4 or 7 digits after their prefix; every other Dutch number has 10 digits. */
const SERVICE_PREFIX = /^0(800|900|906|909)/;

/**
 * The number as it is dialled in the Netherlands (0800 0123, 0501234567), from how people write it: spaces, hyphens,
 * dots, brackets, +31 or 0031, and "(0)" after +31 are all fine. Null when it is not a Dutch number.
 */
export function dutchPhoneDigits(text: string): string | null {
  if (!/^[\d\s\-+().]+$/.test(text)) return null;
  let digits = text.replace(/\(0\)/g, '').replace(/[\s\-().]/g, '');
  if (digits.startsWith('+31')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0031')) digits = `0${digits.slice(4)}`;
  if (!/^0\d+$/.test(digits)) return null;
  if (SERVICE_PREFIX.test(digits)) return digits.length === 8 || digits.length === 11 ? digits : null;
  // A second 0 would be the international prefix: 00 is not a Dutch number.
  return /^0[1-9]\d{8}$/.test(digits) ? digits : null;
}

/** For a link: tel:+31 and the number without its leading 0, so it also works from a foreign phone. */
export function phoneHrefOf(phoneNumber: string): string {
  const digits = dutchPhoneDigits(phoneNumber);
  return digits ? `tel:+31${digits.slice(1)}` : `tel:${phoneNumber.replace(/[^\d+]/g, '')}`;
}

const code = (userErrorCode: UserError['code']) => ({ params: { code: userErrorCode } });

/** Optional free text: trimmed, and empty means "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

/** HH:MM in Dutch time; 9:00 is taken as 09:00. */
const time = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/)
  .transform((value) => value.padStart(5, '0'));

const openingBlock = z
  .strictObject({ weekday: z.number().int().min(1).max(7), opens: time, closes: time })
  .superRefine((block, context) => {
    // A block that starts at midnight belongs to the day before as much as to this one; 24:00 does not exist.
    if (block.opens === '00:00') context.addIssue({ code: 'custom', path: ['opens'], ...code('MIDNIGHT_HOURS') });
    else if (minutesOf(block.closes) <= minutesOf(block.opens)) {
      context.addIssue({ code: 'custom', path: ['closes'], ...code('CLOSES_BEFORE_OPENS') });
    }
  });

const closedDay = z.strictObject({
  date: z.string().trim().refine(isDay),
  reason: optionalText(CLOSED_DAY_REASON_MAX),
});

const adviceLine = z
  .strictObject({
    phoneNumber: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .refine((value) => dutchPhoneDigits(value) !== null, code('INVALID_PHONE'))
      .transform((value) => value.replace(/\s+/g, ' ')),
    description: optionalText(CONTACT_DESCRIPTION_MAX),
    // At least one block: a line that is never open is no line. Too many on one day is TOO_MANY_BLOCKS below.
    openingHours: z.array(openingBlock).min(1),
    closedDays: z.array(closedDay),
  })
  .superRefine((line, context) => {
    const byWeekday = new Map<number, { index: number; opens: number; closes: number }[]>();
    line.openingHours.forEach((block, index) => {
      const blocks = byWeekday.get(block.weekday) ?? [];
      blocks.push({ index, opens: minutesOf(block.opens), closes: minutesOf(block.closes) });
      byWeekday.set(block.weekday, blocks);
    });
    for (const blocks of byWeekday.values()) {
      if (blocks.length > MAX_BLOCKS_PER_DAY) {
        const path = ['openingHours', blocks[MAX_BLOCKS_PER_DAY]!.index, 'weekday'];
        context.addIssue({ code: 'custom', path, ...code('TOO_MANY_BLOCKS') });
      }
      // Touching blocks (09:00–12:00, 12:00–17:00) are fine; a block that starts before the one before it ends is not.
      const sorted = [...blocks].sort((a, b) => a.opens - b.opens || a.index - b.index);
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i]!.opens < sorted[i - 1]!.closes) {
          const later = Math.max(sorted[i]!.index, sorted[i - 1]!.index);
          context.addIssue({ code: 'custom', path: ['openingHours', later, 'opens'], ...code('OVERLAPPING_HOURS') });
        }
      }
    }
    if (line.closedDays.length > MAX_CLOSED_DAYS) {
      context.addIssue({ code: 'custom', path: ['closedDays'], ...code('TOO_MANY_CLOSED_DAYS') });
    }
    const seen = new Set<string>();
    line.closedDays.forEach((day, index) => {
      if (seen.has(day.date)) {
        context.addIssue({ code: 'custom', path: ['closedDays', index, 'date'], ...code('DUPLICATE_DAY') });
      }
      seen.add(day.date);
    });
  })
  .transform((line) => ({
    ...line,
    // Stored in reading order: by weekday and time, closed days by date.
    openingHours: [...line.openingHours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens)),
    closedDays: [...line.closedDays].sort((a, b) => a.date.localeCompare(b.date)),
  }));

const emailService = z.strictObject({
  description: optionalText(CONTACT_DESCRIPTION_MAX),
  answerWithinDays: z.number().int().min(ANSWER_WITHIN_DAYS.min).max(ANSWER_WITHIN_DAYS.max),
});

const appointments = z.strictObject({
  description: optionalText(CONTACT_DESCRIPTION_MAX),
  durationMinutes: z
    .number()
    .int()
    .min(APPOINTMENT_MINUTES.min)
    .max(APPOINTMENT_MINUTES.max)
    .refine((minutes) => minutes % APPOINTMENT_STEP === 0),
});

/** Null (or left out) switches a channel off. */
const channel = <Schema extends z.ZodType>(schema: Schema) =>
  schema.nullish().transform((value) => (value ?? null) as z.output<Schema> | null);

export const contactChannelsInput = z.strictObject({
  community: z.string().trim().min(1).max(100),
  adviceLine: channel(adviceLine),
  emailService: channel(emailService),
  appointments: channel(appointments),
});
export type ContactChannelsInput = z.output<typeof contactChannelsInput>;

/** The code of a field whatever went wrong with it: a weekday of 8 and a weekday "maandag" get the same text. */
const codeOfField: Record<string, UserError['code']> = {
  weekday: 'INVALID_WEEKDAY',
  opens: 'INVALID_TIME',
  closes: 'INVALID_TIME',
  phoneNumber: 'INVALID_PHONE',
  date: 'INVALID_DAY',
  answerWithinDays: 'ANSWER_WITHIN_DAYS',
  durationMinutes: 'APPOINTMENT_DURATION',
};

function toUserError(issue: z.core.$ZodIssue): UserError {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'custom' && typeof issue.params?.code === 'string') {
    return { field, code: issue.params.code as UserError['code'] };
  }
  if (issue.code === 'unrecognized_keys') {
    return { field: [...issue.path.map(String), issue.keys[0]].join('.'), code: 'UNKNOWN_FIELD' };
  }
  const last = String(issue.path.at(-1) ?? '');
  const empty = issue.code === 'invalid_type' || (issue.code === 'too_small' && Number(issue.minimum) <= 1);
  // An empty phone number is missing, not wrong.
  if (last === 'phoneNumber' && empty) return { field, code: 'REQUIRED' };
  const own = codeOfField[last];
  if (own) return { field, code: own };
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return { field, code: 'TOO_LONG', params: { max: Number(issue.maximum) } };
  }
  return { field, code: 'REQUIRED' };
}

/** The input checked and made tidy, or one user error per field in the order of the form. */
export function validateContactChannels(input: unknown): Validated<ContactChannelsInput> {
  const result = contactChannelsInput.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const byField = new Map<string, UserError>();
  for (const issue of result.error.issues) {
    const error = toUserError(issue);
    if (!byField.has(error.field ?? '')) byField.set(error.field ?? '', error);
  }
  return { ok: false, errors: [...byField.values()] };
}
