/**
 * Row types for Kysely. The same columns exist on SQLite and PostgreSQL: times are ISO 8601 text in UTC (they sort
 * correctly as text), flags are 0/1 integers, ids are random text. See docs/decisions/0003-one-store-two-engines.md.
 */
export interface Database {
  communities: CommunityRow;
  community_origins: CommunityOriginRow;
  municipalities: MunicipalityRow;
  topics: TopicRow;
  experts: ExpertRow;
  expert_topics: ExpertTopicRow;
  questions: QuestionRow;
  answers: AnswerRow;
  notification_subscriptions: NotificationSubscriptionRow;
}

export interface CommunityRow {
  id: string;
  slug: string;
  name: string;
  created_at: string;
}

export interface CommunityOriginRow {
  community_id: string;
  origin: string;
}

export interface MunicipalityRow {
  id: string;
  community_id: string;
  slug: string;
  name: string;
  position: number;
}

export interface TopicRow {
  id: string;
  community_id: string;
  slug: string;
  name: string;
  position: number;
}

export interface ExpertRow {
  id: string;
  community_id: string;
  display_name: string;
  title: string | null;
  organisation: string | null;
  independent: number;
  bio: string | null;
  verified: number;
  created_at: string;
}

export interface ExpertTopicRow {
  expert_id: string;
  topic_id: string;
}

export type QuestionStatus = 'OPEN' | 'ANSWERED' | 'RESOLVED';
export type AuthorRole = 'CITIZEN' | 'EXPERT' | 'STAFF' | 'MODERATOR';

export interface QuestionRow {
  id: string;
  community_id: string;
  topic_id: string;
  municipality_id: string | null;
  title: string;
  body: string;
  status: QuestionStatus;
  author_display_name: string;
  author_role: AuthorRole;
  author_expert_id: string | null;
  owner_token_hash: string;
  idempotency_key: string;
  accepted_answer_id: string | null;
  answer_count: number;
  has_expert_answer: number;
  helpful_count: number;
  created_at: string;
  last_activity_at: string;
}

export interface AnswerRow {
  id: string;
  question_id: string;
  body: string;
  author_display_name: string;
  author_role: AuthorRole;
  author_expert_id: string | null;
  /** 1 for answers by experts, staff and moderators: they are listed first. */
  is_expert: number;
  idempotency_key: string;
  helpful_count: number;
  created_at: string;
}

export interface NotificationSubscriptionRow {
  id: string;
  question_id: string;
  email: string;
  created_at: string;
}
