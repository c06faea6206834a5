import type { PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import { randomBytes } from 'node:crypto';

/** A value in an audit entry's detail: ids, codes, counts and flags, never personal data (no names, no addresses). */
export type AuditDetailValue = string | number | boolean | null | readonly (string | number)[];

export interface AuditEntry {
  communityId: string;
  /** The account that did it; null for the CLI (an operator on the server) and the system itself. */
  actorUserId: string | null;
  /** What happened, dotted and lower case, for example `user.add`, `user.roles`, `session.oidc`, `verification.add`. */
  action: string;
  /** What it happened to: `user`, `session`, `community`, `expert`, `verification`, … */
  subjectType: string;
  subjectId: string | null;
  detail?: Record<string, AuditDetailValue>;
}

/** Entries written in the same millisecond keep their order: ids sort by time, then by a counter of this process. */
let sequence = 0;
function auditId(time: Date): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `${time.getTime().toString(36).padStart(9, '0')}-${sequence.toString(36).padStart(4, '0')}-${randomBytes(6).toString('hex')}`;
}

/** An entry as read back. */
export type RecordedAuditEntry = Required<AuditEntry> & { id: string; createdAt: string };

/**
 * The audit log: append-only, one row per change to accounts, roles, sign-in settings and verifications. It records
 * who (an account id), what and when; `detail` holds ids and codes only, so the log itself holds no personal data.
 * Writes go through the given store, so inside `store.transaction` the entry is stored with the change or not at all.
 */
export class AuditLog {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry, store: PleinStore = this.store): Promise<void> {
    const now = this.clock();
    await store.insertAuditEntry({
      id: auditId(now),
      community_id: entry.communityId,
      actor_user_id: entry.actorUserId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      detail: JSON.stringify(entry.detail ?? {}),
      created_at: now.toISOString(),
    });
  }

  /** The entries of a community, oldest first; with `limit`, only that many of the newest. */
  async entries(communityId: string, limit?: number): Promise<RecordedAuditEntry[]> {
    const rows = await this.store.auditEntries(communityId, limit);
    return rows.map((row) => ({
      id: row.id,
      communityId: row.community_id,
      actorUserId: row.actor_user_id,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      detail: JSON.parse(row.detail) as Record<string, AuditDetailValue>,
      createdAt: row.created_at,
    }));
  }
}
