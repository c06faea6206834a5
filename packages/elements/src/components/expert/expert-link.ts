import { PleinExpertOpenEvent } from '../../events/expert-open.ts';

/**
 * How an expert's profile opens, the same from the directory and from an answer: with `expert-href` (such as
 * `/expert/{id}`) a real link to the host's own profile page; without it the element opens the profile in place.
 * Either way the cancelable `plein-expert-open` fires first, so a host can route itself.
 */

/** The host's profile address for this expert, or undefined without an `expert-href` pattern. */
export function expertHrefFor(pattern: string | undefined, id: string): string | undefined {
  return pattern ? pattern.replaceAll('{id}', encodeURIComponent(id)) : undefined;
}

/**
 * Fires `plein-expert-open` for a click and leaves the click to the link or to a listener that canceled the event.
 * True when neither takes it: then the element shows the profile itself.
 */
export function routeExpertOpen(
  host: HTMLElement,
  event: MouseEvent,
  expert: { id: string; displayName: string },
  hasHref: boolean,
): boolean {
  // Ctrl- or middle-click on a real link opens a new tab, as on any website.
  const newTab = event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey;
  if (newTab && hasHref) return false;
  const open = new PleinExpertOpenEvent(expert.id, expert.displayName);
  host.dispatchEvent(open);
  if (open.defaultPrevented) {
    event.preventDefault();
    return false;
  }
  if (hasHref) return false;
  event.preventDefault();
  return true;
}
