import type { IResolvers, MercuriusLoaders } from 'mercurius';
import { messages } from '../i18n/messages.ts';
import type { AppointmentSlot } from '../services/appointment-service.ts';
import type { AdviceLine } from '../services/contact-service.ts';
import type { UserError } from '../services/errors.ts';
import type {
  Author,
  Claim,
  Community,
  Connection,
  Expert,
  Question,
  Situation,
  Topic,
  Verification,
} from '../services/models.ts';
import { editableUntil, type ListQuestionsArgs } from '../services/question-service.ts';
import { accountMutations, accountQueries, userFields, viewerFields } from './account-resolvers.ts';
import type { PleinContext } from './context.ts';
import { answerAdded } from './subscriptions.ts';

/** Resolvers only read arguments, call a service and shape the result; the rules live in the services. */

function localised(errors: UserError[], context: PleinContext) {
  const texts = messages[context.locale].userErrors;
  return errors.map(({ field, code, params }) => ({ field, code, message: texts[code](params ?? {}) }));
}

const totalCount = (connection: Connection<unknown>) => connection.totalCount();

export const resolvers: IResolvers = {
  Query: {
    ...accountQueries,
    community: (_root, { slug }: { slug: string }, context: PleinContext) =>
      context.services.communities.bySlug(slug, context.request),
    question: (_root, { id, ownerToken }: { id: string; ownerToken?: string | null }, context: PleinContext) =>
      context.services.questions.byId(id, context.request, ownerToken),
    myQuestions: (_root, { ownerTokens }: { ownerTokens: string[] }, context: PleinContext) =>
      context.services.questions.mine(ownerTokens, context.request),
    myAnswers: (_root, { ownerTokens }: { ownerTokens: string[] }, context: PleinContext) =>
      context.services.answers.mine(ownerTokens, context.request),
    expert: (_root, { id }: { id: string }, context: PleinContext) =>
      context.services.experts.byId(id, context.request),
    privateThread: (_root, { id, secret }: { id: string; secret: string }, context: PleinContext) =>
      context.services.privateQuestions.thread(id, secret, context.request),
  },

  Mutation: {
    ...accountMutations,
    followQuestion: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.follows.follow(input, context.locale, context.request);
      return { ...result, errors: localised(result.errors, context) };
    },
    askQuestion: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.questions.ask(
        input,
        context.request,
        context.locale,
        context.viewer,
        context.deviceKey,
      );
      return { ...result, errors: localised(result.errors, context) };
    },
    answerQuestion: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.answers.answer(input, context.request, context.viewer, context.deviceKey);
      return { ...result, errors: localised(result.errors, context) };
    },
    editQuestion: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.owner.edit(input, context.request);
      return { ...result, errors: localised(result.errors, context) };
    },
    deleteQuestion: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.owner.delete(input, context.request);
      return { ...result, errors: localised(result.errors, context) };
    },
    resolveQuestion: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.owner.resolve(input, context.request);
      return { ...result, errors: localised(result.errors, context) };
    },
    acceptAnswer: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.owner.acceptAnswer(input, context.request);
      return { ...result, errors: localised(result.errors, context) };
    },
    markAnswerHelpful: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.votes.markHelpful(input, context.request);
      return { ...result, errors: localised(result.errors, context) };
    },
    // Experts, verifications and claims
    verifyExpert: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.verifications.verify(input, context.viewer);
      return { ...result, errors: localised(result.errors, context) };
    },
    revokeVerification: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.verifications.revoke(input, context.viewer);
      return { ...result, errors: localised(result.errors, context) };
    },
    updateMyProfile: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.experts.updateProfile(input, context.viewer);
      return { ...result, errors: localised(result.errors, context) };
    },
    claimQuestion: async (_root, { questionId }: { questionId: string }, context: PleinContext) => {
      const result = await context.services.claims.claim(questionId, context.viewer);
      return { ...result, errors: localised(result.errors, context) };
    },
    releaseClaim: async (_root, { questionId }: { questionId: string }, context: PleinContext) => {
      const result = await context.services.claims.release(questionId, context.viewer);
      return { ...result, errors: localised(result.errors, context) };
    },
    // Moderation (services/moderation-service.ts)
    flagContent: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.moderation.flag(input, context.deviceKey, context.request);
      return { ...result, errors: localised(result.errors, context) };
    },
    approveContent: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.moderation.approve(input, context.viewer);
      return { ...result, errors: localised(result.errors, context) };
    },
    rejectContent: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.moderation.reject(input, context.viewer);
      return { ...result, errors: localised(result.errors, context) };
    },
    hideContent: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.moderation.hide(input, context.viewer);
      return { ...result, errors: localised(result.errors, context) };
    },
    redactContent: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.moderation.redact(input, context.viewer);
      return { ...result, errors: localised(result.errors, context) };
    },
    blockAuthor: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.moderation.block(input, context.viewer);
      return { ...result, errors: localised(result.errors, context) };
    },
    updateModerationSettings: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.moderation.updateSettings(input, context.viewer);
      return { ...result, errors: localised(result.errors, context) };
    },
    // Appointments (services/appointment-service.ts)
    publishSlots: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.appointments.publishSlots(context.viewer, input);
      return { ...result, errors: localised(result.errors, context) };
    },
    removeSlot: async (_root, { slotId }: { slotId: string }, context: PleinContext) => {
      const result = await context.services.appointments.removeSlot(context.viewer, slotId);
      return { ...result, errors: localised(result.errors, context) };
    },
    bookAppointment: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.appointments.book(input, context.locale, context.request);
      return { ...result, errors: localised(result.errors, context) };
    },
    cancelAppointment: async (_root, { token }: { token: string }, context: PleinContext) => {
      const result = await context.services.appointments.cancel(token);
      return { ...result, errors: localised(result.errors, context) };
    },
    // Contact channels (services/contact-service.ts)
    setContactChannels: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.contact.setChannels(context.viewer, input);
      return { ...result, errors: localised(result.errors, context) };
    },
    // Private e-mail questions (services/private-question-service.ts)
    askPrivateQuestion: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.privateQuestions.ask(
        input,
        context.locale,
        context.request,
        context.deviceKey,
      );
      return { ...result, errors: localised(result.errors, context) };
    },
    answerPrivateQuestion: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.privateQuestions.answer(input, context.viewer);
      return { ...result, errors: localised(result.errors, context) };
    },
    // The report e-mail (services/report-schedule-service.ts)
    setReportSchedule: async (_root, { input }: { input: unknown }, context: PleinContext) => {
      const result = await context.services.reportSchedules.setSchedule(context.viewer, input);
      return { ...result, errors: localised(result.errors, context) };
    },
  },

  Subscription: { answerAdded },

  Community: {
    municipalities: (community: Community, _args, context: PleinContext) =>
      context.services.communities.municipalities(community.id),
    topics: (community: Community, _args, context: PleinContext) => context.services.communities.topics(community.id),
    questions: (community: Community, args: ListQuestionsArgs, context: PleinContext) =>
      context.services.questions.list(community.id, args),
    similarQuestions: (community: Community, args: { text: string; first?: number | null }, context: PleinContext) =>
      context.services.questions.similar(community.id, args.text, args.first),
    experts: (
      community: Community,
      args: { topic?: string | null; first?: number | null; after?: string | null },
      context: PleinContext,
    ) => context.services.experts.list(community.id, args),
    situations: (community: Community, _args, context: PleinContext) =>
      context.services.communities.situations(community.id),
    contact: (community: Community, _args, context: PleinContext) => context.services.contact.channels(community.id),
    report: (
      community: Community,
      args: { from: string; to: string; municipality?: string | null },
      context: PleinContext,
    ) => context.services.reports.report(context.viewer, community, args, context.locale),
    reportSchedule: (community: Community, _args, context: PleinContext) =>
      context.services.reportSchedules.schedule(context.viewer, community),
  },

  // Open or closed at the moment of the request, in the caller's language.
  AdviceLine: {
    status: (line: AdviceLine, _args, context: PleinContext) => context.services.contact.status(line, context.locale),
  },

  // The contact service's model carries the community; the appointments' service finds the free times.
  AppointmentService: {
    freeSlots: (
      service: { communityId: string },
      args: { topic: string; first?: number | null },
      context: PleinContext,
    ) => context.services.appointments.freeSlots(service.communityId, args.topic, args.first),
  },

  Question: {
    answers: (question: Question, args: { first?: number | null; after?: string | null }, context: PleinContext) =>
      context.services.answers.list(question, args.first, args.after),
    acceptedAnswer: (question: Question, _args, context: PleinContext) =>
      question.acceptedAnswerId
        ? context.services.answers.byId(question.acceptedAnswerId, question.acceptedAnswerId)
        : null,
    editableUntil: (question: Question) => editableUntil(question.createdAt),
    // publication and editedAt are fields of the model.
  },

  // The inbox is always the signed-in viewer's own, whatever object the Viewer field resolved to.
  Viewer: {
    ...viewerFields,
    inbox: (_viewer: unknown, args: { first?: number | null; after?: string | null }, context: PleinContext) =>
      context.services.claims.inbox(context.viewer, args),
    moderationQueue: (
      _viewer: unknown,
      args: { first?: number | null; after?: string | null },
      context: PleinContext,
    ) => context.services.moderation.queue(context.viewer, args),
    auditLog: (_viewer: unknown, args: { first?: number | null; after?: string | null }, context: PleinContext) =>
      context.services.moderation.auditLog(context.viewer, args),
    moderationSettings: (_viewer: unknown, _args: unknown, context: PleinContext) =>
      context.services.moderation.settings(context.viewer),
    appointments: (_viewer: unknown, args: { first?: number | null }, context: PleinContext) =>
      context.services.appointments.agenda(context.viewer, args.first),
    mySlots: (_viewer: unknown, args: { first?: number | null }, context: PleinContext) =>
      context.services.appointments.mySlots(context.viewer, args.first),
    privateQuestions: (_viewer: unknown, args: { first?: number | null }, context: PleinContext) =>
      context.services.privateQuestions.inbox(context.viewer, args.first),
  },

  User: userFields,

  QuestionConnection: { totalCount },
  AnswerConnection: { totalCount },
  ExpertConnection: { totalCount },
  InboxConnection: { totalCount },
  ModerationQueueConnection: { totalCount },
};

/**
 * Batched look-ups per request, so a list of 20 questions costs one topic query, not 20. Mercurius's per-request
 * loader cache is off: its keys are the serialised parent objects, which cost more to make than the look-ups save.
 */
const uncached = <Parent>(loader: (queries: { obj: Parent }[], context: PleinContext) => Promise<unknown[]>) => ({
  loader,
  opts: { cache: false },
});

export const loaders: MercuriusLoaders = {
  Question: {
    topic: uncached(async (queries: { obj: Question }[], context) => {
      const topics = await context.services.communities.topicsByIds([...new Set(queries.map((q) => q.obj.topicId))]);
      const byId = new Map(topics.map((topic) => [topic.id, topic]));
      return queries.map(({ obj }) => byId.get(obj.topicId));
    }),
    body: uncached(async (queries: { obj: Question }[], context) => {
      const missing = queries.filter((q) => q.obj.body === undefined).map((q) => q.obj.id);
      const bodies = await context.services.questions.bodies(missing);
      return queries.map(({ obj }) => obj.body ?? bodies.get(obj.id) ?? '');
    }),
    // Null for anyone but the community's experts, moderators and admins (ClaimService.claimsFor).
    claim: uncached((queries: { obj: Question }[], context) =>
      context.services.claims.claimsFor(
        queries.map((q) => q.obj),
        context.viewer,
      ),
    ),
  },
  AppointmentSlot: {
    advisor: uncached(async (queries: { obj: AppointmentSlot }[], context) => {
      const ids = [...new Set(queries.map((q) => q.obj.expertId))];
      const byId = new Map((await context.services.experts.byIds(ids)).map((expert) => [expert.id, expert]));
      return queries.map(({ obj }) => byId.get(obj.expertId));
    }),
  },
  Claim: {
    expert: uncached(async (queries: { obj: Claim }[], context) => {
      const ids = [...new Set(queries.map((q) => q.obj.expertId))];
      const byId = new Map((await context.services.experts.byIds(ids)).map((expert) => [expert.id, expert]));
      return queries.map(({ obj }) => byId.get(obj.expertId));
    }),
  },
  Situation: {
    topic: uncached(async (queries: { obj: Situation }[], context) => {
      const topics = await context.services.communities.topicsByIds([...new Set(queries.map((q) => q.obj.topicId))]);
      const byId = new Map(topics.map((topic) => [topic.id, topic]));
      return queries.map(({ obj }) => byId.get(obj.topicId));
    }),
  },
  Author: {
    expert: uncached(async (queries: { obj: Author }[], context) => {
      const ids = [...new Set(queries.flatMap((q) => (q.obj.expertId ? [q.obj.expertId] : [])))];
      const byId = new Map((await context.services.experts.byIds(ids)).map((expert) => [expert.id, expert]));
      return queries.map(({ obj }) => (obj.expertId ? (byId.get(obj.expertId) ?? null) : null));
    }),
  },
  Expert: {
    topics: uncached(async (queries: { obj: Expert }[], context) => {
      const topics = await context.services.experts.topicsOf(queries.map((q) => q.obj.id));
      return queries.map(({ obj }) => topics.get(obj.id) ?? []);
    }),
    answerCount: uncached(async (queries: { obj: Expert }[], context) => {
      const counts = await context.services.experts.answerCounts(queries.map((q) => q.obj.id));
      return queries.map(({ obj }) => counts.get(obj.id) ?? 0);
    }),
    medianMinutesToFirstAnswer: uncached(async (queries: { obj: Expert }[], context) => {
      const medians = await context.services.experts.medianMinutesToFirstAnswer(queries.map((q) => q.obj.id));
      return queries.map(({ obj }) => medians.get(obj.id) ?? null);
    }),
    // Who sees which fields is decided in VerificationService.visibleVerifications.
    verification: uncached((queries: { obj: Expert }[], context) =>
      context.services.verifications.visibleVerifications(
        queries.map((q) => q.obj),
        context.viewer,
      ),
    ),
  },
  Verification: {
    topics: uncached(async (queries: { obj: Verification }[], context) => {
      const ids = [...new Set(queries.flatMap((q) => q.obj.topicIds))];
      const byId = new Map((await context.services.communities.topicsByIds(ids)).map((topic) => [topic.id, topic]));
      return queries.map(({ obj }) => obj.topicIds.flatMap((id) => byId.get(id) ?? []));
    }),
  },
  Topic: {
    questionCount: uncached(async (queries: { obj: Topic }[], context) => {
      const counts = await context.services.communities.questionCountsByTopic(queries.map((q) => q.obj.id));
      return queries.map(({ obj }) => counts.get(obj.id) ?? 0);
    }),
  },
};
