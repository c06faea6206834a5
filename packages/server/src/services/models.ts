import type {
  AnswerRow,
  AuthorRole,
  CommunityRow,
  ExpertRow,
  MunicipalityRow,
  Publication,
  QuestionRow,
  QuestionStatus,
  SituationRow,
  TopicRow,
} from '../store/database-schema.ts';
import type { QuestionSummaryRow } from '../store/store.ts';

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
  organisation: string | null;
  independent: boolean;
  bio: string | null;
  verified: boolean;
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
});

export const toSituation = (row: SituationRow): Situation => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  description: row.description,
  topicId: row.topic_id,
});

export const toExpert = (row: ExpertRow): Expert => ({
  id: row.id,
  communityId: row.community_id,
  displayName: row.display_name,
  title: row.title,
  organisation: row.organisation,
  independent: row.independent === 1,
  bio: row.bio,
  verified: row.verified === 1,
});
