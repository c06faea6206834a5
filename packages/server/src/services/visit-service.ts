import { findPersonalData } from '@plein/pii';
import { elementTags } from '@plein/schema';
import { z } from 'zod';
import type { VisitRefusal } from '../i18n/messages.ts';
import type { PleinStore } from '../store/store.ts';
import type { VisitKey } from '../store/visit-store.ts';
import type { Clock } from './clock.ts';
import { type CommunityService, normaliseOrigin, type RequestOrigin } from './community-service.ts';
import { dutchDay } from '@plein/schema';
import { ServiceError } from './errors.ts';

/** At most this many counters per community and day; beyond it new pages are counted under `<origin>/…`. */
export const MAX_VISIT_ROWS_PER_DAY = 500;
/** A stored path is cut at this many characters. */
export const MAX_VISIT_PATH = 200;
/** At most this many tags in one beacon (a page has far fewer kinds of element). */
export const MAX_BEACON_ELEMENTS = 20;
/** What replaces a path segment that could identify a person, and the overflow page's path. */
export const HIDDEN_SEGMENT = '…';

/** A beacon that is refused: the caller gets the reason's message, nothing is counted. */
export class VisitRefused extends Error {
  constructor(readonly reason: VisitRefusal) {
    super(reason);
  }
}

const knownTags: ReadonlySet<string> = new Set(elementTags);

/** What `<plein-community>`'s client sends (packages/client/src/visits.ts). */
const beaconSchema = z.object({
  community: z.string().min(1).max(100),
  // An empty attribute names no municipality.
  municipality: z
    .string()
    .max(100)
    .nullish()
    .transform((value) => value || null),
  page: z.string().min(1).max(2000),
  elements: z.array(z.string().max(100)).min(1).max(MAX_BEACON_ELEMENTS),
});

/** The field a schema problem is about decides the message; anything else is a malformed beacon. */
const refusalOfField: Readonly<Record<string, VisitRefusal>> = {
  page: 'PAGE',
  elements: 'ELEMENTS',
  municipality: 'UNKNOWN_MUNICIPALITY',
};

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * True when a path segment could point at a person: five or more digits (a BSN, a customer or case number), an `@`
 * (an e-mail address), or anything the personal-data finder sees, with hyphens and underscores read as spaces
 * (`mijn-naam-is-Jan-de-Vries`, `kerkstraat-12`).
 */
export function couldIdentify(segment: string): boolean {
  const text = decoded(segment);
  if ((text.match(/\d/g)?.length ?? 0) >= 5 || text.includes('@')) return true;
  return findPersonalData(text.replace(/[-_]+/g, ' ')).length > 0;
}

const hideIdentifying = (path: string) =>
  path
    .split('/')
    .map((segment) => (segment !== '' && couldIdentify(segment) ? HIDDEN_SEGMENT : segment))
    .join('/');

/**
 * The path as it is stored: segments that could identify a person replaced by `…`, then cut at 200 characters. The
 * last segment is checked again after the cut, since a cut can make a new one.
 */
export function storedPath(pathname: string): string {
  const path = hideIdentifying(pathname || '/');
  return path.length <= MAX_VISIT_PATH ? path : hideIdentifying(path.slice(0, MAX_VISIT_PATH));
}

/**
 * Anonymous visit counts: one more per element on a page and Dutch day, nothing about the visitor. The beacon carries
 * no identifier, and this service sees no IP address, user agent, referrer or time; it keeps the day only. A page is
 * counted only on a website the community allows (the same rule as the API), so another site cannot fill a
 * community's counters, and a community has at most 500 counters a day, so made-up paths cannot grow the table.
 */
export class VisitService {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly communities: CommunityService,
  ) {}

  /** Counts a beacon (parsed JSON); throws VisitRefused, counting nothing, when anything in it is wrong. */
  async count(beacon: unknown, request: RequestOrigin): Promise<void> {
    const parsed = beaconSchema.safeParse(beacon);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      throw new VisitRefused(refusalOfField[field] ?? 'BODY');
    }
    const { community: slug, municipality, page, elements } = parsed.data;
    if (!elements.every((element) => knownTags.has(element))) throw new VisitRefused('ELEMENTS');

    const url = pageUrl(page);
    if (request.origin !== undefined && originOf(request.origin) !== url.origin) {
      throw new VisitRefused('ORIGIN_MISMATCH');
    }
    // The page's own origin stands for the browser's: a beacon without an Origin header is held to the same list.
    const community = await this.communities
      .bySlug(slug, { origin: url.origin, ownOrigin: request.ownOrigin })
      .catch((error: unknown) => {
        if (error instanceof ServiceError && error.code === 'FORBIDDEN') throw new VisitRefused('ORIGIN');
        throw error;
      });
    if (!community) throw new VisitRefused('UNKNOWN_COMMUNITY');
    let municipalityId = '';
    if (municipality !== null) {
      const found = await this.store.municipalityBySlug(community.id, municipality);
      if (!found) throw new VisitRefused('UNKNOWN_MUNICIPALITY');
      municipalityId = found.id;
    }

    const counter: Omit<VisitKey, 'element'> = {
      community_id: community.id,
      day: dutchDay(this.clock()),
      municipality_id: municipalityId,
      page: url.origin + storedPath(url.pathname),
    };
    const unique = [...new Set(elements)];
    await this.store.transaction(async (store) => {
      let counted = unique;
      let overflow: string[] = [];
      if ((await store.visits.rowsOnDay(counter.community_id, counter.day)) >= MAX_VISIT_ROWS_PER_DAY) {
        // Full for today: counters that exist go on counting; new ones are all counted under one page per origin.
        const existing = await store.visits.countedElements(counter, unique);
        counted = unique.filter((element) => existing.has(element));
        overflow = unique.filter((element) => !existing.has(element));
      }
      const overflowPage = `${url.origin}/${HIDDEN_SEGMENT}`;
      await store.visits.add([
        ...counted.map((element) => ({ ...counter, element })),
        ...overflow.map((element) => ({ ...counter, page: overflowPage, element })),
      ]);
    });
  }
}

/** An absolute http(s) address, else the beacon is refused. */
function pageUrl(page: string): URL {
  let url: URL;
  try {
    url = new URL(page);
  } catch {
    throw new VisitRefused('PAGE');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new VisitRefused('PAGE');
  return url;
}

function originOf(header: string): string | undefined {
  try {
    return normaliseOrigin(header);
  } catch {
    return undefined;
  }
}
