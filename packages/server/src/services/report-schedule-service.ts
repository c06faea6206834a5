import type { ReportData } from '@plein/schema';
import { z } from 'zod';
import type { Mailer } from '../mail/mailer.ts';
import { reportMail } from '../mail/report-mails.ts';
import type { ReportFrequency, ReportScheduleRow, UserRow } from '../store/database-schema.ts';
import type { DeliveryKey } from '../store/report-schedule-store.ts';
import type { PleinStore } from '../store/store.ts';
import type { AuditLog } from './audit-log.ts';
import type { Clock } from './clock.ts';
import { addDays, dutchDay, lastDayOfMonth } from '@plein/schema';
import { isoWeekday, isoWeekKey, startOfDutchDay } from './dutch-time.ts';
import type { UserError } from './errors.ts';
import type { Community } from './models.ts';
import { validate } from './validation.ts';
import { type Actor, cliActor } from './verification-service.ts';
import { requireRole, type Viewer } from './viewer.ts';

/** The most staff accounts one community's report goes to. */
export const MAX_REPORT_RECIPIENTS = 20;
/** A claim that is still SENDING after this long is taken to be lost (its instance stopped) and is taken over. */
export const STALE_CLAIM_MS = 15 * 60_000;
/** Sending one report to one recipient is tried this often; after that its delivery is FAILED. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/** Days in Dutch time, both included, and the key of the delivery rows: `2026-10` or `2026-W44`. */
export interface ReportPeriod {
  from: string;
  to: string;
  key: string;
  /** The instant the period ends: 00:00 Dutch time on the day after `to`. */
  endsAt: string;
}

/**
 * The last period that has ended at `now`: the calendar month before this one, or the ISO week (Monday to Sunday)
 * before this one, in Dutch time.
 */
export function lastCompletedPeriod(frequency: ReportFrequency, now: Date): ReportPeriod {
  const today = dutchDay(now);
  if (frequency === 'MONTHLY') {
    const firstOfThisMonth = `${today.slice(0, 8)}01`;
    const to = addDays(firstOfThisMonth, -1);
    return { from: `${to.slice(0, 8)}01`, to, key: to.slice(0, 7), endsAt: startOfDutchDay(firstOfThisMonth) };
  }
  const thisMonday = addDays(today, 1 - isoWeekday(today));
  const from = addDays(thisMonday, -7);
  return { from, to: addDays(thisMonday, -1), key: isoWeekKey(from), endsAt: startOfDutchDay(thisMonday) };
}

/** When the next report goes: the start of the next period (the first of next month, or next Monday). */
export function nextSendAt(frequency: ReportFrequency, now: Date): string {
  const today = dutchDay(now);
  const next = frequency === 'MONTHLY' ? addDays(lastDayOfMonth(today), 1) : addDays(today, 8 - isoWeekday(today));
  return startOfDutchDay(next);
}

/** Builds a community's report over a period (ReportService.build for the whole community, in Dutch). */
export type ReportBuilder = (communityId: string, period: { from: string; to: string }) => Promise<ReportData>;

export interface ReportMailSettings {
  /** The server's real mailer; the CLI and tests of other parts keep messages in memory. */
  mailer: Mailer;
  /** This server's address: the host of the fixed Message-ID. */
  publicUrl: string;
  /** Failures of the scheduler, without addresses (runtime.ts logs them). */
  onError?: (error: unknown, what: string) => void;
}

/** `ReportRecipient` of the contract. */
export interface ReportRecipient {
  id: string;
  displayName: string;
  email: string;
}

/** `ReportSchedule` of the contract. */
export interface ReportSchedule {
  frequency: ReportFrequency | null;
  recipients: ReportRecipient[];
  candidates: ReportRecipient[];
  nextSendAt: string | null;
}

export interface ReportScheduleResult {
  schedule: ReportSchedule | null;
  errors: UserError[];
}

/** What one round of `sendDue` did. */
export interface ReportRound {
  /** Messages the mailer accepted. */
  sent: number;
  /** Attempts that failed; they are tried again in a later round. */
  failed: number;
}

const reportScheduleInput = z.object({
  community: z.string().trim().min(1).max(100),
  frequency: z
    .enum(['WEEKLY', 'MONTHLY'])
    .nullish()
    .transform((value) => value ?? null),
  recipientIds: z.array(z.string().trim().min(1).max(100)),
});

/** Compared by identity, not by shape: no object that came with a request can be the CLI actor. */
const isCli = (actor: Actor | null | undefined): actor is typeof cliActor => actor === cliActor;

const toRecipient = (user: UserRow): ReportRecipient => ({
  id: user.id,
  displayName: user.display_name,
  email: user.email,
});

/**
 * The periodic report e-mail: per community a schedule (weekly or monthly) and staff recipients, and the round that
 * sends what is due. Every server instance runs the round (runtime.ts); the delivery rows make each period's report
 * go to each recipient once, also across instances and restarts (report-schedule-store.ts).
 */
export class ReportScheduleService {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly buildReport: ReportBuilder,
    private readonly mail: ReportMailSettings,
  ) {}

  /** Staff and admins of the community (and the CLI): when the report goes, and to whom. */
  async schedule(actor: Actor | null | undefined, community: Community): Promise<ReportSchedule> {
    if (!isCli(actor)) requireRole(actor, community.id, 'STAFF', 'ADMIN');
    return this.view(community.id);
  }

  /**
   * Admins of the community (and the CLI): sets the frequency (null switches the e-mail off) and the recipients, who
   * must hold STAFF or ADMIN in the community. Changing only the recipients keeps the schedule's start, so a period
   * that ended before is still not mailed; a new frequency starts anew. Stored with its audit entry, or not at all.
   */
  async setSchedule(actor: Actor | null | undefined, rawInput: unknown): Promise<ReportScheduleResult> {
    const viewer: Viewer | null = isCli(actor) ? null : requireRole(actor, actor?.communityId ?? '', 'ADMIN');
    const validated = validate(reportScheduleInput, rawInput);
    if (!validated.ok) return { schedule: null, errors: validated.errors };
    const input = validated.value;
    const community = await this.store.communityBySlug(input.community);
    if (!community) return { schedule: null, errors: [{ field: 'community', code: 'UNKNOWN_COMMUNITY' }] };
    // An admin of one community has no say in another.
    if (viewer) requireRole(viewer, community.id, 'ADMIN');

    const recipientIds = [...new Set(input.recipientIds)];
    if (recipientIds.length > MAX_REPORT_RECIPIENTS) {
      const error: UserError = {
        field: 'recipientIds',
        code: 'TOO_MANY_RECIPIENTS',
        params: { max: MAX_REPORT_RECIPIENTS },
      };
      return { schedule: null, errors: [error] };
    }
    const accounts = new Map(
      (await this.store.usersByIds(recipientIds))
        .filter((user) => user.community_id === community.id)
        .map((user) => [user.id, user]),
    );
    const candidates = new Set(
      (await this.store.reportSchedules.reportCandidates(community.id)).map((user) => user.id),
    );
    for (const id of recipientIds) {
      if (!accounts.has(id)) return { schedule: null, errors: [{ field: 'recipientIds', code: 'UNKNOWN_USER' }] };
      if (!candidates.has(id)) return { schedule: null, errors: [{ field: 'recipientIds', code: 'NOT_STAFF' }] };
    }

    const now = this.clock().toISOString();
    await this.store.transaction(async (store) => {
      const current = await store.reportSchedules.schedule(community.id);
      if (input.frequency === null) {
        await store.reportSchedules.deleteSchedule(community.id);
      } else {
        await store.reportSchedules.saveSchedule({
          community_id: community.id,
          frequency: input.frequency,
          created_at: current?.frequency === input.frequency ? current.created_at : now,
          updated_at: now,
        });
      }
      await store.reportSchedules.replaceRecipients(community.id, recipientIds);
      // Account ids, not addresses: the audit log holds no personal data.
      await this.audit.record(
        {
          communityId: community.id,
          actorUserId: viewer?.userId ?? null,
          action: 'report.schedule-changed',
          subjectType: 'community',
          subjectId: community.id,
          detail: {
            ...(viewer === null && { source: 'cli' }),
            frequency: input.frequency ?? 'OFF',
            recipients: recipientIds,
          },
        },
        store,
      );
    });
    return { schedule: await this.view(community.id), errors: [] };
  }

  /**
   * Sends every report that is due at `now`: per schedule, the last period that has ended, when it ended after the
   * schedule was made (a new schedule does not mail the past). Only that period is sent, never a backlog of older
   * ones. Each current recipient's delivery is claimed first; the instance that holds the claim builds the report
   * (once per community and period), sends it and marks it SENT once the mailer accepted it.
   *
   * A failed send leaves the claim to go stale, so a later round tries again, up to MAX_DELIVERY_ATTEMPTS. What
   * remains is one narrow risk: an instance that stops after the mail server took the message but before SENT is
   * written leaves a stale claim, and another instance sends the report again 15 minutes later. That is at most one
   * duplicate, and it has the same Message-ID, so mail servers and programs can recognise it.
   */
  async sendDue(now: Date = this.clock()): Promise<ReportRound> {
    const round: ReportRound = { sent: 0, failed: 0 };
    for (const schedule of await this.store.reportSchedules.allSchedules()) {
      try {
        await this.sendSchedule(schedule, now, round);
      } catch (error) {
        // One community's problem (its database rows, its report) does not keep the others from their e-mail.
        round.failed += 1;
        this.mail.onError?.(error, 'report e-mail');
      }
    }
    return round;
  }

  private async sendSchedule(schedule: ReportScheduleRow, now: Date, round: ReportRound): Promise<void> {
    const period = lastCompletedPeriod(schedule.frequency, now);
    const at = now.toISOString();
    if (period.endsAt > at || period.endsAt <= schedule.created_at) return;
    const recipients = await this.store.reportSchedules.recipients(schedule.community_id, { current: true });
    if (recipients.length === 0) return;
    const community = await this.store.communityById(schedule.community_id);
    if (!community) return;

    const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
    let report: ReportData | undefined;
    for (const recipient of recipients) {
      const key: DeliveryKey = { communityId: community.id, periodKey: period.key, userId: recipient.id };
      const claimed = await this.store.reportSchedules.claimDelivery(key, at, staleBefore, MAX_DELIVERY_ATTEMPTS);
      if (!claimed) continue;
      try {
        report ??= await this.buildReport(community.id, period);
        await this.mail.mailer.send(
          reportMail({
            to: recipient.email,
            communitySlug: community.slug,
            communityName: community.name,
            periodKey: period.key,
            userId: recipient.id,
            report,
            publicUrl: this.mail.publicUrl,
          }),
        );
      } catch (error) {
        round.failed += 1;
        this.mail.onError?.(error, 'report e-mail');
        await this.store.reportSchedules.markDeliveryFailed(key, at, MAX_DELIVERY_ATTEMPTS);
        continue;
      }
      await this.store.reportSchedules.markDeliverySent(key, this.clock().toISOString());
      round.sent += 1;
    }
  }

  private async view(communityId: string): Promise<ReportSchedule> {
    const row = await this.store.reportSchedules.schedule(communityId);
    // Only recipients who can get it now: someone who lost the role stays out of the list, and out of the next save.
    const recipients = await this.store.reportSchedules.recipients(communityId, { current: true });
    const candidates = await this.store.reportSchedules.reportCandidates(communityId);
    return {
      frequency: row?.frequency ?? null,
      recipients: recipients.map(toRecipient),
      candidates: candidates.map(toRecipient),
      nextSendAt: row ? nextSendAt(row.frequency, this.clock()) : null,
    };
  }
}
