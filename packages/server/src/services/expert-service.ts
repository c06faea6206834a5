import type { PleinStore } from '../store/store.ts';
import type { RequestOrigin, CommunityService } from './community-service.ts';
import { type Connection, type Expert, type Topic, toExpert, toTopic } from './models.ts';
import { pageSize, readPage, toConnection } from './paging.ts';

export class ExpertService {
  constructor(
    private readonly store: PleinStore,
    private readonly communities: CommunityService,
  ) {}

  async byId(id: string, request?: RequestOrigin): Promise<Expert | null> {
    const [row] = await this.store.expertsByIds([id]);
    if (!row) return null;
    if (request) await this.communities.assertOriginAllowed(row.community_id, request);
    return toExpert(row);
  }

  async byIds(ids: readonly string[]): Promise<Expert[]> {
    return (await this.store.expertsByIds(ids)).map(toExpert);
  }

  async list(
    communityId: string,
    args: { topic?: string | null; first?: number | null; after?: string | null },
  ): Promise<Connection<Expert>> {
    const first = pageSize(args.first);
    const topicId = await this.communities.topicFilter(communityId, args.topic);
    const page = await readPage(() => this.store.expertPage(communityId, topicId, first, args.after ?? undefined));
    return toConnection(page, toExpert);
  }

  async topicsOf(expertIds: readonly string[]): Promise<Map<string, Topic[]>> {
    const rows = await this.store.topicsOfExperts(expertIds);
    return new Map([...rows].map(([id, topics]) => [id, topics.map(toTopic)]));
  }

  answerCounts(expertIds: readonly string[]): Promise<Map<string, number>> {
    return this.store.answerCountsByExpert(expertIds);
  }
}
