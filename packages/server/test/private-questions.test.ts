import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  AnswerPrivateQuestionDocument,
  AskPrivateQuestionDocument,
  PrivateQuestionsDocument,
  PrivateThreadDocument,
} from '@plein/schema';
import { sql } from 'kysely';
import { writesIn } from '../src/http/rate-limits.ts';
import type { Mailer, MailMessage } from '../src/mail/mailer.ts';
import type { UserError } from '../src/services/errors.ts';
import { createServices } from '../src/services/services.ts';
import type { Viewer } from '../src/services/viewer.ts';
import type { Role } from '../src/store/database-schema.ts';
import { key } from './expert-world.ts';
import {
  type AccountsHarness,
  bearer,
  onEveryEngine,
  sessionFor,
  signedInAccount,
  startAccountsHarness,
  type TestAccount,
} from './sign-in-helper.ts';

/**
 * Issue 8, item 3: private e-mail questions. A citizen asks privately and gets a secret link by e-mail; verified
 * experts of the topic answer in their inbox; the thread is readable only through the link, stored encrypted, and
 * deleted 90 days after its last message, while reports keep a count per topic and day.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const COMMUNITY = 'testgemeente';
const PUBLIC_URL = 'http://localhost:4000';

const gql = {
  ask: String(AskPrivateQuestionDocument),
  thread: String(PrivateThreadDocument),
  inbox: String(PrivateQuestionsDocument),
  answer: String(AnswerPrivateQuestionDocument),
};

const codes = (result: { errors: UserError[] }) => result.errors.map((error) => error.code);

let counter = 0;
const unique = () => `${++counter}${Math.random().toString(36).slice(2, 7)}`;
/** An address no other test uses, so its e-mails can be told apart. */
const newAddress = () => `burger-${unique()}@example.org`;

/** The id and secret of the link in an e-mail. */
function linkIn(mail: MailMessage): { url: string; id: string; secret: string } {
  const match = /(http:\/\/localhost:4000\/municipal-site\/#plein-prive=([A-Za-z0-9-]+)\.([A-Za-z0-9_-]{43}))/.exec(
    mail.text,
  );
  assert.ok(match, `the e-mail holds the secret link: ${mail.text}`);
  assert.ok(mail.html.includes(`href="${match[1]}"`), 'the HTML version links to the same address');
  return { url: match[1]!, id: match[2]!, secret: match[3]! };
}

/** Sends every e-mail it gets to `inner`, unless it is told to fail, as an SMTP server that is away would. */
class SwitchableMailer implements Mailer {
  failing = false;
  constructor(private readonly inner: Mailer) {}
  async send(message: MailMessage): Promise<void> {
    if (this.failing) throw Object.assign(new Error(`550 <${message.to}>: unknown user`), { responseCode: 550 });
    await this.inner.send(message);
  }
  close(): void {}
}

onEveryEngine('private questions', (engine, open) => {
  describe(`private e-mail questions on ${engine}`, () => {
    let api: AccountsHarness;
    let elsAccount: TestAccount;
    let els: Viewer;
    let bram: Viewer;
    let moderator: Viewer;

    const db = () => api.opened.connection.db;
    const mails = () => api.mailer.sent;
    const mailsTo = (address: string) => mails().filter((mail) => mail.to === address);
    const rowCounts = async () => ({
      questions: await api.opened.store.countRows('private_questions'),
      messages: await api.opened.store.countRows('private_messages'),
      tally: (await db().selectFrom('private_question_counts').select('count').execute()).reduce(
        (sum, row) => sum + Number(row.count),
        0,
      ),
      mails: mails().length,
    });

    const account = async (roles: Role[], expertId?: string) => {
      const created = await signedInAccount(api.services, {
        community: COMMUNITY,
        email: `${roles.join('-').toLowerCase()}-${unique()}@testgemeente.nl`,
        displayName: `${roles[0]} ${unique()}`,
        roles,
        expertId,
      });
      const viewer = await api.services.sessions.viewerFor(created.token);
      assert.ok(viewer);
      return { account: created, viewer };
    };
    /** Els's bearer token, from a new session: the test's clock moves past the 8 hours a session lasts. */
    const asEls = async () => bearer(await sessionFor(api.services, elsAccount));
    const expertId = async (name: string) =>
      (await api.opened.store.expertsOfCommunity(api.communityId)).find((row) => row.display_name === name)!.id;

    /** The community's contact channels with the e-mail service on (`answerWithinDays`) or off (null). */
    const emailService = async (answerWithinDays: number | null) => {
      const email_service = answerWithinDays === null ? null : JSON.stringify({ description: null, answerWithinDays });
      await db()
        .insertInto('contact_channels')
        .values({
          community_id: api.communityId,
          advice_line: null,
          email_service,
          appointments: null,
          updated_at: api.now().toISOString(),
        })
        .onConflict((oc) => oc.column('community_id').doUpdateSet({ email_service }))
        .execute();
    };

    const input = (extra: Record<string, unknown> = {}) => ({
      community: COMMUNITY,
      topic: 'ww',
      body: `Mijn WW stopt volgende maand en ik heb nog geen nieuw werk (${unique()}). Wat kan ik dan doen?`,
      email: newAddress(),
      idempotencyKey: key(),
      ...extra,
    });
    /** Asks through the service; returns the link from the confirmation e-mail. */
    const ask = async (extra: Record<string, unknown> = {}) => {
      const values = input(extra);
      const result = await api.services.privateQuestions.ask(values, 'nl');
      assert.deepEqual(result, { confirmationSent: true, errors: [] });
      const [mail] = mailsTo(values.email);
      assert.ok(mail, 'a confirmation e-mail');
      return { ...values, ...linkIn(mail) };
    };
    const thread = (id: string, secret: string) =>
      api.graphql(gql.thread, { id, secret }).then((response) => response.body);

    before(async () => {
      api = await startAccountsHarness(open);
      const elsSignedIn = await account(['EXPERT'], await expertId('Els Testadviseur'));
      elsAccount = elsSignedIn.account;
      els = elsSignedIn.viewer;
      bram = (await account(['EXPERT'], await expertId('Bram Testklant'))).viewer;
      moderator = (await account(['MODERATOR'])).viewer;
      await emailService(3);
    });
    after(() => api?.close());

    it('asks privately: confirmationSent, one e-mail in the asker’s language with a link that opens the thread', async () => {
      const email = newAddress();
      const body = 'Mag mijn werkgever mijn contract niet verlengen omdat ik zwanger ben? Ik durf het niet te vragen.';
      const { status, body: response } = await api.graphql(
        gql.ask,
        { input: { community: COMMUNITY, topic: 'ontslag', body, email, idempotencyKey: key() } },
        { 'accept-language': 'nl-NL,nl;q=0.9' },
      );
      assert.equal(status, 200);
      assert.deepEqual(response, { data: { askPrivateQuestion: { confirmationSent: true, errors: [] } } });

      const [mail, ...more] = mailsTo(email);
      assert.ok(mail);
      assert.equal(more.length, 0);
      assert.equal(mail.subject, 'Wij hebben uw vraag ontvangen – Testgemeente Werk');
      assert.match(mail.text, /Meestal krijgt u binnen 3 werkdagen antwoord\./);
      assert.match(mail.text, /Bewaar deze e-mail goed\. Alleen met deze link kunt u het antwoord lezen\./);
      assert.ok(!mail.text.includes(body) && !mail.html.includes('zwanger'), 'the question is not in the e-mail');
      const link = linkIn(mail);

      const opened = await thread(link.id, link.secret);
      assert.equal(opened.errors, undefined);
      const { createdAt, deleteAfter, ...rest } = opened.data.privateThread;
      assert.deepEqual(rest, {
        id: link.id,
        body,
        topic: { slug: 'ontslag', name: 'Ontslag en vaststellingsovereenkomst' },
        messages: [],
      });
      assert.equal(createdAt, api.now().toISOString());
      assert.equal(deleteAfter, new Date(api.now().getTime() + 90 * DAY).toISOString());

      const english = newAddress();
      await api.graphql(
        gql.ask,
        { input: { community: COMMUNITY, topic: 'ww', body, email: english, idempotencyKey: key() } },
        { 'accept-language': 'en-GB,en;q=0.8' },
      );
      assert.equal(mailsTo(english)[0]?.subject, 'We have received your question – Testgemeente Werk');
    });

    it('stores one question and sends one e-mail for the same idempotency key, however often it comes', async () => {
      const values = input();
      const before = await rowCounts();
      for (let attempt = 0; attempt < 3; attempt++) {
        const { body } = await api.graphql(gql.ask, { input: values });
        assert.deepEqual(body.data.askPrivateQuestion, { confirmationSent: true, errors: [] });
      }
      const after = await rowCounts();
      assert.deepEqual(
        [after.questions - before.questions, after.tally - before.tally, mailsTo(values.email).length],
        [1, 1, 1],
      );
    });

    it('refuses bad input with a clear message and stores nothing', async () => {
      const before = await rowCounts();
      const refusals: [Record<string, unknown>, string, string][] = [
        [{ topic: 'bestaat-niet' }, 'topic', 'UNKNOWN_TOPIC'],
        [{ body: 'Te kort.' }, 'body', 'TOO_SHORT'],
        [{ body: 'x'.repeat(5001) }, 'body', 'TOO_LONG'],
        [{ email: 'geen-adres' }, 'email', 'INVALID_EMAIL'],
        [{ email: '' }, 'email', 'REQUIRED'],
        [{ community: 'nergens' }, 'community', 'UNKNOWN_COMMUNITY'],
        [{ idempotencyKey: 'kort' }, 'idempotencyKey', 'INVALID_KEY'],
        [{ antiSpam: { honeypot: 'https://spam.example', fillMs: 20_000 } }, 'null', 'POST_REFUSED'],
        [{ antiSpam: { honeypot: '', fillMs: 900 } }, 'null', 'SUBMITTED_TOO_FAST'],
      ];
      for (const [extra, field, code] of refusals) {
        const { body } = await api.graphql(gql.ask, { input: input(extra) });
        const payload = body.data.askPrivateQuestion;
        assert.equal(payload.confirmationSent, false, code);
        assert.deepEqual(
          payload.errors.map((error: { field: string | null; code: string }) => [String(error.field), error.code]),
          [[field, code]],
        );
        assert.ok(payload.errors[0].message.length > 10, 'a message to show');
      }
      const { body } = await api.graphql(gql.ask, { input: input({ body: 'Te kort.' }) });
      assert.equal(body.data.askPrivateQuestion.errors[0].message, 'Schrijf minstens 20 tekens.');

      await emailService(null);
      try {
        const off = await api.graphql(gql.ask, { input: input() });
        assert.deepEqual(off.body.data.askPrivateQuestion.errors, [
          {
            field: null,
            code: 'EMAIL_SERVICE_OFF',
            message:
              'U kunt hier nu geen vraag per e-mail stellen. Op deze pagina staan andere manieren om een adviseur te bereiken.',
          },
        ]);
      } finally {
        await emailService(3);
      }
      assert.deepEqual(await rowCounts(), before);
    });

    it('refuses a device a moderator blocked, and counts a private question as a question for the rate limits', async () => {
      const device = `device-${unique()}-0123456789abcdef`;
      const asked = await api.services.questions.ask(
        {
          community: COMMUNITY,
          topic: 'ww',
          title: `Reclame voor mijn bedrijf ${unique()}`,
          body: 'Koop nu de beste cursus om snel rijk te worden, alleen vandaag.',
          idempotencyKey: key(),
        },
        undefined,
        'nl',
        null,
        device,
      );
      assert.ok(asked.question);
      const blocked = await api.services.moderation.block(
        { content: { kind: 'QUESTION', id: asked.question.id }, scope: 'DEVICE', reason: 'Reclame.' },
        moderator,
      );
      assert.deepEqual(blocked.errors, []);
      const before = await rowCounts();
      const { body } = await api.graphql(gql.ask, { input: input() }, { 'plein-device': device });
      assert.deepEqual(
        body.data.askPrivateQuestion.errors.map((error: { code: string }) => error.code),
        ['BLOCKED_AUTHOR'],
      );
      assert.deepEqual(await rowCounts(), before);
      const other = await api.graphql(gql.ask, { input: input() }, { 'plein-device': `${device}-ander` });
      assert.equal(other.body.data.askPrivateQuestion.confirmationSent, true, 'another device may ask');

      const variables = { input: input() };
      assert.deepEqual(writesIn(gql.ask, variables), [{ action: 'ask', input: variables.input }]);
    });

    it('takes the question back when the confirmation e-mail cannot be sent; a retry with the same key works', async () => {
      const mailer = new SwitchableMailer(api.mailer);
      const failures: unknown[] = [];
      const services = createServices(api.opened.store, api.now, undefined, {
        follow: { mailer, publicUrl: PUBLIC_URL, onError: (error) => failures.push(error) },
      });
      const values = input();
      const before = await rowCounts();
      mailer.failing = true;
      const refused = await services.privateQuestions.ask(values, 'nl');
      assert.deepEqual(refused, {
        confirmationSent: false,
        errors: [{ field: 'email', code: 'CONFIRMATION_NOT_SENT' }],
      });
      assert.equal(failures.length, 1, 'the failure is reported');
      assert.deepEqual(await rowCounts(), before);

      mailer.failing = false;
      assert.deepEqual(await services.privateQuestions.ask(values, 'nl'), { confirmationSent: true, errors: [] });
      const after = await rowCounts();
      assert.deepEqual([after.questions - before.questions, after.tally - before.tally], [1, 1]);
      assert.equal(mailsTo(values.email).length, 1);
    });

    it('leaves out a thread written with another key (a lost key file), without breaking the inbox', async () => {
      const otherKey = createServices(api.opened.store, api.now, undefined, {
        follow: { mailer: api.mailer, publicUrl: PUBLIC_URL },
      });
      const values = input({ topic: 'ww' });
      assert.deepEqual(await otherKey.privateQuestions.ask(values, 'nl'), { confirmationSent: true, errors: [] });
      const link = linkIn(mailsTo(values.email)[0]!);
      assert.equal((await otherKey.privateQuestions.thread(link.id, link.secret))?.body, values.body);

      const { body } = await api.graphql(gql.inbox, { first: 50 }, await asEls());
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      assert.ok(!body.data.viewer.privateQuestions.some((question: { id: string }) => question.id === link.id));
      assert.deepEqual(await thread(link.id, link.secret), { data: { privateThread: null } });
    });

    it('opens a thread only with its own secret: a wrong secret, a wrong id or another thread’s secret give null', async () => {
      const first = await ask();
      const second = await ask();
      const wrongSecret = `${first.secret.slice(0, -1)}${first.secret.endsWith('A') ? 'B' : 'A'}`;
      const attempts: [string, string][] = [
        [first.id, wrongSecret],
        [first.id, second.secret],
        [second.id, first.secret],
        ['00000000-0000-4000-8000-000000000000', first.secret],
        [first.id, ''],
        [first.id, 'kort'],
        ['', first.secret],
      ];
      for (const [id, secret] of attempts) {
        const body = await thread(id, secret);
        assert.deepEqual(body, { data: { privateThread: null } }, `${id} / ${secret}`);
      }
      assert.equal((await thread(first.id, first.secret)).data.privateThread.id, first.id);
      assert.equal((await thread(second.id, second.secret)).data.privateThread.id, second.id);
    });

    it('shows a question to the verified experts of its topic only, unanswered first, then newest', async () => {
      const older = await ask({ topic: 'ww' });
      api.advance(MINUTE);
      const newer = await ask({ topic: 'ww' });
      api.advance(MINUTE);
      const answered = await ask({ topic: 'ontslag' });
      const reply = await api.services.privateQuestions.answer(
        { questionId: answered.id, body: 'Nee, dat mag niet. Dat is discriminatie.' },
        els,
      );
      assert.deepEqual(reply.errors, []);

      const { body } = await api.graphql(gql.inbox, { first: 50 }, await asEls());
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      const ids: string[] = body.data.viewer.privateQuestions.map((question: { id: string }) => question.id);
      const positions = [newer.id, older.id, answered.id].map((id) => ids.indexOf(id));
      assert.ok(
        positions.every((position) => position >= 0),
        'Els (ontslag, ww) sees all three',
      );
      assert.deepEqual(
        [...positions].sort((a, b) => a - b),
        positions,
        'unanswered first, then newest',
      );
      const seen = body.data.viewer.privateQuestions.find((question: { id: string }) => question.id === newer.id);
      assert.deepEqual(
        { body: seen.body, answered: seen.answered, topic: seen.topic.slug, messages: seen.messages },
        { body: newer.body, answered: false, topic: 'ww', messages: [] },
      );

      const bramSees = (await api.services.privateQuestions.inbox(bram, 50)).map((question) => question.id);
      assert.ok(![older.id, newer.id, answered.id].some((id) => bramSees.includes(id)), 'Bram (bijstand) sees none');
      await assert.rejects(api.services.privateQuestions.inbox(moderator, 50), { code: 'FORBIDDEN' });
      await assert.rejects(api.services.privateQuestions.inbox(null, 50), { code: 'UNAUTHENTICATED' });
      const anonymous = await api.graphql(gql.inbox, { first: 50 });
      assert.deepEqual(anonymous.body, { data: { viewer: null } });
    });

    it('answering e-mails the citizen "Uw antwoord staat klaar" without any text; the link shows the answer', async () => {
      const asked = await ask({ topic: 'ww' });
      const answer = 'U kunt bij het UWV vragen of u een andere uitkering krijgt. Bel ook de adviestelefoon.';
      api.advance(2 * DAY);
      const { body } = await api.graphql(gql.answer, { input: { questionId: asked.id, body: answer } }, await asEls());
      assert.deepEqual(body.data.answerPrivateQuestion.errors, []);
      const question = body.data.answerPrivateQuestion.question;
      assert.equal(question.answered, true);
      assert.deepEqual(
        question.messages.map((message: { body: string; advisor: { displayName: string } }) => [
          message.body,
          message.advisor.displayName,
        ]),
        [[answer, 'Els Testadviseur']],
      );

      const [confirmation, ready, ...more] = mailsTo(asked.email);
      assert.ok(confirmation && ready);
      assert.equal(more.length, 0);
      assert.equal(ready.subject, 'Uw antwoord staat klaar');
      assert.match(ready.text, /Het antwoord staat niet in deze e-mail\. Zo blijft het privé\./);
      for (const text of [ready.text, ready.html, ready.subject]) {
        assert.ok(!text.includes(answer.slice(0, 30)), 'no answer text in the e-mail');
        assert.ok(!text.includes(asked.body.slice(0, 30)), 'no question text in the e-mail');
      }
      assert.deepEqual(linkIn(ready), { url: asked.url, id: asked.id, secret: asked.secret });

      const opened = (await thread(asked.id, asked.secret)).data.privateThread;
      assert.deepEqual(
        opened.messages.map((message: { body: string; advisor: { displayName: string; organisation: string } }) => [
          message.body,
          message.advisor.displayName,
          message.advisor.organisation,
        ]),
        [[answer, 'Els Testadviseur', 'Adviespraktijk Test']],
      );
      assert.equal(opened.deleteAfter, new Date(api.now().getTime() + 90 * DAY).toISOString(), '90 days from now on');
    });

    it('refuses answers from experts of other topics and other roles, and unknown or short input; stores nothing', async () => {
      const asked = await ask({ topic: 'ww' });
      const before = await rowCounts();
      const answerInput = { questionId: asked.id, body: 'Dit is een antwoord van iemand die dat niet mag geven.' };
      await assert.rejects(api.services.privateQuestions.answer(answerInput, bram), { code: 'FORBIDDEN' });
      await assert.rejects(api.services.privateQuestions.answer(answerInput, moderator), { code: 'FORBIDDEN' });
      await assert.rejects(api.services.privateQuestions.answer(answerInput, null), { code: 'UNAUTHENTICATED' });
      const anonymous = await api.graphql(gql.answer, { input: answerInput });
      assert.equal(anonymous.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');

      assert.deepEqual(
        codes(
          await api.services.privateQuestions.answer(
            { questionId: '00000000-0000-4000-8000-000000000000', body: 'Een antwoord op niets.' },
            els,
          ),
        ),
        ['UNKNOWN_QUESTION'],
      );
      assert.deepEqual(
        codes(await api.services.privateQuestions.answer({ questionId: asked.id, body: 'Kort.' }, els)),
        ['TOO_SHORT'],
      );
      assert.deepEqual(await rowCounts(), before);
      assert.equal((await thread(asked.id, asked.secret)).data.privateThread.messages.length, 0);
    });

    it('keeps the text and the address unreadable at rest, and out of the log', async () => {
      const sentence =
        'Kwartelkoning Zevenster betaalt mijn loon al drie maanden niet, en ik heb schulden bij Oranjebos.';
      const address = `Zevenster.Kwartelkoning.${unique()}@example.org`;
      const answer = 'Stuur Zevenster een brief met een termijn van veertien dagen, dat heet een ingebrekestelling.';
      const asked = await ask({ body: sentence, email: address, topic: 'ww' });
      const reply = await api.graphql(gql.answer, { input: { questionId: asked.id, body: answer } }, await asEls());
      assert.deepEqual(reply.body.data.answerPrivateQuestion.errors, []);
      assert.equal((await thread(asked.id, asked.secret)).data.privateThread.body, sentence, 'readable by the link');

      const secrets = [sentence, address, address.toLowerCase(), answer, asked.secret, 'Kwartelkoning', 'ingebreke'];
      const found = (text: string) => secrets.filter((secret) => text.toLowerCase().includes(secret.toLowerCase()));

      // Every column of every table, whatever its type.
      const tables =
        api.opened.connection.engine === 'sqlite'
          ? (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db())).rows
          : (
              await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db())
            ).rows;
      assert.ok(tables.some((table) => table.name === 'private_questions'));
      for (const { name } of tables) {
        const rows = (await sql`SELECT * FROM ${sql.table(name)}`.execute(db())).rows;
        assert.deepEqual(found(JSON.stringify(rows)), [], `table ${name}`);
      }

      if (api.opened.connection.engine === 'sqlite') {
        const path = api.opened.connection.describe.slice('sqlite:'.length);
        const files = () =>
          [path, `${path}-wal`].filter(existsSync).map((file) => readFileSync(file).toString('latin1'));
        const rawBytes = (texts: string[]) =>
          secrets.filter((secret) =>
            texts.some((text) => text.includes(Buffer.from(secret, 'utf8').toString('latin1'))),
          );
        assert.deepEqual(rawBytes(files()), [], 'the database file and its write-ahead log, as written');
        await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db());
        assert.deepEqual(rawBytes(files()), [], 'the database file after a checkpoint');
      }

      assert.ok(api.logLines.length > 0, 'the server logged the requests');
      assert.deepEqual(found(api.logLines.join('\n')), [], 'the log');
    });

    it('deletes a thread and its answers 90 days after the last message; the tally stays', async () => {
      const asked = await ask({ topic: 'ontslag' });
      const reply = await api.services.privateQuestions.answer(
        { questionId: asked.id, body: 'Vraag eerst om een gesprek met uw werkgever.' },
        els,
      );
      assert.deepEqual(reply.errors, []);
      const answeredAt = api.now().getTime();
      const messagesOf = () => db().selectFrom('private_messages').select('id').where('question_id', '=', asked.id);
      const tallyBefore = (await rowCounts()).tally;

      await api.services.privateQuestions.sweep(new Date(answeredAt + 89 * DAY));
      assert.ok(await api.opened.store.privateQuestions.byId(asked.id), 'kept 89 days after the answer');

      api.advance(91 * DAY);
      assert.deepEqual(
        await thread(asked.id, asked.secret),
        { data: { privateThread: null } },
        'gone before the sweep',
      );
      const removed = await api.services.privateQuestions.sweep();
      assert.ok(removed >= 1);
      assert.equal(await api.opened.store.privateQuestions.byId(asked.id), undefined);
      assert.deepEqual(await messagesOf().execute(), []);
      assert.equal((await rowCounts()).tally, tallyBefore, 'the tally for reports stays');
      assert.equal(await api.services.privateQuestions.sweep(), 0, 'a second sweep finds nothing');
    });

    it('counts private questions per topic and Dutch day, for reports', async () => {
      // 22:30 UTC on 9 March 2027 is 23:30 in the Netherlands; 23:30 UTC is already 10 March there.
      api.advance(Date.parse('2027-03-09T22:30:00.000Z') - api.now().getTime());
      await ask({ topic: 'ww' });
      await ask({ topic: 'ww' });
      await ask({ topic: 'ontslag' });
      api.advance(60 * MINUTE);
      await ask({ topic: 'ww' });
      const ids = Object.fromEntries(
        await Promise.all(
          ['ww', 'ontslag', 'bijstand-aanvragen'].map(
            async (slug) => [(await api.opened.store.topicBySlug(api.communityId, slug))!.id, slug] as const,
          ),
        ),
      );
      const counts = async (from: string, to: string) =>
        Object.fromEntries(
          [...(await api.opened.store.privateQuestions.countsByTopic(api.communityId, from, to))].map(
            ([topicId, count]) => [ids[topicId], count],
          ),
        );
      assert.deepEqual(await counts('2027-03-09', '2027-03-09'), { ww: 2, ontslag: 1 });
      assert.deepEqual(await counts('2027-03-10', '2027-03-10'), { ww: 1 });
      assert.deepEqual(await counts('2027-03-09', '2027-03-10'), { ww: 3, ontslag: 1 });
      assert.deepEqual(await counts('2027-03-11', '2027-03-31'), {});
      const other = await api.services.communities.create(`andere-${unique()}`, 'Andere community');
      assert.equal(
        (await api.opened.store.privateQuestions.countsByTopic(other.id, '2027-03-09', '2027-03-10')).size,
        0,
      );
    });
  });
});
