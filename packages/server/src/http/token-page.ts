import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../i18n/locale.ts';
import { escapeHtml } from '../mail/follow-mails.ts';

/**
 * The small server-rendered pages behind the links in e-mails (follow-up, appointments): no script, no external
 * resource, one inline style allowed by its hash. Mail scanners open every GET link, so a GET only shows a button
 * and the form's POST does the work.
 */
export interface TokenPage {
  title: string;
  /** Label and value pairs shown as a definition list above the paragraphs. */
  details?: [string, string][];
  paragraphs: string[];
  /** A form that POSTs back to this same address (query string included) with the token. */
  form?: { token: string; button: string };
}

/** A page with a title and one paragraph. */
export const simplePage = (texts: { title: string; text: string }): TokenPage => ({
  title: texts.title,
  paragraphs: [texts.text],
});

/** The token from the form field, else from the link's query string; '' when there is none. */
export function tokenOf(request: FastifyRequest): string {
  const fromBody = (request.body as { token?: unknown } | undefined)?.token;
  if (typeof fromBody === 'string' && fromBody !== '') return fromBody;
  const fromQuery = (request.query as { token?: unknown } | undefined)?.token;
  return typeof fromQuery === 'string' ? fromQuery : '';
}

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

/** Renders and sends the page in the reader's language, with its security headers. */
export function sendTokenPage(reply: FastifyReply, locale: Locale, status: number, page: TokenPage): FastifyReply {
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
