import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  AnswerQuestionDocument,
  ContactDocument,
  QuestionThreadDocument,
  SetContactChannelsDocument,
} from '@plein/schema';
import { runContactCommand } from '../src/contact-cli.ts';
import { eemsdelta } from '../src/seed/eemsdelta.ts';
import { seedCommunity } from '../src/seed/seed.ts';
import type { ContactSettings } from '../src/services/contact-service.ts';
import { dutchPhoneDigits, phoneHrefOf, validateContactChannels } from '../src/services/contact-validation.ts';
import type { UserError } from '../src/services/errors.ts';
import { type OpeningBlock, openStatus } from '../src/services/opening-hours.ts';
import type { Viewer } from '../src/services/viewer.ts';
import { key, refused } from './expert-world.ts';
import {
  type AccountsHarness,
  bearer,
  createAccount,
  onEveryEngine,
  signedInAccount,
  startAccountsHarness,
} from './sign-in-helper.ts';

/** Monday to Thursday 9:00 to 17:00, Friday 9:00 to 12:30: the demo's advice line. */
const weekHours: OpeningBlock[] = [
  ...[1, 2, 3, 4].map((weekday) => ({ weekday, opens: '09:00', closes: '17:00' })),
  { weekday: 5, opens: '09:00', closes: '12:30' },
];

/** The status at a UTC instant, in both languages. */
const statusAt = (iso: string, hours = weekHours, closedDays: string[] = []) =>
  openStatus(hours, closedDays, new Date(iso));

describe('opening hours in Dutch time (fixed instants)', () => {
  it('is open on a Monday in summer time: 10:00 in the Netherlands is 08:00 UTC, and 17:00 is 15:00 UTC', () => {
    assert.deepEqual(statusAt('2026-10-19T08:00:00.000Z'), {
      open: true,
      changesAt: '2026-10-19T15:00:00.000Z',
      label: { nl: 'Nu open tot 17:00', en: 'Open now until 17:00' },
    });
  });

  it('keeps the wall-clock hours on the Monday after summer time ends (25 October 2026): 17:00 is now 16:00 UTC', () => {
    assert.deepEqual(statusAt('2026-10-26T09:00:00.000Z'), {
      open: true,
      changesAt: '2026-10-26T16:00:00.000Z',
      label: { nl: 'Nu open tot 17:00', en: 'Open now until 17:00' },
    });
    // 07:30 UTC is 08:30 in winter time: not open yet (with the summer offset it would be 09:30, and open).
    assert.deepEqual(statusAt('2026-10-26T07:30:00.000Z'), {
      open: false,
      changesAt: '2026-10-26T08:00:00.000Z',
      label: { nl: 'Nu gesloten, weer open vandaag om 9:00', en: 'Closed now, open again today at 9:00' },
    });
  });

  it('counts across the end of summer time: Friday afternoon before it opens again on Monday 9:00 winter time', () => {
    assert.deepEqual(statusAt('2026-10-23T12:00:00.000Z'), {
      open: false,
      changesAt: '2026-10-26T08:00:00.000Z',
      label: { nl: 'Nu gesloten, weer open op maandag om 9:00', en: 'Closed now, open again on Monday at 9:00' },
    });
    // On the Sunday of the change itself.
    assert.deepEqual(statusAt('2026-10-25T11:00:00.000Z'), {
      open: false,
      changesAt: '2026-10-26T08:00:00.000Z',
      label: { nl: 'Nu gesloten, weer open morgen om 9:00', en: 'Closed now, open again tomorrow at 9:00' },
    });
  });

  it('counts across the start of summer time (29 March 2026): Monday 9:00 is 08:00 UTC before, 07:00 UTC after', () => {
    assert.deepEqual(statusAt('2026-03-23T08:00:00.000Z'), {
      open: true,
      changesAt: '2026-03-23T16:00:00.000Z',
      label: { nl: 'Nu open tot 17:00', en: 'Open now until 17:00' },
    });
    assert.deepEqual(statusAt('2026-03-27T12:00:00.000Z'), {
      open: false,
      changesAt: '2026-03-30T07:00:00.000Z',
      label: { nl: 'Nu gesloten, weer open op maandag om 9:00', en: 'Closed now, open again on Monday at 9:00' },
    });
    assert.deepEqual(statusAt('2026-03-30T07:00:00.000Z'), {
      open: true,
      changesAt: '2026-03-30T15:00:00.000Z',
      label: { nl: 'Nu open tot 17:00', en: 'Open now until 17:00' },
    });
  });

  it('closes at the closing minute, not a minute later', () => {
    assert.equal(statusAt('2026-11-02T15:59:00.000Z').label.nl, 'Nu open tot 17:00');
    assert.deepEqual(statusAt('2026-11-02T16:00:00.000Z'), {
      open: false,
      changesAt: '2026-11-03T08:00:00.000Z',
      label: { nl: 'Nu gesloten, weer open morgen om 9:00', en: 'Closed now, open again tomorrow at 9:00' },
    });
    assert.equal(statusAt('2026-11-06T11:29:00.000Z').label.nl, 'Nu open tot 12:30');
    assert.equal(statusAt('2026-11-06T11:30:00.000Z').label.nl, 'Nu gesloten, weer open op maandag om 9:00');
  });

  it('says "morgen" on a Sunday', () => {
    assert.deepEqual(statusAt('2026-11-01T12:00:00.000Z'), {
      open: false,
      changesAt: '2026-11-02T08:00:00.000Z',
      label: { nl: 'Nu gesloten, weer open morgen om 9:00', en: 'Closed now, open again tomorrow at 9:00' },
    });
  });

  it('skips a closed day: on Tweede Kerstdag the Saturday hours do not count, and after Christmas Eve Monday is next', () => {
    const withSaturday = [...weekHours, { weekday: 6, opens: '10:00', closes: '14:00' }];
    const christmas = ['2026-12-25', '2026-12-26'];
    // Saturday 26 December, 11:00 Dutch time: open without the closed day, closed with it.
    assert.equal(statusAt('2026-12-26T10:00:00.000Z', withSaturday).label.nl, 'Nu open tot 14:00');
    assert.deepEqual(statusAt('2026-12-26T10:00:00.000Z', withSaturday, christmas), {
      open: false,
      changesAt: '2026-12-28T08:00:00.000Z',
      label: { nl: 'Nu gesloten, weer open op maandag om 9:00', en: 'Closed now, open again on Monday at 9:00' },
    });
    // Christmas Eve after closing: Friday and Saturday are closed days, Sunday has no hours.
    assert.equal(
      statusAt('2026-12-24T16:30:00.000Z', withSaturday, christmas).label.nl,
      'Nu gesloten, weer open op maandag om 9:00',
    );
    // A closed day closes the whole day, also while it would be open.
    assert.equal(statusAt('2026-12-25T09:00:00.000Z', weekHours, christmas).open, false);
  });

  it('says "vandaag om 13:30" over a lunch break and treats touching blocks as one', () => {
    const hours = [
      { weekday: 2, opens: '09:00', closes: '12:00' },
      { weekday: 2, opens: '13:30', closes: '17:00' },
      { weekday: 3, opens: '09:00', closes: '12:00' },
      { weekday: 3, opens: '12:00', closes: '16:00' },
    ];
    assert.deepEqual(statusAt('2026-11-03T11:15:00.000Z', hours), {
      open: false,
      changesAt: '2026-11-03T12:30:00.000Z',
      label: { nl: 'Nu gesloten, weer open vandaag om 13:30', en: 'Closed now, open again today at 13:30' },
    });
    assert.equal(statusAt('2026-11-04T10:00:00.000Z', hours).label.nl, 'Nu open tot 16:00');
  });

  it('names the date from a week ahead, looks 14 days ahead at most, and is "Nu gesloten" beyond that', () => {
    const mondays = [{ weekday: 1, opens: '09:00', closes: '17:00' }];
    // Monday 2 November after closing: next Monday is 7 days ahead.
    assert.deepEqual(statusAt('2026-11-02T17:00:00.000Z', mondays).label, {
      nl: 'Nu gesloten, weer open op maandag 9 november om 9:00',
      en: 'Closed now, open again on Monday 9 November at 9:00',
    });
    assert.equal(
      statusAt('2026-11-02T17:00:00.000Z', mondays, ['2026-11-09']).label.nl,
      'Nu gesloten, weer open op maandag 16 november om 9:00',
    );
    assert.deepEqual(statusAt('2026-11-02T17:00:00.000Z', mondays, ['2026-11-09', '2026-11-16']), {
      open: false,
      changesAt: null,
      label: { nl: 'Nu gesloten', en: 'Closed now' },
    });
  });
});

describe('Dutch phone numbers', () => {
  it('accepts the ways people write them and links them with +31', () => {
    const cases: [string, string][] = [
      ['0800-0123', 'tel:+318000123'],
      ['0800 - 023 45 67', 'tel:+318000234567'],
      ['050 123 45 67', 'tel:+31501234567'],
      ['(050) 123 4567', 'tel:+31501234567'],
      ['+31 (0)50 123 45 67', 'tel:+31501234567'],
      ['0031 6 12345678', 'tel:+31612345678'],
      ['0900-1234567', 'tel:+319001234567'],
    ];
    for (const [written, href] of cases) assert.equal(phoneHrefOf(written), href, written);
  });

  it('refuses what is not a Dutch number', () => {
    for (const text of ['bel ons', '06-1234', '0800-12345', '0012 345 678 90', '+32 2 123 45 67', '0501234567x']) {
      assert.equal(dutchPhoneDigits(text), null, text);
    }
  });
});

/** Valid channels, as a staff member would send them. */
const goodChannels = (community = 'testgemeente') => ({
  community,
  adviceLine: {
    phoneNumber: '0800 - 023 45 67',
    description: 'Bel gratis met een adviseur.',
    openingHours: weekHours,
    closedDays: [
      { date: '2026-12-25', reason: 'Eerste Kerstdag' },
      { date: '2026-12-26', reason: 'Tweede Kerstdag' },
    ],
  },
  emailService: { description: 'Stel uw vraag per e-mail.', answerWithinDays: 3 },
  appointments: { description: 'Maak een afspraak.', durationMinutes: 45 },
});

type Channels = ReturnType<typeof goodChannels>;
type AdviceLineInput = Omit<Channels['adviceLine'], 'closedDays'> & {
  closedDays: { date: string; reason?: string | null }[];
};

onEveryEngine('contact channels', (engine, open) => {
  describe(`contact channels on ${engine}`, () => {
    let api: AccountsHarness;
    let staff: { token: string; viewer: Viewer; id: string };
    let admin: { token: string; viewer: Viewer; id: string };

    const setNow = (iso: string) => api.advance(Date.parse(iso) - api.now().getTime());
    const stored = () => api.opened.store.contact.channels(api.communityId);
    const auditCount = () => api.opened.store.countRows('audit_log');
    const account = async (roles: ('STAFF' | 'ADMIN' | 'MODERATOR')[], community = 'testgemeente') => {
      const created = await signedInAccount(api.services, {
        community,
        email: `${roles.join('-').toLowerCase()}-${key()}@${community}.nl`,
        roles,
      });
      const viewer = await api.services.sessions.viewerFor(created.token);
      assert.ok(viewer);
      return { token: created.token, viewer, id: created.id };
    };
    const contactQuery = (community = 'testgemeente', headers: Record<string, string> = {}) =>
      api.graphql(ContactDocument, { community, topic: 'ontslag', withSlots: false }, headers);

    before(async () => {
      api = await startAccountsHarness(open);
      await api.services.communities.create('andere-gemeente', 'Andere gemeente');
      staff = await account(['STAFF']);
      admin = await account(['ADMIN']);
    });
    after(async () => {
      await api?.close();
    });
    beforeEach(() => setNow('2026-11-01T12:00:00.000Z'));

    it('shows no channels before staff set them', async () => {
      const { body } = await contactQuery();
      assert.equal(body.errors, undefined);
      assert.deepEqual(body.data.community.contact, { adviceLine: null, emailService: null, appointments: null });
    });

    it('lets staff set the channels through GraphQL: stored, returned, and written to the audit log', async () => {
      const auditBefore = await auditCount();
      const { body } = await api.graphql(SetContactChannelsDocument, { input: goodChannels() }, bearer(staff.token));
      assert.equal(body.errors, undefined);
      const payload = body.data.setContactChannels;
      assert.deepEqual(payload.errors, []);
      assert.deepEqual(payload.contact.adviceLine, {
        phoneNumber: '0800 - 023 45 67',
        phoneHref: 'tel:+318000234567',
        description: 'Bel gratis met een adviseur.',
        openingHours: weekHours,
        closedDays: [
          { date: '2026-12-25', reason: 'Eerste Kerstdag' },
          { date: '2026-12-26', reason: 'Tweede Kerstdag' },
        ],
        // Sunday 1 November 2026, 13:00 Dutch time.
        status: { open: false, changesAt: '2026-11-02T08:00:00.000Z', label: 'Nu gesloten, weer open morgen om 9:00' },
      });
      assert.deepEqual(payload.contact.emailService, { description: 'Stel uw vraag per e-mail.', answerWithinDays: 3 });
      assert.deepEqual(payload.contact.appointments, { description: 'Maak een afspraak.', durationMinutes: 45 });

      const row = await stored();
      assert.ok(row);
      assert.equal(JSON.parse(row.advice_line!).phoneNumber, '0800 - 023 45 67');
      assert.deepEqual(JSON.parse(row.email_service!), {
        description: 'Stel uw vraag per e-mail.',
        answerWithinDays: 3,
      });
      assert.deepEqual(JSON.parse(row.appointments!), { description: 'Maak een afspraak.', durationMinutes: 45 });

      assert.equal(await auditCount(), auditBefore + 1);
      const [entry] = await api.services.audit.entries(api.communityId, 1);
      assert.deepEqual(
        { action: entry!.action, actor: entry!.actorUserId, subject: entry!.subjectId, detail: entry!.detail },
        {
          action: 'contact.channels-changed',
          actor: staff.id,
          subject: api.communityId,
          detail: {
            adviceLine: true,
            openingHours: 5,
            closedDays: 2,
            emailService: true,
            appointments: true,
          },
        },
      );
    });

    it('computes the status at the moment of the request, in the caller language', async () => {
      assert.deepEqual((await api.services.contact.setChannels(admin.viewer, goodChannels())).errors, []);
      // Monday 2 November 2026, 10:00 Dutch time.
      setNow('2026-11-02T09:00:00.000Z');
      let { body } = await contactQuery();
      assert.deepEqual(body.data.community.contact.adviceLine.status, {
        open: true,
        changesAt: '2026-11-02T16:00:00.000Z',
        label: 'Nu open tot 17:00',
      });
      ({ body } = await contactQuery('testgemeente', { 'accept-language': 'en-GB,en;q=0.8' }));
      assert.equal(body.data.community.contact.adviceLine.status.label, 'Open now until 17:00');

      // Friday 23 October 2026, 14:00 summer time: open again on Monday 9:00, which is winter time.
      setNow('2026-10-23T12:00:00.000Z');
      ({ body } = await contactQuery());
      assert.deepEqual(body.data.community.contact.adviceLine.status, {
        open: false,
        changesAt: '2026-10-26T08:00:00.000Z',
        label: 'Nu gesloten, weer open op maandag om 9:00',
      });

      // Christmas Eve after closing: Eerste Kerstdag is a closed day.
      setNow('2026-12-24T16:30:00.000Z');
      ({ body } = await contactQuery());
      assert.deepEqual(body.data.community.contact.adviceLine.status, {
        open: false,
        changesAt: '2026-12-28T08:00:00.000Z',
        label: 'Nu gesloten, weer open op maandag om 9:00',
      });
    });

    it('lists closed days from today on, at most 20; past ones stay stored', async () => {
      const days = Array.from({ length: 30 }, (_, i) => ({
        date: `2026-11-${String(i + 1).padStart(2, '0')}`,
        reason: i === 5 ? 'Studiedag' : null,
      }));
      const input = goodChannels();
      const result = await api.services.contact.setChannels(staff.viewer, {
        ...input,
        adviceLine: { ...input.adviceLine, closedDays: [...days].reverse() },
      });
      assert.deepEqual(result.errors, []);
      // Friday 6 November 2026, 10:00 Dutch time.
      setNow('2026-11-06T09:00:00.000Z');
      const { body } = await contactQuery();
      const listed: { date: string; reason: string | null }[] = body.data.community.contact.adviceLine.closedDays;
      assert.equal(listed.length, 20);
      assert.deepEqual(listed[0], { date: '2026-11-06', reason: 'Studiedag' });
      assert.equal(listed.at(-1)!.date, '2026-11-25');
      // Closed every day up to 30 November: no opening in the 14 days ahead.
      assert.deepEqual(body.data.community.contact.adviceLine.status, {
        open: false,
        changesAt: null,
        label: 'Nu gesloten',
      });
      assert.equal(JSON.parse((await stored())!.advice_line!).closedDays.length, 30);
    });

    it('switches a channel off with null, and stores hours in reading order with 9:00 as 09:00', async () => {
      const result = await api.services.contact.setChannels(staff.viewer, {
        community: 'testgemeente',
        adviceLine: {
          phoneNumber: '+31 (0)50  123 45 67',
          openingHours: [
            { weekday: 3, opens: '13:00', closes: '16:00' },
            { weekday: 1, opens: '9:00', closes: '12:00' },
            { weekday: 1, opens: '12:00', closes: '17:00' },
          ],
          closedDays: [],
        },
        emailService: null,
      });
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.contact?.adviceLine?.openingHours, [
        { weekday: 1, opens: '09:00', closes: '12:00' },
        { weekday: 1, opens: '12:00', closes: '17:00' },
        { weekday: 3, opens: '13:00', closes: '16:00' },
      ]);
      const { body } = await contactQuery();
      const { adviceLine, emailService, appointments } = body.data.community.contact;
      assert.equal(adviceLine.phoneNumber, '+31 (0)50 123 45 67');
      assert.equal(adviceLine.phoneHref, 'tel:+31501234567');
      assert.equal(adviceLine.description, null);
      assert.equal(emailService, null);
      assert.equal(appointments, null);
      const row = await stored();
      assert.equal(row?.email_service, null);
      assert.equal(row?.appointments, null);
    });

    describe('refuses bad input with a user error and stores nothing', () => {
      const line = (change: Partial<AdviceLineInput>) => ({
        adviceLine: { ...goodChannels().adviceLine, ...change },
      });
      const manyDays = (count: number) =>
        Array.from({ length: count }, (_, i) => ({
          date: new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
        }));
      const cases: [string, Record<string, unknown>, UserError[]][] = [
        ['no phone number', line({ phoneNumber: ' ' }), [{ field: 'adviceLine.phoneNumber', code: 'REQUIRED' }]],
        [
          'words for a phone number',
          line({ phoneNumber: 'bel ons' }),
          [{ field: 'adviceLine.phoneNumber', code: 'INVALID_PHONE' }],
        ],
        [
          'a number too short',
          line({ phoneNumber: '06-1234' }),
          [{ field: 'adviceLine.phoneNumber', code: 'INVALID_PHONE' }],
        ],
        [
          'an 0800 number of 5 digits',
          line({ phoneNumber: '0800-12345' }),
          [{ field: 'adviceLine.phoneNumber', code: 'INVALID_PHONE' }],
        ],
        [
          'weekday 8',
          line({ openingHours: [{ weekday: 8, opens: '09:00', closes: '17:00' }] }),
          [{ field: 'adviceLine.openingHours.0.weekday', code: 'INVALID_WEEKDAY' }],
        ],
        [
          'weekday 0',
          line({ openingHours: [...weekHours, { weekday: 0, opens: '09:00', closes: '17:00' }] }),
          [{ field: 'adviceLine.openingHours.5.weekday', code: 'INVALID_WEEKDAY' }],
        ],
        [
          'an hour of 25',
          line({ openingHours: [{ weekday: 1, opens: '25:00', closes: '26:00' }] }),
          [
            { field: 'adviceLine.openingHours.0.opens', code: 'INVALID_TIME' },
            { field: 'adviceLine.openingHours.0.closes', code: 'INVALID_TIME' },
          ],
        ],
        [
          'a time with a dot',
          line({ openingHours: [{ weekday: 1, opens: '09:00', closes: '17.00' }] }),
          [{ field: 'adviceLine.openingHours.0.closes', code: 'INVALID_TIME' }],
        ],
        [
          'closing before opening',
          line({ openingHours: [{ weekday: 2, opens: '17:00', closes: '09:00' }] }),
          [{ field: 'adviceLine.openingHours.0.closes', code: 'CLOSES_BEFORE_OPENS' }],
        ],
        [
          'closing when it opens',
          line({ openingHours: [{ weekday: 2, opens: '09:00', closes: '09:00' }] }),
          [{ field: 'adviceLine.openingHours.0.closes', code: 'CLOSES_BEFORE_OPENS' }],
        ],
        [
          'a block from midnight',
          line({ openingHours: [{ weekday: 2, opens: '00:00', closes: '08:00' }] }),
          [{ field: 'adviceLine.openingHours.0.opens', code: 'MIDNIGHT_HOURS' }],
        ],
        [
          'overlapping blocks',
          line({
            openingHours: [
              { weekday: 2, opens: '09:00', closes: '13:00' },
              { weekday: 3, opens: '09:00', closes: '13:00' },
              { weekday: 2, opens: '12:30', closes: '17:00' },
            ],
          }),
          [{ field: 'adviceLine.openingHours.2.opens', code: 'OVERLAPPING_HOURS' }],
        ],
        [
          'five blocks on one day',
          line({
            openingHours: ['08', '10', '12', '14', '16'].map((hour) => ({
              weekday: 4,
              opens: `${hour}:00`,
              closes: `${hour}:30`,
            })),
          }),
          [{ field: 'adviceLine.openingHours.4.weekday', code: 'TOO_MANY_BLOCKS' }],
        ],
        [
          'no opening hours at all',
          line({ openingHours: [] }),
          [{ field: 'adviceLine.openingHours', code: 'REQUIRED' }],
        ],
        [
          'a day that does not exist',
          line({ closedDays: [{ date: '2026-02-30', reason: null }] }),
          [{ field: 'adviceLine.closedDays.0.date', code: 'INVALID_DAY' }],
        ],
        [
          'a date in another format',
          line({ closedDays: [{ date: '25-12-2026', reason: null }] }),
          [{ field: 'adviceLine.closedDays.0.date', code: 'INVALID_DAY' }],
        ],
        [
          'the same closed day twice',
          line({
            closedDays: [
              { date: '2026-12-25', reason: 'Kerst' },
              { date: '2026-12-25', reason: 'Eerste Kerstdag' },
            ],
          }),
          [{ field: 'adviceLine.closedDays.1.date', code: 'DUPLICATE_DAY' }],
        ],
        [
          '61 closed days',
          line({ closedDays: manyDays(61) }),
          [{ field: 'adviceLine.closedDays', code: 'TOO_MANY_CLOSED_DAYS' }],
        ],
        [
          'a description of 301 characters',
          line({ description: 'a'.repeat(301) }),
          [{ field: 'adviceLine.description', code: 'TOO_LONG', params: { max: 300 } }],
        ],
        [
          'an answer within 0 days',
          { emailService: { description: null, answerWithinDays: 0 } },
          [{ field: 'emailService.answerWithinDays', code: 'ANSWER_WITHIN_DAYS' }],
        ],
        [
          'an answer within 11 days',
          { emailService: { description: null, answerWithinDays: 11 } },
          [{ field: 'emailService.answerWithinDays', code: 'ANSWER_WITHIN_DAYS' }],
        ],
        ...[10, 125, 47].map((minutes): [string, Record<string, unknown>, UserError[]] => [
          `appointments of ${minutes} minutes`,
          { appointments: { description: null, durationMinutes: minutes } },
          [{ field: 'appointments.durationMinutes', code: 'APPOINTMENT_DURATION' }],
        ]),
        [
          'a field that does not exist',
          { emailService: { answerWithinDays: 3, anwserWithinDays: 4 } },
          [{ field: 'emailService.anwserWithinDays', code: 'UNKNOWN_FIELD' }],
        ],
        [
          'a community that does not exist',
          { community: 'nergens' },
          [{ field: 'community', code: 'UNKNOWN_COMMUNITY' }],
        ],
      ];

      for (const [name, change, errors] of cases) {
        it(name, async () => {
          await api.services.contact.setChannels(staff.viewer, goodChannels());
          const before = { row: await stored(), audit: await auditCount() };
          const result = await api.services.contact.setChannels(staff.viewer, { ...goodChannels(), ...change });
          assert.deepEqual(result, { contact: null, errors });
          assert.deepEqual(await stored(), before.row, 'the channels did not change');
          assert.equal(await auditCount(), before.audit, 'no audit entry');
        });
      }

      it('with the message in Dutch, or in English when the caller prefers it', async () => {
        const input = { ...goodChannels(), appointments: { durationMinutes: 47 } };
        const dutch = await api.graphql(SetContactChannelsDocument, { input }, bearer(staff.token));
        assert.deepEqual(dutch.body.data.setContactChannels, {
          contact: null,
          errors: [
            {
              field: 'appointments.durationMinutes',
              code: 'APPOINTMENT_DURATION',
              message: 'Kies een duur van 15 tot en met 120 minuten, in stappen van 5 minuten.',
            },
          ],
        });
        const english = await api.graphql(
          SetContactChannelsDocument,
          { input },
          { ...bearer(staff.token), 'accept-language': 'en' },
        );
        assert.equal(
          english.body.data.setContactChannels.errors[0].message,
          'Choose a length from 15 to 120 minutes, in steps of 5 minutes.',
        );
      });
    });

    it('lets only staff and admins of the community set them', async () => {
      await api.services.contact.setChannels(staff.viewer, goodChannels());
      const changed = { ...goodChannels(), emailService: null };
      const moderator = await account(['MODERATOR']);
      const otherAdmin = await account(['ADMIN'], 'andere-gemeente');
      const before = { row: await stored(), audit: await auditCount() };
      await refused(api.services.contact.setChannels(null, changed), 'UNAUTHENTICATED');
      await refused(api.services.contact.setChannels(moderator.viewer, changed), 'FORBIDDEN');
      await refused(api.services.contact.setChannels(otherAdmin.viewer, changed), 'FORBIDDEN');
      const { body } = await api.graphql(SetContactChannelsDocument, { input: changed }, bearer(moderator.token));
      assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      assert.deepEqual(await stored(), before.row);
      assert.equal(await auditCount(), before.audit);

      const byAdmin = await api.services.contact.setChannels(admin.viewer, changed);
      assert.deepEqual(byAdmin.errors, []);
      assert.equal((await stored())?.email_service, null);
    });

    it('plein contact show and set: the file round-trips, errors are in Dutch, the audit log says cli', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'plein-contact-'));
      try {
        const lines: string[] = [];
        const problems: string[] = [];
        const out = { log: (line: string) => lines.push(line), error: (line: string) => problems.push(line) };
        const plein = (...args: string[]) => runContactCommand(args, api.services, out);
        const file = join(dir, 'kanalen.json');
        const { community: _community, ...channels } = goodChannels();
        writeFileSync(file, JSON.stringify({ ...channels, community: 'wordt-genegeerd', emailService: null }));

        assert.equal(await plein('set', '--community', 'testgemeente', '--file', file), 0);
        assert.deepEqual(lines.splice(0), [
          'De contactkanalen van testgemeente zijn gewijzigd.',
          'Advieslijn: 0800 - 023 45 67 (Nu gesloten, weer open morgen om 9:00)',
          'E-mailvraag: uit',
          'Afspraken: aan',
        ]);
        const [entry] = await api.services.audit.entries(api.communityId, 1);
        assert.equal(entry?.action, 'contact.channels-changed');
        assert.equal(entry?.actorUserId, null);
        assert.equal(entry?.detail.source, 'cli');

        assert.equal(await plein('show', '--community', 'testgemeente'), 0);
        const shown = JSON.parse(lines.splice(0).join('\n')) as ContactSettings;
        assert.deepEqual(shown, { ...channels, emailService: null });
        writeFileSync(file, JSON.stringify(shown));
        assert.equal(await plein('set', '--community', 'testgemeente', '--file', file), 0);
        lines.splice(0);

        writeFileSync(file, JSON.stringify({ ...shown, appointments: { description: null, durationMinutes: 47 } }));
        assert.equal(await plein('set', '--community', 'testgemeente', '--file', file), 1);
        assert.deepEqual(problems.splice(0), [
          'appointments.durationMinutes: Kies een duur van 15 tot en met 120 minuten, in stappen van 5 minuten.',
        ]);
        writeFileSync(file, '{ "adviceLine": ');
        assert.equal(await plein('set', '--community', 'testgemeente', '--file', file), 2);
        assert.deepEqual(problems.splice(0), [`Het bestand ${file} is geen geldige JSON.`]);
        assert.equal(await plein('show', '--community', 'nergens'), 1);
        assert.deepEqual(problems.splice(0), ['De community nergens bestaat niet.']);
        assert.equal(await plein('wis', '--community', 'testgemeente'), 2);
        assert.match(problems.splice(0)[0]!, /^Onbekende opdracht: contact wis/);
        assert.equal(
          JSON.parse((await stored())!.appointments!).durationMinutes,
          45,
          'the refused file changed nothing',
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('seeds the demo community with valid channels: the 0800 line, e-mail within 3 days, appointments of 45 minutes', async () => {
      await seedCommunity(api.opened.store, eemsdelta, api.now);
      const checked = validateContactChannels({ community: 'eemsdelta', ...eemsdelta.contact });
      assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.errors));
      assert.deepEqual({ ...checked.value, community: undefined }, { ...eemsdelta.contact, community: undefined });

      // Monday 2 November 2026, 8:00 Dutch time.
      setNow('2026-11-02T07:00:00.000Z');
      const { body } = await contactQuery('eemsdelta');
      const { adviceLine, emailService, appointments } = body.data.community.contact;
      assert.equal(adviceLine.phoneNumber, '0800-0123');
      assert.equal(adviceLine.phoneHref, 'tel:+318000123');
      assert.deepEqual(adviceLine.status.label, 'Nu gesloten, weer open vandaag om 9:00');
      assert.deepEqual(
        adviceLine.closedDays.map((day: { date: string }) => day.date),
        ['2026-12-25', '2027-01-01', '2027-03-29', '2027-04-27', '2027-05-06', '2027-05-17'],
      );
      assert.equal(emailService.answerWithinDays, 3);
      assert.equal(appointments.durationMinutes, 45);
    });
  });
});

onEveryEngine('hand-off on expert answers', (engine, open) => {
  describe(`hand-off on expert answers on ${engine}`, () => {
    let api: AccountsHarness;
    let expertToken: string;
    let questionId: string;

    const answerRow = (idempotencyKey: string) =>
      api.opened.connection.db
        .selectFrom('answers')
        .selectAll()
        .where('idempotency_key', '=', idempotencyKey)
        .executeTakeFirst();
    const answerInput = (extra: Record<string, unknown>) => ({
      questionId,
      body: 'Dit hangt erg af van uw eigen situatie. Laat een adviseur met u meekijken.',
      idempotencyKey: key(),
      ...extra,
    });

    before(async () => {
      api = await startAccountsHarness(open);
      // The fixture's verified expert, with an account to sign in with.
      const experts = await api.opened.store.expertsOfCommunity(api.communityId);
      const expert = experts.find((row) => row.display_name === 'Els Testadviseur')!;
      const account = await createAccount(api.services, {
        community: 'testgemeente',
        email: 'els@testgemeente.nl',
        roles: ['EXPERT'],
        expertId: expert.id,
      });
      const signedIn = await api.services.accounts.signIn({
        community: 'testgemeente',
        email: account.email,
        password: account.password,
      });
      expertToken = signedIn.session!.token;
      const { edges } = await api.services.questions.list(api.communityId, { first: 10 });
      questionId = edges.find((edge) => edge.node.title.startsWith('Hoe lang krijg ik WW'))!.node.id;
    });
    after(async () => {
      await api?.close();
    });

    it("stores an expert's next steps once each, and returns them with the answer and in the thread", async () => {
      const input = answerInput({ handOff: ['PRIVATE_QUESTION', 'APPOINTMENT', 'APPOINTMENT'] });
      const { body } = await api.graphql(AnswerQuestionDocument, { input }, bearer(expertToken));
      assert.equal(body.errors, undefined);
      const { answer, errors } = body.data.answerQuestion;
      assert.deepEqual(errors, []);
      assert.equal(answer.author.role, 'EXPERT');
      assert.deepEqual(answer.handOff, ['APPOINTMENT', 'PRIVATE_QUESTION']);
      assert.equal((await answerRow(input.idempotencyKey))?.hand_off, '["APPOINTMENT","PRIVATE_QUESTION"]');

      const thread = await api.graphql(QuestionThreadDocument, { id: questionId });
      const answers: { id: string; handOff: string[] }[] = thread.body.data.question.answers.edges.map(
        (edge: { node: { id: string; handOff: string[] } }) => edge.node,
      );
      assert.deepEqual(answers.find((node) => node.id === answer.id)?.handOff, ['APPOINTMENT', 'PRIVATE_QUESTION']);

      // Without next steps, an expert answer has none.
      const plain = await api.graphql(AnswerQuestionDocument, { input: answerInput({}) }, bearer(expertToken));
      assert.deepEqual(plain.body.data.answerQuestion.answer.handOff, []);
    });

    it("refuses a citizen's next steps with FIELD_NOT_ALLOWED and stores nothing", async () => {
      const answersBefore = await api.opened.store.countRows('answers');
      const input = answerInput({ handOff: ['APPOINTMENT'] });
      const { body } = await api.graphql(AnswerQuestionDocument, { input });
      assert.deepEqual(body.data.answerQuestion, {
        answer: null,
        ownerToken: null,
        errors: [
          {
            field: 'handOff',
            code: 'FIELD_NOT_ALLOWED',
            message: 'Alleen een expert met een geldige verificatie kan dit invullen. Laat dit veld leeg.',
          },
        ],
      });
      assert.equal(await answerRow(input.idempotencyKey), undefined);
      assert.equal(await api.opened.store.countRows('answers'), answersBefore);

      // An empty list is no next step: the citizen's answer goes through, with none.
      const empty = await api.graphql(AnswerQuestionDocument, { input: answerInput({ handOff: [] }) });
      assert.deepEqual(empty.body.data.answerQuestion.errors, []);
      assert.deepEqual(empty.body.data.answerQuestion.answer.handOff, []);
    });
  });
});
