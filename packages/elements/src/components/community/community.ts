import { ContextProvider } from '@lit/context';
import { createPleinClient, type PleinClient } from '@plein/client';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { pleinClientContext } from '../../context.ts';
import { getDefaultEndpoint } from '../../default-endpoint.ts';
import { PleinPortalSignInFailedEvent } from '../../events/portal-sign-in-failed.ts';
import { LocalizeController, localeOf } from '../../localize/localize-controller.ts';
import { portalSignIn } from '../../localize/nl/sign-in.ts';

/**
 * @summary Connects the Plein elements inside it to one community, so they need no attributes of their own.
 *
 * With `sso-token`, a host portal signs its citizen in: the citizen then posts under a stable pseudonym. A refused
 * token (expired, forged) leaves everything working anonymously, with one small notice.
 *
 * Each kind of element inside it (and the community itself) is counted once per page load in the anonymous visit
 * counts: the page's address without query or fragment, the element's tag and `municipality`, sent with
 * `navigator.sendBeacon`; no cookie, no storage, no identifier (docs/privacy.md). `visits="off"` sends none.
 *
 * @slot - Any content, including Plein elements.
 *
 * @fires plein-portal-sign-in-failed - The portal's `sso-token` was refused. Cancelable: `preventDefault()` to show
 * your own message instead of the notice. `code` and `message` say why.
 *
 * @csspart portal-status - The notice that the portal's sign-in did not work (empty otherwise).
 * @csspart portal-dismiss - The button that closes that notice.
 *
 * @cssproperty --plein-surface-color - Background of the notice.
 * @cssproperty --plein-border-color - Line beside the notice.
 * @cssproperty --plein-text-color - Text colour.
 * @cssproperty --plein-font-family - Font of all text.
 * @cssproperty --plein-font-size - Base text size (at least 16px by default).
 * @cssproperty --plein-line-height - Line height.
 * @cssproperty --plein-border-radius - Rounding of fields, buttons and badges.
 * @cssproperty --plein-focus-outline-color - Focus ring.
 */
export class PleinCommunity extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    .portal-notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
      margin-block-end: 1em;
      padding-block: 0.5em;
      padding-inline: 1em;
      border-inline-start: 0.375em solid var(--plein-border-color, var(--basis-color-default-border-default, #8a8f94));
      background: var(--plein-surface-color, var(--basis-color-default-bg-subtle, #f4f6f8));
      /* The same chains as the other elements' (styles/base.styles.ts); this element does not load those styles. */
      color: var(
        --plein-text-color,
        var(--nl-paragraph-color, var(--utrecht-document-color, var(--basis-color-default-color-document, #1b1b1b)))
      );
      font-family: var(
        --plein-font-family,
        var(
          --nl-paragraph-font-family,
          var(--utrecht-document-font-family, var(--basis-text-font-family-default, system-ui, sans-serif))
        )
      );
      font-size: var(--plein-font-size, max(1em, 16px));
      line-height: var(--plein-line-height, 1.5);
    }
    .portal-notice p {
      flex: 1 1 20em;
      margin: 0;
    }
    .portal-notice button {
      min-block-size: 2.75em;
      padding-inline: 1em;
      border: 0.125em solid currentColor;
      border-radius: var(--plein-border-radius, var(--utrecht-border-radius, var(--basis-border-radius-sm, 0.25em)));
      background: transparent;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    .portal-notice button:focus-visible,
    .content:focus-visible {
      outline: 0.1875em solid
        var(--plein-focus-outline-color, var(--utrecht-focus-outline-color, var(--basis-focus-outline-color, #000000)));
      outline-offset: 0.125em;
    }
  `;

  /** The GraphQL endpoint. Defaults to the server the embed script came from. */
  @property() endpoint?: string;

  /** The community's slug, for example `eemsdelta`. */
  @property() community?: string;

  /**
   * The municipality this page serves, as the slug the community knows it by (for example `delfzijl`). The anonymous
   * visit counts name it, so the municipality's report can show its own pages.
   */
  @property() municipality?: string;

  /** `off`: the elements inside send no anonymous visit counts from this page. Counting is on otherwise. */
  @property() visits?: string;

  /**
   * A host portal's signed token for its signed-in citizen: a JWT (HS256, the community's portal secret) with `sub`,
   * `name` and `exp` at most one hour ahead. It is sent to the community once, whenever it is set or changed, and never
   * stored; the resulting session lives in sessionStorage. Removing it signs the portal's citizen out.
   */
  @property({ attribute: 'sso-token' }) ssoToken?: string;

  /** The notice after a refused `sso-token`; empty when there is none. */
  @state() private portalNotice = '';

  private readonly localize = new LocalizeController(this, () => portalSignIn);

  /** Counts portal sign-ins, so only the answer to the latest token counts. */
  private portalAttempt = 0;

  private readonly provider = new ContextProvider(this, { context: pleinClientContext });

  /** True once this element is in the anonymous visit counts. */
  private visitCounted = false;

  /** The client the elements inside use; undefined until `community` is set. */
  get client(): PleinClient | undefined {
    return this.provider.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const connectionChanged = changed.has('endpoint') || changed.has('community') || !this.hasUpdated;
    // The visit settings live in the client too; a new one for them is no reason to send `sso-token` again.
    const clientChanged = connectionChanged || changed.has('municipality') || changed.has('visits');
    if (clientChanged) {
      const endpoint = this.endpoint ?? getDefaultEndpoint();
      this.provider.setValue(
        endpoint && this.community
          ? createPleinClient({
              endpoint,
              community: this.community,
              locale: localeOf(this),
              municipality: this.municipality || undefined,
              visits: this.visits !== 'off',
            })
          : undefined,
      );
    }
    if (connectionChanged || changed.has('ssoToken')) {
      void this.signInThroughPortal(Boolean(changed.get('ssoToken')));
    }
  }

  protected override updated(): void {
    // The first render with a community to count in, like every other Plein element (base/plein-element.ts).
    if (this.visitCounted || !this.client) return;
    this.visitCounted = true;
    this.client.countVisit(this.localName);
  }

  protected override render() {
    return html`
      <div part="portal-status" role="status">
        ${
          this.portalNotice
            ? html`<div class="portal-notice">
                <p>${this.portalNotice}</p>
                <button part="portal-dismiss" type="button" @click=${this.dismissPortalNotice}>
                  ${this.localize.t('portalSignIn.dismiss')}
                </button>
              </div>`
            : nothing
        }
      </div>
      <div class="content" tabindex="-1"><slot></slot></div>
    `;
  }

  /**
   * Trades `sso-token` for a session. Refused or unreachable, the citizen goes on anonymously (a portal session left
   * from before is ended too), and the page hears why once: through the event, else through the notice.
   */
  private async signInThroughPortal(hadToken: boolean): Promise<void> {
    const attempt = ++this.portalAttempt;
    const client = this.client;
    const token = this.ssoToken;
    this.portalNotice = '';
    if (!client) return;
    const portalSession = () => client.currentSession()?.viewer.portalCitizen === true;
    if (!token) {
      if (hadToken && portalSession()) await client.signOut();
      return;
    }
    let refusal: { code: string; message?: string };
    try {
      const outcome = await client.signInWithPortalToken(token);
      if (outcome.session) return;
      refusal = { code: outcome.errors[0]?.code ?? 'PORTAL_TOKEN_INVALID', message: outcome.errors[0]?.message };
    } catch (error) {
      refusal = { code: (error as { kind?: string }).kind ?? 'network' };
    }
    if (attempt !== this.portalAttempt) return;
    if (portalSession()) await client.signOut();
    const message = refusal.message ?? this.localize.t('portalSignIn.failed');
    if (this.dispatchEvent(new PleinPortalSignInFailedEvent(refusal.code, message))) this.portalNotice = message;
  }

  private dismissPortalNotice(): void {
    this.portalNotice = '';
    // The button is gone: focus goes to the start of the content, not to the page's body.
    this.renderRoot.querySelector<HTMLElement>('.content')?.focus();
  }
}
