import type { ReportData, ReportFrequency, ReportSchedule } from '@plein/client';
import { addDays, daysInclusive, lastDayOfMonth } from '@plein/schema';
import { delay, graphql, HttpResponse, type RequestHandler } from 'msw';
import { MOCK_ENDPOINT, mockOverview } from './fixtures.ts';
import { MOCK_ADMIN_TOKEN } from './moderation.ts';
import { mockSessionTokens } from './professionals.ts';

/**
 * The mocked community's report and report e-mail. Staff are the moderator Joost Mulder (roles MODERATOR and STAFF,
 * `signInMockAccount('moderator')`) and the admin Anke Visser (`signInMockAdmin()`); the expert Geert Heikens is
 * signed in but may not see reports (FORBIDDEN), and nobody signed in gets UNAUTHENTICATED. The figures obey the
 * server's rules: nothing below 5 is shown, and no hidden count can be worked out from a total (two hidden rows
 * always hold 5 or more together). Fictitious people and pages only.
 */
const api = graphql.link(MOCK_ENDPOINT);

type Locale = 'nl' | 'en';
type Viewer = 'admin' | 'staff' | 'expert' | undefined;

const viewerOf = (request: Request): Viewer => {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  if (token === MOCK_ADMIN_TOKEN) return 'admin';
  if (token === mockSessionTokens.moderator) return 'staff';
  if (token) return 'expert';
  return undefined;
};

const localeOf = (request: Request): Locale =>
  request.headers.get('accept-language')?.toLowerCase().startsWith('en') ? 'en' : 'nl';

const refusal = (code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'INTERNAL_SERVER_ERROR', message: string): Response =>
  HttpResponse.json({ data: null, errors: [{ message, extensions: { code } }] });

const notSignedIn = (): Response => refusal('UNAUTHENTICATED', 'Log in om dit te doen.');
const noReports = (): Response => refusal('FORBIDDEN', 'U mag de rapporten van deze community niet zien.');

// Counts and their labels as the server words them in the caller's language. `null` is a suppressed count.
const count = (value: number | null, locale: Locale) => ({
  value,
  suppressed: value === null,
  label: value === null ? (locale === 'nl' ? 'minder dan 5' : 'fewer than 5') : String(value),
});
const figure = (current: number | null, previous: number | null, locale: Locale) => ({
  current: count(current, locale),
  previous: count(previous, locale),
});
const notShown = (locale: Locale) => (locale === 'nl' ? 'niet getoond (minder dan 5)' : 'not shown (fewer than 5)');
const share = (value: number | null, locale: Locale) => ({
  value,
  suppressed: value === null,
  label: value === null ? notShown(locale) : `${Math.round(value * 100)}%`,
});
const duration = (hours: number | null, locale: Locale) => ({
  hours,
  suppressed: hours === null,
  label:
    hours === null
      ? notShown(locale)
      : locale === 'nl'
        ? `${hours.toFixed(1).replace('.', ',')} uur`
        : `${hours.toFixed(1)} hours`,
});

/** The period's points as the server makes them: days up to 31 days, weeks up to 184, months above. */
function buckets(
  from: string,
  to: string,
): { bucketSize: ReportData['bucketSize']; periods: { from: string; to: string }[] } {
  const length = daysInclusive(from, to);
  const periods: { from: string; to: string }[] = [];
  if (length <= 31) {
    for (let day = from; day <= to; day = addDays(day, 1)) periods.push({ from: day, to: day });
    return { bucketSize: 'DAY', periods };
  }
  if (length <= 184) {
    for (let start = from; start <= to; start = addDays(start, 7)) {
      const end = addDays(start, 6);
      periods.push({ from: start, to: end < to ? end : to });
    }
    return { bucketSize: 'WEEK', periods };
  }
  for (let start = from; start <= to; start = addDays(lastDayOfMonth(start), 1)) {
    const end = lastDayOfMonth(start);
    periods.push({ from: start, to: end < to ? end : to });
  }
  return { bucketSize: 'MONTH', periods };
}

/** A count per point that goes up and down, below 5 (suppressed) now and then: 6, 2, 9, 5, 12, 3, 8, 7, 1, … */
const pointValue = (index: number, offset: number) => {
  const value = [6, 2, 9, 5, 12, 3, 8, 7, 1, 10, 4, 6, 11][(index + offset) % 13]!;
  return value < 5 ? null : value;
};

const topicOf = (slug: string) => {
  const topic = mockOverview.topics.find((candidate) => candidate.slug === slug)!;
  return { slug: topic.slug, name: topic.name };
};

export interface MockReportOptions {
  from: string;
  to: string;
  municipality?: string | null;
  locale?: Locale;
}

/**
 * The report of the mocked community for any period. The figures are the same for every period (a mock); the period,
 * the previous period and the points of the line follow the days asked for. With a municipality, only its row.
 */
export function mockReport({ from, to, municipality = null, locale = 'nl' }: MockReportOptions): ReportData {
  const length = daysInclusive(from, to);
  const { bucketSize, periods } = buckets(from, to);
  const place = mockOverview.municipalities.find((candidate) => candidate.slug === municipality) ?? null;
  const municipalities = [
    { municipality: { slug: 'delfzijl', name: 'Delfzijl' }, questions: figure(38, 20, locale) },
    { municipality: { slug: 'loppersum', name: 'Loppersum' }, questions: figure(null, null, locale) },
    { municipality: { slug: 'appingedam', name: 'Appingedam' }, questions: figure(31, 15, locale) },
    { municipality: null, questions: figure(null, null, locale) },
  ];
  return {
    period: { from, to },
    previousPeriod: { from: addDays(from, -length), to: addDays(from, -1) },
    municipality: place ? { slug: place.slug, name: place.name } : null,
    generatedAt: new Date().toISOString(),
    suppressionThreshold: 5,
    questions: figure(82, 41, locale),
    answers: figure(164, 77, locale),
    expertAnsweredShare: { current: share(0.62, locale), previous: share(0.55, locale) },
    resolvedShare: { current: share(0.3, locale), previous: share(null, locale) },
    medianHoursToFirstAnswer: { current: duration(5.2, locale), previous: duration(7.8, locale) },
    medianHoursToFirstExpertAnswer: { current: duration(26.4, locale), previous: duration(null, locale) },
    unansweredAfter48Hours: figure(6, null, locale),
    visits: figure(1240, 1105, locale),
    questionsByTopic: [
      {
        topic: topicOf('ww'),
        questions: figure(42, 34, locale),
        titles: [
          'Hoe lang krijg ik WW als ik twintig jaar heb gewerkt?',
          'Moet ik vakantiegeld doorgeven aan het UWV?',
          'Mag ik op vakantie als ik WW heb?',
        ],
      },
      {
        topic: topicOf('ontslag'),
        questions: figure(17, null, locale),
        titles: [
          'Moet ik de vaststellingsovereenkomst van mijn werkgever tekenen?',
          'Wat gebeurt er met mijn uitkering als de fabriek sluit?',
        ],
      },
      {
        topic: topicOf('ziek-in-dienst'),
        questions: figure(23, null, locale),
        titles: ['Mijn werkgever wil mij ontslaan terwijl ik ziek ben. Mag dat?'],
      },
    ],
    questionsByMunicipality: place
      ? municipalities.filter((row) => row.municipality?.slug === place.slug)
      : municipalities,
    bucketSize,
    questionsOverTime: periods.map((period, index) => ({
      period,
      questions: count(pointValue(index, 0), locale),
      previous: count(pointValue(index, 5), locale),
    })),
    visitsByPage: [
      {
        page: 'https://www.eemsdelta.nl/werk-en-inkomen',
        element: 'plein-questions',
        visits: figure(612, 540, locale),
      },
      {
        page: 'https://www.eemsdelta.nl/werk-en-inkomen/vraag',
        element: 'plein-question',
        visits: figure(401, 388, locale),
      },
      { page: 'https://www.eemsdelta.nl/werk-en-inkomen', element: 'plein-ask', visits: figure(215, 170, locale) },
      { page: 'https://www.eemsdelta.nl/contact', element: 'plein-topics', visits: figure(null, null, locale) },
      { page: 'https://werkplein.example/eemsdelta', element: 'plein-questions', visits: figure(null, null, locale) },
    ],
    privateQuestions: figure(14, 9, locale),
    privateQuestionsByTopic: [
      { topic: { slug: 'ziek-in-dienst', name: 'Ziek in dienst' }, questions: figure(9, null, locale) },
      { topic: { slug: 'ontslag', name: 'Ontslag' }, questions: figure(null, null, locale) },
      { topic: { slug: 'bijstand', name: 'Bijstand' }, questions: figure(null, null, locale) },
    ],
  };
}

/** The staff accounts that can receive the report e-mail. */
export const mockReportCandidates: ReportSchedule['candidates'] = [
  { id: 'u-anke', displayName: 'Anke Visser', email: 'anke.visser@eemsdelta.example' },
  { id: 'u-joost', displayName: 'Joost Mulder', email: 'joost.mulder@eemsdelta.example' },
  { id: 'u-fenna', displayName: 'Fenna Dijkstra', email: 'fenna.dijkstra@eemsdelta.example' },
];

/** Midnight in the Netherlands on the first day of the next month (or the next Monday). */
function nextSendAt(frequency: ReportFrequency | null, now = new Date()): string | null {
  if (!frequency) return null;
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (frequency === 'MONTHLY') day.setUTCMonth(day.getUTCMonth() + 1, 1);
  else day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7 || 7));
  // An hour before midnight UTC is midnight in Dutch winter time; good enough for a mock.
  return new Date(day.getTime() - 3_600_000).toISOString();
}

const initialSchedule = (): ReportSchedule => ({
  frequency: 'MONTHLY',
  nextSendAt: nextSendAt('MONTHLY'),
  recipients: [mockReportCandidates[1]!],
  candidates: mockReportCandidates,
});

let schedule = initialSchedule();

/** Puts the mocked schedule back as it started (monthly, to Joost Mulder): for tests that change it. */
export function resetMockReportSchedule(): void {
  schedule = initialSchedule();
}

/** The report, the schedule and its change, for the accounts above. */
export const reportHandlers: RequestHandler[] = [
  api.query('Report', ({ request, variables }) => {
    const viewer = viewerOf(request);
    if (!viewer) return notSignedIn();
    if (viewer === 'expert') return noReports();
    const report = mockReport({
      from: String(variables.from),
      to: String(variables.to),
      municipality: (variables.municipality as string | null) ?? null,
      locale: localeOf(request),
    });
    return HttpResponse.json({
      data: { community: { id: mockOverview.id, municipalities: mockOverview.municipalities, report } },
    });
  }),
  api.query('ReportSchedule', ({ request }) => {
    const viewer = viewerOf(request);
    if (!viewer) return notSignedIn();
    if (viewer === 'expert') return noReports();
    return HttpResponse.json({ data: { community: { id: mockOverview.id, reportSchedule: schedule } } });
  }),
  api.mutation('SetReportSchedule', ({ request, variables }) => {
    const viewer = viewerOf(request);
    if (!viewer) return notSignedIn();
    if (viewer !== 'admin') return refusal('FORBIDDEN', 'Alleen een beheerder kan dit veranderen.');
    const input = variables.input as { frequency: ReportFrequency | null; recipientIds: string[] };
    const recipients = input.recipientIds.map((id) => mockReportCandidates.find((candidate) => candidate.id === id));
    if (recipients.some((recipient) => !recipient)) {
      const message = 'Dit account kan het rapport niet krijgen.';
      return HttpResponse.json({
        data: {
          setReportSchedule: { schedule: null, errors: [{ field: 'recipientIds', code: 'UNKNOWN_USER', message }] },
        },
      });
    }
    schedule = {
      frequency: input.frequency,
      nextSendAt: nextSendAt(input.frequency),
      recipients: recipients.filter((recipient) => recipient !== undefined),
      candidates: mockReportCandidates,
    };
    return HttpResponse.json({ data: { setReportSchedule: { schedule, errors: [] } } });
  }),
];

/** States of the report for tests and stories: put one in front with `worker.use`. */
export const reportScenarios = {
  /** Nobody is signed in as far as the server knows (an ended session). */
  unauthenticated: [api.query('Report', notSignedIn), api.query('ReportSchedule', notSignedIn)],
  /** Signed in, but without the STAFF or ADMIN role. */
  forbidden: [api.query('Report', noReports), api.query('ReportSchedule', noReports)],
  /** The server fails while making the report. */
  serverError: [api.query('Report', () => refusal('INTERNAL_SERVER_ERROR', 'Er ging iets mis bij ons.'))],
  /** The report never comes. */
  slow: [
    api.query('Report', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  ],
  /** A small municipality's month: every count below 5. */
  allSuppressed: [
    api.query('Report', ({ request, variables }) => {
      const locale = localeOf(request);
      const base = mockReport({
        from: String(variables.from),
        to: String(variables.to),
        municipality: 'loppersum',
        locale,
      });
      const hidden = figure(null, null, locale);
      const report: ReportData = {
        ...base,
        questions: figure(null, null, locale),
        answers: figure(7, null, locale),
        expertAnsweredShare: { current: share(null, locale), previous: share(null, locale) },
        resolvedShare: { current: share(null, locale), previous: share(null, locale) },
        medianHoursToFirstAnswer: { current: duration(null, locale), previous: duration(null, locale) },
        medianHoursToFirstExpertAnswer: { current: duration(null, locale), previous: duration(null, locale) },
        unansweredAfter48Hours: hidden,
        visits: figure(48, 39, locale),
        questionsByTopic: base.questionsByTopic.map((row) => ({ ...row, questions: hidden, titles: [] })),
        questionsByMunicipality: [{ municipality: { slug: 'loppersum', name: 'Loppersum' }, questions: hidden }],
        questionsOverTime: base.questionsOverTime.map((point) => ({
          ...point,
          questions: count(null, locale),
          previous: count(null, locale),
        })),
        visitsByPage: [],
        privateQuestions: hidden,
        privateQuestionsByTopic: base.privateQuestionsByTopic.map((row) => ({ ...row, questions: hidden })),
      };
      return HttpResponse.json({
        data: { community: { id: mockOverview.id, municipalities: mockOverview.municipalities, report } },
      });
    }),
  ],
  /** Saving the schedule cannot reach the server. */
  scheduleNetworkError: [api.mutation('SetReportSchedule', () => HttpResponse.error())],
  /** The server refuses the chosen recipients. */
  scheduleRefused: [
    api.mutation('SetReportSchedule', () =>
      HttpResponse.json({
        data: {
          setReportSchedule: {
            schedule: null,
            errors: [
              { field: 'recipientIds', code: 'UNKNOWN_USER', message: 'Fenna Dijkstra is geen medewerker meer.' },
            ],
          },
        },
      }),
    ),
  ],
} satisfies Record<string, RequestHandler[]>;
