import { randomBytes } from 'node:crypto';
import { type Mailer, MemoryMailer } from '../mail/mailer.ts';
import type { PleinStore } from '../store/store.ts';
import { AccountService } from './account-service.ts';
import { AnswerService } from './answer-service.ts';
import { AppointmentService } from './appointment-service.ts';
import { AuditLog } from './audit-log.ts';
import { ClaimService } from './claim-service.ts';
import { type Clock, systemClock } from './clock.ts';
import { CommunityService } from './community-service.ts';
import { ContactService } from './contact-service.ts';
import { DeviceHashes } from './device-keys.ts';
import { createFieldCipher, type FieldCipher } from './encryption.ts';
import { ServiceEvents } from './events.ts';
import { ExpertService } from './expert-service.ts';
import { InstanceKeys } from './instance-keys.ts';
import { ModerationPipeline, type PipelineOptions } from './moderation-pipeline.ts';
import { ModerationService } from './moderation-service.ts';
import { OidcService } from './oidc-service.ts';
import { type FollowSettings, FollowService } from './follow-service.ts';
import { OwnerService } from './owner-service.ts';
import { officialContacts, PersonalDataGuard } from './personal-data.ts';
import { PortalService } from './portal-service.ts';
import { PrivateQuestionService } from './private-question-service.ts';
import { QuestionService } from './question-service.ts';
import { ReportScheduleService } from './report-schedule-service.ts';
import { ReportService } from './report-service.ts';
import { SessionService } from './session-service.ts';
import { SignInLog } from './sign-in-log.ts';
import { VerificationService } from './verification-service.ts';
import { VisitService } from './visit-service.ts';
import { VoteService } from './vote-service.ts';

export interface Services {
  communities: CommunityService;
  questions: QuestionService;
  answers: AnswerService;
  /** The asker's actions with the owner token: edit, delete, resolve, accept an answer. */
  owner: OwnerService;
  votes: VoteService;
  experts: ExpertService;
  /** Verification records: admins verify and revoke; every read compares them with the clock. */
  verifications: VerificationService;
  /** The expert inbox and claims on questions ("Ik pak deze op"). */
  claims: ClaimService;
  /** Follow a question by e-mail (double opt-in), notifications and the retention sweep. */
  follows: FollowService;
  /** Writes announce what they did here; mail and live updates listen. */
  events: ServiceEvents;
  /** Append-only record of changes to accounts, roles, sign-in settings, verifications and moderation. */
  audit: AuditLog;
  /** Flags, moderators' decisions, the moderation queue, the audit log for staff, the pipeline's settings. */
  moderation: ModerationService;
  // Accounts and sessions
  /** Professionals' accounts: passwords, sign-in links, roles, account management. */
  accounts: AccountService;
  /** Bearer tokens: the viewer of a request, sign-out, revocation. */
  sessions: SessionService;
  /** Citizens signed in by a host portal's JWT, posting under a stable pseudonym. */
  portal: PortalService;
  /** Single sign-on with a community's organisation (OpenID Connect). */
  oidc: OidcService;
  /** Refused sign-ins, for the server log (without addresses). */
  signInLog: SignInLog;
  /** The advice line with its opening hours, the e-mail service and appointments: set by staff, read by all. */
  contact: ContactService;
  /** Private e-mail questions: asked in private, answered by verified experts of the topic, encrypted at rest. */
  privateQuestions: PrivateQuestionService;
  /** Advisors' free times, bookings with an .ics file and a cancel link, reminders, the advisors' agenda. */
  appointments: AppointmentService;
  /** The anonymized report for staff (no count below 5, none derivable); `build` for the CLI and the e-mail. */
  reports: ReportService;
  /** The report e-mail: each community's schedule and recipients, and the round that sends what is due, once. */
  reportSchedules: ReportScheduleService;
  /** Anonymous visit counts: a number per page, element and day, nothing about the visitor. */
  visits: VisitService;
}

/** Settings from the configuration that the rules need. */
export interface ServiceOptions {
  /** PLEIN_SECRET: the key behind keyed hashes; without it the instance keeps a random key of its own. */
  secret?: string;
  /** PLEIN_PII_ALLOW: official phone numbers and addresses that are never personal data, in every community. */
  personalDataAllow?: readonly string[];
  /** Mailer and link base for follow-up e-mails; without it messages stay in memory (CLI, tests of other parts). */
  follow?: FollowSettings;
  /**
   * Sign-in links: the host page that takes `?plein-link=` (PLEIN_SIGN_IN_URL, may hold `{community}`), and the
   * mailer (by default the follow-up mailer). This server's address comes from `follow.publicUrl`.
   */
  accounts?: { signInUrl?: string; mailer?: Mailer; onError?: (error: unknown, what: string) => void };
  /** The moderation pipeline's post count per device (services/moderation-pipeline.ts). */
  moderation?: PipelineOptions;
  /**
   * Encryption at rest of what citizens tell in private (services/encryption.ts); the server passes the key from
   * PLEIN_ENCRYPTION_KEY or its key file. Without it a random key lives in memory only: enough for tests of other
   * parts and for the CLI, which never reads encrypted text.
   */
  encryption?: FieldCipher;
  /** PLEIN_PRIVATE_THREAD_URL: the link to a private thread in e-mails, with `{token}`. Mail goes by `follow`. */
  privateThreadUrl?: string;
}

/** The rules of Plein, one instance per server; the GraphQL layer, the CLI and tests all go through these. */
export function createServices(
  store: PleinStore,
  clock: Clock = systemClock,
  events: ServiceEvents = new ServiceEvents(),
  options: ServiceOptions = {},
): Services {
  const communities = new CommunityService(store, clock);
  const follows = new FollowService(store, clock, communities, options.follow);
  follows.listen(events);
  const personalData = new PersonalDataGuard({
    everywhere: options.personalDataAllow ?? [],
    byCommunity: officialContacts,
  });
  const audit = new AuditLog(store, clock);
  const experts = new ExpertService(store, clock, communities);
  const keys = new InstanceKeys(store, clock, options.secret);
  const devices = new DeviceHashes(keys);
  // Every question and answer goes through it: ask, answer and the asker's edit.
  const pipeline = new ModerationPipeline(store, clock, personalData, devices, options.moderation);
  const signInLog = new SignInLog(keys);
  const sessions = new SessionService(store, clock);
  const publicUrl = options.follow?.publicUrl ?? 'http://localhost:4000';
  const contact = new ContactService(store, clock, audit);
  const encryption = options.encryption ?? createFieldCipher(randomBytes(32));
  const reports = new ReportService(store, clock, audit);
  return {
    events,
    audit,
    communities,
    questions: new QuestionService(store, clock, communities, events, pipeline),
    answers: new AnswerService(store, clock, communities, events, pipeline),
    owner: new OwnerService(store, clock, communities, pipeline),
    moderation: new ModerationService(store, clock, communities, events, audit, pipeline, devices),
    votes: new VoteService(store, clock, communities, options.secret),
    experts,
    verifications: new VerificationService(store, clock, experts, audit),
    claims: new ClaimService(store, clock),
    follows,
    sessions,
    signInLog,
    accounts: new AccountService(store, clock, communities, sessions, audit, signInLog, {
      mailer: options.accounts?.mailer ?? options.follow?.mailer,
      publicUrl,
      signInUrl: options.accounts?.signInUrl,
      onError: options.accounts?.onError ?? options.follow?.onError,
    }),
    portal: new PortalService(store, clock, communities, sessions, audit, keys, signInLog),
    oidc: new OidcService(store, clock, communities, sessions, audit, signInLog, publicUrl),
    contact,
    privateQuestions: new PrivateQuestionService(store, clock, communities, experts, devices, encryption, {
      mailer: options.follow?.mailer ?? new MemoryMailer(),
      publicUrl,
      threadUrl: options.privateThreadUrl,
      onError: options.follow?.onError,
    }),
    appointments: new AppointmentService(store, clock, communities, keys, encryption, {
      mailer: follows.mailer,
      publicUrl,
      // Advisors read their appointments on the page where they sign in.
      agendaUrl: options.accounts?.signInUrl ?? `${publicUrl}/professionals/`,
      onError: options.follow?.onError,
    }),
    reports,
    // The e-mail holds the whole community's report in Dutch; the scheduler is a trusted caller, like the CLI.
    reportSchedules: new ReportScheduleService(
      store,
      clock,
      audit,
      (communityId, period) => reports.build(communityId, period, null, 'nl'),
      { mailer: options.follow?.mailer ?? new MemoryMailer(), publicUrl, onError: options.follow?.onError },
    ),
    visits: new VisitService(store, clock, communities),
  };
}
