import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { configFromEnvironment } from '../src/config.ts';
import { confirmationMail, notificationMail } from '../src/mail/follow-mails.ts';
import { describeFailure, NodemailerMailer } from '../src/mail/mailer.ts';

describe('mail', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'plein-mail-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const from = 'Plein Eemsdelta <no-reply@plein.example.org>';

  it('writes one parseable .eml file per message to the outbox, with a plain-text and an HTML part', async () => {
    const outboxDir = join(dir, 'nieuw', 'outbox');
    const mailer = new NodemailerMailer({ smtpUrl: undefined, outboxDir, from });
    await mailer.send({
      to: 'lezer@example.org',
      subject: 'Eén vraag over “ontslag” en de WW',
      text: 'Hallo,\n\nDit is de tekst met é, ë en €.\n',
      html: '<p>Hallo,</p><p>Dit is de <strong>tekst</strong> met é, ë en €.</p>',
      headers: { 'X-Plein-Test': 'ja' },
    });
    mailer.close();

    const files = readdirSync(outboxDir);
    assert.equal(files.length, 1, 'one file, no temporary file left behind');
    assert.match(files[0]!, /^\d{4}-\d{2}-\d{2}T[\d-]+Z-[0-9a-f-]{36}\.eml$/);
    assert.doesNotMatch(files[0]!, /lezer/, 'the file name never holds the address');
    assert.equal(statSync(join(outboxDir, files[0]!)).mode & 0o777, 0o600);

    const raw = readFileSync(join(outboxDir, files[0]!), 'utf8');
    assert.match(raw, /\r\n/, 'RFC 822 line ends');
    const mail = await simpleParser(raw);
    assert.deepEqual(mail.from?.value, [{ address: 'no-reply@plein.example.org', name: 'Plein Eemsdelta' }]);
    assert.equal(mail.to && 'text' in mail.to ? mail.to.text : undefined, 'lezer@example.org');
    assert.equal(mail.subject, 'Eén vraag over “ontslag” en de WW');
    assert.equal(mail.text, 'Hallo,\n\nDit is de tekst met é, ë en €.\n');
    assert.equal(mail.html, '<p>Hallo,</p><p>Dit is de <strong>tekst</strong> met é, ë en €.</p>');
    assert.equal(mail.headers.get('x-plein-test'), 'ja');
    assert.ok(mail.messageId, 'a Message-ID');
    assert.ok(mail.date instanceof Date, 'a Date');
    assert.match(raw, /^Content-Type: multipart\/alternative;/m);
  });

  it('writes two messages sent at the same moment to two files', async () => {
    const outboxDir = join(dir, 'twee');
    const mailer = new NodemailerMailer({ smtpUrl: undefined, outboxDir, from });
    const message = { to: 'a@example.org', subject: 'Test', text: 'tekst', html: '<p>tekst</p>' };
    await Promise.all([mailer.send(message), mailer.send({ ...message, to: 'b@example.org' })]);
    assert.equal(readdirSync(outboxDir).filter((name) => name.endsWith('.eml')).length, 2);
    assert.equal(readdirSync(outboxDir).length, 2);
  });

  it('sends through SMTP when SMTP_URL is set, and writes nothing to the outbox then', async () => {
    const outboxDir = join(dir, 'smtp');
    // Port 1 on loopback refuses connections: the message must go to that SMTP server, not to a file.
    const mailer = new NodemailerMailer({ smtpUrl: 'smtp://127.0.0.1:1', outboxDir, from });
    const failure = await mailer
      .send({ to: 'geheim@example.org', subject: 'Test', text: 'tekst', html: '<p>tekst</p>' })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    mailer.close();
    assert.ok(failure instanceof Error);
    assert.equal(existsSync(outboxDir), false, 'no outbox file');
    // What a log may keep of it: a kind and a code, never a message that could name the address.
    const described = describeFailure(failure);
    assert.equal(typeof described.name, 'string');
    assert.match(String(described.code), /^E[A-Z]+$/);
    assert.ok(!JSON.stringify(described).includes('example.org'));
  });

  it('describes a failure without its message', () => {
    const error = Object.assign(new Error('550 <iemand@example.org>: unknown user'), {
      code: 'EENVELOPE',
      responseCode: 550,
    });
    assert.deepEqual(describeFailure(error), { name: 'Error', code: 'EENVELOPE', responseCode: 550 });
    assert.deepEqual(describeFailure('iemand@example.org'), { name: 'string' });
  });

  it('words the confirmation in Dutch or English, with the link and without unsubscribe headers', () => {
    const mail = {
      to: 'lezer@example.org',
      community: 'Testgemeente Werk',
      questionTitle: 'Krijg ik WW als ik <zelf> ontslag neem & verhuis?',
      confirmUrl: 'https://plein.test/meldingen/bevestigen?token=abc_DEF-123',
    };
    const dutch = confirmationMail({ ...mail, locale: 'nl' });
    assert.equal(dutch.subject, 'Bevestig uw e-mailadres voor Testgemeente Werk');
    assert.match(dutch.text, /^Hallo,\n\nU wilt een e-mail krijgen als er een antwoord is op deze vraag:/);
    assert.ok(dutch.text.includes('"Krijg ik WW als ik <zelf> ontslag neem & verhuis?"'));
    assert.ok(dutch.text.includes(`\n${mail.confirmUrl}\n`));
    assert.match(dutch.text, /Wij verwijderen uw e-mailadres na 7 dagen\./);
    assert.match(dutch.html, /^<!doctype html>\n<html lang="nl">/);
    assert.ok(dutch.html.includes('Krijg ik WW als ik &lt;zelf&gt; ontslag neem &amp; verhuis?'));
    assert.ok(!dutch.html.includes('<zelf>'), 'the title is escaped in HTML');
    assert.ok(dutch.html.includes(`<a href="${mail.confirmUrl}">Bevestig uw e-mailadres</a>`));
    assert.equal(dutch.headers, undefined);

    const english = confirmationMail({ ...mail, locale: 'en' });
    assert.equal(english.subject, 'Confirm your e-mail address for Testgemeente Werk');
    assert.match(english.html, /<html lang="en">/);
    assert.match(english.text, /We delete your e-mail address after 7 days\./);
  });

  it('gives the notification RFC 8058 one-click headers and the question, not the answer', () => {
    const unsubscribeUrl = 'https://plein.test/meldingen/afmelden?token=xyz';
    const mail = notificationMail({
      to: 'lezer@example.org',
      locale: 'nl',
      community: 'Testgemeente Werk',
      questionTitle: 'Hoe lang krijg ik WW?',
      questionUrl: 'https://plein.test/?vraag=q1',
      unsubscribeUrl,
    });
    assert.deepEqual(mail.headers, {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    assert.equal(mail.subject, 'Er is een nieuw antwoord op de vraag die u volgt');
    assert.ok(mail.text.includes('https://plein.test/?vraag=q1'));
    assert.ok(mail.text.includes(unsubscribeUrl));
    assert.ok(mail.html.includes(`<a href="${unsubscribeUrl}">Afmelden</a>`));
    assert.match(mail.text, /30 dagen nadat de vraag is opgelost/);
  });
});

describe('mail configuration', () => {
  it('defaults to the outbox, a local From and links on this port', () => {
    const config = configFromEnvironment({ PORT: '4100' });
    assert.equal(config.publicUrl, 'http://localhost:4100');
    assert.equal(config.questionUrl, 'http://localhost:4100/municipal-site/#vraag-{id}');
    assert.deepEqual(config.mail, {
      smtpUrl: undefined,
      outboxDir: './data/outbox',
      from: 'Plein <no-reply@localhost>',
    });
  });

  it('reads SMTP_URL, PLEIN_OUTBOX_DIR, PLEIN_MAIL_FROM, PUBLIC_URL and PLEIN_QUESTION_URL', () => {
    const config = configFromEnvironment({
      SMTP_URL: 'smtps://gebruiker:geheim@smtp.example.org',
      PLEIN_OUTBOX_DIR: '/tmp/uit',
      PLEIN_MAIL_FROM: 'Eemsdelta <no-reply@eemsdelta.nl>',
      PUBLIC_URL: 'https://plein.eemsdelta.nl/',
      PLEIN_QUESTION_URL: 'https://www.eemsdelta.nl/vragen#vraag-{id}',
    });
    assert.equal(config.publicUrl, 'https://plein.eemsdelta.nl');
    assert.equal(config.questionUrl, 'https://www.eemsdelta.nl/vragen#vraag-{id}');
    assert.deepEqual(config.mail, {
      smtpUrl: 'smtps://gebruiker:geheim@smtp.example.org',
      outboxDir: '/tmp/uit',
      from: 'Eemsdelta <no-reply@eemsdelta.nl>',
    });
  });

  it('refuses a PUBLIC_URL that is not http(s) and a question link without {id}', () => {
    assert.throws(() => configFromEnvironment({ PUBLIC_URL: 'ftp://plein.example.org' }), /PUBLIC_URL/);
    assert.throws(() => configFromEnvironment({ PUBLIC_URL: 'plein' }), /PUBLIC_URL/);
    assert.throws(() => configFromEnvironment({ PLEIN_QUESTION_URL: 'https://example.org/vraag' }), /\{id\}/);
  });
});
