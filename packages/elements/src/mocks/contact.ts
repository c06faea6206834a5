import type {
  AppointmentSlot,
  BookAppointmentFields,
  ContactChannels,
  ContactInfo,
  PrivateThread,
} from '@plein/client';
import { graphql, HttpResponse, type RequestHandler } from 'msw';
import { MOCK_ENDPOINT, mockOverview } from './fixtures.ts';

/**
 * The mocked community's contact channels: the advice line (closed now, with Christmas as closed days), the private
 * e-mail question, appointments with free slots per topic, a private thread behind a secret link, and the failures a
 * citizen can meet (a slot someone else took first, an address the server refuses, a link that does not work).
 * Fictitious people only. Times are fixed, so the words on screen are the same on every run.
 */
const api = graphql.link(MOCK_ENDPOINT);

/** The secret link of the mocked private thread: `#plein-prive=pv1.<secret>`. */
export const MOCK_PRIVATE_THREAD_ID = 'pv1';
export const MOCK_PRIVATE_THREAD_SECRET = 'Zq8v2kP4tR7wX1yB3nM5cD6fG9hJ0sLa';
/** A slot in the WW list that someone else books just before the citizen does (`slotTakenScenario`). */
export const MOCK_TAKEN_SLOT_ID = 'slot-ww-1';

const els = {
  id: 'e3',
  displayName: 'Els Wiersma',
  title: 'Sociaal raadslid',
  organisation: 'Raadsliedenwerk Eemsdelta',
};
const geert = {
  id: 'e1',
  displayName: 'Geert Heikens',
  title: 'Onafhankelijk arbeidsadviseur',
  organisation: 'Heikens Arbeidsadvies',
};
const sandra = { id: 'e2', displayName: 'Sandra Kloosterhuis', title: 'Klantmanager', organisation: 'ISD Noordoost' };

const office = 'Werkplein Eemsdelta, Zeebadweg 2, Delfzijl';

/** Free slots per topic, soonest first. Tuesday 1 December 2026 10:00 is 09:00 UTC (winter time). */
export const mockSlots: Record<string, AppointmentSlot[]> = {
  ww: [
    {
      id: 'slot-ww-1',
      startsAt: '2026-12-01T09:00:00.000Z',
      endsAt: '2026-12-01T09:45:00.000Z',
      mode: 'VIDEO',
      location: null,
      advisor: els,
    },
    {
      id: 'slot-ww-2',
      startsAt: '2026-12-02T13:30:00.000Z',
      endsAt: '2026-12-02T14:15:00.000Z',
      mode: 'IN_PERSON',
      location: office,
      advisor: geert,
    },
    {
      id: 'slot-ww-3',
      startsAt: '2026-12-03T08:00:00.000Z',
      endsAt: '2026-12-03T08:45:00.000Z',
      mode: 'PHONE',
      location: null,
      advisor: els,
    },
  ],
  ontslag: [
    {
      id: 'slot-ontslag-1',
      startsAt: '2026-12-04T10:00:00.000Z',
      endsAt: '2026-12-04T10:45:00.000Z',
      mode: 'IN_PERSON',
      location: office,
      advisor: geert,
    },
    // In summer time: 1 June 2027 10:00 in the Netherlands is 08:00 UTC.
    {
      id: 'slot-ontslag-2',
      startsAt: '2027-06-01T08:00:00.000Z',
      endsAt: '2027-06-01T08:45:00.000Z',
      mode: 'VIDEO',
      location: null,
      advisor: sandra,
    },
  ],
  'ziek-in-dienst': [],
};

const closedLine = {
  phoneNumber: '0800 - 123 45 67',
  phoneHref: 'tel:+318001234567',
  description: 'Bellen is gratis. Een adviseur van het Werkplein luistert en zoekt met u mee.',
  openingHours: [
    { weekday: 1, opens: '09:00', closes: '17:00' },
    { weekday: 2, opens: '09:00', closes: '17:00' },
    { weekday: 3, opens: '09:00', closes: '12:00' },
    { weekday: 4, opens: '09:00', closes: '12:00' },
    { weekday: 4, opens: '13:00', closes: '20:00' },
    { weekday: 5, opens: '09:00', closes: '17:00' },
  ],
  closedDays: [
    { date: '2026-12-25', reason: 'Eerste Kerstdag' },
    { date: '2026-12-26', reason: 'Tweede Kerstdag' },
    { date: '2027-01-01', reason: null },
  ],
  status: { open: false, changesAt: '2026-12-01T08:00:00.000Z', label: 'Nu gesloten, weer open op dinsdag om 9:00' },
};

export const mockChannels: ContactChannels = {
  adviceLine: closedLine,
  emailService: {
    description: 'Handig als u liever schrijft, of als u stukken wilt laten zien.',
    answerWithinDays: 3,
  },
  appointments: {
    description: 'De gesprekken zijn gratis en vertrouwelijk.',
    durationMinutes: 45,
  },
};

/** The line while it is open. */
export const mockOpenLine = {
  ...closedLine,
  status: { open: true, changesAt: '2026-12-01T16:00:00.000Z', label: 'Nu open tot 17:00' },
};

/** The mocked private thread, with one advisor's answer. */
export const mockPrivateThread: PrivateThread = {
  id: MOCK_PRIVATE_THREAD_ID,
  body: 'Ik ben 61 en mijn werkgever wil dat ik een vaststellingsovereenkomst teken. Mijn vrouw is ziek.\nWat betekent dit voor mijn WW?',
  createdAt: '2026-11-20T09:12:00.000Z',
  deleteAfter: '2027-03-01T10:00:00.000Z',
  topic: { slug: 'ontslag', name: 'Ontslag en vaststellingsovereenkomst' },
  messages: [
    {
      id: 'pm1',
      body: 'Goed dat u dit vraagt voordat u tekent. Met een vaststellingsovereenkomst kunt u WW krijgen als het initiatief bij uw werkgever ligt. Kijk ook op https://www.uwv.nl/ww.',
      createdAt: '2026-11-21T14:05:00.000Z',
      advisor: geert,
    },
  ],
};

function contactInfo(channels: ContactChannels, variables: Record<string, unknown>): ContactInfo {
  const slots = (mockSlots[String(variables.topic)] ?? []).slice(0, Number(variables.slots ?? 6));
  const appointments = channels.appointments && {
    ...channels.appointments,
    // `@include(if: $withSlots)`: without a topic the field is not in the answer at all.
    ...(variables.withSlots ? { freeSlots: slots } : {}),
  };
  return {
    id: mockOverview.id,
    topics: mockOverview.topics.map(({ slug, name }) => ({ slug, name })),
    contact: { ...channels, appointments },
  };
}

const contactQuery = (channels: () => ContactChannels, hidden: () => ReadonlySet<string> = () => new Set()) =>
  api.query('Contact', ({ variables }) => {
    const info = contactInfo(channels(), variables);
    const free = info.contact.appointments?.freeSlots;
    if (info.contact.appointments && free) {
      info.contact.appointments.freeSlots = free.filter((slot) => !hidden().has(slot.id));
    }
    return HttpResponse.json({ data: { community: info } });
  });

const userError = (field: string | null, code: string, message: string) => ({ field, code, message });

// Stricter than the form's check, as the real server is: "naam@voorbeeld.n" passes the form and is refused here.
const serverEmail = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

const askPrivateQuestion = api.mutation('AskPrivateQuestion', ({ variables }) => {
  const input = variables.input as { email: string };
  const errors = serverEmail.test(input.email)
    ? []
    : [
        userError(
          'email',
          'INVALID_EMAIL',
          'Dit e-mailadres klopt niet. Controleer het adres, bijvoorbeeld naam@voorbeeld.nl.',
        ),
      ];
  return HttpResponse.json({ data: { askPrivateQuestion: { confirmationSent: errors.length === 0, errors } } });
});

const privateThread = api.query('PrivateThread', ({ variables }) => {
  const known = variables.id === MOCK_PRIVATE_THREAD_ID && variables.secret === MOCK_PRIVATE_THREAD_SECRET;
  return HttpResponse.json({ data: { privateThread: known ? mockPrivateThread : null } });
});

const allSlots = () => Object.values(mockSlots).flat();

/** Books a listed slot; `taken` holds the slots someone else booked first. */
function booking(input: BookAppointmentFields, taken: ReadonlySet<string>) {
  const slot = allSlots().find((candidate) => candidate.id === input.slotId);
  if (!slot) {
    return {
      appointment: null,
      errors: [
        userError(
          'slotId',
          'SLOT_UNAVAILABLE',
          'Deze tijd kunt u niet (meer) kiezen. Kies een andere tijd uit de lijst.',
        ),
      ],
    };
  }
  if (taken.has(slot.id)) {
    return {
      appointment: null,
      errors: [userError('slotId', 'SLOT_TAKEN', 'Deze tijd is net door iemand anders gekozen. Kies een andere tijd.')],
    };
  }
  if (!serverEmail.test(input.email)) {
    return {
      appointment: null,
      errors: [
        userError(
          'email',
          'INVALID_EMAIL',
          'Dit e-mailadres klopt niet. Controleer het adres, bijvoorbeeld naam@voorbeeld.nl.',
        ),
      ],
    };
  }
  const { id: _id, advisor, ...times } = slot;
  return { appointment: { id: `afspraak-${slot.id}`, ...times, advisorName: advisor.displayName }, errors: [] };
}

const bookAppointment = api.mutation('BookAppointment', ({ variables }) =>
  HttpResponse.json({ data: { bookAppointment: booking(variables.input as BookAppointmentFields, new Set()) } }),
);

const cancelAppointment = api.mutation('CancelAppointment', ({ variables }) => {
  const valid = String(variables.token).startsWith('annuleer-');
  const errors = valid
    ? []
    : [
        userError(
          'token',
          'CANCEL_LINK_INVALID',
          'Deze link werkt niet. Gebruik de hele link uit de e-mail over uw afspraak.',
        ),
      ];
  return HttpResponse.json({ data: { cancelAppointment: { cancelled: valid, errors } } });
});

/** A community with all three channels, the line closed now. */
export const contactHandlers: RequestHandler[] = [
  contactQuery(() => mockChannels),
  askPrivateQuestion,
  privateThread,
  bookAppointment,
  cancelAppointment,
];

/**
 * Someone else books `MOCK_TAKEN_SLOT_ID` just before the citizen: it is still in the first list, booking it answers
 * SLOT_TAKEN, and from then on the list leaves it out. A function, so each test or story starts with a fresh list.
 */
export function slotTakenScenario(): RequestHandler[] {
  const taken = new Set([MOCK_TAKEN_SLOT_ID]);
  const revealed = new Set<string>();
  return [
    contactQuery(
      () => mockChannels,
      () => revealed,
    ),
    api.mutation('BookAppointment', ({ variables }) => {
      const payload = booking(variables.input as BookAppointmentFields, taken);
      for (const error of payload.errors)
        if (error.code === 'SLOT_TAKEN') revealed.add(String((variables.input as BookAppointmentFields).slotId));
      return HttpResponse.json({ data: { bookAppointment: payload } });
    }),
  ];
}

export const contactScenarios = {
  /** The advice line is open now. */
  lineOpen: [contactQuery(() => ({ ...mockChannels, adviceLine: mockOpenLine }))],
  /** Only the advice line: no private questions, no appointments. */
  phoneOnly: [contactQuery(() => ({ adviceLine: closedLine, emailService: null, appointments: null }))],
  /** No channel at all. */
  noChannels: [contactQuery(() => ({ adviceLine: null, emailService: null, appointments: null }))],
  /** The community cannot be reached when sending a private question or booking. */
  sendFails: [
    api.mutation('AskPrivateQuestion', () => HttpResponse.error()),
    api.mutation('BookAppointment', () => HttpResponse.error()),
  ],
} satisfies Record<string, RequestHandler[]>;
