import type { SessionInfo } from '@plein/client';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { messageOf } from '../../base/errors.ts';
import { PleinElement } from '../../base/plein-element.ts';
import { SessionController } from '../../controllers/session-controller.ts';
import { returnAddress, SignInController, type SignInResult } from '../../controllers/sign-in-controller.ts';
import { PleinSignedInEvent } from '../../events/signed-in.ts';
import { PleinSignedOutEvent } from '../../events/signed-out.ts';
import { orderedErrors, renderErrorSummary } from '../../form/error-summary.ts';
import { common } from '../../localize/nl/common.ts';
import { signIn } from '../../localize/nl/sign-in.ts';
import { errorSummaryStyles } from '../../styles/error-summary.styles.ts';
import { signInStyles } from './sign-in.styles.ts';

/** The form's fields in their order on screen; the error summary lists them so. */
const fieldIds = new Map([
  ['email', 'email'],
  ['password', 'password'],
]);

/**
 * @summary Sign-in for experts, moderators and municipal staff: e-mail and password, a sign-in link by e-mail, and
 * optionally the organisation's own sign-on. Signed in, it says who ("Ingelogd als …"), their roles in plain words, when
 * the session ends, and offers "Uitloggen". Citizens never need it. The session lives in sessionStorage (gone when the
 * tab closes); no cookies.
 *
 * A sign-in link in an e-mail leads to the host page with `?plein-link=…`: the element then offers "Nu inloggen", and
 * only that click uses the link (mail scanners that open links in a real browser would use up the single-use link),
 * after which the parameter leaves the address bar. The organisation sign-on comes back with `#plein-session=…` or
 * `#plein-sign-in-error=…`: the element reads these once and removes them from the address bar at once.
 *
 * @fires plein-signed-in - Someone signed in here. `viewer` (name, roles), `expiresAt` and `method` say who and how.
 * @fires plein-signed-out - Someone signed out here.
 *
 * @csspart heading - The heading "Inloggen voor professionals" (with a sign-in link: "Inloggen met de link uit uw e-mail").
 * @csspart intro - Who the sign-in is for (with a sign-in link: what the button does).
 * @csspart link-sign-in - The "Nu inloggen" button on the page a sign-in link opens.
 * @csspart other-way - The "Op een andere manier inloggen" button next to it.
 * @csspart form - The e-mail and password form.
 * @csspart error-summary - The list of problems, linked to their fields.
 * @csspart email - The e-mail field.
 * @csspart password - The password field.
 * @csspart show-password - The "Toon wachtwoord" toggle button.
 * @csspart submit - The "Inloggen" button.
 * @csspart failure - The message when the community could not be reached.
 * @csspart link - The part about a sign-in link by e-mail.
 * @csspart request-link - The "Stuur mij een inloglink" button.
 * @csspart link-status - What happened to the request for a link.
 * @csspart organisation - The organisation sign-on button (with `organisation-sign-in`).
 * @csspart address-message - A message about a link or organisation sign-on that did not work.
 * @csspart signed-in - The line "Ingelogd als …".
 * @csspart roles - The signed-in person's roles.
 * @csspart session-end - When the session ends.
 * @csspart sign-out - The "Uitloggen" button.
 * @csspart announcer - The polite live region that says what happened (visually hidden).
 *
 * @cssproperty --plein-text-color - Text colour.
 * @cssproperty --plein-muted-color - Colour of hints.
 * @cssproperty --plein-border-color - Borders of fields.
 * @cssproperty --plein-button-background-color - Background of the main button.
 * @cssproperty --plein-button-color - Text of the main button.
 * @cssproperty --plein-error-color - Field errors and the error summary.
 * @cssproperty --plein-focus-outline-color - The focus ring.
 * @cssproperty --plein-font-family - Font of all text.
 * @cssproperty --plein-font-size - Base text size (at least 16px by default).
 * @cssproperty --plein-background-color - Background of fields.
 * @cssproperty --plein-surface-color - Background of notes and messages.
 * @cssproperty --plein-link-color - Colour of links and link-like buttons.
 * @cssproperty --plein-focus-inverse-color - The focus ring's inner edge, for dark backgrounds.
 * @cssproperty --plein-success-color - Colour of messages that something worked, and of the "Opgelost" mark.
 * @cssproperty --plein-expert-color - Colour of the expert badge.
 * @cssproperty --plein-border-radius - Rounding of fields, buttons and badges.
 * @cssproperty --plein-line-height - Line height.
 */
export class PleinSignIn extends PleinElement {
  static override styles = [...PleinElement.styles, errorSummaryStyles, signInStyles];

  static override strings = { ...common, ...signIn };

  /**
   * The organisation whose single sign-on (OpenID Connect) the community offers, such as `Gemeente Eemsdelta`. With
   * it, a button "Inloggen met uw account van …" leads to the organisation's sign-in page and back.
   */
  @property({ attribute: 'organisation-sign-in' }) organisationSignIn?: string;

  /** The heading level (2 to 6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** What the polite live region says: a link sent, signed in, signed out. */
  @state() private announcement = '';

  private readonly sessions = new SessionController(this, () => this.client);

  private readonly form = new SignInController(
    this,
    this.localize,
    () => this.client,
    (result) => this.onAddressSignIn(result),
  );

  private get level(): number {
    return Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 6);
  }

  protected override render() {
    if (!this.client) return this.renderNotConfigured();
    const session = this.sessions.session;
    return html`
      <div class="root">
        ${session ? this.renderSignedIn(session) : this.renderSignedOut()}
        <p part="announcer" class="visually-hidden" role="status">${this.announcement}</p>
      </div>
    `;
  }

  private renderSignedIn(session: SessionInfo) {
    const { viewer } = session;
    const roles = viewer.roles.map((role) => this.t(`signIn.role.${role}`));
    const busy = this.form.busy === 'sign-out';
    return html`
      <section aria-labelledby="signed-in">
        <div
          role="heading"
          aria-level=${this.level}
          id="signed-in"
          part="signed-in"
          class="signed-in-heading"
          tabindex="-1"
        >
          ${this.t('signIn.signedInAs', viewer.displayName)}
        </div>
        ${
          roles.length > 0
            ? html`<p part="roles">${this.t('signIn.roles', this.list(roles), roles.length)}</p>`
            : nothing
        }
        ${viewer.portalCitizen ? html`<p>${this.t('signIn.portalCitizen')}</p>` : nothing}
        <p part="session-end" class="muted">
          <time datetime=${session.expiresAt}>${this.t('signIn.until', this.endTime(session.expiresAt))}</time>
        </p>
        <button
          part="sign-out"
          class="button secondary"
          type="button"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${this.onSignOut}
        >
          ${busy ? this.t('signIn.signingOut') : this.t('signIn.signOut')}
        </button>
      </section>
    `;
  }

  /** The page a sign-in link opened: nothing happens until the person clicks "Nu inloggen". */
  private renderPendingLink() {
    const { busy, failure } = this.form;
    return html`
      <section aria-labelledby="heading">
        <div role="heading" aria-level=${this.level} id="heading" part="heading" class="heading" tabindex="-1">
          ${this.t('signIn.linkHeading')}
        </div>
        <p part="intro" class="muted">${this.t('signIn.linkIntro')}</p>
        ${
          failure
            ? html`<div part="failure" class="alert" role="alert">
                <p>${messageOf(failure, this.t('signIn.failed'))}</p>
              </div>`
            : nothing
        }
        <div class="actions">
          <button
            part="link-sign-in"
            class="button"
            type="button"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${this.onLinkSignIn}
          >
            ${busy === 'link-sign-in' ? this.t('signIn.submitting') : this.t('signIn.linkSubmit')}
          </button>
          <button
            part="other-way"
            class="button secondary"
            type="button"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${this.onOtherWay}
          >
            ${this.t('signIn.linkOtherWay')}
          </button>
        </div>
      </section>
    `;
  }

  private renderSignedOut() {
    if (this.form.pendingLink) return this.renderPendingLink();
    const { email, password, showPassword, errors, busy, failure, linkSent, addressMessage } = this.form;
    const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || nothing;
    return html`
      <section aria-labelledby="heading">
        <div role="heading" aria-level=${this.level} id="heading" part="heading" class="heading" tabindex="-1">
          ${this.t('signIn.heading')}
        </div>
        <p part="intro" class="muted">${this.t('signIn.intro')}</p>
        ${
          busy === 'address'
            ? html`<p class="loading" aria-busy="true">${this.t('signIn.finishingSignIn')}</p>`
            : nothing
        }
        ${
          addressMessage
            ? html`<div part="address-message" class="alert" role="alert" tabindex="-1"><p>${addressMessage}</p></div>`
            : nothing
        }
        <form part="form" novalidate aria-labelledby="heading" @submit=${this.onSubmit}>
          ${this.renderErrorSummary()}
          <div class="field">
            <label for="email">${this.t('signIn.email')}</label>
            ${errors.email ? html`<span id="email-error" class="field-error">${errors.email}</span>` : nothing}
            <input
              id="email"
              part="email"
              name="email"
              type="email"
              autocomplete="username"
              inputmode="email"
              autocapitalize="none"
              spellcheck="false"
              required
              aria-invalid=${errors.email ? 'true' : 'false'}
              aria-describedby=${describedBy(errors.email && 'email-error')}
              .value=${email}
              @input=${(event: InputEvent) => this.form.setEmail((event.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="password">${this.t('signIn.password')}</label>
            ${errors.password ? html`<span id="password-error" class="field-error">${errors.password}</span>` : nothing}
            <div class="password-row">
              <input
                id="password"
                part="password"
                name="password"
                type=${showPassword ? 'text' : 'password'}
                autocomplete="current-password"
                autocapitalize="none"
                spellcheck="false"
                required
                aria-invalid=${errors.password ? 'true' : 'false'}
                aria-describedby=${describedBy(errors.password && 'password-error')}
                .value=${password}
                @input=${(event: InputEvent) => this.form.setPassword((event.target as HTMLInputElement).value)}
              />
              <button
                part="show-password"
                class="button secondary"
                type="button"
                aria-controls="password"
                aria-pressed=${showPassword ? 'true' : 'false'}
                @click=${() => this.form.toggleShowPassword()}
              >
                ${this.t('signIn.showPassword')}
              </button>
            </div>
          </div>
          ${
            failure && busy !== 'link'
              ? html`<div part="failure" class="alert" role="alert">
                  <p>${messageOf(failure, this.t('signIn.failed'))}</p>
                  <p>${this.t('signIn.kept')}</p>
                </div>`
              : nothing
          }
          <button part="submit" class="button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
            ${busy === 'password' ? this.t('signIn.submitting') : this.t('signIn.submit')}
          </button>
        </form>
        <div part="link" class="alternative">
          <p id="link-hint" class="hint">${this.t('signIn.linkHint')}</p>
          <button
            part="request-link"
            class="button secondary"
            type="button"
            aria-describedby="link-hint"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${this.onRequestLink}
          >
            ${busy === 'link' ? this.t('signIn.requestingLink') : this.t('signIn.requestLink')}
          </button>
          <p part="link-status" class="status" role="status">${linkSent ? this.t('signIn.linkSent') : ''}</p>
        </div>
        ${this.organisationSignIn ? this.renderOrganisation(this.organisationSignIn) : nothing}
      </section>
    `;
  }

  private renderOrganisation(organisation: string) {
    return html`
      <div class="alternative">
        <button
          part="organisation"
          class="button secondary"
          type="button"
          aria-describedby="organisation-hint"
          @click=${this.onOrganisationSignIn}
        >
          ${this.t('signIn.organisation', organisation)}
        </button>
        <p id="organisation-hint" class="hint">${this.t('signIn.organisationHint')}</p>
      </div>
    `;
  }

  private renderErrorSummary() {
    return renderErrorSummary({
      entries: orderedErrors(this.form.errors, [...fieldIds.keys()]),
      heading: this.t('signIn.errorSummary'),
      headingId: 'error-summary-heading',
      targetOf: (field) => fieldIds.get(field),
    });
  }

  /** "17:45" today, otherwise the date with it. */
  private endTime(iso: string): string {
    const end = new Date(iso);
    if (end.toDateString() === new Date().toDateString()) {
      return new Intl.DateTimeFormat(this.localize.locale, { hour: '2-digit', minute: '2-digit' }).format(end);
    }
    return this.localize.dateTime(iso);
  }

  private list(items: string[]): string {
    return new Intl.ListFormat(this.localize.locale, { type: 'conjunction' }).format(items);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const result = await this.form.signIn();
    await this.updateComplete;
    if (result.outcome === 'invalid') this.focusOn('[part="error-summary"]');
    else if (result.outcome === 'signed-in') this.signedIn(result);
  }

  private async onRequestLink(): Promise<void> {
    const outcome = await this.form.requestLink();
    await this.updateComplete;
    if (outcome === 'invalid') this.focusOn('[part="error-summary"]');
  }

  private async onLinkSignIn(): Promise<void> {
    const result = await this.form.signInWithPendingLink();
    await this.updateComplete;
    if (result.outcome === 'signed-in') this.signedIn(result);
    // The link no longer works: the message above the form says so, and the form is there for another way in.
    else if (result.outcome === 'invalid') this.focusOn('[part="address-message"]');
  }

  private async onOtherWay(): Promise<void> {
    this.form.dismissPendingLink();
    await this.updateComplete;
    this.focusOn('[part="heading"]');
  }

  private onOrganisationSignIn(): void {
    const client = this.client;
    if (!client) return;
    const origin = new URL(client.endpoint, location.href).origin;
    const start = new URL(`/auth/oidc/${encodeURIComponent(client.community)}/start`, origin);
    start.searchParams.set('return_to', returnAddress());
    this.navigate(start.href);
  }

  /** Leaves the page for the organisation's sign-in. A test replaces it to see where it would go. */
  protected navigate(url: string): void {
    location.assign(url);
  }

  private async onSignOut(): Promise<void> {
    if (this.form.busy) return;
    await this.form.signOut();
    this.announcement = this.t('signIn.signedOut');
    this.dispatchEvent(new PleinSignedOutEvent());
    await this.updateComplete;
    this.focusOn('[part="heading"]');
  }

  /** The organisation's sign-on, read from the address when the page opened. */
  private async onAddressSignIn(result: SignInResult): Promise<void> {
    if (result.outcome !== 'signed-in') return;
    await this.updateComplete;
    this.signedIn(result, false);
  }

  private signedIn(result: Extract<SignInResult, { outcome: 'signed-in' }>, moveFocus = true): void {
    const { session, method } = result;
    this.announcement = this.t('signIn.signedInAs', session.viewer.displayName);
    this.dispatchEvent(new PleinSignedInEvent(session.viewer, session.expiresAt, method));
    // A sign-in on page load (from the organisation) leaves focus to the page; after a click, focus goes to the outcome.
    if (moveFocus) this.focusOn('[part="signed-in"]');
  }

  private focusOn(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
