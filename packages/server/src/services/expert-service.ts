import { redactPersonalData } from '@plein/pii';
import type { ExpertRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { CommunityService, RequestOrigin } from './community-service.ts';
import { ServiceError } from './errors.ts';
import { type Connection, type Expert, type Topic, toExpert } from './models.ts';
import { pageSize, readPage, toConnection } from './paging.ts';
import { updateMyProfileInput, validate } from './validation.ts';
import type { ExpertResult } from './verification-service.ts';
import { requireViewer, type Viewer } from './viewer.ts';

/**
 * Expert profiles and the directory. Every expert is read with the verification current at the clock's now, in one
 * query per batch (never one per expert), so the badge, the independence and the directory follow the records.
 */
export class ExpertService {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly communities: CommunityService,
  ) {}

  async byId(id: string, request?: RequestOrigin): Promise<Expert | null> {
    const [expert] = await this.byIds([id]);
    if (!expert) return null;
    if (request) await this.communities.assertOriginAllowed(expert.communityId, request);
    return expert;
  }

  /** The experts that exist, in no particular order, each with its current verification. */
  async byIds(ids: readonly string[]): Promise<Expert[]> {
    return this.withVerifications(await this.store.expertsByIds(ids));
  }

  /** Every expert of a community, verified or not, by name (for the CLI; the directory shows verified ones only). */
  async allOf(communityId: string): Promise<Expert[]> {
    return this.withVerifications(await this.store.expertsOfCommunity(communityId));
  }

  /** The directory: experts with a current verification, by name; `topic` keeps those verified for that topic. */
  async list(
    communityId: string,
    args: { topic?: string | null; first?: number | null; after?: string | null },
  ): Promise<Connection<Expert>> {
    const first = pageSize(args.first);
    const topicId = await this.communities.topicFilter(communityId, args.topic);
    const now = this.clock().toISOString();
    const page = await readPage(() => this.store.expertPage(communityId, topicId, now, first, args.after ?? undefined));
    const experts = new Map((await this.withVerifications(page.rows.map((r) => r.row))).map((e) => [e.id, e]));
    return toConnection(page, (row) => experts.get(row.id)!);
  }

  /**
   * The topics on each expert's profile: those of the current verification; without one, the topics the expert
   * listed themself (shown without a badge).
   */
  async topicsOf(expertIds: readonly string[]): Promise<Map<string, Topic[]>> {
    const current = await this.store.currentVerifications(expertIds, this.clock().toISOString());
    const own = await this.store.topicsOfExperts(expertIds.filter((id) => !current.has(id)));
    const topicIds = new Map<string, string[]>(
      expertIds.map((id) => [id, current.get(id)?.topic_ids ?? own.get(id)?.map((topic) => topic.id) ?? []]),
    );
    const topics = new Map(
      (await this.communities.topicsByIds([...new Set([...topicIds.values()].flat())])).map((t) => [t.id, t]),
    );
    return new Map(
      [...topicIds].map(([id, ids]) => [id, ids.flatMap((topicId) => topics.get(topicId) ?? [])] as const),
    );
  }

  answerCounts(expertIds: readonly string[]): Promise<Map<string, number>> {
    return this.store.answerCountsByExpert(expertIds);
  }

  /**
   * Per expert: the median of the minutes from a question to this expert's first published answer on it, over every
   * question they answered; null before their first answer.
   */
  async medianMinutesToFirstAnswer(expertIds: readonly string[]): Promise<Map<string, number | null>> {
    const minutes = new Map<string, number[]>(expertIds.map((id) => [id, []]));
    for (const { expertId, askedAt, firstAnsweredAt } of await this.store.firstAnswerTimes(expertIds)) {
      minutes.get(expertId)?.push(Math.max(0, (Date.parse(firstAnsweredAt) - Date.parse(askedAt)) / 60_000));
    }
    return new Map([...minutes].map(([id, values]) => [id, median(values)]));
  }

  /**
   * An expert changes their own profile: name, title, bio and photo. Nobody else can, admins included (they verify;
   * they do not speak for the expert). The bio is public text by a professional, so only a BSN or an IBAN in it is
   * replaced; an office phone number or e-mail address may stay.
   */
  async updateProfile(rawInput: unknown, viewer: Viewer | null | undefined): Promise<ExpertResult> {
    const signedIn = requireViewer(viewer);
    if (!signedIn.expertId) throw new ServiceError('FORBIDDEN');
    const [row] = await this.store.expertsByIds([signedIn.expertId]);
    if (!row || row.community_id !== signedIn.communityId) throw new ServiceError('FORBIDDEN');

    const validated = validate(updateMyProfileInput, rawInput);
    if (!validated.ok) return { expert: null, errors: validated.errors };
    const input = validated.value;
    await this.store.updateExpertProfile(row.id, {
      display_name: input.displayName,
      title: input.title,
      bio: input.bio === null ? null : redactPersonalData(input.bio, { kinds: ['bsn', 'iban'] }).text,
      photo_url: input.photoUrl,
      photo_alt: input.photoUrl === null ? null : input.photoAlt,
    });
    return { expert: await this.byId(row.id), errors: [] };
  }

  private async withVerifications(rows: readonly ExpertRow[]): Promise<Expert[]> {
    const now = this.clock().toISOString();
    const current = await this.store.currentVerifications(
      rows.map((row) => row.id),
      now,
    );
    return rows.map((row) => toExpert(row, current.get(row.id), now));
  }
}

/** The middle value, or the mean of the two middle ones, in whole minutes; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value);
}
