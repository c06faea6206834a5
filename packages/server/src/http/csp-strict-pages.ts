import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The policy a strict host site sets, and the one `examples/csp-strict/` proves the widgets work under: scripts,
 * style sheets and connections from the page's own origin only, images from there or `data:`, nothing else. The
 * community runs on the same host here; README.md ("Strict Content-Security-Policy") says what a site adds when it
 * runs elsewhere.
 */
export const strictPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'";

/**
 * The same policy for a site that allows scripts by nonce instead of by origin: every script, its own inline ones and
 * `/embed/plein.js` alike, needs the nonce of this one response; inline `<style>` needs it too.
 */
export function noncePolicy(nonce: string): string {
  return (
    `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}'; connect-src 'self'; ` +
    "img-src 'self' data:; base-uri 'none'; form-action 'none'"
  );
}

/** 128 random bits, fresh for every response, as CSP asks (base64 is in the nonce grammar). */
export function freshNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Puts `nonce="…"` on every `<script>` and `<style>` tag of the page, as a site's CMS would. */
export function addNonce(html: string, nonce: string): string {
  return html.replace(/<(script|style)(?=[\s>])/gi, `<$1 nonce="${nonce}"`);
}

/**
 * The strict-CSP example pages. They live in `examples/csp-strict/` like every example, but are sent by these routes
 * (more specific than the static files' wildcard) so each gets its own policy on the reply, replacing the default page
 * policy of http/security-headers.ts. Their style sheet (`page.css`) is an ordinary static file. Neither page may be
 * cached: the nonce page holds a nonce that must never be used twice, and both policies belong to their response.
 */
export async function cspStrictPages(app: FastifyInstance, { examplesDir }: { examplesDir: string }): Promise<void> {
  const folder = join(examplesDir, 'csp-strict');
  if (!existsSync(folder)) return;
  const send = (reply: FastifyReply, policy: string, html: string) =>
    reply
      .header('content-security-policy', policy)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html);

  app.get('/csp-strict', async (_request, reply) => reply.redirect('/csp-strict/', 301));
  for (const path of ['/csp-strict/', '/csp-strict/index.html']) {
    app.get(path, async (_request, reply) =>
      send(reply, strictPolicy, await readFile(join(folder, 'index.html'), 'utf8')),
    );
  }
  app.get('/csp-strict/nonce.html', async (_request, reply) => {
    const nonce = freshNonce();
    const html = addNonce(await readFile(join(folder, 'nonce.html'), 'utf8'), nonce);
    return send(reply, noncePolicy(nonce), html);
  });
}
