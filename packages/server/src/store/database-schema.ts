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
  helpful_votes: HelpfulVoteRow;
  situations: SituationRow;
  instance_secrets: InstanceSecretRow;
  users: UserRow;
  user_roles: UserRoleRow;
  sessions: SessionRow;
  sign_in_links: SignInLinkRow;
  community_oidc: CommunityOidcRow;
  oidc_sign_ins: OidcSignInRow;
  verifications: VerificationRow;
  verification_topics: VerificationTopicRow;
  audit_log: AuditLogRow;
  question_claims: QuestionClaimRow;
  content_flags: ContentFlagRow;
  author_blocks: AuthorBlockRow;
  moderation_settings: ModerationSettingsRow;
  visit_counts: VisitCountRow;
  report_schedules: ReportScheduleRow;
  report_recipients: ReportRecipientRow;
  report_deliveries: ReportDeliveryRow;
  contact_channels: ContactChannelsRow;
  private_questions: PrivateQuestionRow;
  private_messages: PrivateMessageRow;
  private_question_counts: PrivateQuestionCountRow;
  appointment_slots: AppointmentSlotRow;
  appointments: AppointmentRow;
}

export interface CommunityRow {
  id: string;
  slug: string;
  name: string;
  created_at: string;
  /** HS256 secret for host-portal tokens; null when portal sign-in is off. */
  portal_secret: string | null;
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
  /** Before 0004: the seed's statement. Since 0004 the current verification's independence decides. */
  independent: number;
  bio: string | null;
  /** Before 0004: the seed's flag. Since 0004 only a current verification record counts. */
  verified: number;
  created_at: string;
  photo_url: string | null;
  photo_alt: string | null;
}

export interface ExpertTopicRow {
  expert_id: string;
  topic_id: string;
}

export type QuestionStatus = 'OPEN' | 'ANSWERED' | 'RESOLVED';
/**
 * HELD: waiting for a moderator; only the author sees it, through the owner token. HIDDEN: taken out of view by a
 * moderator or by flags. REJECTED: refused by a moderator; the author sees the reason.
 */
export type Publication = 'PUBLISHED' | 'HELD' | 'HIDDEN' | 'REJECTED';

/** Columns the moderation pipeline keeps on questions and answers (migration 0005). */
export interface ModeratedColumns {
  device_hash: string | null;
  /** JSON array of `{ step, detail }`. */
  findings: string;
  moderation_reason: string | null;
  flag_count: number;
  waiting_since: string | null;
}
export type AuthorRole = 'CITIZEN' | 'EXPERT' | 'STAFF' | 'MODERATOR';

export interface QuestionRow extends ModeratedColumns {
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
  publication: Publication;
  edited_at: string | null;
}

export interface AnswerRow extends ModeratedColumns {
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
  publication: Publication;
  /** Only for anonymous answers: lets the writer see a held answer. */
  owner_token_hash: string | null;
  source_url: string | null;
  reviewed_on: string | null;
  /** JSON array of HandOff values (migration 0007); '[]' for most answers. */
  hand_off: string;
}

/** An address that wants an e-mail when an answer arrives. Nothing is sent before `confirmed_at` is set. */
export interface NotificationSubscriptionRow {
  id: string;
  question_id: string;
  email: string;
  locale: 'nl' | 'en';
  confirm_token_hash: string;
  unsubscribe_token_hash: string;
  confirmed_at: string | null;
  created_at: string;
  /** When the last confirmation e-mail was sent (migration 0003); a new one goes at most once per 10 minutes. */
  confirmation_sent_at: string | null;
}

export interface HelpfulVoteRow {
  answer_id: string;
  /** Keyed hash of answer id and the device's random voter key: one vote per device, votes never linkable. */
  voter_hash: string;
  created_at: string;
}

export interface SituationRow {
  id: string;
  community_id: string;
  topic_id: string;
  slug: string;
  title: string;
  description: string | null;
  position: number;
}

export interface InstanceSecretRow {
  name: string;
  value: string;
  created_at: string;
}

export type Role = 'EXPERT' | 'MODERATOR' | 'STAFF' | 'ADMIN';
export type Independence = 'INDEPENDENT' | 'MUNICIPALITY' | 'UWV' | 'OTHER';
export type VerificationEvidence = 'KVK' | 'ORGANISATION_SIGN_IN' | 'MANUAL';

export interface UserRow {
  id: string;
  community_id: string;
  /** Lower case. */
  email: string;
  display_name: string;
  /** `scrypt$N$r$p$salt$hash`; null for accounts that sign in only by link or single sign-on. */
  password_hash: string | null;
  failed_sign_ins: number;
  locked_until: string | null;
  expert_id: string | null;
  created_at: string;
  disabled_at: string | null;
}

export interface UserRoleRow {
  user_id: string;
  role: Role;
}

export interface SessionRow {
  id: string;
  community_id: string;
  /** Null for a citizen signed in through a host portal. */
  user_id: string | null;
  token_hash: string;
  kind: 'account' | 'portal';
  method: 'password' | 'link' | 'oidc' | 'portal';
  pseudonym: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface SignInLinkRow {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface CommunityOidcRow {
  community_id: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  organisation: string;
}

export interface OidcSignInRow {
  state: string;
  community_id: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  expires_at: string;
}

export interface VerificationRow {
  id: string;
  expert_id: string;
  evidence: VerificationEvidence;
  kvk_number: string | null;
  note: string | null;
  organisation: string;
  independence: Independence;
  independence_note: string | null;
  valid_until: string;
  verified_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface VerificationTopicRow {
  verification_id: string;
  topic_id: string;
}

/** Append-only. `detail` is JSON and never holds personal data. */
export interface AuditLogRow {
  id: string;
  community_id: string;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: string;
  created_at: string;
}

export interface QuestionClaimRow {
  question_id: string;
  expert_id: string;
  claimed_at: string;
  expires_at: string;
}

export type ContentKind = 'QUESTION' | 'ANSWER';
export type FlagReason = 'PERSONAL_DATA' | 'OFFENSIVE' | 'SPAM' | 'INCORRECT' | 'OTHER';
export type PreModeration = 'NONE' | 'FIRST_POST' | 'EVERYTHING';

export interface ContentFlagRow {
  id: string;
  community_id: string;
  content_kind: ContentKind;
  content_id: string;
  reason: FlagReason;
  note: string | null;
  flagger_hash: string;
  created_at: string;
  resolved_at: string | null;
}

export interface AuthorBlockRow {
  id: string;
  community_id: string;
  scope: 'DEVICE' | 'PSEUDONYM';
  value: string;
  reason: string;
  created_by: string | null;
  created_at: string;
}

export interface ModerationSettingsRow {
  community_id: string;
  pre_moderation: PreModeration;
  flag_threshold: number;
  /** JSON array of words. */
  blocked_words: string;
  /** JSON array of words. */
  held_words: string;
  updated_at: string;
}

/** How often a page showed an element on one day. Nothing about the visitor: no address, cookie or identifier. */
export interface VisitCountRow {
  community_id: string;
  /** YYYY-MM-DD in Dutch time (Europe/Amsterdam). */
  day: string;
  /** '' when the page named no municipality. */
  municipality_id: string;
  /** Origin and path, without query or fragment. */
  page: string;
  element: string;
  count: number;
}

export type ReportFrequency = 'WEEKLY' | 'MONTHLY';

export interface ReportScheduleRow {
  community_id: string;
  frequency: ReportFrequency;
  /** Only periods that end after this moment are e-mailed. */
  created_at: string;
  updated_at: string;
}

export interface ReportRecipientRow {
  community_id: string;
  user_id: string;
}

/** One report e-mail for one period and one recipient; the primary key makes sending it a single claim. */
export interface ReportDeliveryRow {
  community_id: string;
  /** 2026-10 for a month, 2026-W44 for an ISO week. */
  period_key: string;
  user_id: string;
  state: 'SENDING' | 'SENT' | 'FAILED';
  claimed_at: string;
  sent_at: string | null;
  attempts: number;
}

export interface ContactChannelsRow {
  community_id: string;
  /** JSON of AdviceLineSettings (services/contact-service.ts), or null: no advice line. */
  advice_line: string | null;
  /** JSON of { description, answerWithinDays }, or null. */
  email_service: string | null;
  /** JSON of { description, durationMinutes }, or null. */
  appointments: string | null;
  updated_at: string;
}

/** Never public. `*_encrypted` columns hold AES-256-GCM ciphertext (services/encryption.ts). */
export interface PrivateQuestionRow {
  id: string;
  community_id: string;
  topic_id: string;
  body_encrypted: string;
  email_encrypted: string;
  locale: 'nl' | 'en';
  secret_hash: string;
  idempotency_key: string;
  created_at: string;
  /** Deleted 90 days after this. */
  last_message_at: string;
  answered: number;
}

export interface PrivateMessageRow {
  id: string;
  question_id: string;
  expert_id: string;
  body_encrypted: string;
  created_at: string;
}

/** How many private questions a topic got on a Dutch day; for reports, kept after the questions are deleted. */
export interface PrivateQuestionCountRow {
  community_id: string;
  topic_id: string;
  day: string;
  count: number;
}

export type AppointmentMode = 'IN_PERSON' | 'VIDEO' | 'PHONE';

export interface AppointmentSlotRow {
  id: string;
  community_id: string;
  expert_id: string;
  starts_at: string;
  ends_at: string;
  mode: AppointmentMode;
  location: string | null;
  created_at: string;
  /** Null while free. */
  appointment_id: string | null;
}

export interface AppointmentRow {
  id: string;
  community_id: string;
  slot_id: string;
  topic_id: string;
  name_encrypted: string;
  email_encrypted: string;
  note_encrypted: string | null;
  locale: 'nl' | 'en';
  cancel_token_hash: string;
  idempotency_key: string;
  booked_at: string;
  cancelled_at: string | null;
  reminder_sent_at: string | null;
}
