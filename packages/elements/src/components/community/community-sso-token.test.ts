import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sessionKey } from '@plein/client';
import { graphql, HttpResponse } from 'msw';
import { resetSharedClients } from '../../context.ts';
import '../../define/plein-community.ts';
import '../../define/plein-questions.ts';
import '../../define/plein-sign-in.ts';
import type { PleinPortalSignInFailedEvent } from '../../events/portal-sign-in-failed.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../../mocks/fixtures.ts';
import {
  MOCK_EXPIRED_PORTAL_TOKEN,
  MOCK_PORTAL_TOKEN,
  signInMockAccount,
  signOutMockAccounts,
} from '../../mocks/professionals.ts';
import type { PleinCommunity } from './community.ts';

// The community server is mocked with msw in these tests; e2e/ runs the real one.

const shadow = (element: Element) => element.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const notice = (community: Element) => text(shadow(community).querySelector('[part="portal-status"]'));
const storedSession = () => sessionStorage.getItem(sessionKey(MOCK_ENDPOINT, MOCK_COMMUNITY));

/** Every portal token the mocked server received. */
function recordPortalTokens() {
  const tokens: Promise<string | undefined>[] = [];
  const listener = ({ request }: { request: Request }) => {
    tokens.push(
      request
        .clone()
        .json()
        .then((body: { operationName?: string; variables?: { input?: { token?: string } } }) =>
          body.operationName === 'SignInWithPortalToken' ? body.variables?.input?.token : undefined,
        )
        .catch(() => undefined),
    );
  };
  worker.events.on('request:start', listener);
  return {
    seen: async () => (await Promise.all(tokens)).filter((token) => token !== undefined),
    stop: () => worker.events.removeListener('request:start', listener),
  };
}

async function renderCommunity(token: string | undefined) {
  const community = await fixture<PleinCommunity>(html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} sso-token=${token ?? ''}>
      <plein-sign-in heading-level="2"></plein-sign-in>
    </plein-community>
  `);
  const signIn = community.querySelector('plein-sign-in')!;
  await waitUntil(() => signIn.shadowRoot?.querySelector('[part="form"], [part="signed-in"]'), 'the sign-in renders');
  return { community, signIn };
}

describe('<plein-community sso-token>', () => {
  let requests: ReturnType<typeof recordPortalTokens>;
  before(() => startMockServer());
  beforeEach(() => {
    signOutMockAccounts();
    requests = recordPortalTokens();
  });
  afterEach(() => {
    requests.stop();
    worker.resetHandlers();
    resetSharedClients();
    signOutMockAccounts();
  });

  it('signs the portal’s citizen in under a pseudonym, and keeps the session but never the token', async () => {
    const { community, signIn } = await renderCommunity(MOCK_PORTAL_TOKEN);
    await waitUntil(() => signIn.shadowRoot!.querySelector('[part="signed-in"]'), 'signed in');
    expect(text(signIn.shadowRoot!.querySelector('[part="signed-in"]'))).to.equal('Ingelogd als Inwoner K7M2QF');
    expect(text(signIn.shadowRoot!.querySelector('[part="roles"]'))).to.equal('');
    expect(await requests.seen()).to.deep.equal([MOCK_PORTAL_TOKEN]);
    expect(JSON.parse(storedSession()!).viewer.portalCitizen).to.equal(true);
    const stored = [sessionStorage, localStorage].flatMap((store) =>
      Object.keys(store).map((key) => `${key}=${store.getItem(key)}`),
    );
    expect(stored.some((entry) => entry.includes(`"${MOCK_PORTAL_TOKEN}"`))).to.equal(false);
    expect(document.cookie).to.equal('');
    expect(notice(community)).to.equal('');
    await expect(community).to.be.accessible();
  });

  it('refuses an expired token with one clear notice, and the widgets carry on anonymously', async () => {
    signInMockAccount('portalCitizen');
    const community = document.createElement('plein-community');
    const failed = oneEvent<PleinPortalSignInFailedEvent>(community, 'plein-portal-sign-in-failed');
    await fixture(html`<div>${community}</div>`);
    community.innerHTML = '<plein-questions page-size="3" hide-filters></plein-questions>';
    community.setAttribute('endpoint', MOCK_ENDPOINT);
    community.setAttribute('community', MOCK_COMMUNITY);
    community.setAttribute('sso-token', MOCK_EXPIRED_PORTAL_TOKEN);
    const event = await failed;
    expect([event.code, event.message, event.bubbles, event.composed, event.cancelable]).to.deep.equal([
      'PORTAL_TOKEN_INVALID',
      'Uw inlog via het portaal werkt niet (meer). U kunt gewoon anoniem verder.',
      true,
      true,
      true,
    ]);
    await waitUntil(() => notice(community), 'the notice');
    expect(notice(community)).to.equal(
      'Uw inlog via het portaal werkt niet (meer). U kunt gewoon anoniem verder. Sluiten',
    );
    expect(shadow(community).querySelector('[part="portal-status"]')!.getAttribute('role')).to.equal('status');
    // The portal session from before is ended: what the citizen posts now is anonymous.
    await waitUntil(() => storedSession() === null, 'the old portal session is gone');
    const list = community.querySelector('plein-questions')!;
    await waitUntil(() => list.shadowRoot?.querySelectorAll('[part="item"]').length === 3, 'the list still works', {
      timeout: 5000,
    });
    await expect(community).to.be.accessible();

    shadow(community).querySelector<HTMLButtonElement>('[part="portal-dismiss"]')!.click();
    await community.updateComplete;
    expect(notice(community)).to.equal('');
    expect(shadow(community).activeElement?.className).to.equal('content');
  });

  it('leaves the message to the host when it cancels the event', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.addEventListener('plein-portal-sign-in-failed', (event) => event.preventDefault());
    const failed = oneEvent(wrapper, 'plein-portal-sign-in-failed');
    const community = document.createElement('plein-community') as PleinCommunity;
    community.setAttribute('endpoint', MOCK_ENDPOINT);
    community.setAttribute('community', MOCK_COMMUNITY);
    community.setAttribute('sso-token', MOCK_EXPIRED_PORTAL_TOKEN);
    wrapper.append(community);
    await failed;
    await community.updateComplete;
    expect(notice(community)).to.equal('');
  });

  it('signs in again when the portal gives a new token, and out when it removes the token', async () => {
    const { community, signIn } = await renderCommunity(MOCK_EXPIRED_PORTAL_TOKEN);
    await waitUntil(() => notice(community), 'the notice');
    community.ssoToken = MOCK_PORTAL_TOKEN;
    await waitUntil(() => signIn.shadowRoot!.querySelector('[part="signed-in"]'), 'signed in');
    expect(notice(community)).to.equal('');
    community.removeAttribute('sso-token');
    await waitUntil(() => signIn.shadowRoot!.querySelector('[part="form"]'), 'signed out');
    expect(storedSession()).to.equal(null);
    expect(await requests.seen()).to.deep.equal([MOCK_EXPIRED_PORTAL_TOKEN, MOCK_PORTAL_TOKEN]);
  });

  it('leaves an expert’s session alone when the portal token is refused', async () => {
    signInMockAccount('expert');
    const { community, signIn } = await renderCommunity(MOCK_EXPIRED_PORTAL_TOKEN);
    await waitUntil(() => notice(community), 'the notice');
    expect(text(signIn.shadowRoot!.querySelector('[part="signed-in"]'))).to.equal('Ingelogd als Geert Heikens');
  });

  it('says it in English on an English page when the community cannot be reached', async () => {
    worker.use(graphql.link(MOCK_ENDPOINT).mutation('SignInWithPortalToken', () => HttpResponse.error()));
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="en">
        <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} sso-token=${MOCK_PORTAL_TOKEN}>
        </plein-community>
      </div>
    `);
    const community = wrapper.querySelector('plein-community')!;
    await waitUntil(() => notice(community), 'the notice', { timeout: 5000 });
    expect(notice(community)).to.equal(
      'Signing in through the website of your municipality did not work. You can simply go on anonymously. Close',
    );
  });
});
