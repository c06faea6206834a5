import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatReportPeriod, type ReportData, ReportScheduleDocument, SetReportScheduleDocument } from '@plein/schema';
import { type Mailer, type MailMessage, MemoryMailer } from '../src/mail/mailer.ts';
import type { Clock } from '../src/services/clock.ts';
import {
  lastCompletedPeriod,
  MAX_DELIVERY_ATTEMPTS,
  nextSendAt,
  type ReportBuilder,
  ReportScheduleService,
} from '../src/services/report-schedule-service.ts';
import { cliActor } from '../src/services/verification-service.ts';
import type { ReportFrequency, Role } from '../src/store/database-schema.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import type { TestDatabase } from './engines.ts';
import {
  type AccountsHarness,
  bearer,
  createAccount,
  onEveryEngine,
  sessionFor,
  startAccountsHarness,
  type TestAccount,
} from './sign-in-helper.ts';

const MINUTE = 60_000;
const at = (instant: string) => new Date(instant);

describe('the period a report e-mail covers', () => {
  const period = (frequency: ReportFrequency, instant: string) => {
    const { from, to, key } = lastCompletedPeriod(frequency, at(instant));
    return `${key} ${from}..${to}`;
  };

  it('monthly: the calendar month before, from Dutch midnight on the first (winter time)', () => {
    // 31 October 2026, 23:59:59 in the Netherlands (CET, UTC+1): October has not ended yet.
    assert.equal(period('MONTHLY', '2026-10-31T22:59:59.999Z'), '2026-09 2026-09-01..2026-09-30');
    assert.equal(period('MONTHLY', '2026-10-31T23:00:00.000Z'), '2026-10 2026-10-01..2026-10-31');
    assert.equal(lastCompletedPeriod('MONTHLY', at('2026-11-15T12:00:00Z')).endsAt, '2026-10-31T23:00:00.000Z');
    assert.equal(period('MONTHLY', '2027-01-01T00:00:00Z'), '2026-12 2026-12-01..2026-12-31');
  });

  it('monthly: the Dutch midnight in summer time (CEST, UTC+2)', () => {
    assert.equal(period('MONTHLY', '2027-06-30T21:59:59.999Z'), '2027-05 2027-05-01..2027-05-31');
    assert.equal(period('MONTHLY', '2027-06-30T22:00:00.000Z'), '2027-06 2027-06-01..2027-06-30');
    assert.equal(lastCompletedPeriod('MONTHLY', at('2027-07-02T09:00:00Z')).endsAt, '2027-06-30T22:00:00.000Z');
  });

  it('weekly: the ISO week (Monday to Sunday) before, across the year boundary of 2026-W53', () => {
    assert.equal(period('WEEKLY', '2026-11-01T22:59:59Z'), '2026-W43 2026-10-19..2026-10-25');
    assert.equal(period('WEEKLY', '2026-11-01T23:00:00Z'), '2026-W44 2026-10-26..2026-11-01');
    // Sunday 3 January 2027, 23:59 in the Netherlands: week 53 of 2026 is still running.
    assert.equal(period('WEEKLY', '2027-01-03T22:59:59Z'), '2026-W52 2026-12-21..2026-12-27');
    assert.equal(period('WEEKLY', '2027-01-03T23:00:00Z'), '2026-W53 2026-12-28..2027-01-03');
    assert.equal(period('WEEKLY', '2027-01-10T23:00:00Z'), '2027-W01 2027-01-04..2027-01-10');
    assert.equal(period('WEEKLY', '2027-06-06T22:00:00Z'), '2027-W22 2027-05-31..2027-06-06');
  });

  it('the next e-mail goes at the start of the next period, in Dutch time', () => {
    assert.equal(nextSendAt('MONTHLY', at('2026-11-01T12:00:00Z')), '2026-11-30T23:00:00.000Z');
    assert.equal(nextSendAt('MONTHLY', at('2027-03-15T12:00:00Z')), '2027-03-31T22:00:00.000Z');
    // Sunday: tomorrow. Monday: next week's Monday.
    assert.equal(nextSendAt('WEEKLY', at('2026-11-01T12:00:00Z')), '2026-11-01T23:00:00.000Z');
    assert.equal(nextSendAt('WEEKLY', at('2026-11-01T23:00:00Z')), '2026-11-08T23:00:00.000Z');
  });
});

/** A report as the contract shapes it; the scheduler only lays it out, so any figures do. */
function stubReport(period: { from: string; to: string }): ReportData {
  const count = (value: number) => ({ value, suppressed: false, label: String(value) });
  const figure = { current: count(12), previous: count(7) };
  const share = { value: 0.5, suppressed: false, label: '50%' };
  const duration = { hours: 5.2, suppressed: false, label: '5,2 uur' };
  return {
    period,
    previousPeriod: { from: '2026-08-31', to: '2026-09-30' },
    municipality: null,
    generatedAt: '2026-11-01T00:00:00.000Z',
    suppressionThreshold: 5,
    questions: figure,
    answers: figure,
    expertAnsweredShare: { current: share, previous: share },
    resolvedShare: { current: share, previous: share },
    medianHoursToFirstAnswer: { current: duration, previous: duration },
    medianHoursToFirstExpertAnswer: { current: duration, previous: duration },
    unansweredAfter48Hours: figure,
    visits: figure,
    questionsByTopic: [{ topic: { slug: 'ww', name: 'WW' }, questions: figure, titles: ['Hoe lang krijg ik WW?'] }],
    questionsByMunicipality: [{ municipality: null, questions: figure }],
    bucketSize: 'WEEK',
    questionsOverTime: [],
    visitsByPage: [],
    privateQuestions: figure,
    privateQuestionsByTopic: [],
  };
}

/** A mailer that refuses every message, as an SMTP server that is down; it keeps the addresses it was given. */
class FailingMailer implements Mailer {
  readonly tried: string[] = [];
  async send(message: MailMessage): Promise<void> {
    this.tried.push(message.to);
    throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  }
  close(): void {}
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;

onEveryEngine('report schedule', (engine, open) => {
  describe(`the report schedule and e-mail on ${engine}`, () => {
    let api: AccountsHarness;
    let database: TestDatabase;
    let admin: TestAccount & { token: string };
    let staff: TestAccount & { token: string };
    let moderator: TestAccount & { token: string };
    let otherAdmin: TestAccount & { token: string };
    const opened: OpenedStore[] = [];

    const account = async (roles: Role[], community = 'testgemeente') => {
      const created = await createAccount(api.services, {
        community,
        email: `${unique(roles.join('-').toLowerCase())}@${community}.nl`,
        displayName: unique(`${roles[0]} Naam`),
        roles,
      });
      return { ...created, token: await sessionFor(api.services, created) };
    };

    /** A community of its own for one test, with `staffCount` staff members. */
    const community = async (staffCount: number) => {
      const slug = unique('gemeente');
      const made = await api.services.communities.create(slug, `Gemeente ${slug}`);
      const staffMembers: TestAccount[] = [];
      for (let i = 0; i < staffCount; i++) {
        staffMembers.push(
          await createAccount(api.services, {
            community: slug,
            email: `staf${i}@${slug}.nl`,
            displayName: `Staf ${i}`,
            roles: ['STAFF'],
          }),
        );
      }
      return { ...made, staff: staffMembers };
    };

    /** The scheduler as one server instance has it: on a store, with a clock, a report builder and a mailer. */
    const instance = (
      options: { clock?: Clock; mailer?: Mailer; builds?: string[]; store?: OpenedStore; errors?: unknown[] } = {},
    ) => {
      const builder: ReportBuilder = async (communityId, period) => {
        options.builds?.push(`${communityId} ${period.from}..${period.to}`);
        return stubReport(period);
      };
      const store = (options.store ?? api.opened).store;
      return new ReportScheduleService(
        store,
        options.clock ?? (() => at('2026-10-15T10:00:00Z')),
        api.services.audit,
        builder,
        {
          mailer: options.mailer ?? new MemoryMailer(),
          publicUrl: 'https://plein.example.org',
          onError: (error) => options.errors?.push(error),
        },
      );
    };

    /** A schedule made at `createdAt`, through the CLI's path. */
    const schedule = async (
      target: { slug: string; staff: TestAccount[] },
      frequency: ReportFrequency,
      createdAt: string,
    ) => {
      const result = await instance({ clock: () => at(createdAt) }).setSchedule(cliActor, {
        community: target.slug,
        frequency,
        recipientIds: target.staff.map((member) => member.id),
      });
      assert.deepEqual(result.errors, []);
    };

    const sentTo = (mailer: MemoryMailer, slug: string) =>
      mailer.sent.filter((message) => message.messageId?.includes(`.${slug}.`)).map((message) => message.to);
    const deliveries = (communityId: string) => api.opened.store.reportSchedules.deliveries(communityId);

    const gql = {
      set: String(SetReportScheduleDocument),
      read: String(ReportScheduleDocument),
    };
    const setSchedule = (token: string | null, input: Record<string, unknown>, headers: Record<string, string> = {}) =>
      api.graphql(
        gql.set,
        { input: { community: 'testgemeente', ...input } },
        { ...(token ? bearer(token) : {}), ...headers },
      );
    const readSchedule = (token: string | null) =>
      api.graphql(gql.read, { community: 'testgemeente' }, token ? bearer(token) : {});
    const stored = async () => ({
      schedule: await api.opened.store.reportSchedules.schedule(api.communityId),
      recipients: (await api.opened.store.reportSchedules.recipients(api.communityId)).map((user) => user.id),
    });

    before(async () => {
      api = await startAccountsHarness(async () => (database = await open()));
      await api.services.communities.create('andere', 'Andere community');
      admin = await account(['ADMIN']);
      staff = await account(['STAFF']);
      moderator = await account(['MODERATOR']);
      otherAdmin = await account(['ADMIN'], 'andere');
    });
    after(async () => {
      for (const store of opened) await store.connection.close();
      await api?.close();
    });

    describe('setting it through GraphQL', () => {
      it('lets an admin choose a frequency and staff recipients, shows it to staff, and writes the audit log', async () => {
        const { body } = await setSchedule(admin.token, { frequency: 'MONTHLY', recipientIds: [staff.id, admin.id] });
        assert.equal(body.errors, undefined);
        const result = body.data.setReportSchedule;
        assert.deepEqual(result.errors, []);
        assert.equal(result.schedule.frequency, 'MONTHLY');
        // The fixture's clock: 1 November 2026, 12:00 UTC. The next e-mail: 1 December, 00:00 in the Netherlands.
        assert.equal(result.schedule.nextSendAt, '2026-11-30T23:00:00.000Z');
        assert.deepEqual(
          result.schedule.recipients.map((recipient: { id: string }) => recipient.id).sort(),
          [staff.id, admin.id].sort(),
        );
        const candidates = result.schedule.candidates.map((candidate: { email: string }) => candidate.email);
        assert.ok(candidates.includes(staff.email) && candidates.includes(admin.email));
        assert.ok(!candidates.includes(moderator.email), 'a moderator cannot receive the report');

        const read = await readSchedule(staff.token);
        assert.equal(read.body.errors, undefined);
        assert.deepEqual(read.body.data.community.reportSchedule, result.schedule);

        const entry = (await api.services.audit.entries(api.communityId)).at(-1)!;
        assert.equal(entry.action, 'report.schedule-changed');
        assert.equal(entry.actorUserId, admin.id);
        assert.deepEqual(entry.detail, { frequency: 'MONTHLY', recipients: [staff.id, admin.id] });
      });

      it('refuses anyone but an admin of the community, and changes nothing', async () => {
        const before = await stored();
        const input = { frequency: 'WEEKLY', recipientIds: [staff.id] };
        const code = (body: { errors?: { extensions?: { code?: string } }[] }) => body.errors?.[0]?.extensions?.code;
        assert.equal(code((await setSchedule(null, input)).body), 'UNAUTHENTICATED');
        assert.equal(code((await setSchedule(staff.token, input)).body), 'FORBIDDEN');
        assert.equal(code((await setSchedule(moderator.token, input)).body), 'FORBIDDEN');
        assert.equal(code((await setSchedule(otherAdmin.token, input)).body), 'FORBIDDEN');
        assert.equal(code((await readSchedule(null)).body), 'UNAUTHENTICATED');
        assert.equal(code((await readSchedule(moderator.token)).body), 'FORBIDDEN');
        assert.equal(code((await readSchedule(otherAdmin.token)).body), 'FORBIDDEN');
        assert.deepEqual(await stored(), before);
      });

      it('says in Dutch (or English) what is wrong with the recipients, and stores nothing', async () => {
        const before = await stored();
        const audit = (await api.services.audit.entries(api.communityId)).length;
        const refusal = async (input: Record<string, unknown>, headers: Record<string, string> = {}) => {
          const { body } = await setSchedule(admin.token, { frequency: 'WEEKLY', ...input }, headers);
          assert.equal(body.errors, undefined);
          assert.equal(body.data.setReportSchedule.schedule, null);
          return body.data.setReportSchedule.errors;
        };
        assert.deepEqual(await refusal({ recipientIds: [staff.id, 'bestaat-niet'] }), [
          { field: 'recipientIds', code: 'UNKNOWN_USER', message: 'Dit account bestaat niet (meer).' },
        ]);
        assert.deepEqual(await refusal({ recipientIds: [otherAdmin.id] }), [
          { field: 'recipientIds', code: 'UNKNOWN_USER', message: 'Dit account bestaat niet (meer).' },
        ]);
        assert.deepEqual(await refusal({ recipientIds: [moderator.id] }), [
          {
            field: 'recipientIds',
            code: 'NOT_STAFF',
            message: 'Dit account kan het rapport niet krijgen. Kies een medewerker of beheerder van deze community.',
          },
        ]);
        const many = Array.from({ length: 21 }, (_, i) => `account-${i}`);
        assert.deepEqual(await refusal({ recipientIds: many }), [
          { field: 'recipientIds', code: 'TOO_MANY_RECIPIENTS', message: 'Kies hoogstens 20 ontvangers.' },
        ]);
        assert.deepEqual(await refusal({ recipientIds: many }, { 'accept-language': 'en' }), [
          { field: 'recipientIds', code: 'TOO_MANY_RECIPIENTS', message: 'Choose at most 20 recipients.' },
        ]);
        assert.deepEqual(await refusal({ community: 'bestaat-niet', recipientIds: [] }), [
          { field: 'community', code: 'UNKNOWN_COMMUNITY', message: 'Deze community bestaat niet.' },
        ]);
        assert.deepEqual(await stored(), before);
        assert.equal((await api.services.audit.entries(api.communityId)).length, audit);
      });

      it('keeps the start when only the recipients change, starts anew with a new frequency, and switches off', async () => {
        assert.deepEqual(
          (await setSchedule(admin.token, { frequency: 'MONTHLY', recipientIds: [staff.id] })).body.data
            .setReportSchedule.errors,
          [],
        );
        const first = (await stored()).schedule!;
        api.advance(30 * MINUTE);
        const changed = await setSchedule(admin.token, { frequency: 'MONTHLY', recipientIds: [staff.id, admin.id] });
        assert.deepEqual(changed.body.data.setReportSchedule.errors, []);
        const recipientsChanged = await stored();
        assert.equal(recipientsChanged.schedule!.created_at, first.created_at);
        assert.notEqual(recipientsChanged.schedule!.updated_at, first.updated_at);
        assert.deepEqual(recipientsChanged.recipients.sort(), [staff.id, admin.id].sort());

        api.advance(MINUTE);
        await setSchedule(admin.token, { frequency: 'WEEKLY', recipientIds: [staff.id] });
        const weekly = (await stored()).schedule!;
        assert.equal(weekly.frequency, 'WEEKLY');
        assert.equal(weekly.created_at, api.now().toISOString());

        const { body } = await setSchedule(admin.token, { frequency: null, recipientIds: [staff.id] });
        assert.deepEqual(body.data.setReportSchedule.schedule.frequency, null);
        assert.deepEqual(body.data.setReportSchedule.schedule.nextSendAt, null);
        assert.equal((await stored()).schedule, undefined);
        assert.equal((await api.services.audit.entries(api.communityId)).at(-1)!.detail.frequency, 'OFF');
      });
    });

    describe('sending what is due', () => {
      it('sends the month once it has ended, never a month that ended before the schedule was made', async () => {
        const town = await community(2);
        await schedule(town, 'MONTHLY', '2026-10-15T10:00:00.000Z');
        const mailer = new MemoryMailer();
        const builds: string[] = [];
        const scheduler = instance({ mailer, builds });

        // September ended before the schedule was made; October has not ended yet at 23:59 Dutch time.
        await scheduler.sendDue(at('2026-10-20T12:00:00Z'));
        await scheduler.sendDue(at('2026-10-31T22:59:59Z'));
        assert.deepEqual(sentTo(mailer, town.slug), []);

        await scheduler.sendDue(at('2026-10-31T23:00:00Z'));
        assert.deepEqual(sentTo(mailer, town.slug).sort(), town.staff.map((member) => member.email).sort());
        assert.deepEqual(
          builds.filter((build) => build.startsWith(town.id)),
          [`${town.id} 2026-10-01..2026-10-31`],
        );
        const message = mailer.sent.find((sent) => sent.to === town.staff[0]!.email)!;
        assert.equal(message.subject, `Plein-rapport Gemeente ${town.slug}: oktober 2026`);
        assert.equal(message.messageId, `<report.${town.slug}.2026-10.${town.staff[0]!.id}@plein.example.org>`);

        // Later rounds in November send nothing more.
        await scheduler.sendDue(at('2026-11-01T00:00:00Z'));
        await scheduler.sendDue(at('2026-11-20T12:00:00Z'));
        assert.equal(sentTo(mailer, town.slug).length, 2);
        assert.deepEqual(
          (await deliveries(town.id)).map((row) => [row.period_key, row.state, row.attempts]),
          [
            ['2026-10', 'SENT', 1],
            ['2026-10', 'SENT', 1],
          ],
        );
      });

      it('a new schedule does not mail the past, and only the latest week is sent, never a backlog', async () => {
        const town = await community(1);
        await schedule(town, 'WEEKLY', '2026-12-20T10:00:00.000Z');
        const mailer = new MemoryMailer();
        const scheduler = instance({ mailer });
        await scheduler.sendDue(at('2026-12-20T10:00:01Z'));
        assert.deepEqual(sentTo(mailer, town.slug), []);
        // No server ran for two weeks: only week 53, which ended on Sunday 3 January 2027, is sent.
        await scheduler.sendDue(at('2027-01-05T08:00:00Z'));
        assert.deepEqual(
          mailer.sent.filter((sent) => sent.to === town.staff[0]!.email).map((sent) => sent.subject),
          [
            `Plein-rapport Gemeente ${town.slug}: week 53 (${formatReportPeriod({ from: '2026-12-28', to: '2027-01-03' }, 'nl')})`,
          ],
        );
        assert.deepEqual(
          (await deliveries(town.id)).map((row) => row.period_key),
          ['2026-W53'],
        );
      });

      it('sends exactly once with 10 rounds at the same moment on two connections, and again after a restart', async () => {
        const town = await community(2);
        await schedule(town, 'MONTHLY', '2026-09-01T00:00:00.000Z');
        const second = await openStore(database.url);
        opened.push(second);
        const mailer = new MemoryMailer();
        const builds: string[] = [];
        const now = at('2026-11-01T06:00:00Z');
        const rounds = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            instance({ mailer, builds, store: i % 2 === 0 ? api.opened : second }).sendDue(now),
          ),
        );
        assert.equal(
          rounds.reduce((sum, round) => sum + round.sent, 0),
          2,
        );
        assert.deepEqual(sentTo(mailer, town.slug).sort(), town.staff.map((member) => member.email).sort());
        assert.ok(builds.filter((build) => build.startsWith(town.id)).length <= 2);

        // A restart: new services on a new connection to the same database, later that day and that month.
        const restarted = await openStore(database.url);
        opened.push(restarted);
        const afterRestart = instance({ mailer, store: restarted });
        await afterRestart.sendDue(now);
        await afterRestart.sendDue(at('2026-11-01T18:00:00Z'));
        await afterRestart.sendDue(at('2026-11-29T12:00:00Z'));
        assert.equal(sentTo(mailer, town.slug).length, 2);
        assert.deepEqual(
          (await deliveries(town.id)).map((row) => row.state),
          ['SENT', 'SENT'],
        );
      });

      it('marks nothing SENT when the mailer fails, tries again in a later round, and gives up after 5 attempts', async () => {
        const town = await community(1);
        const key = { communityId: town.id, periodKey: '2026-10', userId: town.staff[0]!.id };
        await schedule(town, 'MONTHLY', '2026-09-01T00:00:00.000Z');
        const failing = new FailingMailer();
        const errors: unknown[] = [];
        const down = instance({ mailer: failing, errors });
        const start = at('2026-11-01T00:05:00Z').getTime();
        const minutes = (count: number) => new Date(start + count * MINUTE);

        await down.sendDue(minutes(0));
        assert.deepEqual(failing.tried, [town.staff[0]!.email]);
        assert.equal(errors.length, 1);
        assert.deepEqual(pick(await api.opened.store.reportSchedules.delivery(key)), {
          state: 'SENDING',
          attempts: 1,
          sent_at: null,
        });
        // The claim is fresh: another round a minute later leaves it alone.
        await down.sendDue(minutes(1));
        assert.equal(failing.tried.length, 1);

        // Sixteen minutes later the mail server works again: the report goes out on the second attempt.
        const mailer = new MemoryMailer();
        await instance({ mailer, clock: () => minutes(16) }).sendDue(minutes(16));
        assert.deepEqual(sentTo(mailer, town.slug), [town.staff[0]!.email]);
        const sent = await api.opened.store.reportSchedules.delivery(key);
        assert.deepEqual(pick(sent), { state: 'SENT', attempts: 2, sent_at: minutes(16).toISOString() });

        // Another community whose mail server stays down: FAILED after the fifth attempt, and no more attempts.
        const stuck = await community(1);
        await schedule(stuck, 'MONTHLY', '2026-09-01T00:00:00.000Z');
        const stuckKey = { ...key, communityId: stuck.id, userId: stuck.staff[0]!.id };
        const alwaysDown = new FailingMailer();
        for (let attempt = 0; attempt < 7; attempt++) {
          await instance({ mailer: alwaysDown }).sendDue(minutes(attempt * 16));
        }
        assert.deepEqual(
          alwaysDown.tried.filter((address) => address.endsWith(`@${stuck.slug}.nl`)),
          Array.from({ length: MAX_DELIVERY_ATTEMPTS }, () => stuck.staff[0]!.email),
        );
        assert.deepEqual(pick(await api.opened.store.reportSchedules.delivery(stuckKey)), {
          state: 'FAILED',
          attempts: 5,
          sent_at: null,
        });
      });

      it('sends nothing to a recipient who lost the STAFF role, and leaves them out of the schedule', async () => {
        const town = await community(2);
        await schedule(town, 'MONTHLY', '2026-09-01T00:00:00.000Z');
        const [keeps, loses] = town.staff as [TestAccount, TestAccount];
        await api.opened.store.transaction((store) => store.replaceUserRoles(loses.id, ['MODERATOR']));
        const mailer = new MemoryMailer();
        await instance({ mailer }).sendDue(at('2026-11-02T08:00:00Z'));
        assert.deepEqual(sentTo(mailer, town.slug), [keeps.email]);
        assert.deepEqual(
          (await deliveries(town.id)).map((row) => row.user_id),
          [keeps.id],
        );
        const shown = await api.services.reportSchedules.schedule(cliActor, town);
        assert.deepEqual(
          shown.recipients.map((recipient) => recipient.id),
          [keeps.id],
        );
      });
    });
  });
});

function pick(row: { state: string; attempts: number; sent_at: string | null } | undefined) {
  assert.ok(row, 'the delivery row exists');
  return { state: row.state, attempts: row.attempts, sent_at: row.sent_at };
}
