import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import '../packages/elements/src/define/plein-ask.ts';
import '../packages/elements/src/define/plein-community.ts';
import '../packages/elements/src/define/plein-sign-in.ts';
import type { PleinSignIn } from '../packages/elements/src/components/sign-in/sign-in.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../packages/elements/src/mocks/fixtures.ts';
import {
  MOCK_EXPIRED_PORTAL_TOKEN,
  MOCK_PASSWORD,
  MOCK_PORTAL_TOKEN,
  MOCK_SIGN_IN_LINK,
  type MockAccount,
  professionalScenarios,
  signInMockAccount,
  signOutMockAccounts,
} from '../packages/elements/src/mocks/professionals.ts';
import { onEnglishPage, onHostileHostPage, onRtlPage } from './support/host-page.ts';
import { mockServer } from './support/mock-server.ts';
import { fill, findIn, shadowOf } from './support/play.ts';
import { tokenStyles, type Tokens } from './support/tokens.ts';

type Args = Pick<PleinSignIn, 'headingLevel'> & { organisationSignIn?: string } & Tokens;

const signIn = (args: Args) => html`
  <plein-sign-in
    style=${tokenStyles(args)}
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    heading-level=${args.headingLevel}
    organisation-sign-in=${ifDefined(args.organisationSignIn || undefined)}
  ></plein-sign-in>
`;

/** Each story starts signed out, or signed in as `account`: the session lives in this tab's sessionStorage. */
const session = (account?: MockAccount) => () => {
  signOutMockAccounts();
  if (account) signInMockAccount(account);
  return signOutMockAccounts;
};

/** The page opens with Plein's sign-in parameters in its address, as after a link in an e-mail or a sign-on. */
const openedWith =
  (search: string, hash = '') =>
  () => {
    signOutMockAccounts();
    const url = new URL(location.href);
    for (const [name, value] of new URLSearchParams(search)) url.searchParams.set(name, value);
    url.hash = hash;
    history.replaceState(history.state, '', url.href);
    return signOutMockAccounts;
  };

/**
 * Chromium asks for the page's icon again when the address changes (the element removes its parameters with
 * history.replaceState); the mocked server answers it, as the real host page would.
 */
const addressChanges = mockServer([http.get('*/favicon.ico', () => new HttpResponse(null, { status: 204 }))]);

async function typeCredentials(canvasElement: HTMLElement, email: string, password: string) {
  const root = await shadowOf(canvasElement, 'plein-sign-in');
  fill(await findIn<HTMLInputElement>(root, '#email'), email);
  fill(await findIn<HTMLInputElement>(root, '#password'), password);
  return root;
}

const meta = {
  title: 'Elements/plein-sign-in',
  component: 'plein-sign-in',
  render: signIn,
  args: { headingLevel: 2 },
  argTypes: { headingLevel: { control: { type: 'number', min: 2, max: 6 } } },
  parameters: { msw: mockServer() },
  beforeEach: session(),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Signed out: e-mail and password, and a sign-in link by e-mail. The password is `juist-wachtwoord`. */
export const SignedOut: Story = {};

/** The organisation's own sign-on as a third way in (a full-page visit to its sign-in page and back). */
export const WithOrganisationSignIn: Story = {
  args: { organisationSignIn: 'Gemeente Eemsdelta' },
};

/** "Inloggen" with empty fields: each message at its field, and a summary that links to them. */
export const FieldErrors: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-sign-in');
    (await findIn(root, '[part="submit"]')).click();
    const summary = await findIn(root, '[part="error-summary"]');
    await expect(summary.textContent).toContain('Vul uw e-mailadres in.');
  },
};

/** A wrong password: the server's words, which never say whether the account exists. The address stays. */
export const WrongPassword: Story = {
  play: async ({ canvasElement }) => {
    const root = await typeCredentials(canvasElement, 'geert@heikens-arbeidsadvies.example', 'fout-wachtwoord');
    (await findIn(root, '[part="submit"]')).click();
    const summary = await findIn(root, '[part="error-summary"]');
    await expect(summary.textContent).toContain('Het e-mailadres of het wachtwoord klopt niet.');
  },
};

/** "Stuur mij een inloglink": the same answer for any address. */
export const MagicLinkSent: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-sign-in');
    fill(await findIn<HTMLInputElement>(root, '#email'), 'geert@heikens-arbeidsadvies.example');
    (await findIn(root, '[part="request-link"]')).click();
    const status = await findIn(root, '[part="link-status"]:not(:empty)');
    await expect(status.textContent).toContain('De link werkt 15 minuten.');
  },
};

/** Signing in with the password: afterwards the element says who is signed in, and until when. */
export const SigningIn: Story = {
  play: async ({ canvasElement }) => {
    const root = await typeCredentials(canvasElement, 'geert@heikens-arbeidsadvies.example', MOCK_PASSWORD);
    (await findIn(root, '[part="submit"]')).click();
    const signedIn = await findIn(root, '[part="signed-in"]');
    await expect(signedIn.textContent).toContain('Ingelogd als Geert Heikens');
  },
};

/** Signed in as an expert (a session in this tab). */
export const SignedIn: Story = {
  beforeEach: session('expert'),
};

/** Signed in with two roles, named in plain Dutch: "Moderator en Medewerker gemeente". */
export const SignedInModerator: Story = {
  beforeEach: session('moderator'),
};

/**
 * The page opens from the link in the e-mail (`?plein-link=…`): "Nu inloggen" and nothing more. Only the click uses the
 * single-use link, so a mail scanner that opens the page in a real browser does not use it up.
 */
export const FromSignInLink: Story = {
  parameters: { msw: addressChanges },
  beforeEach: openedWith(`plein-link=${MOCK_SIGN_IN_LINK}`),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-sign-in');
    await expect((await findIn(root, '[part="link-sign-in"]')).textContent).toContain('Nu inloggen');
  },
};

/** "Nu inloggen" clicked: signed in, and the link is gone from the address. */
export const SignedInWithLink: Story = {
  parameters: { msw: addressChanges },
  beforeEach: openedWith(`plein-link=${MOCK_SIGN_IN_LINK}`),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-sign-in');
    (await findIn(root, '[part="link-sign-in"]')).click();
    const signedIn = await findIn(root, '[part="signed-in"]');
    await expect(signedIn.textContent).toContain('Ingelogd als Geert Heikens');
    await expect(location.search).not.toContain('plein-link');
  },
};

/** A link that was used before or is older than 15 minutes: the message, and the form for another way in. */
export const UsedSignInLink: Story = {
  parameters: { msw: addressChanges },
  beforeEach: openedWith('plein-link=al-gebruikt'),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-sign-in');
    (await findIn(root, '[part="link-sign-in"]')).click();
    const message = await findIn(root, '[part="address-message"]');
    await expect(message.textContent).toContain('Deze link werkt niet meer.');
  },
};

/** Back from the organisation's sign-on with `#plein-sign-in-error=cancelled`. */
export const OrganisationSignInStopped: Story = {
  parameters: { msw: addressChanges },
  args: { organisationSignIn: 'Gemeente Eemsdelta' },
  beforeEach: openedWith('', '#plein-sign-in-error=cancelled'),
};

/** The community cannot be reached: a Dutch message, and the e-mail address and password stay. */
export const SignInNetworkError: Story = {
  parameters: { msw: mockServer(professionalScenarios.signInNetworkError) },
  play: async ({ canvasElement }) => {
    const root = await typeCredentials(canvasElement, 'geert@heikens-arbeidsadvies.example', MOCK_PASSWORD);
    (await findIn(root, '[part="submit"]')).click();
    const failure = await findIn(root, '[part="failure"]');
    await expect(failure.textContent).toContain('Er is geen verbinding met de community');
  },
};

export const English: Story = {
  render: (args) => onEnglishPage(signIn(args)),
};

export const EnglishSignedIn: Story = {
  beforeEach: session('expert'),
  render: (args) => onEnglishPage(signIn(args)),
};

export const RightToLeft: Story = {
  render: (args) => onRtlPage(signIn({ ...args, organisationSignIn: 'Gemeente Eemsdelta' })),
};

export const HostileHostCss: Story = {
  render: (args) => onHostileHostPage(signIn(args)),
};

/** Inside `<plein-community>`: no attributes of its own. */
export const InsideCommunity: Story = {
  render: (args) => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
      <plein-sign-in heading-level=${args.headingLevel}></plein-sign-in>
    </plein-community>
  `,
};

/**
 * A host portal passes its signed-in citizen as `<plein-community sso-token>` (here the mocked token `geldig`): the
 * citizen posts under the pseudonym "Inwoner K7M2QF". Nothing intrusive: the sign-in element shows who, for the demo.
 */
export const PortalTokenAccepted: Story = {
  render: () => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} sso-token=${MOCK_PORTAL_TOKEN}>
      <plein-sign-in></plein-sign-in>
      <plein-ask topic="ww"></plein-ask>
    </plein-community>
  `,
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-sign-in');
    const signedIn = await findIn(root, '[part="signed-in"]');
    await expect(signedIn.textContent).toContain('Inwoner K7M2QF');
  },
};

/** An expired portal token (`verlopen`): one small notice from the community, and the widgets carry on anonymously. */
export const PortalTokenExpired: Story = {
  render: () => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} sso-token=${MOCK_EXPIRED_PORTAL_TOKEN}>
      <plein-ask topic="ww"></plein-ask>
    </plein-community>
  `,
  play: async ({ canvasElement }) => {
    const community = canvasElement.querySelector('plein-community')!;
    const notice = await findIn(community.shadowRoot!, '[part="portal-dismiss"]');
    await expect(notice).toBeTruthy();
  },
};
