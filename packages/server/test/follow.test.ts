import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AnswerQuestionDocument,
  AskQuestionDocument,
  FollowQuestionDocument,
  QuestionsListDocument,
  ResolveQuestionDocument,
} from '@plein/schema';
import {
  type FollowHarness,
  headerOf,
  linkIn,
  type OutboxMessage,
  PUBLIC_URL,
  startFollowHarness,
} from './follow-harness.ts';

const follow = String(FollowQuestionDocument);
const answer = String(AnswerQuestionDocument);
const ask = String(AskQuestionDocument);
const list = String(QuestionsListDocument);
const resolve = String(ResolveQuestionDocument);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let keys = 0;
const key = () => `follow-test-${++keys}-${Math.random().toString(36).slice(2)}`;

describe('following a question by e-mail', () => {
  let api: FollowHarness;
  let questionId: string;
  let questionTitle: string;

  before(async () => {
    api = await startFollowHarness();
    const { body } = await api.graphql(list, { community: 'testgemeente', status: 'OPEN', first: 50 });
    const node = body.data.community.questions.edges.find(
      (edge: { node: { title: string } }) => edge.node.title === 'Hoe lang krijg ik WW na twintig jaar werk?',
    ).node;
    questionId = node.id;
    questionTitle = node.title;
  });
  after(() => api.close());

  async function postAnswer(id: string, text = 'U krijgt WW zo lang als uw arbeidsverleden het toelaat.') {
    const { body } = await api.graphql(answer, { input: { questionId: id, body: text, idempotencyKey: key() } });
    assert.deepEqual(body.data.answerQuestion.errors, []);
    await api.settle();
    return body.data.answerQuestion.answer as { id: string; body: string };
  }

  async function followQuestion(id: string, email: string, headers: Record<string, string> = {}) {
    const { body } = await api.graphql(follow, { input: { questionId: id, email } }, headers);
    await api.settle();
    return body.data.followQuestion as { confirmationSent: boolean; errors: { field: string; code: string }[] };
  }

  /** The messages that arrived since `before` (a count of earlier messages). */
  async function newMessages(before: number): Promise<OutboxMessage[]> {
    return (await api.outbox()).slice(before);
  }

  function submitForm(url: string, payload: string, headers: Record<string, string> = {}) {
    return api.app.inject({
      method: 'POST',
      url: url.replace(PUBLIC_URL, ''),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload,
    });
  }

  it('confirms by the POST behind the link, notifies on answers, and unsubscribes in one click', async () => {
    const before = (await api.outbox()).length;
    const address = 'volger@example.org';
    assert.deepEqual(await followQuestion(questionId, 'Volger@Example.org'), { confirmationSent: true, errors: [] });

    // One confirmation e-mail, in Dutch, with both parts and a link to the confirmation page.
    let arrived = await newMessages(before);
    assert.equal(arrived.length, 1);
    const confirmation = arrived[0]!;
    assert.equal(confirmation.mail.to && 'text' in confirmation.mail.to ? confirmation.mail.to.text : '', address);
    assert.deepEqual(confirmation.mail.from?.value, [{ name: 'Plein', address: 'no-reply@localhost' }]);
    assert.equal(confirmation.mail.subject, 'Bevestig uw e-mailadres voor Testgemeente Werk');
    assert.match(confirmation.mail.text ?? '', /U wilt een e-mail krijgen als er een antwoord is op deze vraag/);
    assert.ok(confirmation.mail.text?.includes(questionTitle));
    assert.match(String(confirmation.mail.html), /<html lang="nl">/);
    assert.equal(headerOf(confirmation, 'List-Unsubscribe'), undefined);
    const confirmUrl = linkIn(confirmation, `${PUBLIC_URL}/meldingen/bevestigen?token=`);
    assert.ok(String(confirmation.mail.html).includes(confirmUrl));

    // Nothing but the confirmation is ever sent before the address is confirmed.
    await postAnswer(questionId);
    assert.equal((await newMessages(before)).length, 1);

    // Opening the link (as a mail scanner does) only shows a button; it confirms nothing.
    const page = await api.app.inject({ method: 'GET', url: confirmUrl.replace(PUBLIC_URL, '') });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /^text\/html; charset=utf-8/);
    assert.match(page.body, /<html lang="nl">/);
    assert.match(page.body, /<form method="post">/);
    assert.match(page.body, /<button type="submit">Ja, stuur mij een e-mail bij een antwoord<\/button>/);
    assert.doesNotMatch(page.body, /<script/);
    assert.match(page.headers['content-security-policy'] as string, /default-src 'none'/);
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    assert.equal(page.headers['cache-control'], 'no-store');
    await postAnswer(questionId);
    assert.equal((await newMessages(before)).length, 1, 'a GET does not confirm');

    // The form posts the token back, as a browser without JavaScript does.
    const token = new URL(confirmUrl).searchParams.get('token')!;
    const confirmed = await submitForm(confirmUrl, new URLSearchParams({ token }).toString());
    assert.equal(confirmed.statusCode, 200);
    assert.match(confirmed.body, /U krijgt nu een e-mail als er een antwoord is\./);
    const again = await submitForm(confirmUrl, new URLSearchParams({ token }).toString());
    assert.equal(again.statusCode, 410);
    assert.match(again.body, /Uw e-mailadres is al bevestigd/);

    // A new answer: one notification with the title and a link, never the answer's text.
    const posted = await postAnswer(questionId, 'Bel gerust naar het UWV, zij rekenen het voor u uit.');
    arrived = await newMessages(before);
    assert.equal(arrived.length, 2);
    const notification = arrived[1]!;
    assert.equal(notification.mail.subject, 'Er is een nieuw antwoord op de vraag die u volgt');
    assert.ok(notification.mail.text?.includes(questionTitle));
    assert.ok(notification.mail.text?.includes(`${PUBLIC_URL}/municipal-site/#vraag-${questionId}`));
    assert.ok(!notification.raw.includes('UWV'), 'the answer text stays out of the mail');
    assert.ok(!String(notification.mail.html).includes(posted.body));
    assert.ok(String(notification.mail.html).length > 0);
    const unsubscribeUrl = linkIn(notification, `${PUBLIC_URL}/meldingen/afmelden?token=`);
    assert.equal(headerOf(notification, 'List-Unsubscribe'), `<${unsubscribeUrl}>`);
    assert.equal(headerOf(notification, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');

    // The unsubscribe link shows a button; a mail program's RFC 8058 one-click POST unsubscribes.
    const unsubscribePage = await api.app.inject({ method: 'GET', url: unsubscribeUrl.replace(PUBLIC_URL, '') });
    assert.equal(unsubscribePage.statusCode, 200);
    assert.match(unsubscribePage.body, /<button type="submit">Afmelden<\/button>/);
    const oneClick = await submitForm(unsubscribeUrl, 'List-Unsubscribe=One-Click');
    assert.equal(oneClick.statusCode, 200);
    assert.match(oneClick.body, /U bent afgemeld/);

    // The address is gone from the database, and the next answer sends nothing.
    const rows = await api.opened.connection.db
      .selectFrom('notification_subscriptions')
      .selectAll()
      .where('email', '=', address)
      .execute();
    assert.deepEqual(rows, []);
    await postAnswer(questionId);
    assert.equal((await newMessages(before)).length, 2);

    const used = await submitForm(unsubscribeUrl, 'List-Unsubscribe=One-Click');
    assert.equal(used.statusCode, 404);
    assert.match(used.body, /Misschien bent u al afgemeld/);
  });

  it('takes a multipart one-click POST too, as RFC 8058 recommends', async () => {
    const before = (await api.outbox()).length;
    await followQuestion(questionId, 'multipart@example.org');
    const [confirmation] = await newMessages(before);
    const confirmUrl = linkIn(confirmation!, `${PUBLIC_URL}/meldingen/bevestigen?token=`);
    assert.equal((await submitForm(confirmUrl, '')).statusCode, 200, 'the token in the link is enough');
    await postAnswer(questionId);
    const notification = (await newMessages(before))[1]!;
    const unsubscribeUrl = linkIn(notification, `${PUBLIC_URL}/meldingen/afmelden?token=`);
    const boundary = 'plein-test-boundary';
    const response = await api.app.inject({
      method: 'POST',
      url: unsubscribeUrl.replace(PUBLIC_URL, ''),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /U bent afgemeld/);
  });

  it('answers the same for an address that already follows, and sends at most one confirmation per 10 minutes', async () => {
    const before = (await api.outbox()).length;
    const first = await followQuestion(questionId, 'twee@example.org');
    const second = await followQuestion(questionId, ' TWEE@example.org ');
    const stranger = await followQuestion(questionId, 'iemand-anders@example.org');
    assert.deepEqual(first, { confirmationSent: true, errors: [] });
    assert.deepEqual(second, first);
    assert.deepEqual(stranger, first);
    const toTwee = async () =>
      (await newMessages(before)).filter((message) => message.raw.includes('twee@example.org'));
    assert.equal((await toTwee()).length, 1, 'one confirmation within 10 minutes');

    api.advance(10 * MINUTE);
    assert.deepEqual(await followQuestion(questionId, 'twee@example.org'), first);
    const confirmations = await toTwee();
    assert.equal(confirmations.length, 2, 'after 10 minutes the confirmation goes again');

    // One row for the address; the newest link confirms.
    const rows = await api.opened.connection.db
      .selectFrom('notification_subscriptions')
      .select('id')
      .where('email', '=', 'twee@example.org')
      .execute();
    assert.equal(rows.length, 1);
    const newest = linkIn(confirmations[1]!, `${PUBLIC_URL}/meldingen/bevestigen?token=`);
    assert.equal((await submitForm(newest, '')).statusCode, 200);

    // A confirmed address that follows again gets the same answer and no new e-mail.
    const count = (await api.outbox()).length;
    api.advance(10 * MINUTE);
    assert.deepEqual(await followQuestion(questionId, 'twee@example.org'), first);
    assert.equal((await api.outbox()).length, count);
  });

  it('refuses a wrong address or an unknown question with a message in the caller’s language', async () => {
    const before = (await api.outbox()).length;
    assert.deepEqual(await followQuestion(questionId, 'niet-een-adres'), {
      confirmationSent: false,
      errors: [
        {
          field: 'email',
          code: 'INVALID_EMAIL',
          message: 'Dit e-mailadres klopt niet. Controleer het adres, bijvoorbeeld naam@voorbeeld.nl.',
        },
      ],
    });
    const unknown = await followQuestion('bestaat-niet', 'iemand@example.org', { 'accept-language': 'en' });
    assert.deepEqual(unknown, {
      confirmationSent: false,
      errors: [{ field: 'questionId', code: 'UNKNOWN_QUESTION', message: 'This question does not exist (any more).' }],
    });
    const tooLong = await followQuestion(questionId, `${'a'.repeat(250)}@example.org`);
    assert.equal(tooLong.errors[0]?.code, 'TOO_LONG');
    assert.equal((await api.outbox()).length, before);
  });

  it('writes the e-mail and the pages in English for someone who prefers English', async () => {
    const before = (await api.outbox()).length;
    await followQuestion(questionId, 'english@example.org', { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' });
    const [confirmation] = await newMessages(before);
    assert.equal(confirmation!.mail.subject, 'Confirm your e-mail address for Testgemeente Werk');
    assert.match(String(confirmation!.mail.html), /<html lang="en">/);
    const confirmUrl = linkIn(confirmation!, `${PUBLIC_URL}/meldingen/bevestigen?token=`);
    const page = await api.app.inject({
      method: 'GET',
      url: confirmUrl.replace(PUBLIC_URL, ''),
      headers: { 'accept-language': 'en' },
    });
    assert.match(page.body, /<html lang="en">/);
    assert.match(page.body, /Yes, send me an e-mail when there is an answer/);
    assert.equal(page.headers['content-language'], 'en');
  });

  it("continues in the e-mail's language, whatever language the browser that opens the link prefers", async () => {
    const before = (await api.outbox()).length;
    await followQuestion(questionId, 'nederlands@example.org', { 'accept-language': 'nl' });
    const [confirmation] = await newMessages(before);
    const confirmUrl = linkIn(confirmation!, `${PUBLIC_URL}/meldingen/bevestigen?token=`);
    const page = await api.app.inject({
      method: 'GET',
      url: confirmUrl.replace(PUBLIC_URL, ''),
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    assert.equal(page.headers['content-language'], 'nl');
    assert.match(page.body, /Ja, stuur mij een e-mail bij een antwoord/);
  });

  it('shows a friendly page for a link that does not work, never a stack trace', async () => {
    for (const url of [
      '/meldingen/bevestigen?token=onbekend-maar-lang-genoeg-1234567890',
      '/meldingen/bevestigen',
      '/meldingen/afmelden?token=%3Cscript%3E',
    ]) {
      const response = await api.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 404, url);
      assert.match(response.body, /<h1>Deze link werkt niet/);
      assert.doesNotMatch(response.body, /Error|at .*:\d+:\d+|<script/);
    }
    const wrongType = await api.app.inject({
      method: 'POST',
      url: '/meldingen/bevestigen',
      headers: { 'content-type': 'application/xml' },
      payload: '<token>x</token>',
    });
    assert.equal(wrongType.statusCode, 415);
    assert.match(wrongType.body, /<h1>Er ging iets mis<\/h1>/);
  });

  it('sends the confirmation for the address given in the ask form, and no personal data from the title', async () => {
    const before = (await api.outbox()).length;
    const title = 'Mail mij op jan.jansen@voorbeeld.nl of bel 06-12345678 over mijn WW';
    const { body } = await api.graphql(ask, {
      input: {
        community: 'testgemeente',
        topic: 'ww',
        title,
        body: 'Ik ben ontslagen en weet niet hoe lang mijn WW-uitkering duurt. Wie kan mij helpen?',
        notifyEmail: 'vrager@example.org',
        idempotencyKey: key(),
      },
    });
    assert.deepEqual(body.data.askQuestion.errors, []);
    const asked = body.data.askQuestion.question as { id: string; title: string };
    await api.settle();
    const [confirmation] = await newMessages(before);
    assert.ok(confirmation, 'a confirmation for the address from the ask form');
    assert.equal(
      confirmation.mail.to && 'text' in confirmation.mail.to ? confirmation.mail.to.text : '',
      'vrager@example.org',
    );
    assert.ok(confirmation.mail.text?.includes(asked.title), 'the stored title, as everyone sees it');
    await submitForm(linkIn(confirmation, `${PUBLIC_URL}/meldingen/bevestigen?token=`), '');
    await postAnswer(asked.id);
    const messages = await newMessages(before);
    assert.equal(messages.length, 2);

    // Depends on the server's redaction of personal data before anything is stored.
    for (const message of messages) {
      const everything = [message.raw, message.mail.subject, message.mail.text, message.mail.html].join('\n');
      for (const raw of ['jan.jansen@voorbeeld.nl', '06-12345678', '0612345678', '12345678']) {
        assert.ok(!everything.includes(raw), `"${raw}" reached the outbox`);
      }
    }
  });

  it('puts no raw personal data of any kind in the outbox', async () => {
    const before = (await api.outbox()).length;
    const titles = [
      'Mijn BSN is 111222333 en mijn IBAN NL91 ABNA 0417 1643 00, klopt mijn WW?',
      'Ik woon op Kerkstraat 12, 9934 AB Delfzijl en ben geboren op 12-03-1975: WW?',
      'Mijn naam is Jan de Vries. Krijg ik WW na ontslag?',
    ];
    for (const title of titles) {
      const { body } = await api.graphql(ask, {
        input: {
          community: 'testgemeente',
          topic: 'ww',
          title,
          body: 'Ik ben ontslagen en weet niet hoe lang mijn WW-uitkering duurt. Wie kan mij helpen?',
          notifyEmail: 'alles@example.org',
          idempotencyKey: key(),
        },
      });
      assert.deepEqual(body.data.askQuestion.errors, []);
      await api.settle();
      const confirmation = (await newMessages(before)).at(-1)!;
      await submitForm(linkIn(confirmation, `${PUBLIC_URL}/meldingen/bevestigen?token=`), '');
      await postAnswer((body.data.askQuestion.question as { id: string }).id);
    }
    const messages = await newMessages(before);
    assert.equal(messages.length, titles.length * 2, 'a confirmation and a notification per question');
    const raws = [
      '111222333',
      'NL91ABNA0417164300',
      'NL91 ABNA',
      '9934 AB',
      'Kerkstraat 12',
      '12-03-1975',
      'Jan de Vries',
    ];
    for (const message of messages) {
      const everything = [message.raw, message.mail.subject, message.mail.text, message.mail.html].join('\n');
      for (const raw of raws) assert.ok(!everything.includes(raw), `"${raw}" reached the outbox`);
    }
  });

  it('never logs an address', async () => {
    const logged = api.logLines.join('\n');
    assert.ok(api.logLines.length > 0, 'the server logged requests');
    for (const address of ['volger@example.org', 'twee@example.org', 'vrager@example.org', 'english@example.org'])
      assert.ok(!logged.toLowerCase().includes(address), `${address} in the log`);
    assert.doesNotMatch(logged, /token=/, 'no link tokens in the log');
  });
});

describe('retention of follow-up addresses', () => {
  let api: FollowHarness;
  before(async () => {
    api = await startFollowHarness();
  });
  after(() => api.close());

  const subscriptionsOf = (email: string) =>
    api.opened.connection.db
      .selectFrom('notification_subscriptions')
      .select('confirmed_at')
      .where('email', '=', email)
      .execute();

  async function askWithAddress(email: string) {
    const { body } = await api.graphql(ask, {
      input: {
        community: 'testgemeente',
        topic: 'ontslag',
        title: 'Mag mijn werkgever mij ontslaan tijdens mijn proeftijd?',
        body: 'Ik werk pas twee weken bij een nieuwe werkgever. Nu wil hij mij alweer ontslaan. Mag dat?',
        notifyEmail: email,
        idempotencyKey: key(),
      },
    });
    await api.settle();
    return body.data.askQuestion as { question: { id: string }; ownerToken: string };
  }

  async function confirmLatest(email: string) {
    const message = (await api.outbox()).filter((m) => m.raw.includes(email)).at(-1)!;
    const url = linkIn(message, `${PUBLIC_URL}/meldingen/bevestigen?token=`);
    const response = await api.app.inject({
      method: 'POST',
      url: url.replace(PUBLIC_URL, ''),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    assert.equal(response.statusCode, 200);
    return url;
  }

  it('deletes an address that was never confirmed after 7 days, and its link stops working before that', async () => {
    await askWithAddress('nooit-bevestigd@example.org');
    const start = api.now();
    const url = (await api.outbox()).find((m) => m.raw.includes('nooit-bevestigd@example.org'))!;
    const link = linkIn(url, `${PUBLIC_URL}/meldingen/bevestigen?token=`).replace(PUBLIC_URL, '');

    assert.deepEqual(await api.services.follows.sweep(new Date(start.getTime() + 7 * DAY - MINUTE)), {
      unconfirmed: 0,
      resolved: 0,
    });
    assert.equal((await subscriptionsOf('nooit-bevestigd@example.org')).length, 1);

    api.advance(7 * DAY);
    assert.equal((await api.app.inject({ method: 'GET', url: link })).statusCode, 404, 'the link is too old');
    assert.deepEqual(await api.services.follows.sweep(api.now()), { unconfirmed: 1, resolved: 0 });
    assert.deepEqual(await subscriptionsOf('nooit-bevestigd@example.org'), []);
  });

  it('deletes the addresses of a resolved question 30 days after its last activity, and keeps open ones', async () => {
    const resolved = await askWithAddress('opgelost@example.org');
    await confirmLatest('opgelost@example.org');
    await askWithAddress('nog-open@example.org');
    await confirmLatest('nog-open@example.org');
    const askedAt = api.now().getTime();

    const { body } = await api.graphql(resolve, {
      input: { questionId: resolved.question.id, ownerToken: resolved.ownerToken },
    });
    assert.deepEqual(body.data.resolveQuestion.errors, []);
    assert.equal(body.data.resolveQuestion.question.status, 'RESOLVED');

    assert.deepEqual(await api.services.follows.sweep(new Date(askedAt + 30 * DAY - MINUTE)), {
      unconfirmed: 0,
      resolved: 0,
    });
    assert.equal((await subscriptionsOf('opgelost@example.org')).length, 1);

    assert.deepEqual(await api.services.follows.sweep(new Date(askedAt + 30 * DAY)), { unconfirmed: 0, resolved: 1 });
    assert.deepEqual(await subscriptionsOf('opgelost@example.org'), []);
    assert.equal((await subscriptionsOf('nog-open@example.org')).length, 1, 'an open question keeps its followers');
    assert.deepEqual(await api.services.follows.sweep(new Date(askedAt + 365 * DAY)), { unconfirmed: 0, resolved: 0 });
    assert.equal((await subscriptionsOf('nog-open@example.org')).length, 1);
  });
});
