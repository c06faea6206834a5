import type { Kysely, Transaction } from 'kysely';
import type { Database, ReportDeliveryRow, ReportScheduleRow, UserRow } from './database-schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** The roles that may receive a community's report e-mail. */
const REPORT_ROLES = ['STAFF', 'ADMIN'] as const;

/** One report e-mail: a community's report of one period, to one recipient. */
export interface DeliveryKey {
  communityId: string;
  /** 2026-10 for a month, 2026-W44 for an ISO week. */
  periodKey: string;
  userId: string;
}

/**
 * The SQL of the report e-mail (services/report-schedule-service.ts holds the rules): each community's schedule, its
 * recipients, and one delivery row per period and recipient. The delivery row's primary key (community, period,
 * recipient) is what makes a report go out once however many server instances run: only the instance whose insert
 * lands sends it.
 */
export class ReportScheduleStore {
  constructor(private readonly db: Executor) {}

  schedule(communityId: string): Promise<ReportScheduleRow | undefined> {
    return this.db
      .selectFrom('report_schedules')
      .selectAll()
      .where('community_id', '=', communityId)
      .executeTakeFirst();
  }

  /** Every community's schedule: what the scheduler walks through. */
  allSchedules(): Promise<ReportScheduleRow[]> {
    return this.db.selectFrom('report_schedules').selectAll().orderBy('community_id').execute();
  }

  /** Stores the schedule (a new one, or the changed frequency or times of one that exists). */
  async saveSchedule(row: ReportScheduleRow): Promise<void> {
    await this.db
      .insertInto('report_schedules')
      .values(row)
      .onConflict((oc) =>
        oc.column('community_id').doUpdateSet({
          frequency: row.frequency,
          created_at: row.created_at,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }

  /** Switches the e-mail off; the recipients stay, for when it is switched on again. */
  async deleteSchedule(communityId: string): Promise<void> {
    await this.db.deleteFrom('report_schedules').where('community_id', '=', communityId).execute();
  }

  /** Replaces the recipients of a community's report. Call inside `transaction`. */
  async replaceRecipients(communityId: string, userIds: readonly string[]): Promise<void> {
    await this.db.deleteFrom('report_recipients').where('community_id', '=', communityId).execute();
    if (userIds.length > 0) {
      await this.db
        .insertInto('report_recipients')
        .values([...new Set(userIds)].map((user_id) => ({ community_id: communityId, user_id })))
        .execute();
    }
  }

  /**
   * The chosen recipients, by name. With `current`, only those who may receive it now: an account that lost its
   * STAFF and ADMIN roles, or was disabled, stays on the list but gets nothing.
   */
  async recipients(communityId: string, options: { current?: boolean } = {}): Promise<UserRow[]> {
    let query = this.db
      .selectFrom('report_recipients')
      .innerJoin('users', 'users.id', 'report_recipients.user_id')
      .selectAll('users')
      .where('report_recipients.community_id', '=', communityId)
      .where('users.community_id', '=', communityId);
    if (options.current) {
      query = query
        .where('users.disabled_at', 'is', null)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('user_roles')
              .select('user_roles.user_id')
              .whereRef('user_roles.user_id', '=', 'users.id')
              .where('user_roles.role', 'in', REPORT_ROLES),
          ),
        );
    }
    return query.orderBy('users.display_name').orderBy('users.id').execute();
  }

  /** Accounts of the community with the STAFF or ADMIN role that are not disabled: who can be chosen. */
  reportCandidates(communityId: string): Promise<UserRow[]> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('disabled_at', 'is', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('user_roles')
            .select('user_roles.user_id')
            .whereRef('user_roles.user_id', '=', 'users.id')
            .where('user_roles.role', 'in', REPORT_ROLES),
        ),
      )
      .orderBy('display_name')
      .orderBy('id')
      .execute();
  }

  // Deliveries

  /**
   * Claims the delivery of one period's report to one recipient. The first claim is an insert that does nothing when
   * the row exists: of any number of instances, exactly one gets the row. A claim left SENDING since before
   * `staleBefore` (the instance crashed, or its send failed) is taken over with a conditional update, so the report
   * is not lost; the update's condition makes that a single winner too. A claim that has had `maxAttempts` attempts
   * becomes FAILED instead.
   */
  async claimDelivery(key: DeliveryKey, now: string, staleBefore: string, maxAttempts: number): Promise<boolean> {
    const inserted = await this.db
      .insertInto('report_deliveries')
      .values({
        community_id: key.communityId,
        period_key: key.periodKey,
        user_id: key.userId,
        state: 'SENDING',
        claimed_at: now,
        sent_at: null,
        attempts: 1,
      })
      .onConflict((oc) => oc.columns(['community_id', 'period_key', 'user_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;

    await this.deliveryUpdate(key)
      .set({ state: 'FAILED' })
      .where('state', '=', 'SENDING')
      .where('claimed_at', '<', staleBefore)
      .where('attempts', '>=', maxAttempts)
      .execute();
    // Two instances that both find the claim stale: the second update sees the first one's newer claimed_at (it
    // waits for the row lock on PostgreSQL and checks the condition again), so it changes nothing.
    const taken = await this.deliveryUpdate(key)
      .set((eb) => ({ claimed_at: now, attempts: eb('attempts', '+', 1) }))
      .where('state', '=', 'SENDING')
      .where('claimed_at', '<', staleBefore)
      .where('attempts', '<', maxAttempts)
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) > 0;
  }

  /** The mail server took the message: the delivery is done. */
  async markDeliverySent(key: DeliveryKey, sentAt: string): Promise<void> {
    await this.deliveryUpdate(key).set({ state: 'SENT', sent_at: sentAt }).execute();
  }

  /**
   * Sending failed. The claim stays SENDING, so a later round takes it over once it is stale; after the last attempt
   * it becomes FAILED. Only the claim made at `claimedAt` is touched: another instance may have taken it over since.
   */
  async markDeliveryFailed(key: DeliveryKey, claimedAt: string, maxAttempts: number): Promise<void> {
    await this.deliveryUpdate(key)
      .set({ state: 'FAILED' })
      .where('state', '=', 'SENDING')
      .where('claimed_at', '=', claimedAt)
      .where('attempts', '>=', maxAttempts)
      .execute();
  }

  delivery(key: DeliveryKey): Promise<ReportDeliveryRow | undefined> {
    return this.db
      .selectFrom('report_deliveries')
      .selectAll()
      .where('community_id', '=', key.communityId)
      .where('period_key', '=', key.periodKey)
      .where('user_id', '=', key.userId)
      .executeTakeFirst();
  }

  /** Every delivery of a community, by period and recipient: for tests and operators. */
  deliveries(communityId: string): Promise<ReportDeliveryRow[]> {
    return this.db
      .selectFrom('report_deliveries')
      .selectAll()
      .where('community_id', '=', communityId)
      .orderBy('period_key')
      .orderBy('user_id')
      .execute();
  }

  private deliveryUpdate(key: DeliveryKey) {
    return this.db
      .updateTable('report_deliveries')
      .where('community_id', '=', key.communityId)
      .where('period_key', '=', key.periodKey)
      .where('user_id', '=', key.userId);
  }
}
