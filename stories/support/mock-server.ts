import { graphql, HttpResponse, type RequestHandler } from 'msw';
import {
  MOCK_ENDPOINT,
  mockAnswers,
  mockOverview,
  mockQuestions,
  mockThread,
} from '../../packages/elements/src/mocks/fixtures.ts';
import { defaultHandlers } from '../../packages/elements/src/mocks/handlers.ts';

/**
 * `parameters.msw` for a story: the scenario's handlers first, so they answer before the normal community, which
 * answers everything the scenario leaves out. Both keys are always set, so a story replaces the scenario wholesale.
 */
export function mockServer(...scenario: RequestHandler[][]) {
  return { handlers: { scenario: scenario.flat(), community: defaultHandlers } };
}

const api = graphql.link(MOCK_ENDPOINT);

/** A Dutch compound with no place to break, as people really type them, and a pasted link. */
const longWord = 'arbeidsongeschiktheidsuitkeringsaanvraagformulierinvulinstructieboekje';
const longLink = 'https://www.uwv.nl/particulieren/ziek/ziek-met-een-ww-uitkering/detail/ik-word-ziek-tijdens-mijn-ww';

export const longTitle =
  `Ik heb een vraag over mijn ${longWord}: mijn werkgever zegt dat ik na twee jaar ziekte een WIA-uitkering moet ` +
  'aanvragen, maar het UWV zegt dat ik eerst een WW-uitkering krijg en daarna misschien een Participatiewet-uitkering ' +
  'van de gemeente, en nu weet ik echt niet meer wat ik eerst moet doen en bij wie ik moet zijn?';

export const longBody = Array.from(
  { length: 6 },
  (_, i) =>
    `Alinea ${i + 1}. Ik werk al zeventien jaar bij hetzelfde bedrijf in Delfzijl en ben sinds vorig jaar ziek. ` +
    `Op ${longLink} staat iets anders dan wat mijn klantmanager zei. Het woord ${longWord} begrijp ik niet. ` +
    'Mijn werkgever wil een vaststellingsovereenkomst, het UWV stuurt brieven en de gemeente belt ook. ' +
    'Wie kan mij uitleggen wat de volgorde is en wat ik nu wel en niet moet tekenen?',
).join('\n\n');

const longTopic = { slug: 'ww', name: `WW aanvragen, hoogte en duur, en ${longWord}` };
const longName = `Marleen van der Heijden-Oosterhuis ${longWord}`;

const longQuestions = mockQuestions.slice(0, 3).map((question, i) => ({
  ...question,
  title: i === 0 ? longTitle : `${question.title} ${longWord}`,
  topic: longTopic,
  author: { ...question.author, displayName: longName },
}));

/** Every text the server sends is as long as people make them: titles, bodies, names, topics. */
export const longTextHandlers: RequestHandler[] = [
  api.query('CommunityOverview', () =>
    HttpResponse.json({
      data: { community: { ...mockOverview, topics: [longTopic, ...mockOverview.topics.slice(1)] } },
    }),
  ),
  api.query('QuestionsList', () =>
    HttpResponse.json({
      data: {
        community: {
          id: mockOverview.id,
          questions: {
            totalCount: longQuestions.length,
            pageInfo: { hasNextPage: false, endCursor: null },
            edges: longQuestions.map((node, i) => ({ cursor: `cursor-${i + 1}`, node })),
          },
        },
      },
    }),
  ),
  api.query('QuestionThread', ({ variables }) => {
    const answers = mockAnswers.map((answer) => ({
      ...answer,
      body: longBody,
      author: { ...answer.author, displayName: longName },
    }));
    const thread = mockThread(String(variables.id), answers);
    const author = { ...thread.author, displayName: longName };
    return HttpResponse.json({
      data: { question: { ...thread, title: longTitle, body: longBody, topic: longTopic, author } },
    });
  }),
  api.query('SimilarQuestions', () =>
    HttpResponse.json({ data: { community: { id: mockOverview.id, similarQuestions: longQuestions } } }),
  ),
];
