import type {
  AnswerRow,
  AuthorRole,
  CommunityRow,
  ExpertRow,
  Independence,
  MunicipalityRow,
  Publication,
  QuestionClaimRow,
  QuestionRow,
  QuestionStatus,
  SituationRow,
  TopicRow,
  VerificationEvidence,
} from '../store/database-schema.ts';
import type { QuestionSummaryRow, VerificationRecord } from '../store/store.ts';

/** The name shown for people who post without a pseudonym. */
export const ANONYMOUS = 'Anoniem';

/** What services hand to the GraphQL layer: plain objects in the contract's words, never raw rows. */
export interface Community {
  id: string;
  slug: string;
  name: string;
}

export interface Municipality {
  id: string;
  slug: string;
  name: string;
}

export interface Topic {
  id: string;
  slug: string;
  name: string;
}

export interface Author {
  displayName: string;
  role: AuthorRole;
  expertId: string | null;
}

export interface Question {
  id: string;
  communityId: string;
  topicId: string;
  title: string;
  /** Absent when the question came from a list; the GraphQL layer loads it when asked for. */
  body?: string;
  status: QuestionStatus;
  author: Author;
  createdAt: string;
  answerCount: number;
  hasExpertAnswer: boolean;
  /** Helpful votes on the question's answers, together. */
  helpfulCount: number;
  acceptedAnswerId: string | null;
  publication: Publication;
  editedAt: string | null;
}

export interface Answer {
  id: string;
  questionId: string;
  body: string;
  author: Author;
  createdAt: string;
  isAccepted: boolean;
  helpfulCount: number;
  publication: Publication;
  /** Expert answers only: where the information comes from (https). */
  sourceUrl: string | null;
  /** Expert answers only: YYYY-MM-DD, when the expert last checked it. */
  reviewedOn: string | null;
  /** Expert answers only: next steps for a situation that needs personal advice; [] for every other answer. */
  handOff: HandOff[];
}

/** A next step an expert adds to an answer: "Maak een afspraak" or "Stel uw vraag privé". */
export const HAND_OFFS = ['APPOINTMENT', 'PRIVATE_QUESTION'] as const;
export type HandOff = (typeof HAND_OFFS)[number];

/** The stored JSON array, read defensively: only known steps, and only on an expert's answer. */
function handOffOf(row: AnswerRow): HandOff[] {
  if (row.author_role !== 'EXPERT') return [];
  const stored: unknown = JSON.parse(row.hand_off || '[]');
  return Array.isArray(stored) ? HAND_OFFS.filter((step) => stored.includes(step)) : [];
}

export interface Situation {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  topicId: string;
}

export interface Expert {
  id: string;
  communityId: string;
  displayName: string;
  title: string | null;
  /** The current verification's organisation; without one, what the profile says. */
  organisation: string | null;
  bio: string | null;
  photoUrl: string | null;
  photoAlt: string | null;
  initials: string;
  /** True only with a verification current when this was read (services/verification-service.ts). */
  verified: boolean;
  /** From the current verification: false and null without one. */
  independent: boolean;
  independence: Independence | null;
  independenceNote: string | null;
  /**
   * The verification current when this was read, with every field. Not a GraphQL field: `Expert.verification` goes
   * through VerificationService.visibleVerifications, which decides who sees the KvK number and the note.
   */
  currentVerification: Verification | null;
}

/** An admin's statement about an expert: evidence, organisation, independence, topics, until when. */
export interface Verification {
  id: string;
  expertId: string;
  communityId: string;
  evidence: VerificationEvidence;
  /** Null for everyone but admins of the community once it leaves the service. */
  kvkNumber: string | null;
  /** Null for everyone but admins of the community once it leaves the service. */
  note: string | null;
  organisation: string;
  independence: Independence;
  independenceNote: string | null;
  topicIds: string[];
  validUntil: string;
  createdAt: string;
  revokedAt: string | null;
  /** Not revoked and not expired at the moment it was read. */
  current: boolean;
}

/** An expert who said "Ik pak deze op", until `expiresAt`. */
export interface Claim {
  questionId: string;
  expertId: string;
  claimedAt: string;
  expiresAt: string;
  /** The viewer's own expert profile holds it. */
  mine: boolean;
}

export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}

export const toCommunity = (row: CommunityRow): Community => ({ id: row.id, slug: row.slug, name: row.name });
export const toMunicipality = (row: MunicipalityRow): Municipality => ({ id: row.id, slug: row.slug, name: row.name });
export const toTopic = (row: TopicRow): Topic => ({ id: row.id, slug: row.slug, name: row.name });

export const toQuestion = (row: QuestionRow | QuestionSummaryRow): Question => ({
  id: row.id,
  communityId: row.community_id,
  topicId: row.topic_id,
  title: row.title,
  body: 'body' in row ? row.body : undefined,
  status: row.status,
  author: { displayName: row.author_display_name, role: row.author_role, expertId: row.author_expert_id },
  createdAt: row.created_at,
  answerCount: row.answer_count,
  hasExpertAnswer: row.has_expert_answer === 1,
  helpfulCount: row.helpful_count,
  acceptedAnswerId: row.accepted_answer_id,
  publication: row.publication,
  editedAt: row.edited_at,
});

export const toAnswer = (row: AnswerRow, acceptedAnswerId: string | null): Answer => ({
  id: row.id,
  questionId: row.question_id,
  body: row.body,
  author: { displayName: row.author_display_name, role: row.author_role, expertId: row.author_expert_id },
  createdAt: row.created_at,
  isAccepted: row.id === acceptedAnswerId,
  helpfulCount: row.helpful_count,
  publication: row.publication,
  sourceUrl: row.source_url,
  reviewedOn: row.reviewed_on,
  handOff: handOffOf(row),
});

export const toSituation = (row: SituationRow): Situation => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  description: row.description,
  topicId: row.topic_id,
});

/** An expert as read at `now`: badge, independence and organisation come from the current verification only. */
export const toExpert = (row: ExpertRow, current: VerificationRecord | undefined, now: string): Expert => {
  const verification = current ? toVerification(current, row.community_id, now) : null;
  const verified = verification?.current === true;
  return {
    id: row.id,
    communityId: row.community_id,
    displayName: row.display_name,
    title: row.title,
    organisation: verified ? verification.organisation : row.organisation,
    bio: row.bio,
    photoUrl: row.photo_url,
    photoAlt: row.photo_alt,
    initials: initialsOf(row.display_name),
    verified,
    independent: verified && verification.independence === 'INDEPENDENT',
    independence: verified ? verification.independence : null,
    independenceNote: verified ? verification.independenceNote : null,
    currentVerification: verified ? verification : null,
  };
};

export const toVerification = (row: VerificationRecord, communityId: string, now: string): Verification => ({
  id: row.id,
  expertId: row.expert_id,
  communityId,
  evidence: row.evidence,
  kvkNumber: row.kvk_number,
  note: row.note,
  organisation: row.organisation,
  independence: row.independence,
  independenceNote: row.independence_note,
  topicIds: row.topic_ids,
  validUntil: row.valid_until,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
  current: row.revoked_at === null && row.valid_until > now,
});

export const toClaim = (row: QuestionClaimRow, viewerExpertId: string | null): Claim => ({
  questionId: row.question_id,
  expertId: row.expert_id,
  claimedAt: row.claimed_at,
  expiresAt: row.expires_at,
  mine: viewerExpertId !== null && row.expert_id === viewerExpertId,
});

/** Titles before a name: never part of the initials. */
const titles = new Set(['mr', 'dr', 'drs', 'ir', 'ing', 'prof', 'dhr', 'mevr', 'mw']);
/** Particles between the first name and the surname ("van", "de", "el"): the surname's initial is after them. */
const particles = new Set([
  ...['van', 'de', 'der', 'den', 'het', "'t", 'te', 'ten', 'ter', 'in', "'s", 'op', 'aan', 'uit', 'bij', 'onder'],
  ...['el', 'al', 'la', 'le', 'les', 'du', 'da', 'di', 'dos', 'das', 'del', 'della', 'von', 'vom', 'zu', 'zum'],
]);

/**
 * Up to two capital letters for an avatar without a photo: the first letter of the name and of the surname after
 * any particles, titles left out ("Fatima el Amrani" → "FA", "mr. Martijn Bartelds" → "MB", "Jan van der Berg" →
 * "JB", "van Dijk" → "VD"). A name of one word gives one letter.
 */
export function initialsOf(displayName: string): string {
  const words = displayName
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word))
    .filter((word) => !titles.has(word.toLowerCase().replace(/\.$/, '')));
  const letter = (word: string) => (word.match(/\p{L}/u)?.[0] ?? '').toLocaleUpperCase('nl');
  const [first, ...rest] = words;
  if (first === undefined) return '?';
  const surname = rest.filter((word) => !particles.has(word.toLowerCase())).at(-1);
  return letter(first) + (surname ? letter(surname) : '');
}
