import { limits } from '@plein/schema';
import { z } from 'zod';
import type { Locale } from '../i18n/locale.ts';
import { confirmationMail, notificationMail } from '../mail/follow-mails.ts';
import { type Mailer, MemoryMailer } from '../mail/mailer.ts';
import type { NotificationSubscriptionRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { CommunityService, RequestOrigin } from './community-service.ts';
import type { UserError } from './errors.ts';
import type { ServiceEventMap, ServiceEvents } from './events.ts';
import { hashToken, keyedHash, newId, newOwnerToken, newSecretKey } from './secrets.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A pending address gets a new confirmation e-mail at most this often. */
export const CONFIRMATION_RESEND_INTERVAL_MS = 10 * MINUTE;
/** Addresses that were never confirmed are deleted this long after they were given. */
export const UNCONFIRMED_RETENTION_MS = 7 * DAY;
/** Addresses that follow a RESOLVED question are deleted this long after its last activity. */
export const RESOLVED_RETENTION_MS = 30 * DAY;

/** Where the links in e-mails point, and how mail leaves the server. */
export interface FollowSettings {
  mailer: Mailer;
  /** This server as people reach it, without a trailing slash, for example https://plein.example.org. */
  publicUrl: string;
  /** The link to a question; `{id}` becomes its id. Default: the example municipal site, `${publicUrl}/municipal-site/#vraag-{id}`. */
  questionUrl?: string;
  /** Told when a mail could not be sent; gets no address and no message text. */
  onError?: (error: unknown, what: string) => void;
}

export interface FollowResult {
  /** True when a confirmation e-mail is on its way, and also when the address already follows: nobody can tell. */
  confirmationSent: boolean;
  errors: UserError[];
}

/** What a link's token leads to: the pages show a button, a "done" text or a friendly "this link does not work". */
/** What a link from an e-mail points at; `locale` is the subscriber's, so the page speaks the mail's language. */
export type LinkState =
  { state: 'pending' | 'confirmed'; questionTitle: string; locale: Locale } | { state: 'unknown' };

export const followQuestionInput = z.object({
  questionId: z.string().trim().min(1).max(100),
  email: z.string().trim().min(1).max(limits.email.max).pipe(z.email()),
});

/** Tokens in links are 43 characters of base64url; anything else cannot be one and is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * Follow a question by e-mail, with double opt-in. Only a confirmed address ever gets a notification; before that
 * the one e-mail sent is the confirmation. Random link tokens are kept only as SHA-256 hashes. Addresses are
 * deleted on unsubscribe, 7 days after they were given when never confirmed, and 30 days after the last activity
 * of a resolved question (see `sweep`).
 */
export class FollowService {
  readonly mailer: Mailer;
  private readonly questionUrlTemplate: string;
  private readonly pending = new Set<Promise<void>>();
  private unsubscribeKey: Promise<string> | undefined;

  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly communities: CommunityService,
    private readonly settings: FollowSettings = { mailer: new MemoryMailer(), publicUrl: 'http://localhost:4000' },
  ) {
    this.mailer = settings.mailer;
    this.questionUrlTemplate = settings.questionUrl ?? `${settings.publicUrl}/municipal-site/#vraag-{id}`;
  }

  /** Mail and notify on the events of the services that write. Returns a function that stops listening. */
  listen(events: ServiceEvents): () => void {
    const stops = [
      events.on('question-asked', (event) => this.onQuestionAsked(event)),
      events.on('answer-published', (event) => this.notifyAnswer(event)),
    ];
    return () => stops.forEach((stop) => stop());
  }

  /**
   * "Volg deze vraag". The answer is the same whether or not the address already follows the question, and the
   * e-mail leaves after the answer, so neither the payload nor the time taken tells anything about an address.
   */
  async follow(rawInput: unknown, locale: Locale, request?: RequestOrigin): Promise<FollowResult> {
    const parsed = followQuestionInput.safeParse(rawInput);
    if (!parsed.success) return { confirmationSent: false, errors: toUserErrors(parsed.error.issues) };
    const { questionId, email } = parsed.data;
    const [question] = await this.store.questionsByIds([questionId]);
    if (!question || question.publication !== 'PUBLISHED') {
      return { confirmationSent: false, errors: [{ field: 'questionId', code: 'UNKNOWN_QUESTION' }] };
    }
    if (request) await this.communities.assertOriginAllowed(question.community_id, request);
    await this.subscribe({ id: question.id, communityId: question.community_id, title: question.title }, email, locale);
    return { confirmationSent: true, errors: [] };
  }

  /** The address given in the ask form: the same double opt-in as following later. */
  async onQuestionAsked({ question, notifyEmail, locale }: ServiceEventMap['question-asked']): Promise<void> {
    if (!notifyEmail) return;
    const parsed = followQuestionInput.shape.email.safeParse(notifyEmail);
    if (!parsed.success) return;
    await this.subscribe(question, parsed.data, locale);
  }

  /** Every confirmed address of the question gets one e-mail, with its own unsubscribe link. */
  async notifyAnswer({ question }: ServiceEventMap['answer-published']): Promise<void> {
    const subscriptions = await this.store.confirmedSubscriptions(question.id);
    if (subscriptions.length === 0) return;
    const community = await this.communityName(question.communityId);
    for (const subscription of subscriptions) {
      const unsubscribeToken = await this.unsubscribeToken(subscription.id);
      await this.deliver(
        notificationMail({
          to: subscription.email,
          locale: subscription.locale,
          community,
          questionTitle: question.title,
          questionUrl: this.questionUrl(question.id),
          unsubscribeUrl: `${this.settings.publicUrl}/meldingen/afmelden?token=${unsubscribeToken}`,
        }),
        'notification',
      );
    }
  }

  /** What the confirmation link leads to, without changing anything (mail scanners open links). */
  async confirmationState(token: string): Promise<LinkState> {
    const subscription = await this.byConfirmToken(token);
    return subscription ? this.linkState(subscription) : { state: 'unknown' };
  }

  /** Confirms the address: from now on it gets an e-mail for every new answer. */
  async confirm(token: string): Promise<LinkState> {
    const subscription = await this.byConfirmToken(token);
    if (!subscription) return { state: 'unknown' };
    const before = await this.linkState(subscription);
    if (subscription.confirmed_at === null) {
      await this.store.confirmSubscription(subscription.id, this.clock().toISOString());
    }
    return before;
  }

  async unsubscribeState(token: string): Promise<LinkState> {
    const subscription = await this.byUnsubscribeToken(token);
    return subscription ? this.linkState(subscription) : { state: 'unknown' };
  }

  /** Deletes the subscription, and with it the address. True when there was one. */
  async unsubscribe(token: string): Promise<boolean> {
    const subscription = await this.byUnsubscribeToken(token);
    return subscription ? this.store.deleteSubscription(subscription.id) : false;
  }

  /** Deletes what is no longer needed. The server runs this every hour; tests call it with a fixed clock. */
  async sweep(now: Date = this.clock()): Promise<{ unconfirmed: number; resolved: number }> {
    const unconfirmed = await this.store.deleteUnconfirmedSubscriptions(
      new Date(now.getTime() - UNCONFIRMED_RETENTION_MS).toISOString(),
    );
    const resolved = await this.store.deleteSubscriptionsOfResolvedQuestions(
      new Date(now.getTime() - RESOLVED_RETENTION_MS).toISOString(),
    );
    return { unconfirmed, resolved };
  }

  /** Resolves when every e-mail started so far has been handed to the mailer: for tests and a clean shutdown. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  questionUrl(questionId: string): string {
    return this.questionUrlTemplate.replace('{id}', encodeURIComponent(questionId));
  }

  private async subscribe(
    question: { id: string; communityId: string; title: string },
    rawEmail: string,
    locale: Locale,
  ): Promise<void> {
    // Mail systems treat the local part case-insensitively in practice; one row per person and question.
    const email = rawEmail.trim().toLowerCase();
    const now = this.clock();
    const sentAt = now.toISOString();
    const confirmToken = newOwnerToken();
    let send = false;

    const existing = await this.store.subscriptionByQuestionAndEmail(question.id, email);
    if (!existing) {
      const id = newId();
      send = await this.store.insertSubscriptionIfAbsent({
        id,
        question_id: question.id,
        email,
        locale,
        confirm_token_hash: hashToken(confirmToken),
        unsubscribe_token_hash: hashToken(await this.unsubscribeToken(id)),
        confirmed_at: null,
        created_at: sentAt,
        confirmation_sent_at: sentAt,
      });
    } else if (existing.confirmed_at === null) {
      const lastSent = existing.confirmation_sent_at ? Date.parse(existing.confirmation_sent_at) : 0;
      if (now.getTime() - lastSent >= CONFIRMATION_RESEND_INTERVAL_MS) {
        send = await this.store.renewSubscriptionConfirmation(
          existing.id,
          existing.confirmation_sent_at,
          hashToken(confirmToken),
          sentAt,
        );
      }
    }
    if (!send) return;

    const community = await this.communityName(question.communityId);
    this.track(
      this.deliver(
        confirmationMail({
          to: email,
          locale: existing?.locale ?? locale,
          community,
          questionTitle: question.title,
          confirmUrl: `${this.settings.publicUrl}/meldingen/bevestigen?token=${confirmToken}`,
        }),
        'confirmation',
      ),
    );
  }

  private async linkState(subscription: NotificationSubscriptionRow): Promise<LinkState> {
    const [question] = await this.store.questionsByIds([subscription.question_id]);
    if (!question) return { state: 'unknown' };
    return {
      state: subscription.confirmed_at === null ? 'pending' : 'confirmed',
      questionTitle: question.title,
      locale: subscription.locale,
    };
  }

  private async byConfirmToken(token: string): Promise<NotificationSubscriptionRow | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const subscription = await this.store.subscriptionByConfirmHash(hashToken(token));
    // A link older than 7 days no longer confirms, even before the sweeper has deleted the address.
    if (
      subscription?.confirmed_at === null &&
      this.clock().getTime() - Date.parse(subscription.created_at) >= UNCONFIRMED_RETENTION_MS
    ) {
      return undefined;
    }
    return subscription;
  }

  private async byUnsubscribeToken(token: string): Promise<NotificationSubscriptionRow | undefined> {
    if (!TOKEN.test(token)) return undefined;
    return this.store.subscriptionByUnsubscribeHash(hashToken(token));
  }

  /**
   * Every notification carries the same unsubscribe link, yet only its hash is stored: the token is a keyed hash of
   * the subscription id under a secret key of this instance, so it can be made again for each e-mail.
   */
  private async unsubscribeToken(subscriptionId: string): Promise<string> {
    this.unsubscribeKey ??= this.store.instanceSecret(
      'follow-unsubscribe-key',
      newSecretKey,
      this.clock().toISOString(),
    );
    return keyedHash(await this.unsubscribeKey, `unsubscribe:${subscriptionId}`);
  }

  private async communityName(communityId: string): Promise<string> {
    return (await this.store.communityById(communityId))?.name ?? 'Plein';
  }

  /** Sends one e-mail; a failure is reported without the address or the text, and never reaches the caller. */
  private async deliver(message: Parameters<Mailer['send']>[0], what: string): Promise<void> {
    try {
      await this.mailer.send(message);
    } catch (error) {
      this.settings.onError?.(error, what);
    }
  }

  private track(work: Promise<void>): void {
    const tracked = work.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}

function toUserErrors(issues: z.core.$ZodIssue[]): UserError[] {
  const byField = new Map<string, UserError>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (byField.has(field)) continue;
    if (field === 'questionId') byField.set(field, { field, code: 'UNKNOWN_QUESTION' });
    else if (issue.code === 'too_small') byField.set(field, { field, code: 'REQUIRED' });
    else if (issue.code === 'too_big')
      byField.set(field, { field, code: 'TOO_LONG', params: { max: Number(issue.maximum) } });
    else byField.set(field, { field, code: 'INVALID_EMAIL' });
  }
  return [...byField.values()];
}
