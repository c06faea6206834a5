import { delay, graphql, http, HttpResponse, type RequestHandler, type WebSocketHandler } from 'msw';
import {
  MOCK_ENDPOINT,
  mockAnswers,
  mockHeldAnswer,
  mockOverview,
  mockOwnerOnlyQuestions,
  mockOwnerToken,
  mockQuestions,
  mockSituations,
  mockThread,
} from './fixtures.ts';
import { advisorHandlers } from './advisor.ts';
import { contactHandlers } from './contact.ts';
import { expertHandlers } from './expert-scenarios.ts';
import { liveServer } from './live-server.ts';
import { moderationHandlers } from './moderation.ts';
import { professionalHandlers } from './professionals.ts';
import { reportHandlers } from './report.ts';

/**
 * msw handlers: the mocked community server for element tests and Storybook. Each scenario is a list of handlers;
 * tests and stories put one in front with `worker.use(...)`.
 */
const api = graphql.link(MOCK_ENDPOINT);

const overview = api.query('CommunityOverview', () => HttpResponse.json({ data: { community: mockOverview } }));

const questionsList = api.query('QuestionsList', ({ variables }) => {
  const first = Number(variables.first ?? 20);
  const search = String(variables.search ?? '').toLowerCase();
  const filtered = mockQuestions.filter(
    (q) =>
      (!variables.topic || q.topic.slug === variables.topic) &&
      (!variables.status || q.status === variables.status) &&
      (!search || q.title.toLowerCase().includes(search)),
  );
  const start = variables.after ? Number(String(variables.after).replace('cursor-', '')) : 0;
  const page = filtered.slice(start, start + first);
  return HttpResponse.json({
    data: {
      community: {
        id: mockOverview.id,
        questions: {
          totalCount: filtered.length,
          pageInfo: { hasNextPage: start + first < filtered.length, endCursor: `cursor-${start + page.length}` },
          edges: page.map((node, i) => ({ cursor: `cursor-${start + i + 1}`, node })),
        },
      },
    },
  });
});

const thread = api.query('QuestionThread', ({ variables }) => {
  // Held, hidden and rejected questions exist only for their asker: the server returns them with the owner token.
  const ownerOnly = mockOwnerOnlyQuestions.find((question) => question.id === variables.id);
  if (ownerOnly) {
    const owner = variables.ownerToken === mockOwnerToken(ownerOnly.id);
    return HttpResponse.json({ data: { question: owner ? ownerOnly : null } });
  }
  return HttpResponse.json({ data: { question: mockThread(String(variables.id)) } });
});

const moreAnswers = api.query('QuestionAnswers', ({ variables }) =>
  HttpResponse.json({
    data: {
      question: {
        id: variables.id,
        answers: {
          totalCount: mockAnswers.length + 1,
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: [
            { cursor: 'cursor-a4', node: { ...mockAnswers[2]!, id: 'a4', body: 'Nog een antwoord op pagina twee.' } },
          ],
        },
      },
    },
  }),
);

const similar = api.query('SimilarQuestions', () =>
  HttpResponse.json({ data: { community: { id: mockOverview.id, similarQuestions: mockQuestions.slice(0, 3) } } }),
);

const situations = api.query('Situations', () =>
  HttpResponse.json({ data: { community: { id: mockOverview.id, situations: mockSituations } } }),
);

const askQuestion = api.mutation('AskQuestion', ({ variables }) => {
  const input = variables.input as Record<string, string>;
  const topic = mockOverview.topics.find((t) => t.slug === input.topic) ?? mockOverview.topics[0]!;
  return HttpResponse.json({
    data: {
      askQuestion: {
        question: {
          ...mockQuestions[0]!,
          id: 'q-new',
          title: input.title,
          body: input.body,
          status: 'OPEN',
          answerCount: 0,
          hasExpertAnswer: false,
          topic: { slug: topic.slug, name: topic.name },
          author: { displayName: input.displayName || 'Anoniem', role: 'CITIZEN', expert: null },
        },
        ownerToken: 'mock-owner-token',
        errors: [],
      },
    },
  });
});

const answerQuestion = api.mutation('AnswerQuestion', ({ variables }) => {
  const input = variables.input as Record<string, string>;
  return HttpResponse.json({
    data: {
      answerQuestion: {
        answer: {
          id: 'a-new',
          body: input.body,
          createdAt: new Date().toISOString(),
          isAccepted: false,
          helpfulCount: 0,
          publication: 'PUBLISHED',
          questionId: input.questionId,
          author: { displayName: input.displayName || 'Anoniem', role: 'CITIZEN', expert: null },
        },
        ownerToken: 'mock-answer-token',
        errors: [],
      },
    },
  });
});

// The asker's own questions and answers, found by owner token (see `mockOwnerToken`): unknown tokens are ignored.
const questionByToken = (token: string) => {
  const ownerOnly = mockOwnerOnlyQuestions.find((question) => mockOwnerToken(question.id) === token);
  if (ownerOnly) return ownerOnly;
  const question = mockQuestions.find((candidate) => mockOwnerToken(candidate.id) === token);
  return question ? { ...question, publication: 'PUBLISHED' as const, moderationReason: null } : undefined;
};

const myQuestions = api.query('MyQuestions', ({ variables }) => {
  const tokens = (variables.ownerTokens ?? []) as string[];
  const found = tokens.map(questionByToken).filter((question) => question !== undefined);
  // The fields of the MyQuestions query only (a summary with its publication and reason), newest first.
  const myQuestions = found
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map(
      ({
        id,
        title,
        status,
        createdAt,
        answerCount,
        hasExpertAnswer,
        helpfulCount,
        topic,
        author,
        publication,
        moderationReason,
      }) => ({
        id,
        title,
        status,
        createdAt,
        answerCount,
        hasExpertAnswer,
        helpfulCount,
        topic,
        author,
        publication,
        moderationReason,
      }),
    );
  return HttpResponse.json({ data: { myQuestions } });
});

const myAnswers = api.query('MyAnswers', ({ variables }) => {
  const tokens = (variables.ownerTokens ?? []) as string[];
  return HttpResponse.json({ data: { myAnswers: tokens.includes('answer-held') ? [mockHeldAnswer] : [] } });
});

/** The question as the asker's actions return it: the thread without its answers. */
function questionDetail(id: string, changes: Record<string, unknown> = {}) {
  const { answers: _answers, ...question } =
    mockOwnerOnlyQuestions.find((candidate) => candidate.id === id) ?? mockThread(id);
  return { ...question, ...changes };
}

const editQuestion = api.mutation('EditQuestion', ({ variables }) => {
  const input = variables.input as Record<string, string>;
  const topic = mockOverview.topics.find((t) => t.slug === input.topic) ?? mockOverview.topics[0]!;
  const question = questionDetail(input.questionId!, {
    title: input.title,
    body: input.body,
    topic: { slug: topic.slug, name: topic.name },
    editedAt: new Date().toISOString(),
  });
  return HttpResponse.json({ data: { editQuestion: { question, errors: [] } } });
});

const deleteQuestion = api.mutation('DeleteQuestion', ({ variables }) => {
  const input = variables.input as Record<string, string>;
  return HttpResponse.json({ data: { deleteQuestion: { deletedQuestionId: input.questionId, errors: [] } } });
});

const resolveQuestion = api.mutation('ResolveQuestion', ({ variables }) => {
  const input = variables.input as Record<string, string>;
  const question = questionDetail(input.questionId!, { status: 'RESOLVED' });
  return HttpResponse.json({ data: { resolveQuestion: { question, errors: [] } } });
});

const acceptAnswer = api.mutation('AcceptAnswer', ({ variables }) => {
  const { answerId } = variables.input as Record<string, string>;
  const questionId = mockAnswers.find((answer) => answer.id === answerId)?.questionId ?? 'q1';
  const question = questionDetail(questionId, { status: 'RESOLVED', acceptedAnswer: { id: answerId } });
  return HttpResponse.json({ data: { acceptAnswer: { question, errors: [] } } });
});

const markAnswerHelpful = api.mutation('MarkAnswerHelpful', ({ variables }) => {
  const { answerId } = variables.input as Record<string, string>;
  const helpfulCount = (mockAnswers.find((answer) => answer.id === answerId)?.helpfulCount ?? 0) + 1;
  return HttpResponse.json({
    data: { markAnswerHelpful: { answer: { id: answerId, helpfulCount }, counted: true, errors: [] } },
  });
});

const followQuestion = api.mutation('FollowQuestion', () =>
  HttpResponse.json({ data: { followQuestion: { confirmationSent: true, errors: [] } } }),
);

/** The live socket: acknowledges and subscribes, but no new answers arrive unless a test or story publishes one. */
const quietLive = liveServer().handler;

/** The anonymous visit counts (`POST /visits`, sent with sendBeacon): taken in and forgotten, as 204 No Content. */
const visits = http.post('*/visits', () => new HttpResponse(null, { status: 204 }));

/** A community that answers everything normally. */
export const defaultHandlers: (RequestHandler | WebSocketHandler)[] = [
  // The moderation mocks answer the Viewer query for their admin before the professionals' handler does.
  ...moderationHandlers,
  // First: an expert's answer is handled there; anyone else's falls through to `answerQuestion` below.
  ...professionalHandlers,
  ...reportHandlers,
  overview,
  questionsList,
  thread,
  moreAnswers,
  similar,
  situations,
  askQuestion,
  answerQuestion,
  myQuestions,
  myAnswers,
  editQuestion,
  deleteQuestion,
  resolveQuestion,
  acceptAnswer,
  markAnswerHelpful,
  followQuestion,
  ...expertHandlers,
  ...contactHandlers,
  ...advisorHandlers,
  quietLive,
  visits,
];

/** Every operation of the community in one failure mode. */
function everywhere(respond: () => Response | Promise<Response>): RequestHandler[] {
  return [api.operation(respond)];
}

export const scenarios = {
  /** A community without questions. */
  empty: [
    api.query('QuestionsList', () =>
      HttpResponse.json({
        data: {
          community: {
            id: mockOverview.id,
            questions: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
          },
        },
      }),
    ),
  ],
  /** The server cannot be reached. */
  networkError: everywhere(() => HttpResponse.error()),
  /** The server has an internal failure. */
  serverError: everywhere(() =>
    HttpResponse.json({
      data: null,
      errors: [{ message: 'Er ging iets mis bij ons.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    }),
  ),
  /** The page's origin is not registered for the community. */
  forbidden: everywhere(() =>
    HttpResponse.json(
      {
        data: null,
        errors: [{ message: 'Deze website mag de community niet gebruiken.', extensions: { code: 'FORBIDDEN' } }],
      },
      { status: 403 },
    ),
  ),
  /** The community name is wrong: the server knows no such community. */
  unknownCommunity: everywhere(() => HttpResponse.json({ data: { community: null, question: null } })),
  /** The server never answers (the client's timeout decides). */
  slow: everywhere(async () => {
    await delay('infinite');
    return HttpResponse.json({});
  }),
  /** Ask and answer mutations come back with field errors. */
  userErrors: [
    api.mutation('AskQuestion', () =>
      HttpResponse.json({
        data: {
          askQuestion: {
            question: null,
            ownerToken: null,
            errors: [{ field: 'title', code: 'TOO_SHORT', message: 'Schrijf minstens 10 tekens.' }],
          },
        },
      }),
    ),
    api.mutation('AnswerQuestion', () =>
      HttpResponse.json({
        data: {
          answerQuestion: {
            answer: null,
            errors: [{ field: 'body', code: 'TOO_SHORT', message: 'Schrijf minstens 10 tekens.' }],
          },
        },
      }),
    ),
  ],
} satisfies Record<string, RequestHandler[]>;
