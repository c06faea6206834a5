import type { PleinStore } from '../store/store.ts';
import { AnswerService } from './answer-service.ts';
import { type Clock, systemClock } from './clock.ts';
import { CommunityService } from './community-service.ts';
import { ServiceEvents } from './events.ts';
import { ExpertService } from './expert-service.ts';
import { type FollowSettings, FollowService } from './follow-service.ts';
import { OwnerService } from './owner-service.ts';
import { officialContacts, PersonalDataGuard } from './personal-data.ts';
import { QuestionService } from './question-service.ts';
import { VoteService } from './vote-service.ts';

export interface Services {
  communities: CommunityService;
  questions: QuestionService;
  answers: AnswerService;
  /** The asker's actions with the owner token: edit, delete, resolve, accept an answer. */
  owner: OwnerService;
  votes: VoteService;
  experts: ExpertService;
  /** Follow a question by e-mail (double opt-in), notifications and the retention sweep. */
  follows: FollowService;
  /** Writes announce what they did here; mail and live updates listen. */
  events: ServiceEvents;
}

/** Settings from the configuration that the rules need. */
export interface ServiceOptions {
  /** PLEIN_SECRET: the key behind keyed hashes; without it the instance keeps a random key of its own. */
  secret?: string;
  /** PLEIN_PII_ALLOW: official phone numbers and addresses that are never personal data, in every community. */
  personalDataAllow?: readonly string[];
  /** Mailer and link base for follow-up e-mails; without it messages stay in memory (CLI, tests of other parts). */
  follow?: FollowSettings;
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
  return {
    events,
    communities,
    questions: new QuestionService(store, clock, communities, events, personalData),
    answers: new AnswerService(store, clock, communities, events, personalData),
    owner: new OwnerService(store, clock, communities, personalData),
    votes: new VoteService(store, clock, communities, options.secret),
    experts: new ExpertService(store, communities),
    follows,
  };
}
