import type { AnswerQuestionInput } from '@plein/schema';
import { graphql, HttpResponse, type RequestHandler } from 'msw';
import type { AnswerNode } from '@plein/client';
import { MOCK_ENDPOINT, mockAnswers, mockRecentThread, mockThread } from './fixtures.ts';

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
  /** Asked two minutes ago: its asker may still change it ("Bewerken"). */
  recentlyAsked: [
    api.query('QuestionThread', ({ variables }) =>
      HttpResponse.json({ data: { question: mockRecentThread(String(variables.id)) } }),
    ),
  ],
  /** The edit window closes in under half a second. */
  editWindowClosing: [
    api.query('QuestionThread', ({ variables }) => {
      const thread = mockRecentThread(String(variables.id));
      return HttpResponse.json({
        data: { question: { ...thread, editableUntil: new Date(Date.now() + 400).toISOString() } },
      });
    }),
  ],
  /** Answered, but the asker has not chosen an answer yet. */
  noneAccepted: [
    api.query('QuestionThread', ({ variables }) => {
      const answers = mockAnswers.map((answer) => ({ ...answer, isAccepted: false }));
      return HttpResponse.json({
        data: { question: { ...mockThread(String(variables.id), answers), status: 'ANSWERED', acceptedAnswer: null } },
      });
    }),
  ],
  /** The asker's changes cannot reach the server. */
  ownerActionsOffline: ['EditQuestion', 'DeleteQuestion', 'ResolveQuestion', 'AcceptAnswer'].map((name) =>
    api.mutation(name, () => HttpResponse.error()),
  ),
  /** The server turns the change down: a title that is too short. */
  editRejected: [
    api.mutation('EditQuestion', () =>
      HttpResponse.json({
        data: {
          editQuestion: {
            question: null,
            errors: [
              { field: 'title', code: 'TOO_SHORT', message: 'Uw vraag is te kort. Schrijf minstens 10 tekens.' },
            ],
          },
        },
      }),
    ),
  ],
  /** The 15 minutes are over by the time the change arrives. */
  editWindowClosed: [
    api.mutation('EditQuestion', () =>
      HttpResponse.json({
        data: {
          editQuestion: {
            question: null,
            errors: [
              {
                field: null,
                code: 'EDIT_WINDOW_CLOSED',
                message: 'U kunt uw vraag niet meer aanpassen. Dat kan tot 15 minuten na het plaatsen.',
              },
            ],
          },
        },
      }),
    ),
  ],
  /** This device voted for the answer before (for example before its storage was cleared). */
  alreadyVoted: [
    api.mutation('MarkAnswerHelpful', ({ variables }) => {
      const { answerId } = variables.input as { answerId: string };
      const helpfulCount = mockAnswers.find((answer) => answer.id === answerId)?.helpfulCount ?? 0;
      return HttpResponse.json({
        data: { markAnswerHelpful: { answer: { id: answerId, helpfulCount }, counted: false, errors: [] } },
      });
    }),
  ],
  voteOffline: [api.mutation('MarkAnswerHelpful', () => HttpResponse.error())],
  /** The server does not accept the address. */
  followRejected: [
    api.mutation('FollowQuestion', () =>
      HttpResponse.json({
        data: {
          followQuestion: {
            confirmationSent: false,
            errors: [{ field: 'email', code: 'INVALID_EMAIL', message: 'Dit e-mailadres bestaat niet.' }],
          },
        },
      }),
    ),
  ],
  followOffline: [api.mutation('FollowQuestion', () => HttpResponse.error())],
} satisfies Record<string, RequestHandler[]>;

/**
 * A thread whose answers a test or story can add to, and that counts how often it is asked: for polling. A poll
 * asks for the first 50 answers, so the page size in `firsts` tells a poll from the first load.
 */
export function threadServer(answers: AnswerNode[] = mockAnswers) {
  const server = {
    answers: [...answers],
    firsts: [] as number[],
    handlers: [] as RequestHandler[],
  };
  server.handlers = [
    api.query('QuestionThread', ({ variables }) => {
      server.firsts.push(Number(variables.first));
      return HttpResponse.json({ data: { question: mockThread(String(variables.id), server.answers) } });
    }),
  ];
  return server;
}

/** A new answer, as the live feed or a poll brings it. */
export function arrivingAnswer(id: string, displayName: string, expert = false): AnswerNode {
  return {
    id,
    body: expert
      ? 'U hoeft niets te tekenen. Vraag eerst advies bij het Juridisch Loket, dat is gratis.'
      : 'Bij mij hielp het om alles op papier te zetten voor het gesprek.',
    createdAt: new Date().toISOString(),
    isAccepted: false,
    helpfulCount: 0,
    publication: 'PUBLISHED',
    questionId: 'q1',
    sourceUrl: null,
    reviewedOn: null,
    moderationReason: null,
    handOff: [],
    author: expert
      ? {
          displayName,
          role: 'EXPERT',
          expert: {
            id: `e-${id}`,
            displayName,
            title: 'Jurist',
            organisation: 'Juridisch Loket',
            independent: true,
            independence: 'INDEPENDENT',
            independenceNote: null,
            verified: true,
          },
        }
      : { displayName, role: 'CITIZEN', expert: null },
  };
}

/** A posted answer as the server returns it. */
export function postedAnswer(input: AnswerQuestionInput, publication: 'PUBLISHED' | 'HELD' = 'PUBLISHED') {
  return {
    id: `a-posted-${input.idempotencyKey}`,
    body: input.body,
    createdAt: new Date().toISOString(),
    isAccepted: false,
    helpfulCount: 0,
    publication,
    questionId: String(input.questionId),
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
    /** Whether posted answers wait for a moderator. */
    publication: 'PUBLISHED' as 'PUBLISHED' | 'HELD',
    handlers: [] as RequestHandler[],
  };
  server.handlers = [
    api.mutation('AnswerQuestion', async ({ variables }) => {
      const input = variables.input as AnswerQuestionInput;
      server.inputs.push(input);
      if (server.offline) return HttpResponse.error();
      await server.hold;
      const answer = postedAnswer(input, server.publication);
      const ownerToken = `answer-token-${input.idempotencyKey}`;
      return HttpResponse.json({ data: { answerQuestion: { answer, ownerToken, errors: [] } } });
    }),
  ];
  return server;
}
