/**
 * What the XSS tests look at in a rendered element: whether a payload ran (the canary), and whether its shadow trees
 * hold anything a payload could have put there: an element or attribute the element does not render with harmless
 * text, an event handler attribute, a script URL, a link without rel="nofollow ugc noopener", a stray comment.
 */

declare global {
  interface Window {
    /** The canary every payload calls: `xss(n)` for payload n. */
    xss?: (index: number) => void;
    /** How often anything called the canary (or alert, confirm, prompt). */
    __xss?: number;
  }
}

/** The payloads that ran since the last `reset()`, and the dialogs they opened. */
export interface Canary {
  readonly ran: Set<number>;
  readonly dialogs: string[];
  reset(): void;
}

/** Installs `xss()` and replaces alert, confirm and prompt, so a payload that runs is recorded instead of blocking. */
export function installCanary(target: Window = window): Canary {
  const canary: Canary = {
    ran: new Set(),
    dialogs: [],
    reset() {
      canary.ran.clear();
      canary.dialogs.length = 0;
      target.__xss = 0;
    },
  };
  target.__xss = 0;
  target.xss = (index: number) => {
    target.__xss = (target.__xss ?? 0) + 1;
    canary.ran.add(Number(index));
  };
  for (const dialog of ['alert', 'confirm', 'prompt'] as const) {
    Object.defineProperty(target, dialog, {
      configurable: true,
      value: (message?: unknown) => {
        target.__xss = (target.__xss ?? 0) + 1;
        canary.dialogs.push(`${dialog}(${String(message)})`);
        return null;
      },
    });
  }
  return canary;
}

/**
 * Gives payloads that would run on their own (an image error, an animation, a toggle, autofocus) the time to do so.
 * Nothing can be awaited here: the test checks that something does not happen, so it waits a little, and for two
 * frames so that layout-driven events (focus, animations) have had their turn.
 */
export async function letPayloadsFire(ms = 250): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** Every element in the tree, through every open shadow root, the host's own light DOM included. */
export function deepElements(root: Element | ShadowRoot | DocumentFragment): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot | DocumentFragment) => {
    for (const child of node.children) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element) {
    found.push(root);
    if (root.shadowRoot) visit(root.shadowRoot);
  }
  visit(root);
  return found;
}

/** Every comment in the tree, through every open shadow root. */
function deepComments(root: Element): Comment[] {
  const comments: Comment[] = [];
  const roots: Node[] = [root, ...deepElements(root).flatMap((element) => element.shadowRoot ?? [])];
  for (const node of roots) {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_COMMENT);
    while (walker.nextNode()) comments.push(walker.currentNode as Comment);
  }
  return comments;
}

/** The tag and attribute names a rendering uses: recorded with harmless text, the allowlist for payloads. */
export interface Shape {
  readonly tags: ReadonlySet<string>;
  readonly attributes: ReadonlySet<string>;
}

export function shapeOf(...roots: Element[]): Shape {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const element of roots.flatMap((root) => deepElements(root))) {
    tags.add(element.localName);
    for (const attribute of element.getAttributeNames()) attributes.add(attribute.toLowerCase());
  }
  return { tags, attributes };
}

/** Never rendered by a Plein element: one of these in a shadow tree came from a payload. */
const neverRendered = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'base',
  'meta',
  'link',
  'style',
  'template',
  'noscript',
  'xmp',
  'plaintext',
  'math',
  'svg',
  'foreignobject',
  'animate',
  'set',
  'image',
  'audio',
  'video',
  'source',
  'marquee',
]);

/** Attributes that hold an address: none may hold a script or a document. */
const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'srcdoc'];

/** What a browser reads as the scheme: control characters and whitespace inside the scheme are dropped. */
// eslint-disable-next-line no-control-regex
const ignoredInScheme = /[\u0000-\u0020\u007f-\u009f\u200b\u2028\u2029]/g;
const schemeOf = (value: string) =>
  /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(ignoredInScheme, ''))?.[1]?.toLowerCase();

/** How a problem is named in a failure: the element, and where it is (its part, or its parent's). */
function where(element: Element): string {
  const host = (element.getRootNode() as ShadowRoot).host?.localName ?? 'document';
  const part = element.closest('[part]')?.getAttribute('part');
  return `<${element.localName}> in ${host}${part ? ` [part="${part}"]` : ''}`;
}

/** An anchor's href is one of the element's own in-page links ("#vraag-q1", "#title"), or a web address. */
function hrefProblem(anchor: Element): string | undefined {
  const href = anchor.getAttribute('href') ?? '';
  if (href.startsWith('#')) return undefined;
  try {
    const { protocol } = new URL(href);
    if (protocol === 'https:' || protocol === 'http:') return undefined;
    return `${where(anchor)} links to a ${protocol} address: ${JSON.stringify(href.slice(0, 80))}`;
  } catch {
    return `${where(anchor)} has an href that is no address: ${JSON.stringify(href.slice(0, 80))}`;
  }
}

/** A link to a web address that is not marked as user content. */
export interface UnmarkedLink {
  /** The element, and where it is: "<a> in plein-question [part="answer-source"]". */
  readonly where: string;
  readonly rel: string;
  readonly href: string;
}

/**
 * Links to web addresses that are not marked as user content: every http(s) link in an element comes from what
 * someone wrote (text, a source), so its rel must say nofollow, ugc and noopener.
 */
export function unmarkedLinks(host: Element): UnmarkedLink[] {
  return deepElements(host)
    .filter((anchor) => anchor.localName === 'a' && !(anchor.getAttribute('href') ?? '#').startsWith('#'))
    .filter((anchor) => {
      const rel = new Set((anchor.getAttribute('rel') ?? '').toLowerCase().split(/\s+/));
      return !['nofollow', 'ugc', 'noopener'].every((token) => rel.has(token));
    })
    .map((anchor) => ({
      where: where(anchor),
      rel: anchor.getAttribute('rel') ?? '',
      href: anchor.getAttribute('href')!,
    }));
}

/** Lit's own comments: empty, "?" for a dynamic part, or "?lit$<digits>$" in a template. */
const litComment = /^(\?|\?lit\$\d+\$)?$/;

/**
 * Everything in the host's shadow trees that a payload could have put there. `allowed` is the shape of the same
 * rendering with harmless text; anything outside it, and a few things never allowed, is a problem.
 */
export function injectionProblems(host: Element, allowed: Shape): string[] {
  const problems: string[] = [];
  for (const element of deepElements(host)) {
    const tag = element.localName;
    if (neverRendered.has(tag) || !allowed.tags.has(tag)) problems.push(`unexpected ${where(element)}`);
    for (const name of element.getAttributeNames()) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith('on')) problems.push(`event handler ${attribute} on ${where(element)}`);
      else if (!allowed.attributes.has(attribute))
        problems.push(`unexpected attribute ${attribute} on ${where(element)}`);
    }
    for (const attribute of urlAttributes) {
      const value = element.getAttribute(attribute);
      if (value === null) continue;
      const scheme = schemeOf(value);
      const photo =
        tag === 'img' && attribute === 'src' && /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(value);
      if ((scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data') && !photo) {
        problems.push(`${attribute}="${value.slice(0, 60)}" on ${where(element)}`);
      }
    }
    if (tag === 'a' && element.hasAttribute('href')) {
      const problem = hrefProblem(element);
      if (problem) problems.push(problem);
    }
    // The only image an element shows is an expert's photo, in its own part.
    if (tag === 'img' && element.getAttribute('part') !== 'photo') problems.push(`unexpected ${where(element)}`);
  }
  for (const comment of deepComments(host)) {
    if (!litComment.test(comment.data)) {
      const host = (comment.getRootNode() as ShadowRoot).host?.localName;
      problems.push(`comment <!--${comment.data.slice(0, 40)}--> in ${host}`);
    }
  }
  return problems;
}

/** Whitespace may be laid out differently (paragraphs, trimmed lines): compare text without it. */
export const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, '');

/** The node's text holds the given text as typed, whitespace aside. */
export function showsText(node: Element | null | undefined, text: string): boolean {
  return Boolean(node) && squash(node!.textContent).includes(squash(text));
}

/** Counts what was rendered, for the figures in the closing note: payloads per element and field. */
export class Tally {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly links = new Map<string, number>();

  /** Links to web addresses an element made of the payloads (each checked for its scheme and rel). */
  addLinks(element: string, count: number): void {
    this.links.set(element, (this.links.get(element) ?? 0) + count);
  }

  add(element: string, fields: readonly string[], payloads: number): void {
    const byField = this.counts.get(element) ?? new Map<string, number>();
    for (const field of fields) byField.set(field, (byField.get(field) ?? 0) + payloads);
    this.counts.set(element, byField);
  }

  report(payloadCount: number): string {
    const fields = new Set<string>();
    let renderings = 0;
    let pairs = 0;
    const lines: string[] = [];
    for (const [element, byField] of this.counts) {
      const total = [...byField.values()].reduce((sum, count) => sum + count, 0);
      renderings += total;
      pairs += byField.size;
      for (const field of byField.keys()) fields.add(field);
      const links = this.links.get(element) ?? 0;
      lines.push(
        `  <${element}>: ${[...byField].map(([field, count]) => `${field} ${count}`).join(', ')}; ` +
          `${links} web links made of payload text`,
      );
    }
    return [
      `XSS figures: ${payloadCount} payloads; ${fields.size} fields; ${this.counts.size} elements; ` +
        `${pairs} (element, field) pairs; ${renderings} payload renderings in all ` +
        `(${payloadCount} × ${pairs} pairs = ${payloadCount * pairs} at one rendering per payload per pair).`,
      `  fields: ${[...fields].join(', ')}`,
      ...lines,
    ].join('\n');
  }
}
