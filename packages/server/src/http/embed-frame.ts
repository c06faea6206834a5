import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { escapeHtml } from '../mail/follow-mails.ts';
import type { Community } from '../services/models.ts';
import type { Services } from '../services/services.ts';
import { webSocketSources } from './security-headers.ts';

/**
 * `GET /embed/frame?element=questions&community=eemsdelta[&topic=ww&lang=en&question=ID&frame=ID]`: one element on a
 * page of its own, for a CMS that strips scripts and only lets an editor place an iframe (docs/embedding.md).
 *
 * The page holds no inline script or style: it loads the embed bundle (`plein.js`), its style sheet
 * (`frame-page.css`, served here) and `frame-page.js`, which tells the host page its height through postMessage. The
 * host page's optional loader (`frame.js`, packages/elements/src/frame-loader.ts) sets the iframe's height from it.
 *
 * Framing: a community's registered host origins (`plein community allow-origin`, the same list as its CORS allowlist)
 * may frame the page, and this server itself; nobody else. A community without registered sites can therefore not be
 * framed until it registers one. The error pages hold only fixed text and may be framed by anyone, so a web editor
 * sees in the CMS what is wrong with the address.
 */

/** The elements a frame may show, by the name used in `element=`. */
const frameElements = {
  questions: { tag: 'plein-questions', topic: true },
  question: { tag: 'plein-question', topic: false },
  ask: { tag: 'plein-ask', topic: true },
  'my-questions': { tag: 'plein-my-questions', topic: false },
  contact: { tag: 'plein-contact', topic: true },
  experts: { tag: 'plein-experts', topic: true },
  topics: { tag: 'plein-topics', topic: false },
} as const;
type FrameElement = keyof typeof frameElements;
export const frameElementNames = Object.keys(frameElements) as FrameElement[];

/** The languages of the elements; `dir` follows the language (Arabic is the right-to-left proof). */
const frameLocales = { nl: 'ltr', en: 'ltr', ar: 'rtl' } as const;
type FrameLocale = keyof typeof frameLocales;

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);
const frameQuery = z.object({
  community: slug,
  topic: slug.optional(),
  question: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .optional(),
  // The host's own name for this frame, repeated in every height message (`id`).
  frame: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});

interface Texts {
  titles: Record<FrameElement, string>;
  noscript: string;
  errors: Record<'unknownElement' | 'badValue' | 'unknownCommunity' | 'unknownTopic' | 'failed', [string, string]>;
}

/** Language level B1; Dutch first, English second. `{name}` is a parameter's name, never a value from the address. */
const texts: Record<FrameLocale, Texts> = {
  nl: {
    titles: {
      questions: 'Vragen en antwoorden',
      question: 'Vraag en antwoorden',
      ask: 'Stel een vraag',
      'my-questions': 'Mijn vragen',
      contact: 'Contact met een adviseur',
      experts: 'Experts',
      topics: 'Onderwerpen',
    },
    noscript: 'Zet JavaScript aan in uw browser. Dan ziet u hier de vragen en antwoorden.',
    errors: {
      unknownElement: [
        'Dit onderdeel bestaat niet',
        `Het adres van dit kader vraagt om een onderdeel dat Plein niet heeft. Gebruik bij element= een van deze namen: ${frameElementNames.join(', ')}.`,
      ],
      badValue: [
        'Het adres van dit kader klopt niet',
        'De waarde bij {name}= ontbreekt of klopt niet. Controleer het adres.',
      ],
      unknownCommunity: [
        'Deze community bestaat niet',
        'Er is geen community met de naam bij community=. Controleer het adres van dit kader.',
      ],
      unknownTopic: [
        'Dit onderwerp bestaat niet',
        'De community heeft geen onderwerp met de naam bij topic=. Controleer het adres van dit kader.',
      ],
      failed: ['Er ging iets mis', 'Er ging iets mis bij ons. Probeer het later opnieuw.'],
    },
  },
  en: {
    titles: {
      questions: 'Questions and answers',
      question: 'Question and answers',
      ask: 'Ask a question',
      'my-questions': 'My questions',
      contact: 'Contact an advisor',
      experts: 'Experts',
      topics: 'Topics',
    },
    noscript: 'Turn on JavaScript in your browser to see the questions and answers here.',
    errors: {
      unknownElement: [
        'This part does not exist',
        `The address of this frame asks for a part that Plein does not have. Use one of these names for element=: ${frameElementNames.join(', ')}.`,
      ],
      badValue: [
        'The address of this frame is not right',
        'The value of {name}= is missing or not right. Check the address.',
      ],
      unknownCommunity: [
        'This community does not exist',
        'There is no community with the name given in community=. Check the address of this frame.',
      ],
      unknownTopic: [
        'This topic does not exist',
        'The community has no topic with the name given in topic=. Check the address of this frame.',
      ],
      failed: ['Something went wrong', 'Something went wrong on our side. Please try again later.'],
    },
  },
  ar: {
    titles: {
      questions: 'أسئلة وأجوبة',
      question: 'سؤال وأجوبته',
      ask: 'اطرح سؤالاً',
      'my-questions': 'أسئلتي',
      contact: 'تواصل مع مستشار',
      experts: 'الخبراء',
      topics: 'المواضيع',
    },
    noscript: 'فعّل JavaScript في متصفحك لترى الأسئلة والأجوبة هنا.',
    errors: {
      unknownElement: [
        'هذا الجزء غير موجود',
        `عنوان هذا الإطار يطلب جزءاً غير موجود في Plein. استخدم في element= أحد هذه الأسماء: ${frameElementNames.join(', ')}.`,
      ],
      badValue: ['عنوان هذا الإطار غير صحيح', 'قيمة {name}= ناقصة أو غير صحيحة. تحقق من العنوان.'],
      unknownCommunity: [
        'هذا المجتمع غير موجود',
        'لا يوجد مجتمع بالاسم المذكور في community=. تحقق من عنوان هذا الإطار.',
      ],
      unknownTopic: [
        'هذا الموضوع غير موجود',
        'ليس لدى المجتمع موضوع بالاسم المذكور في topic=. تحقق من عنوان هذا الإطار.',
      ],
      failed: ['حدث خطأ', 'حدث خطأ من جهتنا. حاول مرة أخرى لاحقاً.'],
    },
  },
};

/** Keeps the frame's content clear of the iframe's edges (focus rings are never clipped); nothing else is styled. */
export const framePageCss = [
  'html{color-scheme:light}',
  'body{margin:0;padding:.375em;display:flow-root}',
  'main{display:flow-root}',
  '.visually-hidden{position:absolute;inline-size:1px;block-size:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}',
  '.frame-error{font-family:system-ui,sans-serif;font-size:1.125em;line-height:1.5;color:#1a1a1a;background:#fff}',
].join('\n');

/** An origin fit to repeat in a policy (the store keeps normalised origins; this keeps anything else out). */
const policyOrigin = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-f:.]+\](:\d{1,5})?$/i;

export function framePolicy(request: IncomingMessage, allowedOrigins: readonly string[]): string {
  const ancestors = ["'self'", ...allowedOrigins.filter((origin) => policyOrigin.test(origin))];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${webSocketSources(request)}`.trim(),
    "img-src 'self' data: https:",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
}

const errorPolicy = "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *";

const commonHeaders = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-robots-tag': 'noindex, nofollow',
  // The frame rule follows the community's registered sites, which can change at any time.
  'cache-control': 'no-cache',
};

function document(locale: FrameLocale, title: string, head: string[], body: string[], bodyAttributes = ''): string {
  return [
    '<!doctype html>',
    `<html lang="${locale}" dir="${frameLocales[locale]}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="stylesheet" href="frame-page.css">',
    ...head,
    '</head>',
    `<body${bodyAttributes}>`,
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function sendError(
  reply: FastifyReply,
  locale: FrameLocale,
  status: number,
  kind: keyof Texts['errors'],
  name = '',
): FastifyReply {
  const [title, text] = texts[locale].errors[kind];
  const html = document(
    locale,
    title,
    [],
    [
      '<main class="frame-error">',
      `<h1>${escapeHtml(title)}</h1>`,
      `<p>${escapeHtml(text.replace('{name}', name))}</p>`,
      '</main>',
    ],
  );
  return reply
    .code(status)
    .headers({ ...commonHeaders, 'content-security-policy': errorPolicy, 'content-language': locale })
    .type('text/html; charset=utf-8')
    .send(html);
}

function isFrameElement(name: unknown): name is FrameElement {
  return typeof name === 'string' && Object.hasOwn(frameElements, name);
}

function isFrameLocale(name: unknown): name is FrameLocale {
  return typeof name === 'string' && Object.hasOwn(frameLocales, name);
}

export async function embedFramePage(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'embed frame failed');
    return sendError(reply, 'nl', status, status === 500 ? 'failed' : 'badValue', '');
  });

  app.get('/embed/frame-page.css', async (_request, reply) =>
    reply
      .headers({ 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' })
      .type('text/css; charset=utf-8')
      .send(framePageCss),
  );

  app.get('/embed/frame', async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    if (query.lang !== undefined && !isFrameLocale(query.lang)) return sendError(reply, 'nl', 400, 'badValue', 'lang');
    const locale: FrameLocale = isFrameLocale(query.lang) ? query.lang : 'nl';
    if (!isFrameElement(query.element)) return sendError(reply, locale, 400, 'unknownElement');
    const element = query.element;
    const parsed = frameQuery.safeParse(query);
    if (!parsed.success) return sendError(reply, locale, 400, 'badValue', String(parsed.error.issues[0]?.path[0]));
    const { topic, question, frame } = parsed.data;
    if (element === 'question' && !question) return sendError(reply, locale, 400, 'badValue', 'question');

    const community: Community | null = await services.communities.bySlug(parsed.data.community);
    if (!community) return sendError(reply, locale, 404, 'unknownCommunity');
    const acceptsTopic = frameElements[element].topic && topic !== undefined;
    if (acceptsTopic && !(await services.communities.topics(community.id)).some((known) => known.slug === topic))
      return sendError(reply, locale, 404, 'unknownTopic');

    const attributes = [
      `community="${escapeHtml(community.slug)}"`,
      ...(acceptsTopic ? [`topic="${escapeHtml(topic!)}"`] : []),
      ...(element === 'question' ? [`question-id="${escapeHtml(question!)}"`] : []),
    ].join(' ');
    const { tag } = frameElements[element];
    const title = `${texts[locale].titles[element]} – ${community.name}`;
    const html = document(
      locale,
      title,
      ['<script type="module" src="plein.js"></script>', '<script type="module" src="frame-page.js"></script>'],
      [
        '<main>',
        `<h1 class="visually-hidden">${escapeHtml(title)}</h1>`,
        `<${tag} ${attributes}></${tag}>`,
        `<noscript><p class="frame-error">${escapeHtml(texts[locale].noscript)}</p></noscript>`,
        '</main>',
      ],
      frame ? ` data-plein-frame-id="${escapeHtml(frame)}"` : '',
    );
    const policy = framePolicy(request.raw, await services.communities.allowedOrigins(community.id));
    return reply
      .code(200)
      .headers({ ...commonHeaders, 'content-security-policy': policy, 'content-language': locale })
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
