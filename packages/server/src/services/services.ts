import type { PleinStore } from '../store/store.ts';
import { AnswerService } from './answer-service.ts';
import { type Clock, systemClock } from './clock.ts';
import { CommunityService } from './community-service.ts';
import { ServiceEvents } from './events.ts';
import { ExpertService } from './expert-service.ts';
import { QuestionService } from './question-service.ts';

export interface Services {
  communities: CommunityService;
  questions: QuestionService;
  answers: AnswerService;
  experts: ExpertService;
  /** Writes announce what they did here; mail and live updates listen. */
  events: ServiceEvents;
}

/** The rules of Plein, one instance per server; the GraphQL layer, the CLI and tests all go through these. */
export function createServices(
  store: PleinStore,
  clock: Clock = systemClock,
  events: ServiceEvents = new ServiceEvents(),
): Services {
  const communities = new CommunityService(store, clock);
  return {
    events,
    communities,
    questions: new QuestionService(store, clock, communities),
    answers: new AnswerService(store, clock, communities),
    experts: new ExpertService(store, communities),
  };
}
