import type { AnswerQuestionInput } from '@plein/schema';
import { graphql, HttpResponse, type RequestHandler } from 'msw';
import { MOCK_ENDPOINT, mockAnswers, mockThread } from './fixtures.ts';

/**
 * Extra states of one thread for `<plein-question>`'s tests and stories, next to the shared `scenarios`.
 */
const api = graphql.link(MOCK_ENDPOINT);

/** Three answers on the first page, two more after it. */
const threadWithMore = api.query('QuestionThread', ({ variables }) => {
  const thread = mockThread(String(variables.id), mockAnswers, true);
  return HttpResponse.json({
    data: { question: { ...thread, answerCount: 5, answers: { ...thread.answers, totalCount: 5 } } },
  });
});

export const questionScenarios = {
  /** The first page holds three answers; two more wait behind "Meer antwoorden laden". */
  moreAnswers: [
    threadWithMore,
    api.query('QuestionAnswers', ({ variables }) =>
      HttpResponse.json({
        data: {
          question: {
            id: variables.id,
            answers: {
              totalCount: 5,
              pageInfo: { hasNextPage: false, endCursor: null },
              edges: [4, 5].map((n) => ({
                cursor: `cursor-a${n}`,
                node: { ...mockAnswers[2]!, id: `a${n}`, body: `Antwoord ${n}, op pagina twee.` },
              })),
            },
          },
        },
      }),
    ),
  ],
  /** As `moreAnswers`, but the next page cannot be reached. */
  moreAnswersOffline: [threadWithMore, api.query('QuestionAnswers', () => HttpResponse.error())],
  /** A question nobody has answered yet. */
  noAnswers: [
    api.query('QuestionThread', ({ variables }) =>
      HttpResponse.json({ data: { question: { ...mockThread(String(variables.id), []), status: 'OPEN' } } }),
    ),
  ],
  /** The question was removed, or the link was wrong. */
  notFound: [api.query('QuestionThread', () => HttpResponse.json({ data: { question: null } }))],
  /** A question whose text looks like HTML and has line breaks: it must show as typed. */
  markupInText: [
    api.query('QuestionThread', ({ variables }) =>
      HttpResponse.json({
        data: {
          question: {
            ...mockThread(String(variables.id)),
            body: 'Eerste regel <b>vet</b><img src=x onerror="alert(1)">\nTweede regel',
          },
        },
      }),
    ),
  ],
} satisfies Record<string, RequestHandler[]>;

/** A posted answer as the server returns it. */
export function postedAnswer(input: AnswerQuestionInput) {
  return {
    id: `a-posted-${input.idempotencyKey}`,
    body: input.body,
    createdAt: new Date().toISOString(),
    isAccepted: false,
    helpfulCount: 0,
    author: { displayName: input.displayName || 'Anoniem', role: 'CITIZEN' as const, expert: null },
  };
}

/**
 * An AnswerQuestion server that records every input it receives, can go offline, and can hold its answer until a
 * test lets it go: for tests about retries, idempotency keys and double submits.
 */
export function answerServer() {
  const server = {
    inputs: [] as AnswerQuestionInput[],
    /** While true, every call fails as if the network were down. */
    offline: false,
    /** While set, answers wait until it resolves. */
    hold: undefined as Promise<void> | undefined,
    handlers: [] as RequestHandler[],
  };
  server.handlers = [
    api.mutation('AnswerQuestion', async ({ variables }) => {
      const input = variables.input as AnswerQuestionInput;
      server.inputs.push(input);
      if (server.offline) return HttpResponse.error();
      await server.hold;
      return HttpResponse.json({ data: { answerQuestion: { answer: postedAnswer(input), errors: [] } } });
    }),
  ];
  return server;
}
