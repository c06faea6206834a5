import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Locale, localeFromHeader } from '../i18n/locale.ts';
import { followTexts } from '../mail/follow-texts.ts';
import type { LinkState } from '../services/follow-service.ts';
import type { Services } from '../services/services.ts';
import { sendTokenPage, simplePage, tokenOf } from './token-page.ts';

/**
 * The pages behind the links in follow-up e-mails: small server-rendered HTML without scripts or external
 * resources. Mail scanners open every GET link, so a GET only shows a button; the form's POST does the work.
 * The notification e-mail's List-Unsubscribe link also takes an RFC 8058 one-click POST
 * (`List-Unsubscribe=One-Click`, form-encoded or multipart), with the token in the link itself.
 */
export async function notificationPages(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  // Encapsulated in this plugin: the GraphQL route keeps accepting JSON only.
  await app.register(formbody, { bodyLimit: 4096 });
  // RFC 8058 says one-click POSTs should be multipart; the token is in the URL, so the body is not needed.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) =>
    done(null, {}),
  );

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'notification page failed');
    const texts = followTexts[localeOf(request)].pages.failed;
    return sendTokenPage(reply, localeOf(request), status, { title: texts.title, paragraphs: [texts.text] });
  });

  app.get('/meldingen/bevestigen', async (request, reply) => {
    const link = await services.follows.confirmationState(tokenOf(request));
    const locale = localeOf(request, link);
    const pages = followTexts[locale].pages;
    if (link.state === 'unknown') return sendTokenPage(reply, locale, 404, simplePage(pages.confirmUnknown));
    if (link.state === 'confirmed') return sendTokenPage(reply, locale, 410, simplePage(pages.alreadyConfirmed));
    return sendTokenPage(reply, locale, 200, {
      title: pages.confirm.title,
      paragraphs: [pages.confirm.text(link.questionTitle)],
      form: { token: tokenOf(request), button: pages.confirm.button },
    });
  });

  app.post('/meldingen/bevestigen', async (request, reply) => {
    const link = await services.follows.confirm(tokenOf(request));
    const locale = localeOf(request, link);
    const pages = followTexts[locale].pages;
    if (link.state === 'unknown') return sendTokenPage(reply, locale, 404, simplePage(pages.confirmUnknown));
    if (link.state === 'confirmed') return sendTokenPage(reply, locale, 410, simplePage(pages.alreadyConfirmed));
    return sendTokenPage(reply, locale, 200, {
      title: pages.confirmed.title,
      paragraphs: [pages.confirmed.text, pages.confirmed.more],
    });
  });

  app.get('/meldingen/afmelden', async (request, reply) => {
    const link = await services.follows.unsubscribeState(tokenOf(request));
    const locale = localeOf(request, link);
    const pages = followTexts[locale].pages;
    if (link.state === 'unknown') return sendTokenPage(reply, locale, 404, simplePage(pages.unsubscribeUnknown));
    return sendTokenPage(reply, locale, 200, {
      title: pages.unsubscribe.title,
      paragraphs: [pages.unsubscribe.text(link.questionTitle)],
      form: { token: tokenOf(request), button: pages.unsubscribe.button },
    });
  });

  app.post('/meldingen/afmelden', async (request, reply) => {
    const locale = localeOf(request, await services.follows.unsubscribeState(tokenOf(request)));
    const pages = followTexts[locale].pages;
    const removed = await services.follows.unsubscribe(tokenOf(request));
    return removed
      ? sendTokenPage(reply, locale, 200, simplePage(pages.unsubscribed))
      : sendTokenPage(reply, locale, 404, simplePage(pages.unsubscribeUnknown));
  });
}

/** The subscriber's language when the link is known (the page continues the e-mail), else the browser's. */
function localeOf(request: FastifyRequest, link?: LinkState): Locale {
  return link && link.state !== 'unknown' ? link.locale : localeFromHeader(request.headers['accept-language']);
}
