const warned = new Set<string>();

/**
 * Registers a tag once. When the tag is already taken (two Plein bundles on one page, or another library), it keeps
 * the first definition and warns once instead of throwing, so the host page never breaks.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(name);
  if (existing === undefined) {
    customElements.define(name, constructor);
    return;
  }
  if (existing !== constructor && !warned.has(name)) {
    warned.add(name);
    console.warn(`Plein: <${name}> is al geregistreerd door een ander script; de eerste versie blijft in gebruik.`);
  }
}
