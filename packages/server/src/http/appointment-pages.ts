import { createHash } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Locale, localeFromHeader } from '../i18n/locale.ts';
import type { UserErrorCode } from '../i18n/messages.ts';
import { appointmentPlace, appointmentTexts, appointmentTime } from '../mail/appointment-mails.ts';
import { escapeHtml } from '../mail/follow-mails.ts';
import type { BookedAppointment } from '../services/appointment-service.ts';
import type { Services } from '../services/services.ts';

/** The words of the cancel page. Language level B1; Dutch first, English second. */
const pageTexts: Record<
  Locale,
  {
    confirm: { title: string; question: string; button: string };
    done: { title: string; text: string };
    unknown: { title: string; text: string };
    cancelled: { title: string; text: string };
    past: { title: string; text: string };
    failed: { title: string; text: string };
  }
> = {
  nl: {
    confirm: {
      title: 'Afspraak annuleren',
      question: 'Wilt u deze afspraak annuleren? Klik dan op de knop. Dan kan iemand anders deze tijd kiezen.',
      button: 'Ja, annuleer mijn afspraak',
    },
    done: {
      title: 'Uw afspraak is geannuleerd',
      text: 'U krijgt hierover ook een e-mail. De tijd is nu vrij voor iemand anders.',
    },
    unknown: {
      title: 'Deze link werkt niet',
      text: 'Controleer of u de hele link uit de e-mail over uw afspraak heeft gebruikt. Gegevens van afspraken worden 30 dagen na de afspraak verwijderd. Daarna werkt de link ook niet meer.',
    },
    cancelled: { title: 'Deze afspraak is al geannuleerd', text: 'U hoeft niets meer te doen.' },
    past: {
      title: 'Deze afspraak is al begonnen of voorbij',
      text: 'U kunt hem niet meer annuleren. Wilt u een nieuwe afspraak? Kies dan een tijd op de website.',
    },
    failed: { title: 'Er ging iets mis', text: 'Er ging iets mis bij ons. Probeer het later opnieuw.' },
  },
  en: {
    confirm: {
      title: 'Cancel the appointment',
      question: 'Do you want to cancel this appointment? Then click the button, so someone else can choose this time.',
      button: 'Yes, cancel my appointment',
    },
    done: {
      title: 'Your appointment is cancelled',
      text: 'You will also get an e-mail about this. The time is now free for someone else.',
    },
    unknown: {
      title: 'This link does not work',
      text: 'Check that you used the whole link from the e-mail about your appointment. The details of an appointment are deleted 30 days after it. After that the link no longer works.',
    },
    cancelled: { title: 'This appointment is already cancelled', text: 'You do not need to do anything else.' },
    past: {
      title: 'This appointment has already started or is over',
      text: 'You can no longer cancel it. Do you want a new appointment? Then choose a time on the website.',
    },
    failed: { title: 'Something went wrong', text: 'Something went wrong on our side. Please try again later.' },
  },
};

/** Which page a refused cancellation shows, with which status. */
const refusals: Partial<Record<UserErrorCode, { page: 'unknown' | 'cancelled' | 'past'; status: number }>> = {
  CANCEL_LINK_INVALID: { page: 'unknown', status: 404 },
  ALREADY_CANCELLED: { page: 'cancelled', status: 410 },
  APPOINTMENT_PAST: { page: 'past', status: 410 },
};

/**
 * The page behind the cancel link in appointment e-mails, built like http/notification-pages.ts: small
 * server-rendered HTML without scripts or external resources, in Dutch or English by the browser's Accept-Language.
 * Mail scanners open every GET link, so a GET only shows the appointment and a button; the form's POST cancels. It
 * works without signing in: the token is the proof.
 */
export async function appointmentPages(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  // Encapsulated in this plugin: the GraphQL route keeps accepting JSON only.
  await app.register(formbody, { bodyLimit: 4096 });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'appointment page failed');
    const locale = localeOf(request);
    return sendPage(reply, locale, status, simple(pageTexts[locale].failed));
  });

  app.get('/afspraak/annuleren', async (request, reply) => {
    const locale = localeOf(request);
    const texts = pageTexts[locale];
    const link = await services.appointments.cancelLinkState(tokenOf(request));
    if (link.state === 'unknown') return sendPage(reply, locale, 404, simple(texts.unknown));
    if (link.state === 'cancelled') return sendPage(reply, locale, 410, simple(texts.cancelled));
    if (link.state === 'past') return sendPage(reply, locale, 410, simple(texts.past));
    return sendPage(reply, locale, 200, {
      title: texts.confirm.title,
      details: details(link.appointment, locale),
      paragraphs: [texts.confirm.question],
      form: { token: tokenOf(request), button: texts.confirm.button },
    });
  });

  app.post('/afspraak/annuleren', async (request, reply) => {
    const locale = localeOf(request);
    const texts = pageTexts[locale];
    const result = await services.appointments.cancel(tokenOf(request));
    if (result.cancelled) return sendPage(reply, locale, 200, simple(texts.done));
    const refusal = refusals[result.errors[0]?.code ?? 'CANCEL_LINK_INVALID'] ?? refusals.CANCEL_LINK_INVALID!;
    return sendPage(reply, locale, refusal.status, simple(texts[refusal.page]));
  });
}

function localeOf(request: FastifyRequest): Locale {
  return localeFromHeader(request.headers['accept-language']);
}

/** The token from the form field, else from the link's query string; '' when there is none. */
function tokenOf(request: FastifyRequest): string {
  const fromBody = (request.body as { token?: unknown } | undefined)?.token;
  if (typeof fromBody === 'string' && fromBody !== '') return fromBody;
  const fromQuery = (request.query as { token?: unknown } | undefined)?.token;
  return typeof fromQuery === 'string' ? fromQuery : '';
}

/** When, with whom and where; the citizen's own name and note are not repeated on a page behind a link. */
function details(appointment: BookedAppointment, locale: Locale): [string, string][] {
  const { labels } = appointmentTexts[locale];
  return [
    [labels.when, appointmentTime(appointment.startsAt, appointment.endsAt, locale)],
    [labels.advisor, appointment.advisorName],
    [labels.where, appointmentPlace(appointment.mode, appointment.location, locale)],
  ];
}

interface Page {
  title: string;
  details?: [string, string][];
  paragraphs: string[];
  /** A form that POSTs back to this same address (query string included) with the token. */
  form?: { token: string; button: string };
}

const simple = (texts: { title: string; text: string }): Page => ({ title: texts.title, paragraphs: [texts.text] });

/** Readable without the host's styles: at least 16px, 44px targets, a visible focus ring, contrast above 7:1. */
const css = [
  'body{margin:0;font-family:system-ui,sans-serif;font-size:1.125rem;line-height:1.5;color:#1a1a1a;background:#fff}',
  'main{max-inline-size:40rem;margin-inline:auto;padding:2rem 1rem}',
  'h1{font-size:1.75rem;line-height:1.25}',
  'dt{font-weight:bold}dd{margin:0 0 .75rem}',
  'button{font:inherit;min-block-size:2.75rem;padding:.6rem 1.2rem;color:#fff;background:#1a5a96;border:2px solid #1a5a96;border-radius:4px;cursor:pointer}',
  'button:hover{background:#12406b}',
  'button:focus-visible{outline:3px solid #1a1a1a;outline-offset:3px}',
].join('');
const cssHash = createHash('sha256').update(css).digest('base64');

/** Only this page's own style and forms to this server; nothing may frame it, and the token never leaks by Referer. */
const securityHeaders = {
  'content-security-policy': `default-src 'none'; style-src 'sha256-${cssHash}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex, nofollow',
  vary: 'Accept-Language',
};

function sendPage(reply: FastifyReply, locale: Locale, status: number, page: Page): FastifyReply {
  const details = page.details
    ? [
        '<dl>',
        ...page.details.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`),
        '</dl>',
      ]
    : [];
  const form = page.form
    ? [
        '<form method="post">',
        `<input type="hidden" name="token" value="${escapeHtml(page.form.token)}">`,
        `<button type="submit">${escapeHtml(page.form.button)}</button>`,
        '</form>',
      ]
    : [];
  const html = [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(page.title)}</h1>`,
    ...details,
    ...page.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`),
    ...form,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return reply
    .code(status)
    .headers({ ...securityHeaders, 'content-language': locale })
    .type('text/html; charset=utf-8')
    .send(html);
}
