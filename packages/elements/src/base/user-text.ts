import { html, type TemplateResult } from 'lit';

/** A piece of user text: plain text, or a web address that becomes a link. */
export type UserTextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/**
 * A web address as people type it: `http://` or `https://` (any case), not glued to a letter or digit before it, up
 * to the first space, quote, angle bracket, backtick, control or invisible formatting character (zero-width and
 * direction marks, which could disguise where a link goes). Other schemes (`javascript:`, `data:`, `vbscript:`,
 * `mailto:`) never match: they stay text.
 */
const candidate = /(?<![\p{L}\p{N}])https?:\/\/[^\s<>"'`\p{Cc}\p{Cf}]+/giu;

/** Punctuation that ends a sentence rather than an address: "Kijk op https://www.uwv.nl." */
const trailing = /[.,;:!?…»›”’)\]}]$/u;

const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * Drops sentence punctuation after an address, and a closing bracket that closes the text around it rather than a
 * bracket inside it: "(zie https://nl.wikipedia.org/wiki/WW_(uitkering))" keeps the inner pair.
 */
function trimTrailing(url: string): string {
  let result = url;
  for (;;) {
    const last = result.at(-1);
    if (!last || !trailing.test(last)) return result;
    const opening = pairs[last];
    if (opening && count(result, opening) >= count(result, last)) return result;
    result = result.slice(0, -1);
  }
}

/** The address to link to, or undefined when it is not a plain web address (or hides a user name before the host). */
function hrefOf(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // "https://uwv.nl@example.com" goes to example.com: such an address stays text.
    if (url.username || url.password || !url.hostname) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** Splits user text into text and web addresses, in order. Joined, the parts' `text` is the input, unchanged. */
export function splitUserText(text: string): UserTextPart[] {
  const parts: UserTextPart[] = [];
  let rest = 0;
  const pushText = (value: string) => {
    if (!value) return;
    const last = parts.at(-1);
    if (last?.kind === 'text') last.text += value;
    else parts.push({ kind: 'text', text: value });
  };
  for (const match of text.matchAll(candidate)) {
    const start = match.index;
    const url = trimTrailing(match[0]);
    const href = hrefOf(url);
    if (!href) continue;
    pushText(text.slice(rest, start));
    parts.push({ kind: 'link', text: url, href });
    rest = start + url.length;
  }
  pushText(text.slice(rest));
  return parts;
}

/**
 * User text (a question, an answer, an expert's bio, a flag's note) for a Lit template: always text, through Lit's
 * own bindings, never HTML; web addresses in it become links marked as user content (`rel="nofollow ugc noopener"`)
 * that open in the same tab. Line breaks stay in the text: the element's CSS keeps them (`white-space: pre-wrap`).
 */
export function renderUserText(text: string | null | undefined): TemplateResult | string {
  if (!text) return '';
  const parts = splitUserText(text);
  if (parts.length === 1 && parts[0]!.kind === 'text') return text;
  return html`${parts.map((part) =>
    part.kind === 'link'
      ? html`<a class="user-link" href=${part.href} rel="nofollow ugc noopener">${part.text}</a>`
      : part.text,
  )}`;
}
