import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Locale, localeFromHeader } from '../i18n/locale.ts';
import type { UserErrorCode } from '../i18n/messages.ts';
import { appointmentPlace, appointmentTexts, appointmentTime } from '../mail/appointment-mails.ts';
import type { BookedAppointment } from '../services/appointment-service.ts';
import type { Services } from '../services/services.ts';
import { sendTokenPage, simplePage, tokenOf } from './token-page.ts';

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
    return sendTokenPage(reply, locale, status, simplePage(pageTexts[locale].failed));
  });

  app.get('/afspraak/annuleren', async (request, reply) => {
    const locale = localeOf(request);
    const texts = pageTexts[locale];
    const link = await services.appointments.cancelLinkState(tokenOf(request));
    if (link.state === 'unknown') return sendTokenPage(reply, locale, 404, simplePage(texts.unknown));
    if (link.state === 'cancelled') return sendTokenPage(reply, locale, 410, simplePage(texts.cancelled));
    if (link.state === 'past') return sendTokenPage(reply, locale, 410, simplePage(texts.past));
    return sendTokenPage(reply, locale, 200, {
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
    if (result.cancelled) return sendTokenPage(reply, locale, 200, simplePage(texts.done));
    const refusal = refusals[result.errors[0]?.code ?? 'CANCEL_LINK_INVALID'] ?? refusals.CANCEL_LINK_INVALID!;
    return sendTokenPage(reply, locale, refusal.status, simplePage(texts[refusal.page]));
  });
}

function localeOf(request: FastifyRequest): Locale {
  return localeFromHeader(request.headers['accept-language']);
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
