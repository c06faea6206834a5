import { redactPersonalData } from '@plein/pii';
import type { ExpertRow, VerificationRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { AuditLog } from './audit-log.ts';
import type { Clock } from './clock.ts';
import type { UserError } from './errors.ts';
import type { ExpertService } from './expert-service.ts';
import { type Expert, type Verification, toVerification } from './models.ts';
import { newId } from './secrets.ts';
import { revokeVerificationInput, validate, verifyExpertInput } from './validation.ts';
import { hasRole, requireRole, requireViewer, type Viewer } from './viewer.ts';

/** A verification may run at most this long; an admin renews it after that. */
export const MAX_VERIFICATION_YEARS = 3;

/**
 * The `plein expert verify` command: an operator on the server, not an account. Its audit entries have no actor
 * and say `source: 'cli'`.
 */
export const cliActor: { readonly kind: 'cli' } = Object.freeze({ kind: 'cli' });
export type Actor = Viewer | typeof cliActor;

/** Compared by identity, not by shape: no object that came with a request can be the CLI actor. */
function isCli(actor: Actor | null | undefined): actor is typeof cliActor {
  return actor === cliActor;
}

export interface ExpertResult {
  expert: Expert | null;
  errors: UserError[];
}

/**
 * Verification as a record: an admin states, with evidence, that an expert is who they say, for some topics, until
 * a date. Nothing stores whether an expert "is verified": every read compares the records with the clock, so an
 * expired verification drops the badge by itself. Every change is written to the audit log in the same transaction.
 * See docs/decisions/0012-verified-experts.md.
 */
export class VerificationService {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly experts: ExpertService,
    private readonly audit: AuditLog,
  ) {}

  /** Admins of the expert's community (or the CLI): ends any current verification and stores this one. */
  async verify(rawInput: unknown, actor: Actor | null | undefined): Promise<ExpertResult> {
    const found = await this.expertFor(rawInput, actor);
    if ('errors' in found) return found;
    const { expert, viewer } = found;

    const validated = validate(verifyExpertInput, rawInput);
    if (!validated.ok) return { expert: null, errors: validated.errors };
    const input = validated.value;

    const topicIds: string[] = [];
    const communityTopics = new Map((await this.store.topics(expert.community_id)).map((t) => [t.slug, t.id]));
    for (const slug of new Set(input.topics)) {
      const topicId = communityTopics.get(slug);
      if (!topicId) return { expert: null, errors: [{ field: 'topics', code: 'UNKNOWN_TOPIC' }] };
      topicIds.push(topicId);
    }

    const now = this.clock();
    const latest = new Date(now);
    latest.setUTCFullYear(latest.getUTCFullYear() + MAX_VERIFICATION_YEARS);
    latest.setUTCDate(latest.getUTCDate() + 1);
    if (input.validUntil <= now.toISOString() || input.validUntil > latest.toISOString()) {
      return { expert: null, errors: [{ field: 'validUntil', code: 'VALID_UNTIL' }] };
    }

    const row: VerificationRow = {
      id: newId(),
      expert_id: expert.id,
      evidence: input.evidence,
      // Only KvK evidence keeps a KvK number: it is what was checked.
      kvk_number: input.evidence === 'KVK' ? input.kvkNumber : null,
      note: input.note,
      organisation: input.organisation,
      independence: input.independence,
      independence_note: input.independenceNote,
      valid_until: input.validUntil,
      verified_by: viewer?.userId ?? null,
      created_at: now.toISOString(),
      revoked_at: null,
    };
    await this.store.transaction(async (store) => {
      const replaced = await store.revokeCurrentVerifications(expert.id, row.created_at);
      await store.insertVerification(row, topicIds);
      // The detail names kinds, topics and dates, never the KvK number, the note or the organisation: the record
      // holds those (it is never deleted, only revoked), and an organisation may be a sole trader's own name.
      await this.audit.record(
        {
          communityId: expert.community_id,
          actorUserId: viewer?.userId ?? null,
          action: 'verification.created',
          subjectType: 'expert',
          subjectId: expert.id,
          detail: {
            source: viewer ? 'graphql' : 'cli',
            verificationId: row.id,
            evidence: row.evidence,
            independence: row.independence,
            topics: [...new Set(input.topics)],
            validUntil: row.valid_until,
            replacedCurrent: replaced,
          },
        },
        store,
      );
    });
    return { expert: await this.experts.byId(expert.id), errors: [] };
  }

  /** Admins of the expert's community (or the CLI): ends the current verification now. */
  async revoke(rawInput: unknown, actor: Actor | null | undefined): Promise<ExpertResult> {
    const found = await this.expertFor(rawInput, actor);
    if ('errors' in found) return found;
    const { expert, viewer } = found;

    const validated = validate(revokeVerificationInput, rawInput);
    if (!validated.ok) return { expert: null, errors: validated.errors };
    // The reason goes into the audit log, which holds no personal data: anything that looks like it is replaced.
    const reason = redactPersonalData(validated.value.reason).text;

    const now = this.clock().toISOString();
    const revoked = await this.store.transaction(async (store) => {
      const count = await store.revokeCurrentVerifications(expert.id, now);
      if (count === 0) return false;
      await this.audit.record(
        {
          communityId: expert.community_id,
          actorUserId: viewer?.userId ?? null,
          action: 'verification.revoked',
          subjectType: 'expert',
          subjectId: expert.id,
          detail: { source: viewer ? 'graphql' : 'cli', reason },
        },
        store,
      );
      return true;
    });
    if (!revoked) return { expert: null, errors: [{ field: 'expertId', code: 'NOT_VERIFIED' }] };
    return { expert: await this.experts.byId(expert.id), errors: [] };
  }

  /**
   * `Expert.verification` for one viewer, per expert. Admins of the expert's community get the newest record with
   * every field, also when it has expired or was revoked (`current` says which), so they see when to renew it.
   * Everyone else gets the current record without the KvK number and the note, or null. The CLI sees what admins see.
   */
  async visibleVerifications(
    experts: readonly Expert[],
    viewer: Actor | null | undefined,
  ): Promise<(Verification | null)[]> {
    // The CLI sees what admins see.
    const isAdmin = (expert: Expert) => isCli(viewer) || hasRole(viewer, expert.communityId, 'ADMIN');
    const latest = await this.store.latestVerifications(experts.filter(isAdmin).map((expert) => expert.id));
    const now = this.clock().toISOString();
    return experts.map((expert) => {
      if (isAdmin(expert)) {
        const record = latest.get(expert.id);
        return record ? toVerification(record, expert.communityId, now) : null;
      }
      const current = expert.currentVerification;
      return current ? { ...current, kvkNumber: null, note: null } : null;
    });
  }

  /**
   * The expert named by the input's `expertId`, after checking that the actor may change its verification: an
   * admin of the expert's own community, or the CLI. Nobody signed in is UNAUTHENTICATED; anyone else FORBIDDEN.
   */
  private async expertFor(
    rawInput: unknown,
    actor: Actor | null | undefined,
  ): Promise<{ expert: ExpertRow; viewer: Viewer | null } | ExpertResult> {
    const viewer = isCli(actor) ? null : requireViewer(actor);
    const expertId = (rawInput as { expertId?: unknown } | null)?.expertId;
    const [expert] = typeof expertId === 'string' ? await this.store.expertsByIds([expertId.trim()]) : [];
    if (!expert) {
      // Only an admin learns that an id is unknown; anyone else is refused first.
      if (viewer) requireRole(viewer, viewer.communityId, 'ADMIN');
      return { expert: null, errors: [{ field: 'expertId', code: 'UNKNOWN_EXPERT' }] };
    }
    if (viewer) requireRole(viewer, expert.community_id, 'ADMIN');
    return { expert, viewer };
  }
}
