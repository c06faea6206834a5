import { dutchDay, limits } from '@plein/schema';
import { z } from 'zod';
import type { Locale } from '../i18n/locale.ts';
import { type Mailer, MemoryMailer } from '../mail/mailer.ts';
import { privateAnswerReadyMail, privateQuestionConfirmationMail } from '../mail/private-question-mails.ts';
import type { PrivateMessageRow, PrivateQuestionRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { CommunityService, RequestOrigin } from './community-service.ts';
import type { DeviceHashes } from './device-keys.ts';
import type { FieldCipher } from './encryption.ts';
import { ServiceError, type UserError } from './errors.ts';
import type { ExpertService } from './expert-service.ts';
import type { Expert, Topic } from './models.ts';
import { refusalOfFormSignals } from './moderation-pipeline.ts';
import { isUniqueViolation, pageSize } from './paging.ts';
import { hashToken, newId, newOwnerToken, tokenMatches } from './secrets.ts';
import { validate } from './validation.ts';
import { requireRole, type Viewer } from './viewer.ts';

const DAY = 24 * 60 * 60_000;

/** A private thread is deleted this long after its last message (the question, or the latest answer). */
export const PRIVATE_THREAD_RETENTION_MS = 90 * DAY;

/** How mail leaves the server and where its links point. */
export interface PrivateQuestionSettings {
  mailer: Mailer;
  /** This server as people reach it, without a trailing slash. */
  publicUrl: string;
  /**
   * PLEIN_PRIVATE_THREAD_URL: the link in the e-mails; `{token}` becomes `<id>.<secret>`. Default: the example
   * municipal site, `${publicUrl}/municipal-site/#plein-prive={token}`. A fragment is never sent to any server, so
   * the secret stays out of access logs and Referer headers.
   */
  threadUrl?: string;
  /** Told when a mail could not be sent; gets no address and no text. */
  onError?: (error: unknown, what: string) => void;
}

export interface PrivateMessage {
  id: string;
  body: string;
  advisor: Expert;
  createdAt: string;
}

/** A private question as the advisors of its topic see it. */
export interface PrivateQuestion {
  id: string;
  topic: Topic;
  body: string;
  createdAt: string;
  messages: PrivateMessage[];
  answered: boolean;
}

/** A private question as the citizen reads it through the secret link. */
export interface PrivateThread {
  id: string;
  topic: Topic;
  body: string;
  createdAt: string;
  messages: PrivateMessage[];
  deleteAfter: string;
}

export interface AskPrivateQuestionResult {
  confirmationSent: boolean;
  errors: UserError[];
}

export interface AnswerPrivateQuestionResult {
  question: PrivateQuestion | null;
  errors: UserError[];
}

const emailFormat = z.email();

export const askPrivateQuestionInput = z.object({
  community: z.string().trim().min(1),
  topic: z.string().trim().min(1),
  body: z.string().trim().min(limits.questionBody.min).max(limits.questionBody.max),
  email: z
    .string()
    .trim()
    .min(1)
    .max(limits.email.max)
    .refine((value) => emailFormat.safeParse(value).success, { params: { code: 'INVALID_EMAIL' } }),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/),
  antiSpam: z
    .object({ honeypot: z.string().nullish(), fillMs: z.number().int().nullish() })
    .nullish()
    .transform((value) => value ?? null),
});

export const answerPrivateQuestionInput = z.object({
  questionId: z.string().trim().min(1).max(100),
  body: z.string().trim().min(limits.answerBody.min).max(limits.answerBody.max),
});

/**
 * How to reach the citizen, encrypted as one value in `email_encrypted`: the address and the secret of the link.
 * Only the secret's hash could be stored if the link went out once; but "your answer is ready" must carry the same
 * link, so the secret is kept like the address: encrypted with the key from the configuration. A copy of the database
 * alone still opens no thread.
 */
interface PrivateContact {
  email: string;
  secret: string;
}

/** Ids are UUIDs; secrets are 43 characters of base64url. Anything else cannot be one and is not looked up. */
const ID = /^[A-Za-z0-9-]{1,100}$/;
const SECRET = /^[A-Za-z0-9_-]{20,100}$/;
/** Compared with when the id is unknown, so a wrong id costs the same work as a wrong secret. */
const NO_THREAD_HASH = hashToken(newOwnerToken());

const sent: AskPrivateQuestionResult = { confirmationSent: true, errors: [] };
const refused = (error: UserError): AskPrivateQuestionResult => ({ confirmationSent: false, errors: [error] });

/**
 * Private e-mail questions (issue 8): a citizen asks an advisor privately, never in public. The text and the address
 * are encrypted at rest (services/encryption.ts); the citizen's only way in is the secret link from the confirmation
 * e-mail, of which the store keeps a SHA-256 hash to compare with. Personal data is not removed: the citizen chose a
 * private channel, and the form warns them while they type. Verified experts of the question's topic read and answer
 * in their inbox. Threads are deleted 90 days after their last message; reports count questions per topic and day
 * in a tally that holds no text and stays.
 */
export class PrivateQuestionService {
  readonly mailer: Mailer;
  private readonly threadUrlTemplate: string;

  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly communities: CommunityService,
    private readonly experts: ExpertService,
    private readonly devices: DeviceHashes,
    private readonly cipher: FieldCipher,
    private readonly settings: PrivateQuestionSettings = {
      mailer: new MemoryMailer(),
      publicUrl: 'http://localhost:4000',
    },
  ) {
    this.mailer = settings.mailer;
    this.threadUrlTemplate = settings.threadUrl ?? `${settings.publicUrl}/municipal-site/#plein-prive={token}`;
  }

  /**
   * Stores a private question and sends the confirmation e-mail with the secret link, in the citizen's language.
   * The same idempotency key twice stores one question and sends one e-mail. When the e-mail cannot be sent, the
   * question is removed again (the citizen could never open it) and the form says so; the text stays in the form.
   * `deviceKey` is the `Plein-Device` header: a device a moderator blocked cannot ask either. Nothing of the text or
   * the address is ever logged.
   */
  async ask(
    rawInput: unknown,
    locale: Locale = 'nl',
    request?: RequestOrigin,
    deviceKey?: string | null,
  ): Promise<AskPrivateQuestionResult> {
    const validated = validate(askPrivateQuestionInput, rawInput);
    if (!validated.ok) return { confirmationSent: false, errors: validated.errors };
    const input = validated.value;

    const community = await this.store.communityBySlug(input.community);
    if (!community) return refused({ field: 'community', code: 'UNKNOWN_COMMUNITY' });
    if (request) await this.communities.assertOriginAllowed(community.id, request);
    // JSON of { description, answerWithinDays }; null or no row: the community does not offer private questions.
    const emailService = (await this.store.contact.channels(community.id))?.email_service ?? null;
    if (emailService === null) return refused({ field: null, code: 'EMAIL_SERVICE_OFF' });
    const topic = await this.store.topicBySlug(community.id, input.topic);
    if (!topic) return refused({ field: 'topic', code: 'UNKNOWN_TOPIC' });

    // A retry after a lost response: the question and its e-mail exist already.
    const stored = (store: PleinStore) => store.privateQuestions.byIdempotencyKey(community.id, input.idempotencyKey);
    if (await stored(this.store)) return sent;

    const formRefusal = refusalOfFormSignals(input.antiSpam);
    if (formRefusal) return refused(formRefusal);
    const deviceHash = await this.devices.device(community.id, deviceKey);
    if (deviceHash !== null && (await this.store.isAuthorBlocked(community.id, deviceHash, null))) {
      return refused({ field: null, code: 'BLOCKED_AUTHOR' });
    }

    const secret = newOwnerToken();
    const contact: PrivateContact = { email: input.email, secret };
    const now = this.clock();
    const row: PrivateQuestionRow = {
      id: newId(),
      community_id: community.id,
      topic_id: topic.id,
      body_encrypted: this.cipher.encrypt(input.body),
      email_encrypted: this.cipher.encrypt(JSON.stringify(contact)),
      locale,
      secret_hash: hashToken(secret),
      idempotency_key: input.idempotencyKey,
      created_at: now.toISOString(),
      last_message_at: now.toISOString(),
      answered: 0,
    };
    const day = dutchDay(now);
    try {
      const created = await this.store.transaction(async (store) => {
        if (await stored(store)) return false;
        await store.privateQuestions.insert(row, day);
        return true;
      });
      if (!created) return sent;
    } catch (error) {
      // A concurrent request with the same key committed first; it sends the e-mail.
      if (isUniqueViolation(error) && (await stored(this.store))) return sent;
      throw error;
    }

    const mail = privateQuestionConfirmationMail({
      to: contact.email,
      locale,
      community: community.name,
      threadUrl: this.threadUrl(row.id, secret),
      answerWithinDays: answerWithinDays(emailService),
    });
    try {
      await this.mailer.send(mail);
    } catch (error) {
      this.settings.onError?.(error, 'private question confirmation');
      await this.store.transaction((store) => store.privateQuestions.removeUnconfirmed(row, day));
      return refused({ field: 'email', code: 'CONFIRMATION_NOT_SENT' });
    }
    return sent;
  }

  /**
   * The thread behind a secret link, or null: for an unknown id, a wrong secret, the secret of another thread and a
   * thread past its 90 days alike, with the same work (the secret's hash is compared in constant time).
   */
  async thread(id: unknown, secret: unknown, request?: RequestOrigin): Promise<PrivateThread | null> {
    if (typeof id !== 'string' || typeof secret !== 'string' || !ID.test(id) || !SECRET.test(secret)) return null;
    const row = await this.store.privateQuestions.byId(id);
    const matches = tokenMatches(row?.secret_hash ?? NO_THREAD_HASH, secret);
    if (!row || !matches || this.isPastRetention(row)) return null;
    if (request) await this.communities.assertOriginAllowed(row.community_id, request);
    const [question] = await this.toQuestions([row]);
    if (!question) return null;
    const { id: threadId, topic, body, createdAt, messages } = question;
    return { id: threadId, topic, body, createdAt, messages, deleteAfter: deleteAfter(row) };
  }

  /**
   * `Viewer.privateQuestions`: for an expert with a current verification, the community's private questions in the
   * verification's topics, unanswered first, then newest. Like the expert inbox, an expert without a current
   * verification gets an empty list (their profile says why); anyone without the EXPERT role is refused.
   */
  async inbox(viewer: Viewer | null | undefined, first?: number | null): Promise<PrivateQuestion[]> {
    const expert = requireRole(viewer, viewer?.communityId ?? '', 'EXPERT');
    const size = pageSize(first);
    const topicIds = await this.currentTopicIds(expert);
    const rows = await this.store.privateQuestions.inbox(expert.communityId, topicIds, size);
    return this.toQuestions(rows.filter((row) => !this.isPastRetention(row)));
  }

  /**
   * A verified expert of the question's topic answers. The answer is stored encrypted, the thread's 90 days start
   * again, and the citizen gets "Uw antwoord staat klaar" with the link: the e-mail holds neither the question nor
   * the answer. Experts without a current verification for the topic, and every other role, are refused.
   */
  async answer(rawInput: unknown, viewer: Viewer | null | undefined): Promise<AnswerPrivateQuestionResult> {
    const expert = requireRole(viewer, viewer?.communityId ?? '', 'EXPERT');
    const topicIds = await this.currentTopicIds(expert);
    if (topicIds.length === 0) throw new ServiceError('FORBIDDEN');

    const validated = validate(answerPrivateQuestionInput, rawInput);
    if (!validated.ok) return { question: null, errors: validated.errors };
    const input = validated.value;
    const row = await this.store.privateQuestions.byId(input.questionId);
    if (!row || this.isPastRetention(row)) {
      return { question: null, errors: [{ field: 'questionId', code: 'UNKNOWN_QUESTION' }] };
    }
    requireRole(expert, row.community_id, 'EXPERT');
    if (!topicIds.includes(row.topic_id)) throw new ServiceError('FORBIDDEN');

    const message: PrivateMessageRow = {
      id: newId(),
      question_id: row.id,
      expert_id: expert.expertId!,
      body_encrypted: this.cipher.encrypt(input.body),
      created_at: this.clock().toISOString(),
    };
    await this.store.transaction((store) => store.privateQuestions.insertMessage(message));

    const community = await this.store.communityById(row.community_id);
    try {
      const contact = JSON.parse(this.cipher.decrypt(row.email_encrypted)) as PrivateContact;
      await this.mailer.send(
        privateAnswerReadyMail({
          to: contact.email,
          locale: row.locale,
          community: community?.name ?? 'Plein',
          threadUrl: this.threadUrl(row.id, contact.secret),
        }),
      );
    } catch (error) {
      // The answer is stored and readable through the link the citizen has; only the notice did not go out.
      this.settings.onError?.(error, 'private answer ready');
    }
    const [question] = await this.toQuestions([
      { ...row, answered: 1, last_message_at: message.created_at } satisfies PrivateQuestionRow,
    ]);
    return { question: question ?? null, errors: [] };
  }

  /**
   * Deletes threads (question, answers, address) 90 days after their last message; the server runs this every hour,
   * tests call it with a fixed clock. Returns how many threads went.
   */
  sweep(now: Date = this.clock()): Promise<number> {
    const before = new Date(now.getTime() - PRIVATE_THREAD_RETENTION_MS).toISOString();
    return this.store.transaction((store) => store.privateQuestions.deleteInactiveSince(before));
  }

  /** The link in the e-mails; the token is `<id>.<secret>`. */
  threadUrl(id: string, secret: string): string {
    return this.threadUrlTemplate.replace('{token}', encodeURIComponent(`${id}.${secret}`));
  }

  /** Between the last message plus 90 days and the next sweep, a thread is already gone for everyone. */
  private isPastRetention(row: PrivateQuestionRow): boolean {
    return deleteAfter(row) < this.clock().toISOString();
  }

  /** The topics of the expert's verification current now; none without one. */
  private async currentTopicIds(viewer: Viewer): Promise<string[]> {
    if (!viewer.expertId) return [];
    const [expert] = await this.store.expertsByIds([viewer.expertId]);
    if (!expert || expert.community_id !== viewer.communityId) return [];
    const current = await this.store.currentVerifications([expert.id], this.clock().toISOString());
    return current.get(expert.id)?.topic_ids ?? [];
  }

  /**
   * Decrypted, with topics, messages and advisors, each read once for all rows. A thread is shown whole or not at
   * all: one that cannot be decrypted (written with another key: a lost key file, a changed PLEIN_ENCRYPTION_KEY) is
   * left out and reported, so one such thread never takes an advisor's whole inbox down with it.
   */
  private async toQuestions(rows: readonly PrivateQuestionRow[]): Promise<PrivateQuestion[]> {
    if (rows.length === 0) return [];
    const messages = await this.store.privateQuestions.messagesOf(rows.map((row) => row.id));
    const advisors = new Map(
      (await this.experts.byIds([...new Set(messages.map((message) => message.expert_id))])).map((e) => [e.id, e]),
    );
    const topics = new Map(
      (await this.communities.topicsByIds([...new Set(rows.map((row) => row.topic_id))])).map((t) => [t.id, t]),
    );
    const byQuestion = new Map<string, (PrivateMessage | null)[]>(rows.map((row) => [row.id, []]));
    for (const message of messages) {
      const body = this.readable(message.body_encrypted);
      byQuestion
        .get(message.question_id)
        ?.push(
          body === null
            ? null
            : { id: message.id, body, advisor: advisors.get(message.expert_id)!, createdAt: message.created_at },
        );
    }
    return rows.flatMap((row) => {
      const body = this.readable(row.body_encrypted);
      const thread = byQuestion.get(row.id) ?? [];
      if (body === null || thread.includes(null)) return [];
      return [
        {
          id: row.id,
          topic: topics.get(row.topic_id)!,
          body,
          createdAt: row.created_at,
          messages: thread as PrivateMessage[],
          answered: row.answered === 1,
        },
      ];
    });
  }

  private readable(stored: string): string | null {
    try {
      return this.cipher.decrypt(stored);
    } catch (error) {
      this.settings.onError?.(error, 'private question not readable with this key');
      return null;
    }
  }
}

function deleteAfter(row: PrivateQuestionRow): string {
  return new Date(Date.parse(row.last_message_at) + PRIVATE_THREAD_RETENTION_MS).toISOString();
}

/** "Usually within N working days" from the community's e-mail service, when it says so. */
function answerWithinDays(emailService: string): number | null {
  try {
    const days = (JSON.parse(emailService) as { answerWithinDays?: unknown }).answerWithinDays;
    return typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : null;
  } catch {
    return null;
  }
}
