import { consume } from '@lit/context';
import type { PleinClient } from '@plein/client';
import { html, LitElement, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { pleinClientContext, sharedClient } from '../context.ts';
import { getDefaultEndpoint } from '../default-endpoint.ts';
import { LocalizeController } from '../localize/localize-controller.ts';
import { common } from '../localize/nl/common.ts';
import type { Translation } from '../localize/translations.ts';
import { baseStyles } from '../styles/base.styles.ts';

/**
 * What every Plein element has: its community connection (own attributes first, then `<plein-community>`, then the
 * embed script's own server), its words, and the shared styles.
 */
export class PleinElement extends LitElement {
  static override styles = [baseStyles];

  /** The Dutch strings this element uses; each element adds its own to the common ones. */
  static strings: Partial<Translation> = common;

  /** The GraphQL endpoint, for example https://community.example.nl/graphql. Optional inside `<plein-community>`. */
  @property() endpoint?: string;

  /** The community's slug, for example `eemsdelta`. Optional inside `<plein-community>`. */
  @property() community?: string;

  /**
   * The element's language; otherwise the nearest `lang` above it. `nl` (default), `en` or `ar` (right to left: the
   * element follows the nearest `dir`, or sets `dir="rtl"` itself when nothing around it sets one).
   */
  // No default: an empty lang attribute on every element would hide the language of the page around it.
  @property({ reflect: true }) override lang!: string;

  @consume({ context: pleinClientContext, subscribe: true })
  @state()
  protected contextClient?: PleinClient;

  protected readonly localize = new LocalizeController(this, () => (this.constructor as typeof PleinElement).strings);

  protected t: LocalizeController['t'] = (key, ...values) => this.localize.t(key, ...values);

  /** True once this element is in the anonymous visit counts. */
  private visitCounted = false;

  constructor() {
    super();
    // A controller, so the count happens whatever `updated` a subclass writes: the first render that has a client to
    // talk through (an element that gets its client later still counts, once). docs/privacy.md says what is counted.
    this.addController({
      hostUpdated: () => {
        const client = this.visitCounted ? undefined : this.client;
        if (!client) return;
        this.visitCounted = true;
        // Optional: a client from an older copy of the bundle on the same page has no countVisit.
        client.countVisit?.(this.localName);
      },
    });
  }

  /** The first render of an English element waits for the English strings (one small chunk, loaded once). */
  protected override async scheduleUpdate(): Promise<void> {
    const strings = this.localize.pending();
    // If the chunk cannot be loaded, the element still renders, in Dutch.
    if (strings) await strings.catch(() => undefined);
    super.scheduleUpdate();
  }

  /** The client this element talks through, or undefined when it has no community to talk to. */
  protected get client(): PleinClient | undefined {
    const endpoint = this.endpoint ?? (this.community ? getDefaultEndpoint() : undefined);
    if (endpoint && this.community) return sharedClient(endpoint, this.community, this.localize.locale);
    return this.contextClient;
  }

  /** Shown instead of a blank box when the element is placed without a community. */
  protected renderNotConfigured(): TemplateResult {
    return html`<div class="root"><p class="alert" role="alert">${this.t('common.notConfigured')}</p></div>`;
  }
}
