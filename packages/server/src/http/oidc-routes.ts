import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Locale, localeFromHeader } from '../i18n/locale.ts';
import { escapeHtml } from '../mail/follow-mails.ts';
import type { OidcStep } from '../services/oidc-service.ts';
import type { Services } from '../services/services.ts';

/** The words of the only pages these routes show: when there is no safe place to send the browser back to. */
const problems: Record<
  Locale,
  Record<Extract<OidcStep, { kind: 'page' }>['problem'], { title: string; text: string }>
> = {
  nl: {
    'unknown-community': { title: 'Deze community bestaat niet', text: 'Controleer de link waarmee u hier kwam.' },
    'bad-return-to': {
      title: 'Inloggen kan niet vanaf deze website',
      text: 'Deze website mag niet inloggen bij de community. Ga terug naar de website van uw organisatie.',
    },
    'unknown-state': {
      title: 'Inloggen is niet gelukt',
      text: 'Het inloggen duurde te lang, of de link is al gebruikt. Ga terug naar de website en log opnieuw in.',
    },
  },
  en: {
    'unknown-community': { title: 'This community does not exist', text: 'Check the link that brought you here.' },
    'bad-return-to': {
      title: 'Signing in is not possible from this website',
      text: 'This website may not sign in to the community. Go back to the website of your organisation.',
    },
    'unknown-state': {
      title: 'Signing in did not work',
      text: 'Signing in took too long, or the link was used already. Go back to the website and sign in again.',
    },
  },
};

/** Nothing here may be cached, framed or leak its URL (which holds a code or a token) by Referer. */
const securityHeaders = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-robots-tag': 'noindex, nofollow',
};

function send(step: OidcStep, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.headers(securityHeaders);
  if (step.kind === 'redirect') return reply.redirect(step.location, 303);
  const locale = localeFromHeader(request.headers['accept-language']);
  const words = problems[locale][step.problem];
  return reply
    .code(step.status)
    .type('text/html; charset=utf-8')
    .send(
      [
        '<!doctype html>',
        `<html lang="${locale}">`,
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${escapeHtml(words.title)}</title></head>`,
        `<body><main><h1>${escapeHtml(words.title)}</h1><p>${escapeHtml(words.text)}</p></main></body>`,
        '</html>',
      ].join('\n'),
    );
}

/**
 * Single sign-on with a community's organisation (services/oidc-service.ts holds the rules):
 * `GET /auth/oidc/:community/start?return_to=URL` sends the browser to the provider, and the provider sends it back
 * to `GET /auth/oidc/:community/callback`, which sends it on to `return_to#plein-session=TOKEN` (or
 * `#plein-sign-in-error=REASON`). The request log shows the path only (app.ts), never the code or the state.
 */
export async function oidcRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.get('/auth/oidc/:community/start', async (request, reply) => {
    const { community } = request.params as { community: string };
    const returnTo = (request.query as { return_to?: unknown }).return_to;
    const step = await services.oidc.start(
      community,
      typeof returnTo === 'string' ? returnTo : undefined,
      `${request.protocol}://${request.host}`,
    );
    return send(step, request, reply);
  });

  app.get('/auth/oidc/:community/callback', async (request, reply) => {
    const { community } = request.params as { community: string };
    const step = await services.oidc.callback(community, new URL(request.url, `${request.protocol}://${request.host}`));
    return send(step, request, reply);
  });
}
