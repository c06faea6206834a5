import { dutchDay, limits } from '@plein/schema';
import { z } from 'zod';
import type { Locale } from '../i18n/locale.ts';
import {
  advisorMail,
  type AppointmentFacts,
  calendarAttachment,
  cancelledMail,
  confirmationMail,
  reminderMail,
} from '../mail/appointment-mails.ts';
import { type Mailer, type MailMessage, MemoryMailer } from '../mail/mailer.ts';
import { type BookedRow, SlotTakenError } from '../store/appointment-store.ts';
import type { AppointmentMode, AppointmentRow, AppointmentSlotRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { CommunityService, RequestOrigin } from './community-service.ts';
import { startOfDutchDay } from './dutch-time.ts';
import type { FieldCipher } from './encryption.ts';
import { ServiceError, type UserError } from './errors.ts';
import type { InstanceKeys } from './instance-keys.ts';
import type { Topic } from './models.ts';
import { refusalOfFormSignals } from './moderation-pipeline.ts';
import { isUniqueViolation, pageSize } from './paging.ts';
import { hashToken, keyedHash, newId } from './secrets.ts';
import { validate } from './validation.ts';
import { requireRole, type Viewer } from './viewer.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Free slots are offered from this long after now, so an advisor is never surprised by a booking minutes ahead. */
export const BOOKING_LEAD_MS = HOUR;
/** The reminder goes out within this time before the appointment. */
export const REMINDER_BEFORE_MS = DAY;
/** Appointments and slots are deleted this long after the appointment (a cancelled one: after the cancellation). */
export const APPOINTMENT_RETENTION_MS = 30 * DAY;
/** How far ahead an advisor may offer a time. */
export const SLOTS_AHEAD_MS = 365 * DAY;
/** Start times per publishSlots call. */
export const MAX_SLOTS_AT_ONCE = 50;
/** `freeSlots(first)` is capped here. */
export const MAX_FREE_SLOTS = 20;
export const NAME_MAX = 80;
export const NOTE_MAX = 500;
export const LOCATION_MAX = 200;

/** A time an advisor offers, in the contract's words. */
export interface AppointmentSlot {
  id: string;
  communityId: string;
  /** `AppointmentSlot.advisor` loads the Expert by this id. */
  expertId: string;
  startsAt: string;
  endsAt: string;
  mode: AppointmentMode;
  location: string | null;
}

/** A booked appointment as its advisor sees it: name, address and note decrypted. */
export interface Appointment {
  id: string;
  slot: AppointmentSlot;
  topic: Topic;
  name: string;
  email: string;
  note: string | null;
  bookedAt: string;
}

/** What the citizen sees after booking; never the cancel token, which goes by e-mail only. */
export interface BookedAppointment {
  id: string;
  startsAt: string;
  endsAt: string;
  mode: AppointmentMode;
  location: string | null;
  advisorName: string;
}

export interface SlotsResult {
  slots: AppointmentSlot[];
  errors: UserError[];
}

export interface BookResult {
  appointment: BookedAppointment | null;
  errors: UserError[];
}

export interface CancelResult {
  cancelled: boolean;
  errors: UserError[];
}

/** What the cancel link leads to; the pages show the appointment, a "done" text, or why the link does not work. */
export type CancelLinkState =
  { state: 'active' | 'cancelled' | 'past'; appointment: BookedAppointment } | { state: 'unknown' };

/** Where links in the e-mails point, and how mail leaves the server. */
export interface AppointmentServiceOptions {
  mailer: Mailer;
  /** This server as people reach it, without a trailing slash: the cancel link starts with it. */
  publicUrl: string;
  /** The page where advisors sign in and see their appointments; `{community}` becomes the community's slug. */
  agendaUrl: string;
  /** Told when a mail could not be sent or a stored value could not be decrypted; never gets an address or text. */
  onError?: (error: unknown, what: string) => void;
}

const mode = z.enum(['IN_PERSON', 'VIDEO', 'PHONE']);
const id = z.string().trim().min(1).max(100);
const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);
const code = (value: UserError['code']) => ({ params: { code: value } });
/** A moment written with its time zone (ISO 8601), as the DateTime scalar carries it. */
const isInstant = (value: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) &&
  !Number.isNaN(Date.parse(value));
const isEmail = (value: string) => z.email().safeParse(value).success;

export const publishSlotsInput = z
  .object({
    community: z.string().trim().min(1).max(100),
    startsAt: z
      .array(z.string().trim().refine(isInstant, code('SLOT_TIME')))
      .min(1)
      .refine((times) => times.length <= MAX_SLOTS_AT_ONCE, code('TOO_MANY_SLOTS')),
    mode,
    location: z
      .string()
      .trim()
      .max(LOCATION_MAX)
      .nullish()
      .transform((value) => value || null),
  })
  .superRefine((input, context) => {
    if (input.mode === 'IN_PERSON' && input.location === null) {
      context.addIssue({ code: 'custom', path: ['location'], ...code('REQUIRED') });
    }
  });

export const bookAppointmentInput = z.object({
  slotId: id,
  topic: z.string().trim().min(1).max(100),
  // A name or a pseudonym, on one line.
  name: z
    .string()
    .trim()
    .min(1)
    .max(NAME_MAX)
    .transform((value) => value.replace(/\s+/g, ' ')),
  email: z.string().trim().min(1).max(limits.email.max).refine(isEmail, code('INVALID_EMAIL')),
  note: z
    .string()
    .trim()
    .max(NOTE_MAX)
    .nullish()
    .transform((value) => value || null),
  idempotencyKey,
  antiSpam: z
    .object({ honeypot: z.string().nullish(), fillMs: z.number().int().nullish() })
    .nullish()
    .transform((value) => value ?? null),
});

/** Cancel tokens are 43 characters of base64url; anything else cannot be one and is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

const toSlot = (row: AppointmentSlotRow): AppointmentSlot => ({
  id: row.id,
  communityId: row.community_id,
  expertId: row.expert_id,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  mode: row.mode,
  location: row.location,
});

/** The slot an appointment holds, from the appointment joined with its slot. */
const slotOf = (row: BookedRow): AppointmentSlot => ({
  id: row.slot_id,
  communityId: row.community_id,
  expertId: row.expert_id,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  mode: row.mode,
  location: row.location,
});

/**
 * Appointments with an advisor. Advisors (experts with a current verification) publish times; residents book a free
 * time for a topic its advisor is verified for, with a name or pseudonym, an e-mail address and an optional note,
 * which are stored encrypted (services/encryption.ts). A slot is taken by one conditional update inside the booking
 * transaction (store/appointment-store.ts), so it is never booked twice. The confirmation e-mail brings an .ics file
 * and a cancel link that works without signing in; a reminder follows the day before; advisors read their
 * appointments in their agenda. Everything is deleted 30 days after the appointment.
 */
export class AppointmentService {
  readonly mailer: Mailer;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly communities: CommunityService,
    private readonly keys: InstanceKeys,
    private readonly cipher: FieldCipher,
    private readonly settings: AppointmentServiceOptions = {
      mailer: new MemoryMailer(),
      publicUrl: 'http://localhost:4000',
      agendaUrl: 'http://localhost:4000/professionals/',
    },
  ) {
    this.mailer = settings.mailer;
  }

  // Advisors

  /**
   * An advisor offers times: each lasts the community's appointment duration, starts in the future (at most a year
   * ahead), and overlaps none of the advisor's other times. Only experts with a current verification; a community
   * that offers no appointments takes none. Returns the slots just published.
   */
  async publishSlots(viewer: Viewer | null | undefined, rawInput: unknown): Promise<SlotsResult> {
    const expert = requireRole(viewer, viewer?.communityId ?? '', 'EXPERT');
    if (!expert.expertId) throw new ServiceError('FORBIDDEN');
    const validated = validate(publishSlotsInput, rawInput);
    if (!validated.ok) return { slots: [], errors: validated.errors };
    const input = validated.value;
    const community = await this.store.communityBySlug(input.community);
    if (!community) return slotsFailure({ field: 'community', code: 'UNKNOWN_COMMUNITY' });
    requireRole(expert, community.id, 'EXPERT');
    const now = this.clock();
    if (!(await this.hasCurrentVerification(expert.expertId, community.id, now))) {
      return slotsFailure({ field: null, code: 'VERIFICATION_REQUIRED' });
    }
    const duration = await this.durationMinutes(community.id);
    if (duration === null) return slotsFailure({ field: 'community', code: 'APPOINTMENTS_OFF' });

    const starts = input.startsAt.map((text) => new Date(text).getTime());
    if (starts.some((start) => start <= now.getTime() || start > now.getTime() + SLOTS_AHEAD_MS)) {
      return slotsFailure({ field: 'startsAt', code: 'SLOT_TIME' });
    }
    const rows: AppointmentSlotRow[] = [...new Set(starts)]
      .sort((a, b) => a - b)
      .map((start) => ({
        id: newId(),
        community_id: community.id,
        expert_id: expert.expertId!,
        starts_at: new Date(start).toISOString(),
        ends_at: new Date(start + duration * MINUTE).toISOString(),
        mode: input.mode,
        location: input.mode === 'IN_PERSON' ? input.location : null,
        created_at: now.toISOString(),
        appointment_id: null,
      }));
    if (rows.length < starts.length || rows.some((row, i) => i > 0 && row.starts_at < rows[i - 1]!.ends_at)) {
      return slotsFailure({ field: 'startsAt', code: 'SLOT_OVERLAP' });
    }
    const stored = await this.store.transaction(async (store) => {
      // Two publishes by the same advisor at once wait for each other, so the overlap check holds for both.
      await store.appointments.lockExpert(expert.expertId!);
      const existing = await store.appointments.slotsOfExpertOverlapping(
        expert.expertId!,
        rows[0]!.starts_at,
        rows.at(-1)!.ends_at,
      );
      const overlaps = rows.some((row) =>
        existing.some((slot) => slot.starts_at < row.ends_at && row.starts_at < slot.ends_at),
      );
      if (overlaps) return false;
      await store.appointments.insertSlots(rows);
      return true;
    });
    if (!stored) return slotsFailure({ field: 'startsAt', code: 'SLOT_OVERLAP' });
    return { slots: rows.map(toSlot), errors: [] };
  }

  /** An advisor removes one of their own free times; a booked one stays. Returns the advisor's free times left. */
  async removeSlot(viewer: Viewer | null | undefined, slotId: unknown): Promise<SlotsResult> {
    const expert = requireRole(viewer, viewer?.communityId ?? '', 'EXPERT');
    if (!expert.expertId) throw new ServiceError('FORBIDDEN');
    const parsed = id.safeParse(slotId);
    const [slot] = parsed.success ? await this.store.appointments.slotsByIds([parsed.data]) : [];
    // Someone else's slot is answered as if it did not exist.
    if (!slot || slot.expert_id !== expert.expertId) {
      return { slots: await this.mySlots(expert), errors: [{ field: 'slotId', code: 'UNKNOWN_SLOT' }] };
    }
    const removed = await this.store.appointments.deleteFreeSlot(slot.id, expert.expertId);
    return {
      slots: await this.mySlots(expert),
      errors: removed ? [] : [{ field: 'slotId', code: 'SLOT_BOOKED' }],
    };
  }

  /** `Viewer.mySlots`: the expert's own free times from now on, soonest first. */
  async mySlots(viewer: Viewer | null | undefined, first?: number | null): Promise<AppointmentSlot[]> {
    const expert = requireRole(viewer, viewer?.communityId ?? '', 'EXPERT');
    if (!expert.expertId) return [];
    const rows = await this.store.appointments.freeSlotsOfExpert(
      expert.expertId,
      this.clock().toISOString(),
      pageSize(first ?? limits.pageSize.max),
    );
    return rows.map(toSlot);
  }

  /**
   * `Viewer.appointments`: the expert's booked appointments from the start of today (Dutch time) on, soonest first,
   * with the citizen's name, address and note. Also after the expert's verification ended: the appointments stand.
   */
  async agenda(viewer: Viewer | null | undefined, first?: number | null): Promise<Appointment[]> {
    const expert = requireRole(viewer, viewer?.communityId ?? '', 'EXPERT');
    if (!expert.expertId) return [];
    const today = startOfDutchDay(dutchDay(this.clock()));
    const rows = await this.store.appointments.upcomingOfExpert(expert.expertId, today, pageSize(first));
    const topics = new Map(
      (await this.communities.topicsByIds([...new Set(rows.map((row) => row.topic_id))])).map((t) => [t.id, t]),
    );
    return rows.flatMap((row) => {
      const topic = topics.get(row.topic_id);
      if (!topic) return [];
      return [
        {
          id: row.id,
          slot: slotOf(row),
          topic,
          name: this.decrypt(row.name_encrypted) ?? '',
          email: this.decrypt(row.email_encrypted) ?? '',
          note: row.note_encrypted === null ? null : this.decrypt(row.note_encrypted),
          bookedAt: row.booked_at,
        },
      ];
    });
  }

  // Residents

  /**
   * `AppointmentService.freeSlots`: free times of the community's advisors whose current verification covers the
   * topic, from an hour from now on, soonest first; at most 20. An unknown topic has none.
   */
  async freeSlots(
    communityId: string,
    topicSlug: string,
    first?: number | null,
    now: Date = this.clock(),
  ): Promise<AppointmentSlot[]> {
    const size = Math.min(pageSize(first ?? 6), MAX_FREE_SLOTS);
    const topic = await this.store.topicBySlug(communityId, topicSlug);
    if (!topic) return [];
    const rows = await this.store.appointments.freeSlotsForTopic(
      communityId,
      topic.id,
      new Date(now.getTime() + BOOKING_LEAD_MS).toISOString(),
      now.toISOString(),
      size,
    );
    return rows.map(toSlot);
  }

  /**
   * Books a free time. The slot must be free, in the future, and its advisor verified for the topic; the same
   * idempotency key twice gives the same booking and one e-mail. Of many bookings of one slot at once exactly one
   * succeeds; the others get SLOT_TAKEN and leave nothing behind. `locale` is the citizen's, for the e-mails.
   */
  async book(rawInput: unknown, locale: Locale = 'nl', request?: RequestOrigin): Promise<BookResult> {
    const validated = validate(bookAppointmentInput, rawInput);
    if (!validated.ok) return { appointment: null, errors: validated.errors };
    const input = validated.value;
    const [slot] = await this.store.appointments.slotsByIds([input.slotId]);
    if (!slot) return bookFailure('SLOT_UNAVAILABLE');
    if (request) await this.communities.assertOriginAllowed(slot.community_id, request);

    const earlier = async (): Promise<BookResult | null> => {
      const row = await this.store.appointments.appointmentByIdempotencyKey(slot.community_id, input.idempotencyKey);
      return row ? { appointment: await this.toBooked(row), errors: [] } : null;
    };
    const replay = await earlier();
    if (replay) return replay;

    const refused = refusalOfFormSignals(input.antiSpam);
    if (refused) return { appointment: null, errors: [refused] };
    const now = this.clock();
    if ((await this.durationMinutes(slot.community_id)) === null) return bookFailure('APPOINTMENTS_OFF');
    const topic = await this.store.topicBySlug(slot.community_id, input.topic);
    // A topic the slot's community does not have: the slot is from another community's list.
    if (!topic || slot.starts_at <= now.toISOString()) return bookFailure('SLOT_UNAVAILABLE');
    if (slot.appointment_id !== null) return bookFailure('SLOT_TAKEN');
    if (!(await this.store.appointments.advisorCoversTopic(slot.id, topic.id, now.toISOString()))) {
      return bookFailure('SLOT_UNAVAILABLE');
    }

    const appointmentId = newId();
    const cancelToken = await this.cancelToken(appointmentId);
    const row: AppointmentRow = {
      id: appointmentId,
      community_id: slot.community_id,
      slot_id: slot.id,
      topic_id: topic.id,
      name_encrypted: this.cipher.encrypt(input.name),
      email_encrypted: this.cipher.encrypt(input.email),
      note_encrypted: input.note === null ? null : this.cipher.encrypt(input.note),
      locale,
      cancel_token_hash: hashToken(cancelToken),
      idempotency_key: input.idempotencyKey,
      booked_at: now.toISOString(),
      cancelled_at: null,
      // Booked within a day of the start: the confirmation is the reminder.
      reminder_sent_at: Date.parse(slot.starts_at) - now.getTime() <= REMINDER_BEFORE_MS ? now.toISOString() : null,
    };
    try {
      await this.store.transaction((store) => store.appointments.book(row, now.toISOString()));
    } catch (error) {
      if (error instanceof SlotTakenError) return bookFailure('SLOT_TAKEN');
      // A concurrent request with the same key committed first.
      const replay = isUniqueViolation(error) ? await earlier() : null;
      if (replay) return replay;
      throw error;
    }

    const booked: BookedRow = { ...row, ...toBookedColumns(slot) };
    this.track(this.notifyBooked(booked, { email: input.email, name: input.name, cancelToken }, now));
    return { appointment: await this.toBooked(booked), errors: [] };
  }

  /** What the cancel link leads to, without changing anything (mail scanners open links). */
  async cancelLinkState(token: string): Promise<CancelLinkState> {
    const row = await this.byCancelToken(token);
    if (!row) return { state: 'unknown' };
    const appointment = await this.toBooked(row);
    if (row.cancelled_at !== null) return { state: 'cancelled', appointment };
    if (row.starts_at <= this.clock().toISOString()) return { state: 'past', appointment };
    return { state: 'active', appointment };
  }

  /**
   * Cancels with the token from the e-mail: the slot is free again, and the citizen and the advisor get a short
   * e-mail. A cancelled or past appointment, or a token that is not one, gets a clear user error.
   */
  async cancel(token: unknown): Promise<CancelResult> {
    const row = typeof token === 'string' ? await this.byCancelToken(token) : undefined;
    if (!row) return cancelFailure('CANCEL_LINK_INVALID');
    if (row.cancelled_at !== null) return cancelFailure('ALREADY_CANCELLED');
    const now = this.clock().toISOString();
    if (row.starts_at <= now) return cancelFailure('APPOINTMENT_PAST');
    const cancelled = await this.store.transaction((store) => store.appointments.cancel(row.id, row.slot_id, now));
    if (!cancelled) return cancelFailure('ALREADY_CANCELLED');

    this.track(this.notifyCancelled(row));
    return { cancelled: true, errors: [] };
  }

  // Jobs

  /**
   * Sends the reminder of every appointment that starts within the next 24 hours and has none yet. Each one is first
   * claimed with a conditional update, so several runs at once (several instances) send it once. Returns how many
   * this run sent. The server runs this every 5 minutes.
   */
  async sendReminders(now: Date = this.clock()): Promise<number> {
    const due = await this.store.appointments.dueReminders(
      now.toISOString(),
      new Date(now.getTime() + REMINDER_BEFORE_MS).toISOString(),
    );
    let sent = 0;
    for (const row of due) {
      if (!(await this.store.appointments.claimReminder(row.id, now.toISOString()))) continue;
      const email = this.decrypt(row.email_encrypted);
      if (email === null) continue;
      const message = reminderMail({
        to: email,
        locale: row.locale,
        name: this.decrypt(row.name_encrypted) ?? '',
        facts: await this.facts(row),
        cancelUrl: this.cancelUrl(await this.cancelToken(row.id)),
      });
      await this.deliver([message], 'appointment reminder');
      sent += 1;
    }
    return sent;
  }

  /** Retention: deletes appointments and slots 30 days after the appointment (or the cancellation). Hourly. */
  sweep(now: Date = this.clock()): Promise<{ appointments: number; slots: number }> {
    const before = new Date(now.getTime() - APPOINTMENT_RETENTION_MS).toISOString();
    return this.store.transaction((store) => store.appointments.deleteEndedBefore(before));
  }

  /** Resolves when every e-mail started so far has been handed to the mailer: for tests and a clean shutdown. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  // Helpers

  private async hasCurrentVerification(expertId: string, communityId: string, now: Date): Promise<boolean> {
    const [expert] = await this.store.expertsByIds([expertId]);
    if (!expert || expert.community_id !== communityId) return false;
    return (await this.store.currentVerifications([expertId], now.toISOString())).has(expertId);
  }

  /** The community's appointment duration in minutes; null when it offers no appointments. */
  private async durationMinutes(communityId: string): Promise<number | null> {
    const stored = await this.store.appointments.settingsOf(communityId);
    if (stored === null) return null;
    try {
      const minutes = (JSON.parse(stored) as { durationMinutes?: unknown }).durationMinutes;
      return typeof minutes === 'number' && Number.isInteger(minutes) && minutes > 0 ? minutes : null;
    } catch {
      return null;
    }
  }

  private async byCancelToken(token: string): Promise<BookedRow | undefined> {
    if (!TOKEN.test(token)) return undefined;
    return this.store.appointments.appointmentByCancelHash(hashToken(token));
  }

  /**
   * The reminder carries the same cancel link as the confirmation, yet only the token's hash is stored: the token is
   * a keyed hash of the appointment id under a key of this instance (PLEIN_SECRET, or a random key in the database),
   * so it can be made again for the reminder and cannot be made without the key.
   */
  private async cancelToken(appointmentId: string): Promise<string> {
    return keyedHash(await this.keys.key('appointment-cancel'), `cancel:${appointmentId}`);
  }

  private cancelUrl(token: string): string {
    return `${this.settings.publicUrl}/afspraak/annuleren?token=${token}`;
  }

  /** The citizen's confirmation with the .ics file, and the advisor's notice. */
  private async notifyBooked(
    row: BookedRow,
    citizen: { email: string; name: string; cancelToken: string },
    now: Date,
  ): Promise<void> {
    try {
      const facts = await this.facts(row);
      const cancelUrl = this.cancelUrl(citizen.cancelToken);
      const confirmation = confirmationMail({
        to: citizen.email,
        locale: row.locale,
        name: citizen.name,
        facts,
        cancelUrl,
        reminderFollows: row.reminder_sent_at === null,
        calendar: calendarAttachment(facts, row.locale, {
          uid: `${row.id}@${new URL(this.settings.publicUrl).hostname}`,
          stamp: now,
          cancelUrl,
        }),
      });
      await this.deliver([confirmation, ...(await this.advisorMails(row, facts, 'booked'))], 'appointment booked');
    } catch (error) {
      this.settings.onError?.(error, 'appointment booked');
    }
  }

  /** The citizen's confirmation of the cancellation, and the advisor's notice. */
  private async notifyCancelled(row: BookedRow): Promise<void> {
    try {
      const facts = await this.facts(row);
      const email = this.decrypt(row.email_encrypted);
      const name = this.decrypt(row.name_encrypted) ?? '';
      const citizen = email === null ? [] : [cancelledMail({ to: email, locale: row.locale, name, facts })];
      await this.deliver([...citizen, ...(await this.advisorMails(row, facts, 'cancelled'))], 'appointment cancelled');
    } catch (error) {
      this.settings.onError?.(error, 'appointment cancelled');
    }
  }

  /** What every e-mail says about the appointment: community, advisor, topic, time and place. */
  private async facts(row: BookedRow): Promise<AppointmentFacts> {
    const [community, [advisor], topics] = await Promise.all([
      this.store.communityById(row.community_id),
      this.store.expertsByIds([row.expert_id]),
      this.communities.topicsByIds([row.topic_id]),
    ]);
    return {
      community: community?.name ?? 'Plein',
      advisorName: advisor?.display_name ?? '',
      topicName: topics[0]?.name ?? '',
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      mode: row.mode,
      location: row.location,
    };
  }

  /** The advisor's notice, to every active account of the expert profile; in Dutch, the community's language. */
  private async advisorMails(
    row: BookedRow,
    facts: AppointmentFacts,
    kind: 'booked' | 'cancelled',
  ): Promise<MailMessage[]> {
    const community = await this.store.communityById(row.community_id);
    const agendaUrl = this.settings.agendaUrl.replaceAll('{community}', encodeURIComponent(community?.slug ?? ''));
    return (await this.store.appointments.advisorAddresses(row.expert_id)).map((to) =>
      advisorMail({ to, locale: 'nl', kind, facts, agendaUrl }),
    );
  }

  private async toBooked(row: BookedRow): Promise<BookedAppointment> {
    const [advisor] = await this.store.expertsByIds([row.expert_id]);
    return { ...toBookedAppointment(row), advisorName: advisor?.display_name ?? '' };
  }

  /** Null, and reported, when a value was not made with this key (for example after the key was changed). */
  private decrypt(stored: string): string | null {
    try {
      return this.cipher.decrypt(stored);
    } catch (error) {
      this.settings.onError?.(error, 'decrypt appointment');
      return null;
    }
  }

  /** Sends e-mails one by one; a failure is reported without the address or the text, and never reaches the caller. */
  private async deliver(messages: readonly MailMessage[], what: string): Promise<void> {
    for (const message of messages) {
      try {
        await this.mailer.send(message);
      } catch (error) {
        this.settings.onError?.(error, what);
      }
    }
  }

  private track(work: Promise<void>): void {
    const tracked = work.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}

function toBookedColumns(slot: AppointmentSlotRow) {
  return {
    starts_at: slot.starts_at,
    ends_at: slot.ends_at,
    mode: slot.mode,
    location: slot.location,
    expert_id: slot.expert_id,
  };
}

function toBookedAppointment(row: BookedRow): Omit<BookedAppointment, 'advisorName'> {
  return { id: row.id, startsAt: row.starts_at, endsAt: row.ends_at, mode: row.mode, location: row.location };
}

function slotsFailure(error: UserError): SlotsResult {
  return { slots: [], errors: [error] };
}

function bookFailure(errorCode: UserError['code']): BookResult {
  return { appointment: null, errors: [{ field: 'slotId', code: errorCode }] };
}

function cancelFailure(errorCode: UserError['code']): CancelResult {
  return { cancelled: false, errors: [{ field: 'token', code: errorCode }] };
}
