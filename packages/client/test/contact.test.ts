import { expect } from '@open-wc/testing';
import { graphql, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { type AppointmentSlot, type ContactInfo, createPleinClient } from '../src/index.ts';

// The community server is mocked with msw (a service worker) in these tests; e2e/ runs the real one.
const endpoint = 'https://contact.client.test/graphql';
const api = graphql.link(endpoint);
const worker = setupWorker();

const slot: AppointmentSlot = {
  id: 'slot-1',
  startsAt: '2026-12-01T09:00:00.000Z',
  endsAt: '2026-12-01T09:45:00.000Z',
  mode: 'VIDEO',
  location: null,
  advisor: { id: 'e3', displayName: 'Els Wiersma', title: null, organisation: null },
};

function contactInfo(withSlots: boolean): ContactInfo {
  return {
    id: 'c1',
    topics: [{ slug: 'ww', name: 'WW' }],
    contact: {
      adviceLine: null,
      emailService: { description: null, answerWithinDays: 3 },
      appointments: { description: null, durationMinutes: 45, ...(withSlots ? { freeSlots: [slot] } : {}) },
    },
  };
}

function client() {
  return createPleinClient({ endpoint, community: 'eemsdelta', retry: { attempts: 1, baseDelayMs: 1 } });
}

/** Each request of an operation that reaches the mocked server: its variables and the device header. */
function recordCalls() {
  const calls: { operation: string; variables: Record<string, unknown>; device: string | null }[] = [];
  const listener = ({ request }: { request: Request }) => {
    const device = request.headers.get('plein-device');
    void request
      .clone()
      .json()
      .then((body: { operationName: string; variables: Record<string, unknown> }) =>
        calls.push({ operation: body.operationName, variables: body.variables, device }),
      )
      .catch(() => undefined);
  };
  worker.events.on('request:start', listener);
  return {
    of: (operation: string) => calls.filter((call) => call.operation === operation),
    stop: () => worker.events.removeListener('request:start', listener),
  };
}

const contactHandler = api.query('Contact', ({ variables }) =>
  HttpResponse.json({ data: { community: contactInfo(Boolean(variables.withSlots)) } }),
);

describe('contact channels, private questions and appointments', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());

  it('asks for free slots only with a topic, and serves the same question from its cache', async () => {
    worker.use(contactHandler);
    const calls = recordCalls();
    const plein = client();
    const channels = await plein.contact();
    expect(channels.contact.appointments).to.deep.equal({ description: null, durationMinutes: 45 });
    const withTopic = await plein.contact('ww', { slots: 3 });
    expect(withTopic.contact.appointments?.freeSlots).to.deep.equal([slot]);
    await plein.contact('ww', { slots: 3 });
    calls.stop();
    expect(calls.of('Contact').map((call) => call.variables)).to.deep.equal([
      { community: 'eemsdelta', topic: '', withSlots: false, slots: 6 },
      { community: 'eemsdelta', topic: 'ww', withSlots: true, slots: 3 },
    ]);
  });

  it('fetches the free slots again after any booking attempt, a slot taken by someone else too', async () => {
    worker.use(
      contactHandler,
      api.mutation('BookAppointment', () =>
        HttpResponse.json({
          data: {
            bookAppointment: {
              appointment: null,
              errors: [
                { field: 'slotId', code: 'SLOT_TAKEN', message: 'Deze tijd is net door iemand anders gekozen.' },
              ],
            },
          },
        }),
      ),
    );
    const calls = recordCalls();
    const plein = client();
    await plein.contact('ww');
    const fields = {
      slotId: 'slot-1',
      topic: 'ww',
      name: 'Amira',
      email: 'amira@voorbeeld.nl',
      idempotencyKey: 'k-12345678',
    };
    const payload = await plein.bookAppointment(fields);
    expect(payload.errors.map((error) => error.code)).to.deep.equal(['SLOT_TAKEN']);
    await plein.contact('ww');
    calls.stop();
    expect(calls.of('Contact')).to.have.length(2);
    expect(calls.of('BookAppointment')[0]!.variables.input).to.deep.equal(fields);
    expect(calls.of('BookAppointment')[0]!.device).to.match(/\S/);
  });

  it('sends a private question with the community and the device key', async () => {
    worker.use(
      api.mutation('AskPrivateQuestion', () =>
        HttpResponse.json({ data: { askPrivateQuestion: { confirmationSent: true, errors: [] } } }),
      ),
    );
    const calls = recordCalls();
    const fields = {
      topic: 'ww',
      body: 'Krijg ik WW na mijn ontslag?',
      email: 'amira@voorbeeld.nl',
      idempotencyKey: 'k-1',
    };
    const payload = await client().askPrivateQuestion(fields);
    calls.stop();
    expect(payload).to.deep.equal({ confirmationSent: true, errors: [] });
    expect(calls.of('AskPrivateQuestion')[0]!.variables.input).to.deep.equal({ ...fields, community: 'eemsdelta' });
    expect(calls.of('AskPrivateQuestion')[0]!.device).to.match(/\S/);
  });

  it('reads a private thread fresh each time, without the device key, and gives null for a wrong secret', async () => {
    worker.use(
      api.query('PrivateThread', ({ variables }) =>
        HttpResponse.json({
          data: {
            privateThread:
              variables.secret === 'juist-geheim'
                ? {
                    id: variables.id,
                    body: 'Mijn vraag',
                    createdAt: '2026-11-20T09:00:00.000Z',
                    deleteAfter: '2027-03-01T10:00:00.000Z',
                    topic: { slug: 'ww', name: 'WW' },
                    messages: [],
                  }
                : null,
          },
        }),
      ),
    );
    const calls = recordCalls();
    const plein = client();
    expect((await plein.privateThread('pv1', 'juist-geheim'))?.body).to.equal('Mijn vraag');
    await plein.privateThread('pv1', 'juist-geheim');
    expect(await plein.privateThread('pv1', 'fout-geheim')).to.equal(null);
    calls.stop();
    const reads = calls.of('PrivateThread');
    expect(reads.map((call) => call.variables.secret)).to.deep.equal(['juist-geheim', 'juist-geheim', 'fout-geheim']);
    expect(reads.map((call) => call.device)).to.deep.equal([null, null, null]);
  });

  it('cancels with the token from the e-mail, and fetches free slots again afterwards', async () => {
    worker.use(
      contactHandler,
      api.mutation('CancelAppointment', ({ variables }) =>
        HttpResponse.json({ data: { cancelAppointment: { cancelled: variables.token === 'annuleer-1', errors: [] } } }),
      ),
    );
    const calls = recordCalls();
    const plein = client();
    await plein.contact('ww');
    expect(await plein.cancelAppointment('annuleer-1')).to.deep.equal({ cancelled: true, errors: [] });
    await plein.contact('ww');
    calls.stop();
    expect(calls.of('CancelAppointment')[0]!.variables).to.deep.equal({ token: 'annuleer-1' });
    expect(calls.of('Contact')).to.have.length(2);
  });
});
