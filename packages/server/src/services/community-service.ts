import type { CommunityRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import { ServiceError } from './errors.ts';
import {
  type Community,
  type Municipality,
  type Situation,
  type Topic,
  toCommunity,
  toMunicipality,
  toSituation,
  toTopic,
} from './models.ts';
import { newId } from './secrets.ts';

/**
 * How long communities, topics and the origin allowlist are trusted before they are read again: they change rarely
 * (through the CLI, perhaps while a server runs), and every widget request needs them.
 */
const REFERENCE_DATA_TTL_MS = 10_000;

export interface RequestOrigin {
  /** The page's origin as the browser sent it; absent for server-to-server calls. */
  origin: string | undefined;
  /** This server's own origin: its example pages are always allowed. */
  ownOrigin: string;
}

/** Normalises an origin to scheme://host[:port], or throws when it is not an http(s) origin. */
export function normaliseOrigin(origin: string): string {
  const url = new URL(origin);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not an http(s) origin: ${origin}`);
  return url.origin;
}

export class CommunityService {
  private origins: { byCommunity: Map<string, Set<string>>; all: Set<string>; readAt: number } | undefined;
  private readonly communitiesBySlug = new Map<string, { row: CommunityRow; readAt: number }>();
  private readonly topicsById = new Map<string, { topic: Topic; readAt: number }>();

  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
  ) {}

  async bySlug(slug: string, request?: RequestOrigin): Promise<Community | null> {
    const now = this.clock().getTime();
    let row = this.communitiesBySlug.get(slug);
    if (!row || now - row.readAt > REFERENCE_DATA_TTL_MS) {
      const found = await this.store.communityBySlug(slug);
      if (!found) return null;
      row = { row: found, readAt: now };
      this.communitiesBySlug.set(slug, row);
    }
    if (request) await this.assertOriginAllowed(row.row.id, request);
    return toCommunity(row.row);
  }

  async list(): Promise<Community[]> {
    return (await this.store.listCommunities()).map(toCommunity);
  }

  async create(slug: string, name: string): Promise<Community> {
    if (!/^[a-z0-9-]{2,40}$/.test(slug))
      throw new Error('A community slug has 2 to 40 lower-case letters, digits or hyphens.');
    const row: CommunityRow = { id: newId(), slug, name, created_at: this.clock().toISOString(), portal_secret: null };
    await this.store.insertCommunity(row);
    return toCommunity(row);
  }

  async allowOrigin(slug: string, origin: string): Promise<string> {
    const community = await this.store.communityBySlug(slug);
    if (!community) throw new Error(`No community "${slug}".`);
    const normalised = normaliseOrigin(origin);
    await this.store.insertOrigin(community.id, normalised);
    this.origins = undefined;
    return normalised;
  }

  municipalities(communityId: string): Promise<Municipality[]> {
    return this.store.municipalities(communityId).then((rows) => rows.map(toMunicipality));
  }

  topics(communityId: string): Promise<Topic[]> {
    return this.store.topics(communityId).then((rows) => rows.map(toTopic));
  }

  /** Situations citizens recognise, in the community's order, each pointing to a topic. */
  situations(communityId: string): Promise<Situation[]> {
    return this.store.situations(communityId).then((rows) => rows.map(toSituation));
  }

  /** The id of a topic named in a list filter; undefined without a filter; an unknown slug is a BAD_USER_INPUT error. */
  async topicFilter(communityId: string, slug: string | null | undefined): Promise<string | undefined> {
    if (!slug) return undefined;
    const topic = await this.store.topicBySlug(communityId, slug);
    if (!topic) throw new ServiceError('BAD_USER_INPUT');
    return topic.id;
  }

  async topicsByIds(ids: readonly string[]): Promise<Topic[]> {
    const now = this.clock().getTime();
    const missing = ids.filter((id) => {
      const cached = this.topicsById.get(id);
      return !cached || now - cached.readAt > REFERENCE_DATA_TTL_MS;
    });
    for (const row of await this.store.topicsByIds(missing))
      this.topicsById.set(row.id, { topic: toTopic(row), readAt: now });
    return ids.flatMap((id) => this.topicsById.get(id)?.topic ?? []);
  }

  questionCountsByTopic(topicIds: readonly string[]): Promise<Map<string, number>> {
    return this.store.questionCountsByTopic(topicIds);
  }

  /** True when a browser page at `origin` may call the server at all (any community has registered it). */
  async isKnownOrigin(request: RequestOrigin): Promise<boolean> {
    if (request.origin === undefined || request.origin === request.ownOrigin) return true;
    return (await this.allowlist()).all.has(request.origin);
  }

  /** The host origins this community registered (`plein community allow-origin`), for the iframe page's frame-ancestors. */
  async allowedOrigins(communityId: string): Promise<string[]> {
    return [...((await this.allowlist()).byCommunity.get(communityId) ?? [])];
  }

  /** Refuses a browser call from a page that this community has not registered. */
  async assertOriginAllowed(communityId: string, request: RequestOrigin): Promise<void> {
    if (request.origin === undefined || request.origin === request.ownOrigin) return;
    const allowed = (await this.allowlist()).byCommunity.get(communityId);
    if (!allowed?.has(request.origin)) throw new ServiceError('FORBIDDEN', 'ORIGIN');
  }

  private async allowlist() {
    const now = this.clock().getTime();
    if (!this.origins || now - this.origins.readAt > REFERENCE_DATA_TTL_MS) {
      const byCommunity = new Map<string, Set<string>>();
      const all = new Set<string>();
      for (const { community_id, origin } of await this.store.allOrigins()) {
        if (!byCommunity.has(community_id)) byCommunity.set(community_id, new Set());
        byCommunity.get(community_id)?.add(origin);
        all.add(origin);
      }
      this.origins = { byCommunity, all, readAt: now };
    }
    return this.origins;
  }
}
