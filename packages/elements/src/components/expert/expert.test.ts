import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { graphql, HttpResponse } from 'msw';
import { resetSharedClients, sharedClient } from '../../context.ts';
import '../../define/plein-community.ts';
import '../../define/plein-expert.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { expertScenarios } from '../../mocks/expert-scenarios.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT, mockExpert } from '../../mocks/fixtures.ts';
import { MOCK_PASSWORD, signInMockAccount, signOutMockAccounts } from '../../mocks/professionals.ts';
import type { PleinExpert } from './expert.ts';

// The community server is mocked with msw in these tests; e2e/ runs the real one.

async function renderExpert(
  expertId: string,
  template = html`<plein-expert
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    expert-id=${expertId}
  ></plein-expert>`,
) {
  const element = await fixture<PleinExpert>(template);
  await waitUntil(() => element.shadowRoot?.querySelector('[part="name"], .alert'), 'the profile settles', {
    timeout: 5000,
  });
  return element;
}

const shadow = (element: Element) => element.shadowRoot!;
const text = (element: Element, selector: string) =>
  shadow(element).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const field = (element: Element, name: string) =>
  shadow(element).querySelector<HTMLInputElement | HTMLTextAreaElement>(`#profile-${name}`)!;
/** What has focus, by id or part: short to compare, and cheap to print when a test fails. */
const focused = (element: Element) => {
  const target = shadow(element).activeElement;
  return target ? target.id || target.getAttribute('part') || target.tagName : null;
};
/** The texts a field's aria-describedby points at, in order. */
const descriptionOf = (element: Element, target: Element) =>
  (target.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => shadow(element).getElementById(id)?.textContent?.trim() ?? `missing #${id}`);

function type(target: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  target.value = value;
  target.dispatchEvent(new InputEvent('input'));
}

const api = graphql.link(MOCK_ENDPOINT);

describe('<plein-expert>', () => {
  before(() => startMockServer());
  beforeEach(() => signOutMockAccounts());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    signOutMockAccounts();
  });

  describe('the profile', () => {
    it('shows an independent expert with photo, badge, independence, topics, bio and figures', async () => {
      const element = await renderExpert('e1');
      const name = shadow(element).querySelector('[part="name"]')!;
      expect([name.getAttribute('role'), name.getAttribute('aria-level'), name.textContent?.trim()]).to.deep.equal([
        'heading',
        '2',
        'Geert Heikens',
      ]);
      const photo = shadow(element).querySelector('img[part="photo"]')!;
      expect(photo.getAttribute('alt')).to.equal(
        'Foto van Geert Heikens, een man met grijs haar in een blauw overhemd',
      );
      expect(photo.getAttribute('src')).to.match(/^data:image\/svg\+xml,/);
      expect(shadow(element).querySelector('[part="initials"]')).to.equal(null);
      expect(text(element, '[part="title"]')).to.equal('Onafhankelijk arbeidsadviseur');
      expect(text(element, '[part="organisation"]')).to.equal('Heikens Arbeidsadvies');
      const badge = shadow(element).querySelector('[part="verified-badge"]')!;
      expect(badge.textContent?.trim()).to.equal('Geverifieerde expert');
      expect(descriptionOf(element, badge)).to.deep.equal(['Gecontroleerd tot 1 maart 2027']);
      expect(text(element, '[part="independence"]')).to.equal('Onafhankelijk: werkt niet voor UWV of de gemeente');
      const topics = [...shadow(element).querySelectorAll('[part="topic"]')].map((topic) => topic.textContent);
      expect(topics).to.deep.equal([
        'Ontslag en vaststellingsovereenkomst',
        'Ziek in dienst, loondoorbetaling en re-integratie',
      ]);
      expect(shadow(element).querySelector('.topic-list')!.getAttribute('aria-labelledby')).to.equal('topics-label');
      expect(text(element, '[part="bio"]')).to.contain('Ik werk voor mezelf, niet voor UWV of de gemeente.');
      expect(text(element, '[part="answer-count"]')).to.equal('48 antwoorden gegeven');
      expect(text(element, '[part="response-time"]')).to.equal('Antwoordt meestal binnen 3 uur');
      // Nobody is signed in: the profile is read-only.
      expect(shadow(element).querySelector('[part="edit"]')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('shows initials hidden from screen readers without a photo, and the municipality in plain words', async () => {
      const element = await renderExpert('e2');
      expect(shadow(element).querySelector('img')).to.equal(null);
      const initials = shadow(element).querySelector('[part="initials"]')!;
      expect([initials.textContent, initials.getAttribute('aria-hidden')]).to.deep.equal(['SK', 'true']);
      expect(text(element, '[part="independence"]')).to.equal('Werkt voor de gemeente');
      expect(text(element, '[part="organisation"]')).to.equal('ISD Noordoost');
      expect(text(element, '[part="response-time"]')).to.equal('Antwoordt meestal binnen 2 dagen');
      expect(descriptionOf(element, shadow(element).querySelector('[part="verified-badge"]')!)).to.deep.equal([
        'Gecontroleerd tot 31 januari 2027',
      ]);
      await expect(element).to.be.accessible();
    });

    it('says who else an expert works for: UWV, or the organisation in the verification note', async () => {
      const uwv = await renderExpert('e3');
      expect(text(uwv, '[part="independence"]')).to.equal('Werkt voor UWV');
      expect(text(uwv, '[part="answer-count"]')).to.equal('0 antwoorden gegeven');
      // No answers yet, so no median: nothing is said about speed.
      expect(shadow(uwv).querySelector('[part="response-time"]')).to.equal(null);
      expect(shadow(uwv).querySelector('[part="bio"]')).to.equal(null);

      const union = await renderExpert('e4');
      expect(text(union, '[part="independence"]')).to.equal('Werkt voor een vakbond (FNV)');
      expect(text(union, '[part="response-time"]')).to.equal('Antwoordt meestal binnen een uur');
      await expect(union).to.be.accessible();
    });

    it('shows no badge and no independence statement when the verification expired', async () => {
      const element = await renderExpert('e5');
      expect(text(element, '[part="name"]')).to.equal('Femke Oosting');
      expect(shadow(element).querySelector('[part="verified"]')).to.equal(null);
      expect(shadow(element).querySelector('[part="independence"]')).to.equal(null);
      expect(shadow(element).textContent).not.to.contain('Geverifieerde expert');
      expect(text(element, '[part="response-time"]')).to.equal('Antwoordt meestal binnen 4 dagen');
      await expect(element).to.be.accessible();
    });

    it('falls back to the initials when the photo cannot be loaded', async () => {
      worker.use(
        api.query('ExpertProfile', () =>
          HttpResponse.json({
            data: { expert: { ...mockExpert('e1')!, photoUrl: 'data:image/png;base64,bm90IGEgcGljdHVyZQ==' } },
          }),
        ),
      );
      const element = await renderExpert('e1');
      await waitUntil(() => shadow(element).querySelector('[part="initials"]'), 'the initials instead of the photo');
      expect(text(element, '[part="initials"]')).to.equal('GH');
      expect(shadow(element).querySelector('img')).to.equal(null);
    });

    it('never loads a photo from a script address', async () => {
      worker.use(
        api.query('ExpertProfile', () =>
          HttpResponse.json({ data: { expert: { ...mockExpert('e1')!, photoUrl: 'javascript:alert(1)' } } }),
        ),
      );
      const element = await renderExpert('e1');
      expect(shadow(element).querySelector('img')).to.equal(null);
      expect(text(element, '[part="initials"]')).to.equal('GH');
    });

    it('fits the host page outline with heading-level', async () => {
      const element = await renderExpert(
        'e1',
        html`<plein-expert
          endpoint=${MOCK_ENDPOINT}
          community=${MOCK_COMMUNITY}
          expert-id="e1"
          heading-level="4"
        ></plein-expert>`,
      );
      expect(shadow(element).querySelector('[part="name"]')!.getAttribute('aria-level')).to.equal('4');
    });

    it('speaks English on an English page', async () => {
      const wrapper = await fixture(
        html`<div lang="en">
          <plein-expert endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} expert-id="e1"></plein-expert>
        </div>`,
      );
      const element = wrapper.querySelector('plein-expert')!;
      await waitUntil(() => shadow(element).querySelector('[part="name"]'), 'the profile', { timeout: 5000 });
      expect(text(element, '[part="independence"]')).to.equal('Independent: does not work for UWV or the municipality');
      expect(text(element, '[part="verified-badge"]')).to.equal('Verified expert');
      expect(text(element, '[part="verified-until"]')).to.equal('Checked until March 1, 2027');
      expect(text(element, '[part="response-time"]')).to.equal('Usually answers within 3 hours');
      expect(text(element, '[part="answer-count"]')).to.equal('48 answers given');
    });
  });

  describe('states', () => {
    it('says it is loading, never a blank box', async () => {
      worker.use(...expertScenarios.profileSlow);
      const element = await fixture<PleinExpert>(
        html`<plein-expert endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} expert-id="e1"></plein-expert>`,
      );
      await waitUntil(() => shadow(element).querySelector('.loading'), 'the loading text');
      const loading = shadow(element).querySelector('.loading')!;
      expect([loading.textContent?.trim(), loading.getAttribute('aria-busy')]).to.deep.equal([
        'Profiel laden…',
        'true',
      ]);
      await expect(element).to.be.accessible();
    });

    it('says so when the expert does not exist, without a retry that cannot help', async () => {
      const element = await renderExpert('e-unknown');
      const alert = shadow(element).querySelector('[role="alert"]')!;
      expect(alert.textContent?.trim()).to.equal(
        'We kunnen deze expert niet vinden. Misschien is het profiel verwijderd.',
      );
      expect(alert.querySelector('button')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('shows a Dutch message and a working retry when the server cannot be reached', async () => {
      worker.use(...expertScenarios.profileNetworkError);
      const element = await renderExpert('e1');
      const alert = shadow(element).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('Er is geen verbinding met de community');
      const retry = alert.querySelector('button')!;
      expect(retry.textContent?.trim()).to.equal('Opnieuw proberen');
      await expect(element).to.be.accessible();
      worker.resetHandlers();
      retry.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(element) === 'name', 'focus on the loaded name', { timeout: 5000 });
      expect(text(element, '[part="name"]')).to.equal('Geert Heikens');
    });

    it('tells the web team what is missing', async () => {
      const bare = await fixture(html`<plein-expert></plein-expert>`);
      expect(text(bare, '[role="alert"]')).to.contain('endpoint en community');
      const noId = await fixture(
        html`<plein-expert endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-expert>`,
      );
      expect(text(noId, '[role="alert"]')).to.contain('expert-id');
    });

    it('works inside <plein-community> without its own attributes', async () => {
      const wrapper = await fixture(
        html`<plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
          <plein-expert expert-id="e2"></plein-expert>
        </plein-community>`,
      );
      const element = wrapper.querySelector('plein-expert')!;
      await waitUntil(() => shadow(element).querySelector('[part="name"]'), 'the profile', { timeout: 5000 });
      expect(text(element, '[part="name"]')).to.equal('Sandra Kloosterhuis');
    });
  });

  describe('the expert’s own profile', () => {
    it('offers "Profiel aanpassen" only to the expert who is signed in, and follows sign-in and sign-out', async () => {
      const element = await renderExpert('e1');
      expect(shadow(element).querySelector('[part="edit"]')).to.equal(null);

      const client = sharedClient(MOCK_ENDPOINT, MOCK_COMMUNITY, 'nl');
      const outcome = await client.signIn('geert@heikens-arbeidsadvies.example', MOCK_PASSWORD);
      expect(outcome.errors).to.deep.equal([]);
      await waitUntil(() => shadow(element).querySelector('[part="edit"]'), 'the edit button after sign-in');
      expect(text(element, '[part="edit"]')).to.equal('Profiel aanpassen');
      await expect(element).to.be.accessible();

      // Someone else's profile stays read-only for this expert.
      const other = await renderExpert('e2');
      expect(shadow(other).querySelector('[part="edit"]')).to.equal(null);

      await client.signOut();
      await waitUntil(() => !shadow(element).querySelector('[part="edit"]'), 'no edit button after sign-out');
    });

    it('changes the profile with the keyboard, announces it politely and shows the new text', async () => {
      signInMockAccount('expert');
      const element = await renderExpert('e1');
      const edit = shadow(element).querySelector<HTMLButtonElement>('[part="edit"]')!;
      edit.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(element) === 'profile-displayName', 'focus in the name field');
      expect(field(element, 'displayName').value).to.equal('Geert Heikens');
      expect(field(element, 'title').value).to.equal('Onafhankelijk arbeidsadviseur');
      expect(field(element, 'photoAlt').value).to.equal(
        'Foto van Geert Heikens, een man met grijs haar in een blauw overhemd',
      );
      const heading = shadow(element).querySelector('#edit-heading')!;
      expect([heading.getAttribute('aria-level'), heading.textContent?.trim()]).to.deep.equal([
        '3',
        'Uw profiel aanpassen',
      ]);
      await expect(element).to.be.accessible();

      await sendKeys({ press: 'Tab' });
      expect(focused(element)).to.equal('profile-title');
      await sendKeys({ press: 'Control+a' });
      await sendKeys({ type: 'Arbeidsadviseur en jurist' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(element, '[part="announcer"]') === 'Uw profiel is aangepast.', 'the announcement');
      expect(shadow(element).querySelector('[part="announcer"]')!.getAttribute('role')).to.equal('status');
      expect(text(element, '[part="title"]')).to.equal('Arbeidsadviseur en jurist');
      expect(shadow(element).querySelector('[part="edit-form"]')).to.equal(null);
      expect(focused(element)).to.equal('edit');
      await expect(element).to.be.accessible();
    });

    it('asks for a name and a photo description, with the problems linked to their fields', async () => {
      signInMockAccount('expert');
      const element = await renderExpert('e1');
      shadow(element).querySelector<HTMLButtonElement>('[part="edit"]')!.click();
      await waitUntil(() => shadow(element).querySelector('[part="edit-form"]'), 'the form');
      type(field(element, 'displayName'), '   ');
      type(field(element, 'photoUrl'), 'https://heikens-arbeidsadvies.example/geert.jpg');
      type(field(element, 'photoAlt'), '');
      expect(field(element, 'photoAlt').getAttribute('aria-required')).to.equal('true');
      shadow(element).querySelector<HTMLButtonElement>('[part="save"]')!.click();
      await waitUntil(() => focused(element) === 'error-summary', 'focus on the error summary');
      const links = [...shadow(element).querySelectorAll('[part="error-summary"] a')];
      expect(links.map((link) => link.textContent?.trim())).to.deep.equal([
        'Vul uw naam in.',
        'Beschrijf uw foto. Dat is verplicht als u een foto toont.',
      ]);
      const name = field(element, 'displayName');
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      expect(descriptionOf(element, name)[0]).to.equal('Vul uw naam in.');
      (links[1] as HTMLAnchorElement).click();
      expect(focused(element)).to.equal('profile-photoAlt');
      await expect(element).to.be.accessible();
    });

    it('counts the characters of the bio and refuses one that is too long', async () => {
      signInMockAccount('expert');
      const element = await renderExpert('e1');
      shadow(element).querySelector<HTMLButtonElement>('[part="edit"]')!.click();
      await waitUntil(() => shadow(element).querySelector('[part="edit-form"]'), 'the form');
      const bio = field(element, 'bio');
      type(bio, 'Ik help mensen.');
      await element.updateComplete;
      expect(descriptionOf(element, bio)).to.include('Nog 585 tekens over');
      type(bio, 'x'.repeat(610));
      await element.updateComplete;
      expect(text(element, '#profile-bio-counter')).to.equal('10 tekens te veel');
      shadow(element).querySelector<HTMLButtonElement>('[part="save"]')!.click();
      await waitUntil(() => focused(element) === 'error-summary', 'focus on the error summary');
      expect(descriptionOf(element, bio)[0]).to.equal('Gebruik hoogstens 600 tekens.');
    });

    it('holds the title to the server’s own limit (80 characters, as @plein/schema says)', async () => {
      signInMockAccount('expert');
      const element = await renderExpert('e1');
      shadow(element).querySelector<HTMLButtonElement>('[part="edit"]')!.click();
      await waitUntil(() => shadow(element).querySelector('[part="edit-form"]'), 'the form');
      const title = field(element, 'title');
      type(title, 'x'.repeat(81));
      shadow(element).querySelector<HTMLButtonElement>('[part="save"]')!.click();
      await waitUntil(() => focused(element) === 'error-summary', 'focus on the error summary');
      expect(descriptionOf(element, title)[0]).to.equal('Gebruik hoogstens 80 tekens.');
    });

    it('ties the server’s field errors to their fields and keeps every character typed', async () => {
      signInMockAccount('expert');
      worker.use(...expertScenarios.savePhotoRefused);
      const element = await renderExpert('e1');
      shadow(element).querySelector<HTMLButtonElement>('[part="edit"]')!.click();
      await waitUntil(() => shadow(element).querySelector('[part="edit-form"]'), 'the form');
      type(field(element, 'bio'), 'Mijn nieuwe tekst over mijzelf.');
      type(field(element, 'photoUrl'), 'https://heikens-arbeidsadvies.example/bestaat-niet.jpg');
      shadow(element).querySelector<HTMLButtonElement>('[part="save"]')!.click();
      await waitUntil(() => focused(element) === 'error-summary', 'focus on the error summary');
      const photoUrl = field(element, 'photoUrl');
      expect(photoUrl.getAttribute('aria-invalid')).to.equal('true');
      expect(descriptionOf(element, photoUrl)[0]).to.equal('Op dit adres staat geen foto. Kies een ander adres.');
      expect(field(element, 'bio').value).to.equal('Mijn nieuwe tekst over mijzelf.');
      expect(photoUrl.value).to.equal('https://heikens-arbeidsadvies.example/bestaat-niet.jpg');
    });

    it('keeps the text and says why when saving fails, also when the session ended meanwhile', async () => {
      signInMockAccount('expert');
      worker.use(...expertScenarios.saveNetworkError);
      const element = await renderExpert('e1');
      shadow(element).querySelector<HTMLButtonElement>('[part="edit"]')!.click();
      await waitUntil(() => shadow(element).querySelector('[part="edit-form"]'), 'the form');
      type(field(element, 'bio'), 'Tekst die niet verloren mag gaan.');
      shadow(element).querySelector<HTMLButtonElement>('[part="save"]')!.click();
      await waitUntil(() => shadow(element).querySelector('[part="edit-form"] [role="alert"]'), 'the failure', {
        timeout: 5000,
      });
      expect(text(element, '[part="edit-form"] [role="alert"]')).to.contain('Uw tekst is bewaard.');
      expect(field(element, 'bio').value).to.equal('Tekst die niet verloren mag gaan.');
      await expect(element).to.be.accessible();

      worker.resetHandlers();
      worker.use(...expertScenarios.saveUnauthenticated);
      shadow(element).querySelector<HTMLButtonElement>('[part="save"]')!.click();
      await waitUntil(
        () => text(element, '[part="edit-form"] [role="alert"]')?.includes('U bent niet meer ingelogd'),
        'the server’s reason',
      );
      // The session is gone, but the form and its text stay until the expert closes it.
      expect(field(element, 'bio').value).to.equal('Tekst die niet verloren mag gaan.');
      shadow(element).querySelector<HTMLButtonElement>('[part="cancel"]')!.click();
      await waitUntil(() => !shadow(element).querySelector('[part="edit-form"]'), 'the form closed');
      expect(shadow(element).querySelector('[part="edit"]')).to.equal(null);
    });

    it('puts focus back on "Profiel aanpassen" after canceling', async () => {
      signInMockAccount('expert');
      const element = await renderExpert('e1');
      shadow(element).querySelector<HTMLButtonElement>('[part="edit"]')!.click();
      await waitUntil(() => focused(element) === 'profile-displayName', 'focus in the form');
      shadow(element).querySelector<HTMLButtonElement>('[part="cancel"]')!.click();
      await waitUntil(() => focused(element) === 'edit', 'focus back on the button');
    });
  });
});
