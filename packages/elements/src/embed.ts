import { ContextRoot } from '@lit/context';
import { setDefaultEndpoint } from './default-endpoint.ts';
import { bundleVersion, embedRegistry } from './embed-registry.ts';

/**
 * The embed entry (`/embed/plein.js`): one script tag on a host page. It registers nothing up front; it watches the
 * page and loads an element's code the first time its tag appears, so a page with only `<plein-questions>` downloads
 * only what that element needs.
 */
const loaders: Record<string, () => Promise<unknown>> = {
  'plein-community': () => import('./define/plein-community.ts'),
  'plein-questions': () => import('./define/plein-questions.ts'),
  'plein-question': () => import('./define/plein-question.ts'),
  'plein-ask': () => import('./define/plein-ask.ts'),
  'plein-my-questions': () => import('./define/plein-my-questions.ts'),
  'plein-topics': () => import('./define/plein-topics.ts'),
  'plein-sign-in': () => import('./define/plein-sign-in.ts'),
  'plein-expert-inbox': () => import('./define/plein-expert-inbox.ts'),
  'plein-expert': () => import('./define/plein-expert.ts'),
  'plein-experts': () => import('./define/plein-experts.ts'),
  'plein-moderation': () => import('./define/plein-moderation.ts'),
  'plein-contact': () => import('./define/plein-contact.ts'),
  'plein-report': () => import('./define/plein-report.ts'),
};
const tags = Object.keys(loaders);
// Other copies of this script on the page (another release, another host) share the tags to load through this.
const registry = embedRegistry();
const bundleUrl = import.meta.url;
registry.bundles.push({ version: bundleVersion, url: bundleUrl });

// Elements talk to the server this script came from, unless they name another endpoint.
setDefaultEndpoint(new URL('/graphql', import.meta.url).href);

// A provider that upgrades after the elements inside it still reaches them. One root serves every copy (the context
// key is global), and a second would make every waiting element ask its provider twice.
if (!registry.contextRoot) {
  registry.contextRoot = true;
  new ContextRoot().attach(document.documentElement);
}

function load(tag: string): void {
  const loader = loaders[tag];
  // The first copy to see a tag loads it; a copy that does not know a tag (an older release) leaves it to one that does.
  if (!loader || registry.claims[tag] || customElements.get(tag)) return;
  registry.claims[tag] = bundleUrl;
  loader().catch((error: unknown) => {
    // Released, so the next copy (or this one) that sees the tag appear again tries once more.
    delete registry.claims[tag];
    console.error(`Plein: <${tag}> kon niet worden geladen.`, error);
  });
}

function discover(root: ParentNode): void {
  for (const tag of tags) {
    if (root instanceof Element && root.localName === tag) load(tag);
    if (root.querySelector(tag)) load(tag);
  }
}

discover(document);
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }
}).observe(document.documentElement, { childList: true, subtree: true });
