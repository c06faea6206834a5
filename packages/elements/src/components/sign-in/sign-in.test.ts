import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sessionKey } from '@plein/client';
import { sendKeys } from '@web/test-runner-commands';
import { resetSharedClients } from '../../context.ts';
import '../../define/plein-community.ts';
import '../../define/plein-sign-in.ts';
import type { PleinSignedInEvent } from '../../events/signed-in.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../../mocks/fixtures.ts';
import {
  MOCK_PASSWORD,
  MOCK_SIGN_IN_LINK,
  mockSessionTokens,
  professionalScenarios,
  signInMockAccount,
  signOutMockAccounts,
} from '../../mocks/professionals.ts';
import type { PleinSignIn } from './sign-in.ts';

// The community server is mocked with msw in these tests; e2e/ runs the real one.

const shadow = (element: Element) => element.shadowRoot!;
const part = <T extends HTMLElement = HTMLElement>(element: Element, name: string) =>
  shadow(element).querySelector<T>(`[part~="${name}"]`);
const field = (element: Element, id: 'email' | 'password') =>
  shadow(element).querySelector<HTMLInputElement>(`#${id}`)!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const focusedPart = (element: Element) => shadow(element).activeElement?.getAttribute('part') ?? null;
const storedSession = () => sessionStorage.getItem(sessionKey(MOCK_ENDPOINT, MOCK_COMMUNITY));

async function renderSignIn(
  template = html`<plein-sign-in endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-sign-in>`,
): Promise<PleinSignIn> {
  const rendered = await fixture<HTMLElement>(template);
  const element = (
    rendered.localName === 'plein-sign-in' ? rendered : rendered.querySelector('plein-sign-in')!
  ) as PleinSignIn;
  await waitUntil(
    () => part(element, 'form') || part(element, 'signed-in') || part(element, 'link-sign-in'),
    'the element renders',
    { timeout: 5000 },
  );
  return element;
}

function type(element: Element, id: 'email' | 'password', value: string): void {
  const input = field(element, id);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const signedInLine = (element: Element) => text(part(element, 'signed-in'));

/** Puts Plein's sign-in parameters in the test page's address, as a link in an e-mail or a sign-on return would. */
function openPageWith(search: string, hash = ''): void {
  const url = new URL(location.href);
  for (const [name, value] of new URLSearchParams(search)) url.searchParams.set(name, value);
  url.hash = hash;
  history.replaceState(null, '', url.href);
}

/** The GraphQL operations the element sends, by name, from now until `stop()`. */
function watchOperations() {
  const names: Promise<string | undefined>[] = [];
  const listener = ({ request }: { request: Request }) => {
    names.push(
      request
        .clone()
        .json()
        .then((body: { operationName?: string }) => body.operationName)
        .catch(() => undefined),
    );
  };
  worker.events.on('request:start', listener);
  return {
    seen: async () => (await Promise.all(names)).filter((name): name is string => name !== undefined),
    stop: () => worker.events.removeListener('request:start', listener),
  };
}

describe('<plein-sign-in>', () => {
  const startAddress = location.href;
  before(() => startMockServer());
  beforeEach(() => signOutMockAccounts());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    signOutMockAccounts();
    history.replaceState(null, '', startAddress);
  });

  it('asks for e-mail and password with labels and the autocomplete a password manager needs', async () => {
    const element = await renderSignIn();
    const heading = part(element, 'heading')!;
    expect([heading.getAttribute('role'), heading.getAttribute('aria-level'), text(heading)]).to.deep.equal([
      'heading',
      '2',
      'Inloggen voor professionals',
    ]);
    const email = field(element, 'email');
    const password = field(element, 'password');
    expect([email.type, email.autocomplete, text(shadow(element).querySelector('label[for="email"]'))]).to.deep.equal([
      'email',
      'username',
      'E-mailadres',
    ]);
    expect([
      password.type,
      password.autocomplete,
      text(shadow(element).querySelector('label[for="password"]')),
    ]).to.deep.equal(['password', 'current-password', 'Wachtwoord']);
    expect(text(part(element, 'request-link'))).to.equal('Stuur mij een inloglink');
    // Without organisation-sign-in there is no organisation button.
    expect(part(element, 'organisation')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('ties each missing field’s message to the field, and the summary leads to it', async () => {
    const element = await renderSignIn();
    part<HTMLButtonElement>(element, 'submit')!.click();
    await waitUntil(() => focusedPart(element) === 'error-summary', 'focus on the summary');
    expect([...part(element, 'error-summary')!.querySelectorAll('li')].map(text)).to.deep.equal([
      'Vul uw e-mailadres in.',
      'Vul uw wachtwoord in.',
    ]);
    const email = field(element, 'email');
    expect([email.getAttribute('aria-invalid'), email.getAttribute('aria-describedby')]).to.deep.equal([
      'true',
      'email-error',
    ]);
    expect(text(shadow(element).querySelector('#email-error'))).to.equal('Vul uw e-mailadres in.');
    expect(field(element, 'password').getAttribute('aria-describedby')).to.equal('password-error');
    await expect(element).to.be.accessible();

    shadow(element).querySelector<HTMLAnchorElement>('.error-summary a[href="#password"]')!.click();
    expect(shadow(element).activeElement?.id).to.equal('password');

    type(element, 'email', 'geert@');
    type(element, 'password', 'iets');
    part<HTMLButtonElement>(element, 'submit')!.click();
    await waitUntil(() => text(part(element, 'error-summary'))?.includes('geldig e-mailadres'), 'the address check');
  });

  it('shows the server’s own words for a wrong password, and keeps the e-mail address and the password', async () => {
    const element = await renderSignIn();
    type(element, 'email', 'geert@heikens-arbeidsadvies.example');
    type(element, 'password', 'fout-wachtwoord');
    part<HTMLButtonElement>(element, 'submit')!.click();
    await waitUntil(() => focusedPart(element) === 'error-summary', 'focus on the summary');
    expect(text(part(element, 'error-summary'))).to.equal(
      'Controleer het volgende: Het e-mailadres of het wachtwoord klopt niet.',
    );
    expect([field(element, 'email').value, field(element, 'password').value]).to.deep.equal([
      'geert@heikens-arbeidsadvies.example',
      'fout-wachtwoord',
    ]);
    expect(storedSession()).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('signs in with the keyboard alone, says who is signed in, and moves focus to it', async () => {
    const element = await renderSignIn(html`
      <div>
        <button id="before">Voor het formulier</button>
        <plein-sign-in endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-sign-in>
      </div>
    `);
    element.parentElement!.querySelector<HTMLButtonElement>('#before')!.focus();
    const order: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      order.push(focusedPart(element));
    }
    expect(order).to.deep.equal(['email', 'password', 'show-password', 'submit', 'request-link', null]);

    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    expect(focusedPart(element)).to.equal('password');
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ type: 'geert@heikens-arbeidsadvies.example' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: MOCK_PASSWORD });
    const signedIn = oneEvent<PleinSignedInEvent>(element, 'plein-signed-in');
    await sendKeys({ press: 'Enter' });
    const event = await signedIn;
    expect([event.viewer.displayName, event.method, event.bubbles, event.composed]).to.deep.equal([
      'Geert Heikens',
      'password',
      true,
      true,
    ]);
    await waitUntil(() => focusedPart(element) === 'signed-in', 'focus on who is signed in');
    expect(signedInLine(element)).to.equal('Ingelogd als Geert Heikens');
    expect(text(part(element, 'roles'))).to.equal('Rol: Expert');
    expect(text(part(element, 'session-end'))).to.match(
      /^U blijft ingelogd tot (\d{2}:\d{2}|\d+ \w+ \d{4} om \d{2}:\d{2})\.$/,
    );
    expect(text(part(element, 'announcer'))).to.equal('Ingelogd als Geert Heikens');
    expect(JSON.parse(storedSession()!).token).to.equal(mockSessionTokens.expert);
    await expect(element).to.be.accessible();

    // The password is cleared after a successful sign-in: signed out again, the form holds none of it.
    part<HTMLButtonElement>(element, 'sign-out')!.click();
    await waitUntil(() => part(element, 'form'), 'signed out');
    expect([field(element, 'email').value, field(element, 'password').value]).to.deep.equal([
      'geert@heikens-arbeidsadvies.example',
      '',
    ]);
  });

  it('names every role in plain Dutch', async () => {
    const element = await renderSignIn();
    type(element, 'email', 'moderator@eemsdelta.example');
    type(element, 'password', MOCK_PASSWORD);
    part<HTMLButtonElement>(element, 'submit')!.click();
    await waitUntil(() => part(element, 'roles'), 'signed in');
    expect(signedInLine(element)).to.equal('Ingelogd als Joost Mulder');
    expect(text(part(element, 'roles'))).to.equal('Rollen: Moderator en Medewerker gemeente');
  });

  it('shows the password on request, as a toggle button', async () => {
    const element = await renderSignIn();
    const toggle = part<HTMLButtonElement>(element, 'show-password')!;
    expect([toggle.getAttribute('aria-pressed'), toggle.getAttribute('aria-controls'), text(toggle)]).to.deep.equal([
      'false',
      'password',
      'Toon wachtwoord',
    ]);
    toggle.click();
    await element.updateComplete;
    expect([field(element, 'password').type, toggle.getAttribute('aria-pressed')]).to.deep.equal(['text', 'true']);
    await expect(element).to.be.accessible();
    toggle.click();
    await element.updateComplete;
    expect(field(element, 'password').type).to.equal('password');
  });

  it('sends a sign-in link and says the same for any address; without an address it asks for one', async () => {
    const element = await renderSignIn();
    part<HTMLButtonElement>(element, 'request-link')!.click();
    await waitUntil(() => focusedPart(element) === 'error-summary', 'focus on the summary');
    expect(text(part(element, 'error-summary'))).to.equal('Controleer het volgende: Vul uw e-mailadres in.');
    // The link needs no password: that field is not marked.
    expect(field(element, 'password').getAttribute('aria-invalid')).to.equal('false');

    type(element, 'email', 'onbekend@voorbeeld.nl');
    part<HTMLButtonElement>(element, 'request-link')!.click();
    await waitUntil(() => text(part(element, 'link-status')), 'the link is sent');
    expect(text(part(element, 'link-status'))).to.equal(
      'Als dit adres bij ons bekend is, krijgt u een e-mail met een link. De link werkt 15 minuten.',
    );
    expect(part(element, 'link-status')!.getAttribute('role')).to.equal('status');
    expect(part(element, 'error-summary')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('says the community cannot be reached, keeping everything typed', async () => {
    worker.use(...professionalScenarios.signInNetworkError);
    const element = await renderSignIn();
    type(element, 'email', 'geert@heikens-arbeidsadvies.example');
    type(element, 'password', MOCK_PASSWORD);
    part<HTMLButtonElement>(element, 'submit')!.click();
    await waitUntil(() => part(element, 'failure'), 'the failure', { timeout: 5000 });
    expect(text(part(element, 'failure'))).to.contain('Er is geen verbinding met de community');
    expect(text(part(element, 'failure'))).to.contain('Uw gegevens staan er nog.');
    expect([field(element, 'email').value, field(element, 'password').value]).to.deep.equal([
      'geert@heikens-arbeidsadvies.example',
      MOCK_PASSWORD,
    ]);
    await expect(element).to.be.accessible();
  });

  it('signs out: forgets the session, fires plein-signed-out, and returns focus to the form’s heading', async () => {
    signInMockAccount('expert');
    const element = await renderSignIn();
    expect(signedInLine(element)).to.equal('Ingelogd als Geert Heikens');
    const signedOut = oneEvent(element, 'plein-signed-out');
    part<HTMLButtonElement>(element, 'sign-out')!.click();
    await signedOut;
    await waitUntil(() => focusedPart(element) === 'heading', 'focus on the heading');
    expect(text(part(element, 'announcer'))).to.equal('U bent uitgelogd.');
    expect(storedSession()).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('uses the link from an e-mail only after "Nu inloggen", then removes it from the address bar', async () => {
    openPageWith(`plein-link=${MOCK_SIGN_IN_LINK}`, '#vragen');
    const operations = watchOperations();
    const element = await renderSignIn();
    await waitUntil(() => part(element, 'link-sign-in'), 'the button');
    expect(await operations.seen()).not.to.include('SignInWithLink');
    // A mail scanner that opens the page gets no further than this: nothing is sent, the link stays in the address.
    expect(text(part(element, 'heading'))).to.equal('Inloggen met de link uit uw e-mail');
    expect(text(part(element, 'link-sign-in'))).to.equal('Nu inloggen');
    expect(part(element, 'form')).to.equal(null);
    expect(new URL(location.href).searchParams.get('plein-link')).to.equal(MOCK_SIGN_IN_LINK);
    expect(storedSession()).to.equal(null);
    await expect(element).to.be.accessible();

    const signedIn = oneEvent<PleinSignedInEvent>(element, 'plein-signed-in');
    part<HTMLButtonElement>(element, 'link-sign-in')!.click();
    expect((await signedIn).method).to.equal('link');
    await waitUntil(() => focusedPart(element) === 'signed-in', 'focus on who is signed in');
    expect(signedInLine(element)).to.equal('Ingelogd als Geert Heikens');
    operations.stop();
    expect((await operations.seen()).filter((name) => name === 'SignInWithLink')).to.have.length(1);
    expect(new URL(location.href).searchParams.has('plein-link')).to.equal(false);
    expect(new URL(location.href).searchParams.has('wtr-session-id')).to.equal(true);
    expect(location.hash).to.equal('#vragen');
    expect(JSON.parse(storedSession()!).token).to.equal(mockSessionTokens.expert);
    await expect(element).to.be.accessible();
  });

  it('says so when the link no longer works, and shows the form', async () => {
    openPageWith('plein-link=al-gebruikt');
    const element = await renderSignIn();
    await waitUntil(() => part(element, 'link-sign-in'), 'the button');
    part<HTMLButtonElement>(element, 'link-sign-in')!.click();
    await waitUntil(() => focusedPart(element) === 'address-message', 'focus on the message');
    expect(text(part(element, 'address-message'))).to.equal('Deze link werkt niet meer. Vraag een nieuwe aan.');
    expect(part(element, 'form')).not.to.equal(null);
    expect(location.search).not.to.contain('plein-link');
    await expect(element).to.be.accessible();
  });

  it('keeps the link for another try when the community cannot be reached', async () => {
    worker.use(...professionalScenarios.signInNetworkError);
    openPageWith(`plein-link=${MOCK_SIGN_IN_LINK}`);
    const element = await renderSignIn();
    await waitUntil(() => part(element, 'link-sign-in'), 'the button');
    part<HTMLButtonElement>(element, 'link-sign-in')!.click();
    await waitUntil(() => part(element, 'failure'), 'the failure', { timeout: 5000 });
    expect(text(part(element, 'failure'))).to.contain('Er is geen verbinding met de community');
    expect(part(element, 'link-sign-in')).not.to.equal(null);
    expect(new URL(location.href).searchParams.get('plein-link')).to.equal(MOCK_SIGN_IN_LINK);
    await expect(element).to.be.accessible();
  });

  it('offers the form instead of the link, which stays unused', async () => {
    openPageWith(`plein-link=${MOCK_SIGN_IN_LINK}`);
    const element = await renderSignIn();
    await waitUntil(() => part(element, 'other-way'), 'the button');
    part<HTMLButtonElement>(element, 'other-way')!.click();
    await waitUntil(() => focusedPart(element) === 'heading', 'focus on the form’s heading');
    expect(text(part(element, 'heading'))).to.equal('Inloggen voor professionals');
    expect(part(element, 'form')).not.to.equal(null);
    expect(location.search).not.to.contain('plein-link');
    expect(storedSession()).to.equal(null);
  });

  it('takes over the session from the organisation sign-on and removes it from the fragment', async () => {
    openPageWith('', `#plein-session=${mockSessionTokens.expert}&stap=2`);
    const element = await renderSignIn();
    await waitUntil(() => part(element, 'signed-in'), 'signed in');
    expect(signedInLine(element)).to.equal('Ingelogd als Geert Heikens');
    expect(location.hash).to.equal('#stap=2');
    expect(JSON.parse(storedSession()!).token).to.equal(mockSessionTokens.expert);
  });

  it('explains an organisation sign-on that was stopped or failed', async () => {
    openPageWith('', '#plein-sign-in-error=cancelled');
    const stopped = await renderSignIn();
    expect(text(part(stopped, 'address-message'))).to.equal(
      'U heeft het inloggen bij uw organisatie gestopt. U bent niet ingelogd.',
    );
    expect(location.hash).to.equal('');
    await expect(stopped).to.be.accessible();

    openPageWith('', '#plein-sign-in-error=unknown-account');
    const unknown = await renderSignIn();
    expect(text(part(unknown, 'address-message'))).to.contain('er is hier geen account met uw e-mailadres');

    openPageWith('', '#plein-sign-in-error=failed');
    const failed = await renderSignIn();
    expect(text(part(failed, 'address-message'))).to.contain('Inloggen via uw organisatie is niet gelukt.');
  });

  it('offers the organisation’s sign-on when told which, and goes there with the way back', async () => {
    const element = await renderSignIn(
      html`<plein-sign-in
        endpoint=${MOCK_ENDPOINT}
        community=${MOCK_COMMUNITY}
        organisation-sign-in="Gemeente Eemsdelta"
      ></plein-sign-in>`,
    );
    const button = part<HTMLButtonElement>(element, 'organisation')!;
    expect(text(button)).to.equal('Inloggen met uw account van Gemeente Eemsdelta');
    let target = '';
    (element as unknown as { navigate: (url: string) => void }).navigate = (url) => (target = url);
    button.click();
    const url = new URL(target);
    expect([url.origin, url.pathname, url.searchParams.get('return_to')]).to.deep.equal([
      'https://plein.test',
      '/auth/oidc/eemsdelta/start',
      location.href,
    ]);
    await expect(element).to.be.accessible();
  });

  it('works inside <plein-community>, and every sign-in element of the community follows the session', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
          <plein-sign-in></plein-sign-in>
        </plein-community>
        <plein-sign-in endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} heading-level="3"></plein-sign-in>
      </div>
    `);
    const [inside, alone] = [...wrapper.querySelectorAll('plein-sign-in')];
    await waitUntil(() => part(inside!, 'form') && part(alone!, 'form'), 'both render');
    type(inside!, 'email', 'geert@heikens-arbeidsadvies.example');
    type(inside!, 'password', MOCK_PASSWORD);
    part<HTMLButtonElement>(inside!, 'submit')!.click();
    await waitUntil(() => part(alone!, 'signed-in'), 'the other one follows');
    expect(signedInLine(alone!)).to.equal('Ingelogd als Geert Heikens');
    part<HTMLButtonElement>(alone!, 'sign-out')!.click();
    await waitUntil(() => part(inside!, 'form'), 'both signed out');
  });

  it('speaks English on an English page', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="en">
        <plein-sign-in endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-sign-in>
      </div>
    `);
    const element = wrapper.querySelector('plein-sign-in')!;
    await waitUntil(() => part(element, 'form'), 'the form');
    expect(text(part(element, 'heading'))).to.equal('Sign in for professionals');
    expect(text(part(element, 'request-link'))).to.equal('Send me a sign-in link');
    await expect(element).to.be.accessible();
  });

  it('tells the web team what is missing', async () => {
    const element = await fixture(html`<plein-sign-in></plein-sign-in>`);
    expect(text(shadow(element).querySelector('[role="alert"]'))).to.contain('endpoint en community');
  });
});
