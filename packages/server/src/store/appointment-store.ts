import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { AppointmentRow, AppointmentSlotRow, Database } from './database-schema.ts';
import type { Engine } from './engine.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** An appointment with the slot it holds: what mails, the cancel page and the advisor's agenda need. */
export type BookedRow = AppointmentRow & {
  starts_at: string;
  ends_at: string;
  mode: AppointmentSlotRow['mode'];
  location: string | null;
  expert_id: string;
};

/** Thrown inside the booking transaction when the slot was taken (or started) meanwhile: it rolls the booking back. */
export class SlotTakenError extends Error {
  constructor() {
    super('the slot is no longer free');
  }
}

/** A verification of the slot's expert, current at `now`, that covers `topicId`. */
function advisorCovers(topicId: string, now: string) {
  return (eb: ExpressionBuilder<Database, 'appointment_slots'>) =>
    eb.exists(
      eb
        .selectFrom('verifications')
        .innerJoin('verification_topics', 'verification_topics.verification_id', 'verifications.id')
        .select('verifications.id')
        .whereRef('verifications.expert_id', '=', 'appointment_slots.expert_id')
        .where('verifications.revoked_at', 'is', null)
        .where('verifications.valid_until', '>', now)
        .where('verification_topics.topic_id', '=', topicId),
    );
}

const bookedColumns = [
  'appointment_slots.starts_at',
  'appointment_slots.ends_at',
  'appointment_slots.mode',
  'appointment_slots.location',
  'appointment_slots.expert_id',
] as const;

/**
 * The SQL of appointments (services/appointment-service.ts holds the rules). A slot is booked by one conditional
 * update of its `appointment_id`, so two bookings at once can never both hold it, on SQLite and on PostgreSQL. The
 * citizen's name, address and note arrive encrypted, and the cancel token only as its hash.
 */
export class AppointmentStore {
  constructor(
    private readonly db: Executor,
    private readonly engine: Engine,
  ) {}

  /** The community's appointment service as stored (JSON of { description, durationMinutes }); null: not offered. */
  async settingsOf(communityId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('contact_channels')
      .select('appointments')
      .where('community_id', '=', communityId)
      .executeTakeFirst();
    return row?.appointments ?? null;
  }

  // Slots

  slotsByIds(ids: readonly string[]): Promise<AppointmentSlotRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('appointment_slots').selectAll().where('id', 'in', ids).execute();
  }

  /** The expert's slots, free or booked, that overlap the time from `from` to `until`. */
  slotsOfExpertOverlapping(expertId: string, from: string, until: string): Promise<AppointmentSlotRow[]> {
    return this.db
      .selectFrom('appointment_slots')
      .selectAll()
      .where('expert_id', '=', expertId)
      .where('starts_at', '<', until)
      .where('ends_at', '>', from)
      .orderBy('starts_at')
      .execute();
  }

  /**
   * Makes a second transaction that changes this expert's slots wait until this one ends (PostgreSQL row lock; SQLite
   * allows one writer at a time anyway). Call inside `transaction`, before reading what you will check.
   */
  async lockExpert(expertId: string): Promise<void> {
    if (this.engine !== 'postgres') return;
    await this.db.selectFrom('experts').select('id').where('id', '=', expertId).forUpdate().execute();
  }

  async insertSlots(rows: readonly AppointmentSlotRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insertInto('appointment_slots').values(rows).execute();
  }

  /** Removes a free slot of this expert; false, and nothing removed, when it is booked, someone else's or gone. */
  async deleteFreeSlot(id: string, expertId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('appointment_slots')
      .where('id', '=', id)
      .where('expert_id', '=', expertId)
      .where('appointment_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Free slots of the community starting at or after `from`, of experts whose verification is current at `now` and
   * covers the topic; soonest first.
   */
  freeSlotsForTopic(
    communityId: string,
    topicId: string,
    from: string,
    now: string,
    limit: number,
  ): Promise<AppointmentSlotRow[]> {
    return this.db
      .selectFrom('appointment_slots')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('appointment_id', 'is', null)
      .where('starts_at', '>=', from)
      .where(advisorCovers(topicId, now))
      .orderBy('starts_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** An expert's own free slots starting after `after`, soonest first. */
  freeSlotsOfExpert(expertId: string, after: string, limit: number): Promise<AppointmentSlotRow[]> {
    return this.db
      .selectFrom('appointment_slots')
      .selectAll()
      .where('expert_id', '=', expertId)
      .where('appointment_id', 'is', null)
      .where('starts_at', '>', after)
      .orderBy('starts_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** True when the slot's expert has a verification current at `now` that covers the topic. */
  async advisorCoversTopic(slotId: string, topicId: string, now: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('appointment_slots')
      .select('id')
      .where('id', '=', slotId)
      .where(advisorCovers(topicId, now))
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The e-mail addresses of the accounts (not disabled) that hold this expert profile. */
  async advisorAddresses(expertId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('users')
      .select('email')
      .where('expert_id', '=', expertId)
      .where('disabled_at', 'is', null)
      .orderBy('email')
      .execute();
    return rows.map((row) => row.email);
  }

  // Appointments

  appointmentByIdempotencyKey(communityId: string, key: string): Promise<BookedRow | undefined> {
    return this.booked()
      .where('appointments.community_id', '=', communityId)
      .where('appointments.idempotency_key', '=', key)
      .executeTakeFirst();
  }

  appointmentByCancelHash(hash: string): Promise<BookedRow | undefined> {
    return this.booked().where('appointments.cancel_token_hash', '=', hash).executeTakeFirst();
  }

  /**
   * Books: stores the appointment, then takes the slot with one conditional update (free, and starting after
   * `now`). When that changes no row, someone else was first: SlotTakenError is thrown, and the transaction rolls the
   * appointment back. Call inside `transaction`.
   */
  async book(row: AppointmentRow, now: string): Promise<void> {
    await this.db.insertInto('appointments').values(row).execute();
    const taken = await this.db
      .updateTable('appointment_slots')
      .set({ appointment_id: row.id })
      .where('id', '=', row.slot_id)
      .where('appointment_id', 'is', null)
      .where('starts_at', '>', now)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) throw new SlotTakenError();
  }

  /**
   * Cancels an appointment that is not cancelled yet and frees its slot. False, changing nothing, when it was
   * cancelled already (also by a request a moment earlier). Call inside `transaction`.
   */
  async cancel(appointmentId: string, slotId: string, at: string): Promise<boolean> {
    const cancelled = await this.db
      .updateTable('appointments')
      .set({ cancelled_at: at })
      .where('id', '=', appointmentId)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    if (Number(cancelled.numUpdatedRows) === 0) return false;
    await this.db
      .updateTable('appointment_slots')
      .set({ appointment_id: null })
      .where('id', '=', slotId)
      .where('appointment_id', '=', appointmentId)
      .execute();
    return true;
  }

  /** An expert's appointments that are not cancelled and start at or after `from`, soonest first. */
  upcomingOfExpert(expertId: string, from: string, limit: number): Promise<BookedRow[]> {
    return this.booked()
      .where('appointment_slots.expert_id', '=', expertId)
      .where('appointments.cancelled_at', 'is', null)
      .where('appointment_slots.starts_at', '>=', from)
      .orderBy('appointment_slots.starts_at')
      .orderBy('appointments.id')
      .limit(limit)
      .execute();
  }

  /** Appointments not cancelled and not yet reminded that start after `after` and at or before `until`. */
  dueReminders(after: string, until: string): Promise<BookedRow[]> {
    return this.booked()
      .where('appointments.cancelled_at', 'is', null)
      .where('appointments.reminder_sent_at', 'is', null)
      .where('appointment_slots.starts_at', '>', after)
      .where('appointment_slots.starts_at', '<=', until)
      .orderBy('appointment_slots.starts_at')
      .execute();
  }

  /** Marks the reminder as sent; false when another run (another instance) claimed it first. */
  async claimReminder(appointmentId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('appointments')
      .set({ reminder_sent_at: at })
      .where('id', '=', appointmentId)
      .where('reminder_sent_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Retention: deletes appointments whose slot ended, or that were cancelled, at or before `before`, and slots that
   * ended at or before it. A cancelled appointment no longer holds its slot, so no slot is left pointing at nothing.
   * Returns how many of each.
   */
  async deleteEndedBefore(before: string): Promise<{ appointments: number; slots: number }> {
    const ended = this.db.selectFrom('appointment_slots').select('id').where('ends_at', '<=', before);
    const appointments = await this.db
      .deleteFrom('appointments')
      .where((eb) => eb.or([eb('slot_id', 'in', ended), eb('cancelled_at', '<=', before)]))
      .executeTakeFirst();
    const slots = await this.db.deleteFrom('appointment_slots').where('ends_at', '<=', before).executeTakeFirst();
    return { appointments: Number(appointments.numDeletedRows), slots: Number(slots.numDeletedRows) };
  }

  private booked() {
    return this.db
      .selectFrom('appointments')
      .innerJoin('appointment_slots', 'appointment_slots.id', 'appointments.slot_id')
      .selectAll('appointments')
      .select(bookedColumns);
  }
}
