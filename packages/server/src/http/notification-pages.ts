import { createHash } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Locale, localeFromHeader } from '../i18n/locale.ts';
import { escapeHtml } from '../mail/follow-mails.ts';
import { followTexts } from '../mail/follow-texts.ts';
import type { LinkState } from '../services/follow-service.ts';
import type { Services } from '../services/services.ts';

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
    return sendPage(reply, localeOf(request), status, { title: texts.title, paragraphs: [texts.text] });
  });

  app.get('/meldingen/bevestigen', async (request, reply) => {
    const link = await services.follows.confirmationState(tokenOf(request));
    const locale = localeOf(request, link);
    const pages = followTexts[locale].pages;
    if (link.state === 'unknown') return sendPage(reply, locale, 404, simple(pages.confirmUnknown));
    if (link.state === 'confirmed') return sendPage(reply, locale, 410, simple(pages.alreadyConfirmed));
    return sendPage(reply, locale, 200, {
      title: pages.confirm.title,
      paragraphs: [pages.confirm.text(link.questionTitle)],
      form: { token: tokenOf(request), button: pages.confirm.button },
    });
  });

  app.post('/meldingen/bevestigen', async (request, reply) => {
    const link = await services.follows.confirm(tokenOf(request));
    const locale = localeOf(request, link);
    const pages = followTexts[locale].pages;
    if (link.state === 'unknown') return sendPage(reply, locale, 404, simple(pages.confirmUnknown));
    if (link.state === 'confirmed') return sendPage(reply, locale, 410, simple(pages.alreadyConfirmed));
    return sendPage(reply, locale, 200, {
      title: pages.confirmed.title,
      paragraphs: [pages.confirmed.text, pages.confirmed.more],
    });
  });

  app.get('/meldingen/afmelden', async (request, reply) => {
    const link = await services.follows.unsubscribeState(tokenOf(request));
    const locale = localeOf(request, link);
    const pages = followTexts[locale].pages;
    if (link.state === 'unknown') return sendPage(reply, locale, 404, simple(pages.unsubscribeUnknown));
    return sendPage(reply, locale, 200, {
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
      ? sendPage(reply, locale, 200, simple(pages.unsubscribed))
      : sendPage(reply, locale, 404, simple(pages.unsubscribeUnknown));
  });
}

/** The subscriber's language when the link is known (the page continues the e-mail), else the browser's. */
function localeOf(request: FastifyRequest, link?: LinkState): Locale {
  return link && link.state !== 'unknown' ? link.locale : localeFromHeader(request.headers['accept-language']);
}

/** The token from the form field, else from the link's query string; '' when there is none. */
function tokenOf(request: FastifyRequest): string {
  const fromBody = (request.body as { token?: unknown } | undefined)?.token;
  if (typeof fromBody === 'string' && fromBody !== '') return fromBody;
  const fromQuery = (request.query as { token?: unknown } | undefined)?.token;
  return typeof fromQuery === 'string' ? fromQuery : '';
}

interface Page {
  title: string;
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
