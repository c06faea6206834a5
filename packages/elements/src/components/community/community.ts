import { ContextProvider } from '@lit/context';
import { createPleinClient, type PleinClient } from '@plein/client';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { pleinClientContext } from '../../context.ts';
import { getDefaultEndpoint } from '../../default-endpoint.ts';
import { localeOf } from '../../localize/localize-controller.ts';

/**
 * @summary Connects the Plein elements inside it to one community, so they need no attributes of their own.
 *
 * @slot - Any content, including Plein elements.
 */
export class PleinCommunity extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  /** The GraphQL endpoint. Defaults to the server the embed script came from. */
  @property() endpoint?: string;

  /** The community's slug, for example `eemsdelta`. */
  @property() community?: string;

  /** The municipality this page serves (for anonymous visit counts in a later version). */
  @property() municipality?: string;

  private readonly provider = new ContextProvider(this, { context: pleinClientContext });

  /** The client the elements inside use; undefined until `community` is set. */
  get client(): PleinClient | undefined {
    return this.provider.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('community') || !this.hasUpdated) {
      const endpoint = this.endpoint ?? getDefaultEndpoint();
      this.provider.setValue(
        endpoint && this.community
          ? createPleinClient({ endpoint, community: this.community, locale: localeOf(this) })
          : undefined,
      );
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
