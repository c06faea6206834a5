import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { AdvisorAgendaDocument, BookAppointmentDocument, CancelAppointmentDocument } from '@plein/schema';
import { appointmentTime } from '../src/mail/appointment-mails.ts';
import { buildApp } from '../src/app.ts';
import { defaultRateLimits, rateLimitsFromEnvironment, writesIn } from '../src/http/rate-limits.ts';
import type { MailMessage } from '../src/mail/mailer.ts';
import type { AppointmentSlot, BookResult } from '../src/services/appointment-service.ts';
import type { UserError } from '../src/services/errors.ts';
import { newId } from '../src/services/secrets.ts';
import type { Viewer } from '../src/services/viewer.ts';
import { DAY, HOUR, MINUTE, refused } from './expert-world.ts';
import {
  type AccountsHarness,
  bearer,
  onEveryEngine,
  signedInAccount,
  startAccountsHarness,
} from './sign-in-helper.ts';

/**
 * Appointments (issue 8, item 4): advisors publish times, residents book one with a name, an address and a note, a
 * confirmation with an .ics file and a cancel link follows, then a reminder the day before. A slot is never booked
 * twice, not even by twenty people at once, on SQLite and on PostgreSQL.
 */

const COMMUNITY = 'testgemeente';
const gql = {
  book: String(BookAppointmentDocument),
  cancel: String(CancelAppointmentDocument),
  agenda: String(AdvisorAgendaDocument),
};
const codes = (result: { errors: UserError[] }) => result.errors.map((error) => error.code);

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
const key = () => unique('afspraak-sleutel');

/** Unfolds an .ics file (RFC 5545, 3.1) into its content lines. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

/** The value of a property, with TEXT escapes undone. */
function property(lines: string[], name: string): string | undefined {
  const line = lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  if (line === undefined) return undefined;
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\\n/gi, '\n')
    .replace(/\\([\\;,])/g, '$1');
}

const cancelTokenIn = (mail: MailMessage) => /\/afspraak\/annuleren\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];

onEveryEngine('appointments', (engine, open) => {
  describe(`appointments on ${engine}`, () => {
    let api: AccountsHarness;
    let els: { token: string; viewer: Viewer; email: string };
    let bram: { token: string; viewer: Viewer };
    let unverified: Viewer;
    let staff: { token: string; viewer: Viewer };
    let otherSlotId: string;
    /** Slot times move forward an hour per slot, so no two tests' slots overlap. */
    let nextStart = Date.parse('2026-11-03T08:00:00.000Z');
    const freshStart = () => {
      nextStart += HOUR;
      return new Date(nextStart).toISOString();
    };

    const db = () => api.opened.connection.db;
    const services = () => api.services;
    const sent = () => api.mailer.sent;
    const count = async (table: 'appointments' | 'appointment_slots') => api.opened.store.countRows(table);

    async function offerAppointments(communityId: string, durationMinutes: number | null): Promise<void> {
      const appointments = durationMinutes === null ? null : JSON.stringify({ description: null, durationMinutes });
      await db()
        .insertInto('contact_channels')
        .values({
          community_id: communityId,
          advice_line: null,
          email_service: null,
          appointments,
          updated_at: api.now().toISOString(),
        })
        .onConflict((oc) => oc.column('community_id').doUpdateSet({ appointments }))
        .execute();
    }

    async function account(roles: ['EXPERT'] | ['STAFF'], expertId?: string) {
      const created = await signedInAccount(services(), {
        community: COMMUNITY,
        email: `${unique('account')}@testgemeente.nl`,
        roles,
        expertId,
      });
      const viewer = await services().sessions.viewerFor(created.token);
      assert.ok(viewer);
      return { token: created.token, viewer, email: created.email };
    }

    /** One free slot of Els (verified for ontslag and ww), 30 minutes, as a video call unless said otherwise. */
    async function publish(
      options: { startsAt?: string; mode?: 'VIDEO' | 'PHONE' | 'IN_PERSON'; location?: string } = {},
    ): Promise<AppointmentSlot> {
      const result = await services().appointments.publishSlots(els.viewer, {
        community: COMMUNITY,
        startsAt: [options.startsAt ?? freshStart()],
        mode: options.mode ?? 'VIDEO',
        location: options.location,
      });
      assert.deepEqual(result.errors, []);
      return result.slots[0]!;
    }

    const bookingInput = (slotId: string, extra: Record<string, unknown> = {}) => ({
      slotId,
      topic: 'ww',
      name: 'Sanne',
      email: `${unique('inwoner')}@example.org`,
      note: 'Ik wil weten of ik WW krijg na mijn ontslag.',
      idempotencyKey: key(),
      ...extra,
    });

    async function book(slotId: string, extra: Record<string, unknown> = {}): Promise<BookResult> {
      return services().appointments.book(bookingInput(slotId, extra));
    }

    /** The mails sent while `work` ran (and what it started), once all of them have left. */
    async function mailsOf(work: () => Promise<unknown>): Promise<MailMessage[]> {
      await services().appointments.settled();
      const from = sent().length;
      await work();
      await services().appointments.settled();
      return sent().slice(from);
    }

    const slotRow = (id: string) =>
      db().selectFrom('appointment_slots').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const appointmentsOfSlot = (slotId: string) =>
      db().selectFrom('appointments').selectAll().where('slot_id', '=', slotId).execute();

    before(async () => {
      api = await startAccountsHarness(open);
      await offerAppointments(api.communityId, 30);
      const experts = await api.opened.store.expertsOfCommunity(api.communityId);
      const expertNamed = (name: string) => experts.find((expert) => expert.display_name === name)!.id;
      els = await account(['EXPERT'], expertNamed('Els Testadviseur'));
      bram = await account(['EXPERT'], expertNamed('Bram Testklant'));
      unverified = (await account(['EXPERT'])).viewer;
      staff = await account(['STAFF']);

      // Another community with a verified advisor and a topic of its own.
      const other = await services().communities.create('andere', 'Andere community');
      await offerAppointments(other.id, 45);
      const topic = newId();
      await api.opened.store.insertTopic({
        id: topic,
        community_id: other.id,
        slug: 'schulden',
        name: 'Schulden',
        position: 0,
      });
      const olga = newId();
      await api.opened.store.insertExpert(
        {
          id: olga,
          community_id: other.id,
          display_name: 'Olga Anders',
          title: null,
          organisation: 'Elders',
          independent: 0,
          bio: null,
          verified: 0,
          created_at: api.now().toISOString(),
          photo_url: null,
          photo_alt: null,
        },
        [topic],
      );
      await api.opened.store.transaction((store) =>
        store.insertVerification(
          {
            id: newId(),
            expert_id: olga,
            evidence: 'MANUAL',
            kvk_number: null,
            note: 'Gezien.',
            organisation: 'Elders',
            independence: 'INDEPENDENT',
            independence_note: null,
            valid_until: new Date(api.now().getTime() + 300 * DAY).toISOString(),
            verified_by: null,
            created_at: api.now().toISOString(),
            revoked_at: null,
          },
          [topic],
        ),
      );
      otherSlotId = newId();
      await api.opened.store.appointments.insertSlots([
        {
          id: otherSlotId,
          community_id: other.id,
          expert_id: olga,
          starts_at: '2026-11-10T09:00:00.000Z',
          ends_at: '2026-11-10T09:45:00.000Z',
          mode: 'PHONE',
          location: null,
          created_at: api.now().toISOString(),
          appointment_id: null,
        },
      ]);
      await services().communities.allowOrigin(COMMUNITY, 'https://www.testgemeente.nl');
    });

    after(async () => {
      await services()?.appointments.settled();
      await api?.close();
    });

    describe('advisors publish times', () => {
      it('stores times of the community length, soonest first, without a place for a video call', async () => {
        const late = freshStart();
        const early = freshStart();
        const result = await services().appointments.publishSlots(els.viewer, {
          community: COMMUNITY,
          startsAt: [early, late.replace('.000Z', '+00:00')],
          mode: 'VIDEO',
          location: 'Wordt genegeerd bij video',
        });
        assert.deepEqual(result.errors, []);
        // `late` was made first, so it is the earlier time.
        assert.deepEqual(
          result.slots.map((slot) => [slot.startsAt, slot.endsAt, slot.mode, slot.location]),
          [
            [late, new Date(Date.parse(late) + 30 * MINUTE).toISOString(), 'VIDEO', null],
            [early, new Date(Date.parse(early) + 30 * MINUTE).toISOString(), 'VIDEO', null],
          ],
        );
        const mine = (await services().appointments.mySlots(els.viewer)).map((slot) => slot.id);
        for (const slot of result.slots) assert.ok(mine.includes(slot.id));
      });

      it('refuses a time in the past, overlapping times, a missing address and more than 50 times, storing nothing', async () => {
        const before = await count('appointment_slots');
        const attempt = (input: Record<string, unknown>) =>
          services().appointments.publishSlots(els.viewer, { community: COMMUNITY, mode: 'VIDEO', ...input });

        assert.deepEqual(codes(await attempt({ startsAt: ['2026-11-01T11:00:00.000Z'] })), ['SLOT_TIME']);
        assert.deepEqual(codes(await attempt({ startsAt: ['2028-01-01T11:00:00.000Z'] })), ['SLOT_TIME']);
        assert.deepEqual(codes(await attempt({ startsAt: ['morgen om tien uur'] })), ['SLOT_TIME']);
        assert.deepEqual(codes(await attempt({ startsAt: [] })), ['REQUIRED']);

        const start = freshStart();
        const quarterLater = new Date(Date.parse(start) + 15 * MINUTE).toISOString();
        assert.deepEqual(codes(await attempt({ startsAt: [start, quarterLater] })), ['SLOT_OVERLAP']);
        assert.deepEqual(codes(await attempt({ startsAt: [start, start] })), ['SLOT_OVERLAP']);

        const inPerson = await attempt({ startsAt: [freshStart()], mode: 'IN_PERSON' });
        assert.deepEqual(inPerson.errors, [{ field: 'location', code: 'REQUIRED' }]);
        assert.deepEqual(
          codes(await attempt({ startsAt: [freshStart()], mode: 'IN_PERSON', location: 'x'.repeat(201) })),
          ['TOO_LONG'],
        );

        const many = Array.from({ length: 51 }, (_, i) => new Date(Date.parse(start) + (i + 10) * DAY).toISOString());
        assert.deepEqual(codes(await attempt({ startsAt: many })), ['TOO_MANY_SLOTS']);
        assert.equal(await count('appointment_slots'), before);

        // Overlapping a time the advisor already offers.
        const existing = await publish();
        const overlapping = new Date(Date.parse(existing.startsAt) + 10 * MINUTE).toISOString();
        assert.deepEqual(codes(await attempt({ startsAt: [overlapping] })), ['SLOT_OVERLAP']);
        assert.equal(await count('appointment_slots'), before + 1);
      });

      it('needs an expert with a current verification, in a community that offers appointments', async () => {
        const input = { community: COMMUNITY, startsAt: [freshStart()], mode: 'PHONE' };
        const before = await count('appointment_slots');
        assert.deepEqual(codes(await services().appointments.publishSlots(unverified, input)), [
          'VERIFICATION_REQUIRED',
        ]);
        await refused(services().appointments.publishSlots(staff.viewer, input), 'FORBIDDEN');
        await refused(services().appointments.publishSlots(null, input), 'UNAUTHENTICATED');
        await refused(services().appointments.publishSlots(els.viewer, { ...input, community: 'andere' }), 'FORBIDDEN');

        await offerAppointments(api.communityId, null);
        try {
          assert.deepEqual(codes(await services().appointments.publishSlots(els.viewer, input)), ['APPOINTMENTS_OFF']);
        } finally {
          await offerAppointments(api.communityId, 30);
        }
        assert.equal(await count('appointment_slots'), before);
      });

      it('removes an own free time; not a booked one, and not someone else’s', async () => {
        const free = await publish();
        const booked = await publish();
        assert.deepEqual((await book(booked.id)).errors, []);

        const notMine = await services().appointments.removeSlot(bram.viewer, free.id);
        assert.deepEqual(codes(notMine), ['UNKNOWN_SLOT']);
        const taken = await services().appointments.removeSlot(els.viewer, booked.id);
        assert.deepEqual(codes(taken), ['SLOT_BOOKED']);
        await slotRow(booked.id);

        const removed = await services().appointments.removeSlot(els.viewer, free.id);
        assert.deepEqual(removed.errors, []);
        assert.ok(!removed.slots.some((slot) => slot.id === free.id), 'the free times left');
        assert.equal(
          await db().selectFrom('appointment_slots').select('id').where('id', '=', free.id).executeTakeFirst(),
          undefined,
        );
        await refused(services().appointments.removeSlot(staff.viewer, booked.id), 'FORBIDDEN');
      });
    });

    describe('residents see free times and book one', () => {
      it('lists free times of advisors verified for the topic, from an hour from now, soonest first', async () => {
        const soon = await publish({ startsAt: new Date(api.now().getTime() + 30 * MINUTE).toISOString() });
        const slot = await publish();
        const ww = await services().appointments.freeSlots(api.communityId, 'ww', 20);
        assert.ok(ww.some((s) => s.id === slot.id));
        assert.ok(!ww.some((s) => s.id === soon.id), 'within the hour: not offered');
        assert.deepEqual(
          ww.map((s) => s.startsAt),
          [...ww.map((s) => s.startsAt)].sort(),
        );
        assert.ok(ww.every((s) => Date.parse(s.startsAt) >= api.now().getTime() + HOUR));
        // Els is not verified for bijstand; an unknown topic has no times.
        assert.ok(
          !(await services().appointments.freeSlots(api.communityId, 'bijstand-aanvragen')).some(
            (s) => s.id === slot.id,
          ),
        );
        assert.deepEqual(await services().appointments.freeSlots(api.communityId, 'bestaat-niet'), []);
        assert.ok((await services().appointments.freeSlots(api.communityId, 'ww', 1)).length <= 1);
        assert.ok((await services().appointments.freeSlots(api.communityId, 'ww', 50)).length <= 20);
      });

      it('books with an .ics file and a cancel link; the advisor gets a notice without what the resident wrote', async () => {
        const location =
          'Werkplein Eemsdelta, kamer 2.14; Stationsstraat 12, 9934 AB Delfzijl – ingang aan de achterkant';
        const slot = await publish({ mode: 'IN_PERSON', location });
        const email = `${unique('sanne')}@example.org`;
        let result: BookResult | undefined;
        const mails = await mailsOf(async () => {
          result = await book(slot.id, { email, name: 'Sanne  de Vries', note: 'Graag over mijn WW-uitkering.' });
        });
        assert.deepEqual(result?.errors, []);
        assert.deepEqual(result?.appointment, {
          id: result?.appointment?.id,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          mode: 'IN_PERSON',
          location,
          advisorName: 'Els Testadviseur',
        });

        const confirmation = mails.find((mail) => mail.to === email);
        assert.ok(confirmation, 'the resident gets a confirmation');
        assert.match(confirmation.text, /^Hallo Sanne de Vries,/);
        assert.match(confirmation.subject, /^Uw afspraak: /);
        const token = cancelTokenIn(confirmation);
        assert.ok(token, 'with a cancel link');
        assert.ok(confirmation.html.includes(`/afspraak/annuleren?token=${token}`));
        assert.match(confirmation.text, /30 dagen na de afspraak/);

        const [ics] = confirmation.attachments ?? [];
        assert.ok(ics, 'with an .ics file');
        assert.equal(ics.filename, 'afspraak.ics');
        assert.match(ics.contentType, /^text\/calendar/);
        const raw = ics.content;
        assert.ok(raw.endsWith('\r\n'));
        assert.ok(!/[^\r]\n/.test(raw), 'every line ends with CRLF');
        const physical = raw.slice(0, -2).split('\r\n');
        for (const line of physical) {
          assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `folded at 75 octets: ${line}`);
          // A folded piece never splits a character: every piece is valid UTF-8 on its own.
          new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line, 'utf8'));
        }
        assert.ok(
          physical.some((line) => line.startsWith(' ')),
          'the long location is folded',
        );
        const lines = unfold(raw);
        assert.equal(lines[0], 'BEGIN:VCALENDAR');
        assert.equal(lines.at(-2), 'END:VCALENDAR');
        for (const name of ['VERSION', 'PRODID', 'METHOD', 'UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY']) {
          assert.ok(property(lines, name), `${name} is there`);
        }
        assert.ok(lines.includes('BEGIN:VEVENT') && lines.includes('END:VEVENT'));
        assert.equal(property(lines, 'VERSION'), '2.0');
        assert.equal(property(lines, 'METHOD'), 'PUBLISH');
        const utc = (iso: string) => iso.replace(/[-:]/g, '').replace('.000', '');
        assert.equal(property(lines, 'DTSTART'), utc(slot.startsAt));
        assert.equal(property(lines, 'DTEND'), utc(slot.endsAt));
        assert.match(property(lines, 'DTSTAMP')!, /^\d{8}T\d{6}Z$/);
        assert.equal(property(lines, 'UID'), `${result?.appointment?.id}@localhost`);
        assert.equal(property(lines, 'LOCATION'), location);
        assert.ok(lines.some((line) => line.startsWith('LOCATION:') && line.includes('\\,') && line.includes('\\;')));
        assert.equal(property(lines, 'SUMMARY'), 'Afspraak met Els Testadviseur');
        assert.ok(property(lines, 'DESCRIPTION')!.includes(`/afspraak/annuleren?token=${token}`));

        const notice = mails.find((mail) => mail.to === els.email);
        assert.ok(notice, 'the advisor gets a notice at their account address');
        assert.ok(
          notice.text.includes(
            `Er is een afspraak met u gemaakt op ${appointmentTime(slot.startsAt, slot.endsAt, 'nl')}.`,
          ),
        );
        for (const secret of ['Sanne', email, 'WW-uitkering', token]) {
          assert.ok(!notice.text.includes(secret) && !notice.html.includes(secret), `no ${secret} in the notice`);
        }
        assert.equal(mails.length, 2);
      });

      it('gives the same booking for the same idempotency key, and sends one confirmation', async () => {
        const slot = await publish();
        const input = bookingInput(slot.id);
        const mails = await mailsOf(async () => {
          const first = await services().appointments.book(input);
          const again = await services().appointments.book(input);
          assert.deepEqual(first.errors, []);
          assert.deepEqual(again, first);
        });
        assert.equal(mails.filter((mail) => mail.to === input.email).length, 1);
        assert.equal((await appointmentsOfSlot(slot.id)).length, 1);
      });

      it('twenty bookings of one slot at once: exactly one succeeds, the others hear it was just taken', async () => {
        const slot = await publish();
        const inputs = Array.from({ length: 20 }, () => bookingInput(slot.id));
        let results: BookResult[] = [];
        const mails = await mailsOf(async () => {
          results = await Promise.all(inputs.map((input) => services().appointments.book(input)));
        });
        const winners = results.filter((result) => result.appointment !== null);
        assert.equal(winners.length, 1);
        assert.deepEqual(
          results.filter((result) => result.appointment === null).map(codes),
          Array.from({ length: 19 }, () => ['SLOT_TAKEN']),
        );
        const rows = await appointmentsOfSlot(slot.id);
        assert.equal(rows.length, 1);
        assert.equal((await slotRow(slot.id)).appointment_id, rows[0]!.id);
        const winner = inputs[results.indexOf(winners[0]!)]!;
        const confirmations = mails.filter((mail) => (mail.attachments ?? []).length > 0);
        assert.deepEqual(
          confirmations.map((mail) => mail.to),
          [winner.email],
        );
      });

      it('twenty bookings of one slot at once through GraphQL: one appointment, nineteen clear messages', async () => {
        const slot = await publish();
        const responses = await Promise.all(
          Array.from({ length: 20 }, () => api.graphql(gql.book, { input: bookingInput(slot.id) })),
        );
        const payloads = responses.map((response) => {
          assert.equal(response.status, 200);
          assert.equal(response.body.errors, undefined);
          return response.body.data.bookAppointment;
        });
        assert.equal(payloads.filter((payload) => payload.appointment !== null).length, 1);
        const refusals = payloads.filter((payload) => payload.appointment === null);
        assert.equal(refusals.length, 19);
        for (const payload of refusals) {
          assert.deepEqual(payload.errors, [
            {
              field: 'slotId',
              code: 'SLOT_TAKEN',
              message: 'Deze tijd is net door iemand anders gekozen. Kies een andere tijd.',
            },
          ]);
        }
        assert.equal((await appointmentsOfSlot(slot.id)).length, 1);
        await services().appointments.settled();
      });

      it('refuses a past slot, an advisor not verified for the topic, a bad address, another community: nothing stored', async () => {
        const slot = await publish();
        const before = { appointments: await count('appointments'), mails: sent().length };
        const attempt = async (extra: Record<string, unknown>, slotId = slot.id) => {
          const result = await book(slotId, extra);
          assert.equal(result.appointment, null);
          return result.errors;
        };

        assert.deepEqual(await attempt({ topic: 'bijstand-aanvragen' }), [
          { field: 'slotId', code: 'SLOT_UNAVAILABLE' },
        ]);
        assert.deepEqual(await attempt({ email: 'sanne@' }), [{ field: 'email', code: 'INVALID_EMAIL' }]);
        assert.deepEqual(await attempt({ email: 'geen adres' }), [{ field: 'email', code: 'INVALID_EMAIL' }]);
        assert.deepEqual(await attempt({ name: '   ' }), [{ field: 'name', code: 'REQUIRED', params: { min: 1 } }]);
        assert.deepEqual(await attempt({ name: 'n'.repeat(81) }), [
          { field: 'name', code: 'TOO_LONG', params: { max: 80 } },
        ]);
        assert.deepEqual(await attempt({ note: 'n'.repeat(501) }), [
          { field: 'note', code: 'TOO_LONG', params: { max: 500 } },
        ]);
        assert.deepEqual(await attempt({ antiSpam: { honeypot: 'ik ben een bot' } }), [
          { field: null, code: 'POST_REFUSED' },
        ]);
        assert.deepEqual(await attempt({}, 'bestaat-niet'), [{ field: 'slotId', code: 'SLOT_UNAVAILABLE' }]);
        // A slot of "andere" with a topic of testgemeente, and from testgemeente's website.
        assert.deepEqual(await attempt({}, otherSlotId), [{ field: 'slotId', code: 'SLOT_UNAVAILABLE' }]);
        await assert.rejects(
          services().appointments.book(bookingInput(otherSlotId, { topic: 'schulden' }), 'nl', {
            origin: 'https://www.testgemeente.nl',
            ownOrigin: 'http://localhost:4000',
          }),
          (error: { code?: string }) => error.code === 'FORBIDDEN',
        );

        // The same slot once it has started.
        const shift = Date.parse(slot.startsAt) - api.now().getTime();
        api.advance(shift);
        try {
          assert.deepEqual(await attempt({}), [{ field: 'slotId', code: 'SLOT_UNAVAILABLE' }]);
        } finally {
          api.advance(-shift);
        }

        await services().appointments.settled();
        assert.equal(await count('appointments'), before.appointments);
        assert.equal(sent().length, before.mails);
        assert.equal((await slotRow(slot.id)).appointment_id, null);
        assert.equal((await slotRow(otherSlotId)).appointment_id, null);
      });

      it('stores the name, the address and the note encrypted: the SQLite file does not hold them', async () => {
        const slot = await publish();
        const name = unique('Pseudoniem');
        const email = `${unique('geheim')}@example.org`;
        const note = `Mijn situatie ${unique('notitie')}`;
        assert.deepEqual((await book(slot.id, { name, email, note })).errors, []);
        const [row] = await appointmentsOfSlot(slot.id);
        for (const column of [row!.name_encrypted, row!.email_encrypted, row!.note_encrypted!]) {
          assert.match(column, /^v1\./);
        }
        if (engine !== 'SQLite') return;
        const path = api.opened.connection.describe.slice('sqlite:'.length);
        const files = [path, `${path}-wal`].filter(existsSync).map((file) => readFileSync(file));
        assert.ok(files.length > 0);
        for (const secret of [name, email, note]) {
          assert.ok(!files.some((file) => file.includes(secret)), `${secret} is not readable in the database files`);
        }
      });
    });

    describe('the advisor’s agenda', () => {
      it('shows the expert their appointments with the decrypted details; others are refused', async () => {
        const slot = await publish();
        const name = unique('Inwoner');
        const input = bookingInput(slot.id, { name, note: null });
        assert.deepEqual((await services().appointments.book(input)).errors, []);

        const agenda = await api.graphql(gql.agenda, { first: 50 }, bearer(els.token));
        assert.equal(agenda.body.errors, undefined);
        const mine = agenda.body.data.viewer.appointments.find(
          (appointment: { slot: { id: string } }) => appointment.slot.id === slot.id,
        );
        assert.deepEqual(
          { ...mine, id: undefined, bookedAt: undefined },
          {
            id: undefined,
            bookedAt: undefined,
            name,
            email: input.email,
            note: null,
            topic: { slug: 'ww', name: 'WW aanvragen, hoogte en duur' },
            slot: {
              id: slot.id,
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              mode: 'VIDEO',
              location: null,
              advisor: {
                id: els.viewer.expertId,
                displayName: 'Els Testadviseur',
                title: 'Onafhankelijk arbeidsadviseur',
                organisation: 'Adviespraktijk Test',
              },
            },
          },
        );
        const startsAt = agenda.body.data.viewer.appointments.map(
          (a: { slot: { startsAt: string } }) => a.slot.startsAt,
        );
        assert.deepEqual(startsAt, [...startsAt].sort());
        assert.ok(!agenda.body.data.viewer.mySlots.some((free: { id: string }) => free.id === slot.id));

        const bramsAgenda = await api.graphql(gql.agenda, {}, bearer(bram.token));
        assert.deepEqual(bramsAgenda.body.data.viewer.appointments, []);
        const staffs = await api.graphql(gql.agenda, {}, bearer(staff.token));
        assert.equal(staffs.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
        const anonymous = await api.graphql(gql.agenda, {});
        assert.equal(anonymous.body.data.viewer, null);
        await refused(services().appointments.agenda(null), 'UNAUTHENTICATED');
        await refused(services().appointments.mySlots(staff.viewer), 'FORBIDDEN');
      });
    });

    describe('cancelling with the link', () => {
      it('frees the slot, which is offered again; a second cancel and a wrong token get a clear message', async () => {
        const slot = await publish();
        const input = bookingInput(slot.id);
        const mails = await mailsOf(() => services().appointments.book(input));
        const token = cancelTokenIn(mails.find((mail) => mail.to === input.email)!)!;
        assert.ok(!(await services().appointments.freeSlots(api.communityId, 'ww', 20)).some((s) => s.id === slot.id));

        const cancelMails = await mailsOf(async () => {
          const cancelled = await api.graphql(gql.cancel, { token });
          assert.deepEqual(cancelled.body.data.cancelAppointment, { cancelled: true, errors: [] });
        });
        assert.equal((await slotRow(slot.id)).appointment_id, null);
        assert.ok((await services().appointments.freeSlots(api.communityId, 'ww', 20)).some((s) => s.id === slot.id));
        const [row] = await appointmentsOfSlot(slot.id);
        assert.ok(row!.cancelled_at);
        const citizen = cancelMails.find((mail) => mail.to === input.email);
        assert.equal(citizen?.subject, 'Uw afspraak is geannuleerd');
        assert.match(cancelMails.find((mail) => mail.to === els.email)!.text, /Deze tijd is nu weer vrij/);

        const again = await api.graphql(gql.cancel, { token }, { 'accept-language': 'en' });
        assert.deepEqual(again.body.data.cancelAppointment, {
          cancelled: false,
          errors: [
            {
              field: 'token',
              code: 'ALREADY_CANCELLED',
              message: 'This appointment is already cancelled. You do not need to do anything else.',
            },
          ],
        });
        for (const wrong of ['x'.repeat(43), 'kort', '']) {
          assert.deepEqual(codes(await services().appointments.cancel(wrong)), ['CANCEL_LINK_INVALID']);
        }
        // Someone else can book the time now.
        assert.deepEqual((await book(slot.id)).errors, []);
      });

      it('shows the appointment on GET, cancels on POST, and explains an unknown, cancelled or past link', async () => {
        const slot = await publish({ startsAt: '2026-11-24T09:00:00.000Z', mode: 'PHONE' });
        const input = bookingInput(slot.id);
        const mails = await mailsOf(() => services().appointments.book(input));
        const token = cancelTokenIn(mails.find((mail) => mail.to === input.email)!)!;
        const url = `/afspraak/annuleren?token=${token}`;

        const page = await api.app.inject({ method: 'GET', url });
        assert.equal(page.statusCode, 200);
        assert.match(page.headers['content-type'] as string, /text\/html/);
        assert.match(page.body, /<html lang="nl">/);
        assert.match(page.body, /dinsdag 24 november 2026 van 10:00 tot 10:30 uur/);
        assert.match(page.body, /Els Testadviseur/);
        assert.match(page.body, /Telefonisch/);
        assert.match(page.body, /Ja, annuleer mijn afspraak/);
        assert.ok(!page.body.includes(input.email), 'the page does not show the address');
        assert.equal((await slotRow(slot.id)).appointment_id !== null, true, 'a GET changes nothing');

        const english = await api.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en-GB,en' } });
        assert.match(english.body, /Yes, cancel my appointment/);
        assert.match(english.body, /Tuesday 24 November 2026, 10:00 to 10:30 \(Dutch time\)/);

        const posted = await api.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: `token=${token}`,
        });
        assert.equal(posted.statusCode, 200);
        assert.match(posted.body, /Uw afspraak is geannuleerd/);
        assert.equal((await slotRow(slot.id)).appointment_id, null);

        const afterwards = await api.app.inject({ method: 'GET', url });
        assert.equal(afterwards.statusCode, 410);
        assert.match(afterwards.body, /Deze afspraak is al geannuleerd/);
        const postedAgain = await api.app.inject({ method: 'POST', url });
        assert.equal(postedAgain.statusCode, 410);

        const unknown = await api.app.inject({ method: 'GET', url: `/afspraak/annuleren?token=${'a'.repeat(43)}` });
        assert.equal(unknown.statusCode, 404);
        assert.match(unknown.body, /Deze link werkt niet/);
        const none = await api.app.inject({ method: 'POST', url: '/afspraak/annuleren' });
        assert.equal(none.statusCode, 404);

        // A past appointment: its page says so and cancelling is refused.
        const past = await publish({ startsAt: '2026-11-25T09:00:00.000Z' });
        const pastInput = bookingInput(past.id);
        const pastMails = await mailsOf(() => services().appointments.book(pastInput));
        const pastUrl = `/afspraak/annuleren?token=${cancelTokenIn(pastMails.find((m) => m.to === pastInput.email)!)}`;
        const shift = Date.parse(past.endsAt) - api.now().getTime();
        api.advance(shift);
        try {
          const pastPage = await api.app.inject({ method: 'GET', url: pastUrl });
          assert.equal(pastPage.statusCode, 410);
          assert.match(pastPage.body, /al begonnen of voorbij/);
          const pastPost = await api.app.inject({ method: 'POST', url: pastUrl });
          assert.equal(pastPost.statusCode, 410);
        } finally {
          api.advance(-shift);
        }
        assert.notEqual((await slotRow(past.id)).appointment_id, null);
      });
    });

    describe('rate limit', () => {
      it('counts bookings per device within the slot’s community (PLEIN_RATE_BOOK, 5 per 10 minutes by default)', async () => {
        assert.deepEqual(defaultRateLimits.book, { max: 5, windowMs: 10 * MINUTE });
        assert.deepEqual(rateLimitsFromEnvironment({ PLEIN_RATE_BOOK: '2/1h' }).book, { max: 2, windowMs: HOUR });
        assert.equal(rateLimitsFromEnvironment({ PLEIN_RATE_BOOK: 'off' }).book, null);
        assert.deepEqual(
          writesIn(gql.book, { input: { slotId: 's1' } }).map((write) => write.action),
          ['book'],
        );

        const limited = await buildApp({
          store: api.opened.store,
          services: services(),
          logLevel: 'silent',
          rateLimits: { ...defaultRateLimits, read: null, book: { max: 2, windowMs: 10 * MINUTE } },
        });
        try {
          const device = { 'plein-device': unique('apparaat-0123456789abcdef') };
          const send = async () =>
            limited.inject({
              method: 'POST',
              url: '/graphql',
              headers: { 'content-type': 'application/json', host: 'localhost:4000', ...device },
              payload: JSON.stringify({ query: gql.book, variables: { input: bookingInput((await publish()).id) } }),
            });
          const statuses = [];
          for (let i = 0; i < 3; i += 1) statuses.push((await send()).statusCode);
          assert.deepEqual(statuses, [200, 200, 429]);
          const refusedBody = (await send()).json() as { errors: { extensions: { code: string } }[] };
          assert.equal(refusedBody.errors[0]!.extensions.code, 'RATE_LIMITED');
        } finally {
          await services().appointments.settled();
          await limited.close();
        }
      });
    });

    describe('reminders and retention', () => {
      it('sends one reminder within 24 hours before, not earlier, also with two runs at once', async () => {
        const start = Date.parse('2026-12-01T09:00:00.000Z');
        const slot = await publish({ startsAt: new Date(start).toISOString() });
        const input = bookingInput(slot.id);
        const mails = await mailsOf(() => services().appointments.book(input));
        assert.match(mails.find((mail) => mail.to === input.email)!.text, /een dag voor de afspraak nog een e-mail/);
        const remindersTo = (list: MailMessage[]) => list.filter((mail) => mail.subject.startsWith('Herinnering'));

        const appointments = services().appointments;
        const early = await mailsOf(async () => {
          assert.equal(await appointments.sendReminders(new Date(start - 3 * DAY)), 0);
          assert.equal(await appointments.sendReminders(new Date(start - DAY - MINUTE)), 0);
        });
        assert.deepEqual(remindersTo(early), []);

        const due = new Date(start - DAY + 5 * MINUTE);
        let counts: number[] = [];
        const reminded = await mailsOf(async () => {
          counts = await Promise.all([appointments.sendReminders(due), appointments.sendReminders(due)]);
        });
        assert.equal(counts[0]! + counts[1]!, 1);
        const reminders = remindersTo(reminded).filter((mail) => mail.to === input.email);
        assert.equal(reminders.length, 1);
        assert.match(
          reminders[0]!.subject,
          /^Herinnering: uw afspraak dinsdag 1 december 2026 van 10:00 tot 10:30 uur/,
        );
        // The reminder's link is the confirmation's link, and it still works.
        const token = cancelTokenIn(reminders[0]!)!;
        assert.equal(token, cancelTokenIn(mails.find((mail) => mail.to === input.email)!));
        assert.equal((await appointments.cancelLinkState(token)).state, 'active');

        const later = await mailsOf(() => appointments.sendReminders(new Date(start - HOUR)));
        assert.deepEqual(remindersTo(later), []);
      });

      it('sends no reminder for a cancelled appointment or one booked within a day', async () => {
        const start = Date.parse('2026-12-02T09:00:00.000Z');
        const cancelled = await publish({ startsAt: new Date(start).toISOString() });
        const cancelledInput = bookingInput(cancelled.id);
        const mails = await mailsOf(() => services().appointments.book(cancelledInput));
        const token = cancelTokenIn(mails.find((mail) => mail.to === cancelledInput.email)!)!;
        assert.deepEqual((await services().appointments.cancel(token)).errors, []);

        const soon = await publish({ startsAt: new Date(api.now().getTime() + 3 * HOUR).toISOString() });
        const soonInput = bookingInput(soon.id);
        const soonMails = await mailsOf(() => services().appointments.book(soonInput));
        assert.doesNotMatch(soonMails.find((mail) => mail.to === soonInput.email)!.text, /herinneren/);

        const reminded = await mailsOf(async () => {
          await services().appointments.sendReminders(new Date(start - DAY + MINUTE));
          await services().appointments.sendReminders(api.now());
        });
        const to = new Set(reminded.map((mail) => mail.to));
        assert.ok(!to.has(cancelledInput.email) && !to.has(soonInput.email));
      });

      it('deletes appointments and slots 30 days after the appointment, and not before', async () => {
        const slot = await publish({ startsAt: '2026-11-05T09:00:00.000Z' });
        assert.deepEqual((await book(slot.id)).errors, []);
        const end = Date.parse(slot.endsAt);
        await services().appointments.sweep(new Date(end + 30 * DAY - MINUTE));
        assert.equal((await appointmentsOfSlot(slot.id)).length, 1);
        const removed = await services().appointments.sweep(new Date(end + 30 * DAY));
        assert.ok(removed.appointments >= 1 && removed.slots >= 1);
        assert.equal((await appointmentsOfSlot(slot.id)).length, 0);
        assert.equal(
          await db().selectFrom('appointment_slots').select('id').where('id', '=', slot.id).executeTakeFirst(),
          undefined,
        );
      });
    });
  });
});
