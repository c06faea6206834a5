import type { PleinClient, SessionInfo, SignInOutcome } from '@plein/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SignInMethod } from '../events/signed-in.ts';
import { type FieldErrors, fieldErrorsFrom, hasErrors } from '../form/field-errors.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';

/** The address parameters the community server sends people back with; each is read once and then removed. */
export const signInLinkParameter = 'plein-link';
export const sessionFragmentParameter = 'plein-session';
export const signInErrorFragmentParameter = 'plein-sign-in-error';

/** What a sign-in attempt came to. */
export type SignInResult =
  | { outcome: 'signed-in'; session: SessionInfo; method: SignInMethod }
  /** Field errors or the server's refusal are in `errors`. */
  | { outcome: 'invalid' }
  /** The call failed (network, server, rate limit); `failure` says why. */
  | { outcome: 'failed' }
  /** Nothing was sent: something is already on its way, or there is no community. */
  | { outcome: 'ignored' };

export type SignInBusy = 'password' | 'link' | 'link-sign-in' | 'address' | 'sign-out';

/** What the sign-in form found in the page's fragment: a session or an organisation sign-on error. */
interface AddressSignIn {
  sessionToken?: string;
  errorCode?: string;
}

/** The organisation sign-on's error codes (`#plein-sign-in-error=`) that get their own words; others "failed". */
const organisationErrors: Record<string, 'signIn.organisationCancelled' | 'signIn.organisationUnknownAccount'> = {
  cancelled: 'signIn.organisationCancelled',
  access_denied: 'signIn.organisationCancelled',
  'unknown-account': 'signIn.organisationUnknownAccount',
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads the organisation sign-on's way back from the fragment and removes it at once (history.replaceState), so a
 * reload, a bookmark or a shared screenshot does not carry it. The host page's own parameters and fragment stay.
 */
export function takeSignInFromAddress(): AddressSignIn {
  const url = new URL(location.href);
  const found: AddressSignIn = {};
  const fragment = url.hash.replace(/^#/, '');
  if (fragment) {
    const kept: string[] = [];
    for (const part of fragment.split('&')) {
      const [name = '', value = ''] = part.split('=', 2);
      if (name === sessionFragmentParameter) found.sessionToken = decodeURIComponent(value);
      else if (name === signInErrorFragmentParameter) found.errorCode = decodeURIComponent(value);
      else kept.push(part);
    }
    if (found.sessionToken !== undefined || found.errorCode !== undefined) url.hash = kept.join('&');
  }
  if (url.href !== location.href) history.replaceState(history.state, '', url.href);
  return found;
}

/**
 * The sign-in link's token (`?plein-link=`), left in the address: it is used only when the person clicks "Nu
 * inloggen", because some mail scanners open every link in a real browser and would use up the single-use link.
 */
export function signInLinkInAddress(): string | undefined {
  return new URL(location.href).searchParams.get(signInLinkParameter) || undefined;
}

/** Removes the sign-in link's token from the address; the host page's own parameters and fragment stay. */
export function removeSignInLinkFromAddress(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(signInLinkParameter)) return;
  url.searchParams.delete(signInLinkParameter);
  history.replaceState(history.state, '', url.href);
}

/** The current address without Plein's own sign-in parameters: where the organisation sign-on returns to. */
export function returnAddress(): string {
  const url = new URL(location.href);
  url.searchParams.delete(signInLinkParameter);
  const kept = url.hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part && !part.startsWith(`${sessionFragmentParameter}=`))
    .filter((part) => !part.startsWith(`${signInErrorFragmentParameter}=`));
  url.hash = kept.join('&');
  return url.href;
}

/**
 * The state of `<plein-sign-in>`: what was typed, the field errors, one action at a time, and the sign-in paths
 * (password, link by e-mail, the organisation's sign-on). The e-mail address stays after a failure; the password is
 * cleared only after a successful sign-in. Nothing here is stored: the client keeps the session.
 */
export class SignInController implements ReactiveController {
  email = '';
  password = '';
  showPassword = false;
  errors: FieldErrors = {};
  /** A failed call (network, server): shown with the form kept as it was. */
  failure: unknown = undefined;
  busy: SignInBusy | undefined;
  /** "Stuur mij een inloglink" was answered. */
  linkSent = false;
  /** A message about a sign-in that came back through the address (a used link, an organisation sign-on error). */
  addressMessage: string | undefined;
  /** A sign-in link's token from the address, waiting for "Nu inloggen". */
  pendingLink: string | undefined;

  private addressRead = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly client: () => PleinClient | undefined,
    private readonly onAddressSignIn: (result: SignInResult) => void,
  ) {
    host.addController(this);
  }

  /**
   * The first time the element has a community, it looks in the address for a way back from a sign-in. A sign-in
   * link waits for a click (see `signInWithPendingLink`); the organisation's sign-on is finished at once.
   */
  hostUpdate(): void {
    const client = this.client();
    if (this.addressRead || !client) return;
    this.addressRead = true;
    const linkToken = signInLinkInAddress();
    // Someone already signed in in this tab needs no link; it stays unused and expires by itself.
    if (linkToken && client.currentSession()) removeSignInLinkFromAddress();
    else if (linkToken) this.pendingLink = linkToken;
    const found = takeSignInFromAddress();
    if (found.sessionToken) {
      void this.finishFromAddress('organisation', () => client.useSessionToken(found.sessionToken!));
    } else if (found.errorCode) {
      this.addressMessage = this.localize.t(organisationErrors[found.errorCode] ?? 'signIn.organisationFailed');
    }
  }

  /**
   * "Nu inloggen": trades the link from the e-mail for a session. Once the server has answered (signed in, or the link
   * no longer works) the link leaves the address; when the server could not be reached it stays, for another try.
   */
  async signInWithPendingLink(): Promise<SignInResult> {
    const client = this.client();
    const token = this.pendingLink;
    if (this.busy || !client || !token) return { outcome: 'ignored' };
    this.reset();
    const result = await this.run('link-sign-in', () => client.signInWithLink(token), 'link');
    if (result.outcome === 'failed') return result;
    this.pendingLink = undefined;
    removeSignInLinkFromAddress();
    // A link that no longer works is not about the fields on the form: it is said above the form.
    if (result.outcome === 'invalid') {
      this.addressMessage = this.errors.form;
      this.errors = {};
    }
    this.host.requestUpdate();
    return result;
  }

  /** "Op een andere manier inloggen": the form instead of the link, which stays unused. */
  dismissPendingLink(): void {
    if (this.busy) return;
    this.pendingLink = undefined;
    this.reset();
    removeSignInLinkFromAddress();
    this.host.requestUpdate();
  }

  setEmail(email: string): void {
    this.email = email;
    this.host.requestUpdate();
  }

  setPassword(password: string): void {
    this.password = password;
    this.host.requestUpdate();
  }

  toggleShowPassword(): void {
    this.showPassword = !this.showPassword;
    this.host.requestUpdate();
  }

  async signIn(): Promise<SignInResult> {
    const client = this.client();
    if (this.busy || !client) return { outcome: 'ignored' };
    this.reset();
    this.errors = { ...this.checkEmail(), ...this.checkPassword() };
    if (hasErrors(this.errors)) {
      this.host.requestUpdate();
      return { outcome: 'invalid' };
    }
    const result = await this.run('password', () => client.signIn(this.email.trim(), this.password), 'password');
    if (result.outcome === 'signed-in') {
      this.password = '';
      this.showPassword = false;
    }
    return result;
  }

  async requestLink(): Promise<'sent' | 'invalid' | 'failed' | 'ignored'> {
    const client = this.client();
    if (this.busy || !client) return 'ignored';
    this.reset();
    this.errors = this.checkEmail();
    if (hasErrors(this.errors)) {
      this.host.requestUpdate();
      return 'invalid';
    }
    this.busy = 'link';
    this.host.requestUpdate();
    try {
      const payload = await client.requestSignInLink(this.email.trim());
      if (payload.errors.length > 0) {
        this.errors = fieldErrorsFrom(payload.errors);
        return 'invalid';
      }
      this.linkSent = true;
      return 'sent';
    } catch (error) {
      this.failure = error;
      return 'failed';
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }

  async signOut(): Promise<void> {
    const client = this.client();
    if (this.busy || !client) return;
    this.busy = 'sign-out';
    this.host.requestUpdate();
    try {
      await client.signOut();
    } finally {
      this.busy = undefined;
      this.reset();
      this.host.requestUpdate();
    }
  }

  private reset(): void {
    this.errors = {};
    this.failure = undefined;
    this.linkSent = false;
    this.addressMessage = undefined;
  }

  private async finishFromAddress(method: SignInMethod, attempt: () => Promise<SignInOutcome>): Promise<void> {
    const result = await this.run('address', attempt, method);
    // A session that no longer works is not about the fields on the form: it is said above the form.
    if (result.outcome === 'invalid') {
      this.addressMessage = this.errors.form;
      this.errors = {};
    } else if (result.outcome === 'failed') {
      this.addressMessage = undefined;
    }
    this.host.requestUpdate();
    this.onAddressSignIn(result);
  }

  private async run(
    busy: SignInBusy,
    attempt: () => Promise<SignInOutcome>,
    method: SignInMethod,
  ): Promise<SignInResult> {
    this.busy = busy;
    this.host.requestUpdate();
    try {
      const { session, errors } = await attempt();
      if (session) return { outcome: 'signed-in', session, method };
      this.errors = errors.length > 0 ? fieldErrorsFrom(errors) : { form: this.localize.t('signIn.failed') };
      return { outcome: 'invalid' };
    } catch (error) {
      this.failure = error;
      return { outcome: 'failed' };
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }

  private checkEmail(): FieldErrors {
    const email = this.email.trim();
    if (!email) return { email: this.localize.t('signIn.emailRequired') };
    if (!emailPattern.test(email)) return { email: this.localize.t('signIn.emailInvalid') };
    return {};
  }

  private checkPassword(): FieldErrors {
    return this.password ? {} : { password: this.localize.t('signIn.passwordRequired') };
  }
}
