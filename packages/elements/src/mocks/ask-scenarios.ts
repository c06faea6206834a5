import { delay, graphql, HttpResponse, type RequestHandler } from 'msw';
import { MOCK_ENDPOINT, mockOverview, mockQuestions } from './fixtures.ts';

/**
 * Extra msw scenarios for `<plein-ask>`: only the AskQuestion mutation misbehaves, so the topics still load and the
 * form can be filled in. Put one in front with `worker.use(...)`, as with `scenarios` in handlers.ts.
 */
const api = graphql.link(MOCK_ENDPOINT);

/** The question as the mock server stores it. */
export function askedQuestion(input: Record<string, unknown>, id = 'q-new') {
  const topic = mockOverview.topics.find((t) => t.slug === input.topic) ?? mockOverview.topics[0]!;
  return {
    ...mockQuestions[0]!,
    id,
    title: String(input.title),
    body: String(input.body),
    status: 'OPEN' as const,
    answerCount: 0,
    hasExpertAnswer: false,
    helpfulCount: 0,
    topic: { slug: topic.slug, name: topic.name },
    author: { displayName: String(input.displayName || 'Anoniem'), role: 'CITIZEN' as const, expert: null },
  };
}

export const askScenarios = {
  /** Posting fails: the connection drops. */
  networkError: [api.mutation('AskQuestion', () => HttpResponse.error())],
  /** Posting fails: the server has an internal failure. */
  serverError: [
    api.mutation('AskQuestion', () =>
      HttpResponse.json({
        data: null,
        errors: [{ message: 'Er ging iets mis bij ons.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      }),
    ),
  ],
  /** Posting never finishes: the form stays in its "sending" state. */
  sending: [
    api.mutation('AskQuestion', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  ],
  /** The server had this key already (a retry after a lost answer): the same question, without an owner token. */
  replay: [
    api.mutation('AskQuestion', ({ variables }) =>
      HttpResponse.json({
        data: {
          askQuestion: {
            question: askedQuestion(variables.input as Record<string, unknown>),
            ownerToken: null,
            errors: [],
          },
        },
      }),
    ),
  ],
} satisfies Record<string, RequestHandler[]>;
