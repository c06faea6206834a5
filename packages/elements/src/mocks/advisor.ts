import type { Appointment, AppointmentSlot, PrivateQuestion, PublishSlotsFields } from '@plein/client';
import { delay, graphql, HttpResponse, type RequestHandler } from 'msw';
import { MOCK_ENDPOINT, mockOverview } from './fixtures.ts';
import { mockSessionTokens } from './professionals.ts';

/**
 * The advisor's side of the mocked community, for the signed-in expert Geert Heikens in `<plein-expert-inbox>`: the
 * private e-mail questions of his topics, his booked appointments and his free times. Fictitious people only. The
 * appointments and times are fixed, so the words on screen are the same on every run.
 */
const api = graphql.link(MOCK_ENDPOINT);

const topicOf = (slug: string) => {
  const topic = mockOverview.topics.find((t) => t.slug === slug)!;
  return { slug: topic.slug, name: topic.name };
};

const geert = {
  id: 'e1',
  displayName: 'Geert Heikens',
  title: 'Onafhankelijk arbeidsadviseur',
  organisation: 'Heikens Arbeidsadvies',
};
const els = {
  id: 'e3',
  displayName: 'Els Wiersma',
  title: 'Sociaal raadslid',
  organisation: 'Raadsliedenwerk Eemsdelta',
};

const office = 'Werkplein Eemsdelta, Zeebadweg 2, Delfzijl';
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** Only the signed-in expert has an agenda and private questions; anyone else is refused as the server does. */
const isExpert = (request: Request) => request.headers.get('authorization') === `Bearer ${mockSessionTokens.expert}`;

/** Three private questions: two wait for an answer (the server lists them first), one Els answered. */
export function mockPrivateQuestions(): PrivateQuestion[] {
  return [
    {
      id: 'pq1',
      body: 'Ik ben 61 en mijn werkgever wil dat ik een vaststellingsovereenkomst teken. Mijn vrouw is ziek en ik wil niet dat iemand van de buurt dit leest.\nWat betekent dit voor mijn WW?',
      createdAt: hoursAgo(20),
      answered: false,
      topic: topicOf('ontslag'),
      messages: [],
    },
    {
      id: 'pq2',
      body: 'Mijn arbodienst zegt dat ik weer aan het werk kan, maar mijn huisarts zegt van niet. Wie heeft gelijk?',
      createdAt: hoursAgo(3),
      answered: false,
      topic: topicOf('ziek-in-dienst'),
      messages: [],
    },
    {
      id: 'pq3',
      body: 'Ik heb schulden en mijn WW stopt volgende maand. Waar kan ik terecht?',
      createdAt: hoursAgo(50),
      answered: true,
      topic: topicOf('ww'),
      messages: [
        {
          id: 'pm-pq3',
          body: 'Neem contact op met de schuldhulp van de gemeente. Dat is gratis. Vraag ook of u bijstand kunt krijgen.',
          createdAt: hoursAgo(30),
          advisor: els,
        },
      ],
    },
  ];
}

/** Two booked appointments, soonest first; Tuesday 1 December 2026 10:00 is 09:00 UTC (winter time). */
export const mockAppointments: Appointment[] = [
  {
    id: 'ap1',
    name: 'Marleen de Vries',
    email: 'marleen63@voorbeeld.nl',
    note: 'Ik neem de brief van mijn werkgever mee.',
    bookedAt: '2026-11-20T10:00:00.000Z',
    topic: topicOf('ontslag'),
    slot: {
      id: 'slot-booked-1',
      startsAt: '2026-12-01T09:00:00.000Z',
      endsAt: '2026-12-01T09:45:00.000Z',
      mode: 'IN_PERSON',
      location: office,
      advisor: geert,
    },
  },
  {
    id: 'ap2',
    name: 'Inwoner K7M2QF',
    email: 'inwoner@voorbeeld.nl',
    note: null,
    bookedAt: '2026-11-21T12:00:00.000Z',
    topic: topicOf('ww'),
    slot: {
      id: 'slot-booked-2',
      startsAt: '2026-12-03T13:30:00.000Z',
      endsAt: '2026-12-03T14:15:00.000Z',
      mode: 'VIDEO',
      location: null,
      advisor: geert,
    },
  },
];

/** Geert's free times, soonest first; 1 June 2027 10:00 in the Netherlands is 08:00 UTC (summer time). */
export const mockMySlots: AppointmentSlot[] = [
  {
    id: 'my-slot-1',
    startsAt: '2026-12-02T13:30:00.000Z',
    endsAt: '2026-12-02T14:15:00.000Z',
    mode: 'PHONE',
    location: null,
    advisor: geert,
  },
  {
    id: 'my-slot-2',
    startsAt: '2026-12-04T10:00:00.000Z',
    endsAt: '2026-12-04T10:45:00.000Z',
    mode: 'IN_PERSON',
    location: office,
    advisor: geert,
  },
  {
    id: 'my-slot-3',
    startsAt: '2027-06-01T08:00:00.000Z',
    endsAt: '2027-06-01T08:45:00.000Z',
    mode: 'VIDEO',
    location: null,
    advisor: geert,
  },
];

/** The free time that someone books just before the advisor removes it (`advisorScenarios.slotBookedMeanwhile`). */
export const MOCK_BOOKED_MEANWHILE_SLOT = 'my-slot-2';

const userError = (field: string | null, code: string, message: string) => ({ field, code, message });

function privateQuestionsHandler(questions: () => PrivateQuestion[]) {
  return api.query('PrivateQuestions', ({ request }) => {
    const viewer = isExpert(request) ? { id: 'u-geert', privateQuestions: questions() } : null;
    return HttpResponse.json({ data: { viewer } });
  });
}

function agendaHandler(appointments: () => Appointment[], slots: () => AppointmentSlot[]) {
  return api.query('AdvisorAgenda', ({ request }) => {
    const viewer = isExpert(request) ? { id: 'u-geert', appointments: appointments(), mySlots: slots() } : null;
    return HttpResponse.json({ data: { viewer } });
  });
}

const answerPrivateQuestion = api.mutation('AnswerPrivateQuestion', ({ variables }) => {
  const { questionId, body } = variables.input as { questionId: string; body: string };
  const question = mockPrivateQuestions().find((candidate) => candidate.id === questionId);
  if (!question) {
    return HttpResponse.json({
      data: {
        answerPrivateQuestion: {
          question: null,
          errors: [userError('questionId', 'NOT_FOUND', 'Deze vraag bestaat niet (meer).')],
        },
      },
    });
  }
  const message = { id: `pm-${questionId}`, body, createdAt: new Date().toISOString(), advisor: geert };
  return HttpResponse.json({
    data: {
      answerPrivateQuestion: {
        question: { ...question, answered: true, messages: [...question.messages, message] },
        errors: [],
      },
    },
  });
});

const durationMs = 45 * 60_000;

const publishSlots = api.mutation('PublishSlots', ({ variables }) => {
  const input = variables.input as PublishSlotsFields & { community: string };
  const slots = input.startsAt.map((startsAt, i) => ({
    id: `new-slot-${i + 1}-${Date.parse(String(startsAt))}`,
    startsAt: new Date(String(startsAt)).toISOString(),
    endsAt: new Date(Date.parse(String(startsAt)) + durationMs).toISOString(),
    mode: input.mode,
    location: input.mode === 'IN_PERSON' ? (input.location ?? null) : null,
    advisor: geert,
  }));
  return HttpResponse.json({ data: { publishSlots: { slots, errors: [] } } });
});

const removeSlot = api.mutation('RemoveSlot', ({ variables }) =>
  HttpResponse.json({
    data: {
      removeSlot: { slots: mockMySlots.filter((slot) => slot.id !== variables.slotId), errors: [] },
    },
  }),
);

/** The expert's private questions, appointments and free times, and what the expert does with them. */
export const advisorHandlers: RequestHandler[] = [
  privateQuestionsHandler(mockPrivateQuestions),
  agendaHandler(
    () => mockAppointments,
    () => mockMySlots,
  ),
  answerPrivateQuestion,
  publishSlots,
  removeSlot,
];

/** States of the advisor's side for tests and stories: put one in front with `worker.use`. */
export const advisorScenarios = {
  /** No private questions, no appointments and no free times yet. */
  nothingYet: [
    privateQuestionsHandler(() => []),
    agendaHandler(
      () => [],
      () => [],
    ),
  ],
  /** The private questions and the agenda never load. */
  slow: [
    api.query('PrivateQuestions', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
    api.query('AdvisorAgenda', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  ],
  /** The private questions and the agenda cannot be reached. */
  networkError: [
    api.query('PrivateQuestions', () => HttpResponse.error()),
    api.query('AdvisorAgenda', () => HttpResponse.error()),
  ],
  /** The private answer cannot be sent. */
  answerNetworkError: [api.mutation('AnswerPrivateQuestion', () => HttpResponse.error())],
  /** The server refuses the times: they overlap with times the advisor already offers. */
  slotsOverlap: [
    api.mutation('PublishSlots', () =>
      HttpResponse.json({
        data: {
          publishSlots: {
            slots: [],
            errors: [
              userError(
                'startsAt',
                'SLOT_OVERLAP',
                'Deze tijden overlappen met elkaar of met een tijd die u al aanbiedt. Kies andere tijden.',
              ),
            ],
          },
        },
      }),
    ),
  ],
  /** The times cannot be sent. */
  publishNetworkError: [api.mutation('PublishSlots', () => HttpResponse.error())],
} satisfies Record<string, RequestHandler[]>;

/**
 * A citizen books `MOCK_BOOKED_MEANWHILE_SLOT` just before the advisor removes it: the removal is refused, and from
 * then on the time is an appointment, not a free time.
 */
export function slotBookedMeanwhile(): RequestHandler[] {
  let booked = false;
  const bookedSlot = mockMySlots.find((slot) => slot.id === MOCK_BOOKED_MEANWHILE_SLOT)!;
  const lateAppointment: Appointment = {
    id: 'ap-late',
    name: 'Henk uit Appingedam',
    email: 'henk@voorbeeld.nl',
    note: null,
    bookedAt: new Date().toISOString(),
    topic: topicOf('ww'),
    slot: bookedSlot,
  };
  const freeSlots = () => mockMySlots.filter((slot) => !booked || slot.id !== MOCK_BOOKED_MEANWHILE_SLOT);
  return [
    agendaHandler(() => (booked ? [...mockAppointments, lateAppointment] : mockAppointments), freeSlots),
    api.mutation('RemoveSlot', ({ variables }) => {
      if (variables.slotId !== MOCK_BOOKED_MEANWHILE_SLOT) return undefined;
      booked = true;
      return HttpResponse.json({
        data: {
          removeSlot: {
            slots: freeSlots(),
            errors: [
              userError(
                'slotId',
                'SLOT_BOOKED',
                'Op deze tijd heeft iemand al een afspraak. Deze tijd kunt u niet weghalen. Kan de afspraak niet doorgaan? Stuur de inwoner dan een e-mail.',
              ),
            ],
          },
        },
      });
    }),
  ];
}
