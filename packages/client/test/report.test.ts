import { expect } from '@open-wc/testing';
import { graphql, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createPleinClient, PleinError, type ReportData, type ReportSchedule } from '../src/index.ts';

// The community server is mocked with msw (a service worker) in these tests; e2e/ runs the real one.
const endpoint = 'https://report.test/graphql';
const api = graphql.link(endpoint);
const worker = setupWorker();
const fastRetry = { attempts: 3, baseDelayMs: 5 };

function client() {
  return createPleinClient({ endpoint, community: 'eemsdelta', retry: fastRetry });
}

const count = (value: number | null) => ({
  value,
  suppressed: value === null,
  label: value === null ? 'minder dan 5' : String(value),
});
const figure = (current: number | null, previous: number | null) => ({
  current: count(current),
  previous: count(previous),
});

const report: ReportData = {
  period: { from: '2026-10-01', to: '2026-10-31' },
  previousPeriod: { from: '2026-08-31', to: '2026-09-30' },
  municipality: null,
  generatedAt: '2026-11-02T08:00:00.000Z',
  suppressionThreshold: 5,
  questions: figure(42, 37),
  answers: figure(80, 71),
  expertAnsweredShare: {
    current: { value: 0.62, suppressed: false, label: '62%' },
    previous: { value: null, suppressed: true, label: 'niet getoond (minder dan 5)' },
  },
  resolvedShare: {
    current: { value: 0.3, suppressed: false, label: '30%' },
    previous: { value: 0.25, suppressed: false, label: '25%' },
  },
  medianHoursToFirstAnswer: {
    current: { hours: 5.2, suppressed: false, label: '5,2 uur' },
    previous: { hours: 6, suppressed: false, label: '6,0 uur' },
  },
  medianHoursToFirstExpertAnswer: {
    current: { hours: null, suppressed: true, label: 'niet getoond (minder dan 5)' },
    previous: { hours: null, suppressed: true, label: 'niet getoond (minder dan 5)' },
  },
  unansweredAfter48Hours: figure(null, 6),
  visits: figure(1200, 1100),
  questionsByTopic: [{ topic: { slug: 'ww', name: 'WW' }, questions: figure(42, 37), titles: ['Hoe lang WW?'] }],
  questionsByMunicipality: [{ municipality: { slug: 'delfzijl', name: 'Delfzijl' }, questions: figure(42, 37) }],
  bucketSize: 'DAY',
  questionsOverTime: [{ period: { from: '2026-10-01', to: '2026-10-01' }, questions: count(null), previous: count(6) }],
  visitsByPage: [],
  privateQuestions: figure(null, null),
  privateQuestionsByTopic: [],
};

const municipalities = [
  { slug: 'delfzijl', name: 'Delfzijl' },
  { slug: 'appingedam', name: 'Appingedam' },
];

const schedule: ReportSchedule = {
  frequency: 'MONTHLY',
  nextSendAt: '2026-11-30T23:00:00.000Z',
  recipients: [{ id: 'u1', displayName: 'Anke Visser', email: 'anke@eemsdelta.example' }],
  candidates: [
    { id: 'u1', displayName: 'Anke Visser', email: 'anke@eemsdelta.example' },
    { id: 'u2', displayName: 'Joost Mulder', email: 'joost@eemsdelta.example' },
  ],
};

const refusal = (code: string) => () =>
  HttpResponse.json({ data: null, errors: [{ message: `Geweigerd: ${code}`, extensions: { code } }] });

describe('the report in the client', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());

  it('asks for the period and municipality of this community, and gives the report with the municipalities', async () => {
    const sent: unknown[] = [];
    worker.use(
      api.query('Report', ({ variables }) => {
        sent.push(variables);
        return HttpResponse.json({ data: { community: { id: 'c1', municipalities, report } } });
      }),
    );
    const plein = client();
    const result = await plein.report({ from: '2026-10-01', to: '2026-10-31' });
    await plein.report({ from: '2026-10-01', to: '2026-10-31', municipality: 'delfzijl' });
    expect(result).to.deep.equal({ report, municipalities });
    expect(sent).to.deep.equal([
      { community: 'eemsdelta', from: '2026-10-01', to: '2026-10-31', municipality: null },
      { community: 'eemsdelta', from: '2026-10-01', to: '2026-10-31', municipality: 'delfzijl' },
    ]);
  });

  it('serves the same report from memory, and asks again for another period', async () => {
    let requests = 0;
    worker.use(
      api.query('Report', () => {
        requests++;
        return HttpResponse.json({ data: { community: { id: 'c1', municipalities, report } } });
      }),
    );
    const plein = client();
    await plein.report({ from: '2026-10-01', to: '2026-10-31' });
    await plein.report({ from: '2026-10-01', to: '2026-10-31', municipality: '' });
    expect(requests).to.equal(1);
    await plein.report({ from: '2026-07-01', to: '2026-09-30' });
    expect(requests).to.equal(2);
  });

  it('fails with the kinds an element words for: not signed in, no access, a bad period, no community', async () => {
    const kindOf = async (respond: () => Response) => {
      worker.resetHandlers();
      worker.use(api.query('Report', respond), api.query('ReportSchedule', respond));
      const error = await client()
        .report({ from: '2026-10-01', to: '2026-10-31' })
        .catch((caught: unknown) => caught);
      const scheduleError = await client()
        .reportSchedule()
        .catch((caught: unknown) => caught);
      expect(error).to.be.instanceOf(PleinError);
      expect(scheduleError).to.be.instanceOf(PleinError);
      return [(error as PleinError).kind, (scheduleError as PleinError).kind];
    };
    expect(await kindOf(refusal('UNAUTHENTICATED'))).to.deep.equal(['unauthenticated', 'unauthenticated']);
    expect(await kindOf(refusal('FORBIDDEN'))).to.deep.equal(['forbidden', 'forbidden']);
    expect(await kindOf(refusal('BAD_USER_INPUT'))).to.deep.equal(['bad-input', 'bad-input']);
    expect(await kindOf(() => HttpResponse.json({ data: { community: null } }))).to.deep.equal([
      'not-found',
      'not-found',
    ]);
  });

  it('keeps the server’s words for a bad period', async () => {
    worker.use(
      api.query('Report', () =>
        HttpResponse.json({
          data: null,
          errors: [{ message: 'Kies een periode van hoogstens 366 dagen.', extensions: { code: 'BAD_USER_INPUT' } }],
        }),
      ),
    );
    const error = (await client()
      .report({ from: '2024-01-01', to: '2026-10-31' })
      .catch((caught: unknown) => caught)) as PleinError;
    expect([error.kind, error.message, error.retryable]).to.deep.equal([
      'bad-input',
      'Kies een periode van hoogstens 366 dagen.',
      false,
    ]);
  });

  it('sets the schedule for this community and reads it fresh afterwards; a refused change keeps the cache', async () => {
    const inputs: unknown[] = [];
    let reads = 0;
    let refuse = false;
    worker.use(
      api.query('ReportSchedule', () => {
        reads++;
        return HttpResponse.json({ data: { community: { id: 'c1', reportSchedule: schedule } } });
      }),
      api.mutation('SetReportSchedule', ({ variables }) => {
        inputs.push(variables.input);
        return HttpResponse.json({
          data: {
            setReportSchedule: refuse
              ? {
                  schedule: null,
                  errors: [{ field: 'recipientIds', code: 'UNKNOWN_USER', message: 'Dit account bestaat niet.' }],
                }
              : { schedule: { ...schedule, frequency: 'WEEKLY' }, errors: [] },
          },
        });
      }),
    );
    const plein = client();
    expect(await plein.reportSchedule()).to.deep.equal(schedule);
    await plein.reportSchedule();
    expect(reads).to.equal(1);

    const saved = await plein.setReportSchedule({ frequency: 'WEEKLY', recipientIds: ['u1', 'u2'] });
    expect(saved.schedule?.frequency).to.equal('WEEKLY');
    await plein.reportSchedule();
    expect(reads).to.equal(2);

    refuse = true;
    const refused = await plein.setReportSchedule({ frequency: null, recipientIds: ['u9'] });
    expect(refused.errors.map((error) => error.field)).to.deep.equal(['recipientIds']);
    await plein.reportSchedule();
    expect(reads).to.equal(2);
    expect(inputs).to.deep.equal([
      { community: 'eemsdelta', frequency: 'WEEKLY', recipientIds: ['u1', 'u2'] },
      { community: 'eemsdelta', frequency: null, recipientIds: ['u9'] },
    ]);
  });
});
