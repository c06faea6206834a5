import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { graphql } from 'msw';
import { resetSharedClients } from '../../context.ts';
import '../../define/plein-community.ts';
import '../../define/plein-moderation.ts';
import '../../define/plein-sign-in.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../../mocks/fixtures.ts';
import { moderationScenarios, signInMockAdmin } from '../../mocks/moderation.ts';
import { signInMockAccount, signOutMockAccounts } from '../../mocks/professionals.ts';
import type { PleinModeration } from './moderation.ts';

// The community server is mocked with msw in these tests; e2e/ runs the real one.

const api = graphql.link(MOCK_ENDPOINT);
const shadow = (element: Element) => element.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = <T extends HTMLElement = HTMLElement>(element: Element, name: string) =>
  shadow(element).querySelector<T>(`[part~="${name}"]`);
const items = (element: Element) => [...shadow(element).querySelectorAll<HTMLElement>('[part="item"]')];
const ids = (element: Element) => items(element).map((item) => item.dataset.itemId);
const item = (element: Element, id: string) =>
  shadow(element).querySelector<HTMLElement>(`[part="item"][data-item-id="${id}"]`);
const inItem = <T extends HTMLElement = HTMLElement>(element: Element, id: string, selector: string) =>
  item(element, id)?.querySelector<T>(selector) ?? null;
const action = (element: Element, id: string, name: string) =>
  inItem<HTMLButtonElement>(element, id, `[data-action="${name}"]`);
const announcer = (element: Element) => text(part(element, 'announcer'));
/** Where focus is, as `<item id>:<part or id or tag>`, so a failing test prints something readable. */
const focused = (element: Element) => {
  const active = shadow(element).activeElement as HTMLElement | null;
  if (!active) return null;
  const itemId = active.closest<HTMLElement>('[part="item"]')?.dataset.itemId ?? '-';
  return `${itemId}:${active.getAttribute('part') ?? (active.id || active.localName)}`;
};

async function renderModeration(
  template = html`<plein-moderation endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-moderation>`,
): Promise<PleinModeration> {
  const rendered = await fixture<HTMLElement>(template);
  const element = (
    rendered.localName === 'plein-moderation' ? rendered : rendered.querySelector('plein-moderation')!
  ) as PleinModeration;
  await waitUntil(
    () => shadow(element).querySelector('[part="list"], [part="empty"], [part="sign-in-first"], [role="alert"]'),
    'the moderation settles',
    { timeout: 5000 },
  );
  return element;
}

/** The inputs of moderator actions that reach the mocked server, by operation; the usual handlers still answer. */
function recordActions() {
  const sent: [string, unknown][] = [];
  worker.use(
    ...[
      'ApproveContent',
      'RejectContent',
      'HideContent',
      'RedactContent',
      'BlockAuthor',
      'UpdateModerationSettings',
    ].map((operation) =>
      api.mutation(operation, ({ variables }) => {
        sent.push([operation, variables.input]);
        return undefined;
      }),
    ),
  );
  return sent;
}

function type(element: Element, selector: string, value: string): void {
  const field = shadow(element).querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

const HELD = 'QUESTION:q-m1';
const FLAGGED = 'ANSWER:a-m2';
const LINKS = 'ANSWER:a-m3';
const FIRST_POST = 'QUESTION:q-m4';
const PUBLISHED = 'QUESTION:q-m5';

describe('<plein-moderation>', () => {
  before(() => startMockServer());
  beforeEach(() => signOutMockAccounts());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    signOutMockAccounts();
  });

  describe('who sees what', () => {
    it('asks a moderator to sign in, and brings its own sign-in when the page has none', async () => {
      const element = await renderModeration();
      expect(text(part(element, 'sign-in-first'))).to.equal('Log in als moderator om de wachtrij te zien.');
      const signIn = shadow(element).querySelector('plein-sign-in')!;
      await waitUntil(() => signIn.shadowRoot?.querySelector('[part="form"]'), 'its sign-in form');
      expect(signIn.getAttribute('heading-level')).to.equal('3');
      await expect(element).to.be.accessible();
    });

    it('says only that inside a community that has its own sign-in element', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
          <plein-sign-in></plein-sign-in>
          <plein-moderation></plein-moderation>
        </plein-community>
      `);
      const element = wrapper.querySelector('plein-moderation')!;
      await waitUntil(() => part(element, 'sign-in-first'), 'the message');
      expect(shadow(element).querySelector('plein-sign-in')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('tells an expert that it is for moderators, staff and admins', async () => {
      signInMockAccount('expert');
      const element = await renderModeration();
      expect(text(part(element, 'sign-in-first'))).to.equal(
        'U bent ingelogd, maar niet als moderator, medewerker of beheerder. Alleen zij zien hier iets.',
      );
      expect(part(element, 'tabs')).to.equal(null);
    });

    it('gives a moderator the queue and the log; an admin also the settings', async () => {
      signInMockAccount('moderator');
      const moderator = await renderModeration();
      expect([...shadow(moderator).querySelectorAll('[role="tab"]')].map(text)).to.deep.equal(['Wachtrij', 'Logboek']);
      moderator.remove();
      resetSharedClients();
      signInMockAdmin();
      const admin = await renderModeration();
      expect([...shadow(admin).querySelectorAll('[role="tab"]')].map(text)).to.deep.equal([
        'Wachtrij',
        'Logboek',
        'Instellingen',
      ]);
    });
  });

  describe('the queue', () => {
    beforeEach(() => signInMockAccount('moderator'));

    it('lists held and flagged content oldest first, with what the pipeline found, the flags and the waiting time', async () => {
      const element = await renderModeration();
      expect(text(part(element, 'count'))).to.equal('5 berichten wachten op een moderator.');
      expect(ids(element)).to.deep.equal([HELD, FLAGGED, LINKS, FIRST_POST, PUBLISHED]);
      expect(items(element).map((entry) => text(entry.querySelector('[part="item-heading"]')))).to.deep.equal([
        'Vraag: Mijn leidinggevende scheldt mij uit waar collega’s bij zijn',
        'Antwoord op: Hoe lang krijg ik WW als ik twintig jaar heb gewerkt?',
        'Antwoord op: Hoe lang krijg ik WW als ik twintig jaar heb gewerkt?',
        'Vraag: Krijg ik mijn vakantiedagen uitbetaald na mijn ontslag?',
        'Vraag: Ik raak mijn WW kwijt als ik twee weken op vakantie ga, toch?',
      ]);
      expect(text(inItem(element, HELD, '[part="meta"]'))).to.equal(
        'Vraag Wacht op controle Door Anoniem Ziek in dienst, loondoorbetaling en re-integratie Wacht al 1 dag',
      );
      expect(text(inItem(element, FLAGGED, '[part="meta"]'))).to.equal(
        'Antwoord Verborgen Door Eerlijkzegger WW aanvragen, hoogte en duur Wacht al 20 uur',
      );
      const findings = (id: string) =>
        [...(item(element, id)?.querySelectorAll('[part="findings"] li') ?? [])].map(text);
      expect([HELD, FLAGGED, LINKS, FIRST_POST, PUBLISHED].map(findings)).to.deep.equal([
        ['Mogelijk een naam'],
        ['Gemeld: 3× Beledigend'],
        ['3 links'],
        ['Eerste bericht van dit apparaat'],
        ['Gemeld: 1× Onjuiste informatie', 'Gemeld: 1× Anders'],
      ]);
      const notes = [...(item(element, FLAGGED)?.querySelectorAll('[part="notes"] li') ?? [])].map((li) =>
        text(li.querySelector('.text')),
      );
      expect(notes).to.deep.equal([
        'Dit is gemeen tegen de vraagsteller.',
        'Scheldt mensen uit die een uitkering hebben.',
      ]);
      // The text as text, links as marked user links; a note's link too.
      const links = [...inItem(element, LINKS, '[part="text"]')!.querySelectorAll('a')].map((link) => [
        link.getAttribute('href'),
        link.rel,
      ]);
      expect(links).to.deep.equal([
        ['https://www.uwv.nl/particulieren/ww', 'nofollow ugc noopener'],
        ['https://snel-geld-lenen.example/ww-voorschot', 'nofollow ugc noopener'],
        ['https://www.juridischloket.nl/', 'nofollow ugc noopener'],
      ]);
      expect(inItem(element, PUBLISHED, '[part="notes"] a')?.getAttribute('href')).to.equal(
        'https://www.uwv.nl/vakantie',
      );
      // An answer's question can be read with it.
      expect(text(inItem(element, FLAGGED, '[part="context"] summary'))).to.equal('Lees de vraag bij dit antwoord');
      // Every action of an item says which item it is for.
      expect(
        [...item(element, FLAGGED)!.querySelectorAll('[part="actions"] button')].map((button) => [
          text(button),
          button.getAttribute('aria-describedby'),
        ]),
      ).to.deep.equal([
        ['Goedkeuren', 'item-heading-ANSWER-a-m2'],
        ['Afwijzen', 'item-heading-ANSWER-a-m2'],
        ['Aanpassen', 'item-heading-ANSWER-a-m2'],
        ['Blokkeer apparaat', 'item-heading-ANSWER-a-m2'],
        ['Blokkeer schuilnaam', 'item-heading-ANSWER-a-m2'],
      ]);
      // Anonymous writers have no pseudonym to block; hidden content is not hidden again.
      expect([...item(element, HELD)!.querySelectorAll('[part="actions"] button')].map(text)).to.deep.equal([
        'Goedkeuren',
        'Afwijzen',
        'Aanpassen',
        'Verbergen',
        'Blokkeer apparaat',
      ]);
      await expect(element).to.be.accessible();
    });

    it('approves with the keyboard: the item leaves, focus goes to the next item’s heading, and it is announced', async () => {
      const sent = recordActions();
      const element = await renderModeration();
      action(element, HELD, 'approve')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !ids(element).includes(HELD), 'the item leaves');
      expect(sent).to.deep.equal([['ApproveContent', { content: { kind: 'QUESTION', id: 'q-m1' } }]]);
      await waitUntil(() => focused(element) === `${FLAGGED}:item-heading`, 'focus on the next heading');
      await waitUntil(() => announcer(element) !== '', 'the announcement');
      expect(announcer(element)).to.equal(
        'Goedgekeurd: „Mijn leidinggevende scheldt mij uit waar collega’s bij zijn”. Het staat nu online.',
      );
      expect(text(part(element, 'count'))).to.equal('4 berichten wachten op een moderator.');
      await expect(element).to.be.accessible();
    });

    it('rejects with a required reason the writer sees, all with Tab, Enter and typing', async () => {
      const sent = recordActions();
      const element = await renderModeration();
      action(element, FLAGGED, 'reject')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(element) === `${FLAGGED}:reason-ANSWER-a-m2`, 'focus in the reason');
      expect(action(element, FLAGGED, 'reject')!.getAttribute('aria-expanded')).to.equal('true');
      const form = inItem(element, FLAGGED, '[part="action-form"]')!;
      expect(text(form.querySelector('label'))).to.equal('Reden voor de schrijver');
      expect(text(form.querySelector('.hint'))).to.equal(
        'De schrijver ziet deze reden. Schrijf kort en vriendelijk waarom het niet online komt.',
      );
      await expect(element).to.be.accessible();

      // Sent empty: the reason is asked for, at the field.
      await sendKeys({ press: 'Tab' });
      expect(focused(element)).to.equal(`${FLAGGED}:action-submit`);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(element) === `${FLAGGED}:reason-ANSWER-a-m2`, 'back in the reason');
      expect(text(inItem(element, FLAGGED, '#reason-ANSWER-a-m2-error'))).to.equal('Schrijf een reden.');
      expect(inItem(element, FLAGGED, '#reason-ANSWER-a-m2')!.getAttribute('aria-describedby')).to.equal(
        'reason-ANSWER-a-m2-error reason-ANSWER-a-m2-hint reason-ANSWER-a-m2-counter',
      );
      expect(sent).to.have.length(0);
      await expect(element).to.be.accessible();

      await sendKeys({ type: 'Uw antwoord is beledigend voor de vrager.' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !ids(element).includes(FLAGGED), 'the item leaves');
      expect(sent).to.deep.equal([
        [
          'RejectContent',
          { content: { kind: 'ANSWER', id: 'a-m2' }, reason: 'Uw antwoord is beledigend voor de vrager.' },
        ],
      ]);
      await waitUntil(() => focused(element) === `${LINKS}:item-heading`, 'focus on the next heading');
      await waitUntil(() => announcer(element) !== '', 'the announcement');
      expect(announcer(element)).to.equal(
        'Afgewezen: „Hoe lang krijg ik WW als ik twintig jaar heb gewerkt?”. De schrijver ziet uw reden.',
      );
    });

    it('keeps a typed reason when the action fails, and sends it on the next try', async () => {
      worker.use(...moderationScenarios.actionsNetworkError);
      const element = await renderModeration();
      action(element, PUBLISHED, 'hide')!.click();
      await waitUntil(() => inItem(element, PUBLISHED, '#reason-QUESTION-q-m5'), 'the form');
      type(element, '#reason-QUESTION-q-m5', 'Onjuiste informatie over de WW.');
      inItem<HTMLFormElement>(element, PUBLISHED, '[part="action-form"]')!.requestSubmit();
      await waitUntil(() => inItem(element, PUBLISHED, '[part="action-form"] [role="alert"]'), 'the failure', {
        timeout: 5000,
      });
      const failure = text(inItem(element, PUBLISHED, '[part="action-form"] [role="alert"]'));
      expect(failure).to.contain('Er is geen verbinding met de community');
      expect(failure).to.contain('Wat u schreef, is bewaard.');
      expect(inItem<HTMLTextAreaElement>(element, PUBLISHED, '#reason-QUESTION-q-m5')!.value).to.equal(
        'Onjuiste informatie over de WW.',
      );
      expect(ids(element)).to.include(PUBLISHED);
      expect(focused(element)).to.equal(`${PUBLISHED}:action-submit`);
      await expect(element).to.be.accessible();

      worker.resetHandlers();
      const sent = recordActions();
      inItem<HTMLFormElement>(element, PUBLISHED, '[part="action-form"]')!.requestSubmit();
      await waitUntil(() => !ids(element).includes(PUBLISHED), 'hidden now');
      expect(sent).to.deep.equal([
        ['HideContent', { content: { kind: 'QUESTION', id: 'q-m5' }, reason: 'Onjuiste informatie over de WW.' }],
      ]);
      // The last item went: focus to the item before it.
      await waitUntil(() => focused(element) === `${FIRST_POST}:item-heading`, 'focus on the item before');
    });

    it('shows the server’s words when another moderator decided first, and keeps the item', async () => {
      worker.use(...moderationScenarios.alreadyDecided);
      const element = await renderModeration();
      action(element, FIRST_POST, 'approve')!.click();
      await waitUntil(() => inItem(element, FIRST_POST, '[part="notice"]'), 'the notice');
      const notice = inItem(element, FIRST_POST, '[part="notice"]')!;
      expect([text(notice), notice.getAttribute('role')]).to.deep.equal([
        'Een andere moderator heeft hier al over beslist.',
        'alert',
      ]);
      expect(ids(element)).to.include(FIRST_POST);
      expect(focused(element)).to.equal(`${FIRST_POST}:approve`);
      await expect(element).to.be.accessible();
    });

    it('edits to take personal data out, recording what kind was removed and not the text', async () => {
      const sent = recordActions();
      const element = await renderModeration();
      action(element, HELD, 'redact')!.click();
      await waitUntil(() => focused(element) === `${HELD}:redact-title-QUESTION-q-m1`, 'focus on the title');
      const body = inItem<HTMLTextAreaElement>(element, HELD, '#redact-body-QUESTION-q-m1')!;
      expect(body.value).to.contain('meneer De Vries');
      // What still looks like personal data is listed under the text, with a way to take it out.
      const finding = text(inItem(element, HELD, '#redact-body-QUESTION-q-m1-personal-data .personal-data-finding'));
      expect(finding).to.equal('misschien een naam: De Vries');
      await expect(element).to.be.accessible();

      // Nothing ticked: asked for, at the checkboxes.
      inItem<HTMLFormElement>(element, HELD, '[part="action-form"]')!.requestSubmit();
      await waitUntil(() => inItem(element, HELD, '#redact-kinds-QUESTION-q-m1-error'), 'the error');
      expect(text(inItem(element, HELD, '#redact-kinds-QUESTION-q-m1-error'))).to.equal('Kies wat u heeft weggehaald.');
      expect(focused(element)).to.equal(`${HELD}:redact-kind-name-QUESTION-q-m1`);
      expect(sent).to.have.length(0);

      // "Verwijder dit voor mij" puts a placeholder in and ticks "Naam".
      inItem<HTMLButtonElement>(element, HELD, '#redact-body-QUESTION-q-m1-personal-data [data-remove]')!.click();
      await element.updateComplete;
      expect(body.value).to.contain('[naam verwijderd]');
      expect(body.value).not.to.contain('De Vries');
      expect(inItem<HTMLInputElement>(element, HELD, '#redact-kind-name-QUESTION-q-m1')!.checked).to.equal(true);
      inItem<HTMLInputElement>(element, HELD, '#redact-kind-offensive-QUESTION-q-m1')!.click();
      inItem<HTMLFormElement>(element, HELD, '[part="action-form"]')!.requestSubmit();
      await waitUntil(() => !ids(element).includes(HELD), 'published');
      const [[operation, input]] = sent as [[string, { title: string; body: string; removedKinds: string[] }]];
      expect([operation, input.title, input.removedKinds]).to.deep.equal([
        'RedactContent',
        'Mijn leidinggevende scheldt mij uit waar collega’s bij zijn',
        ['name', 'offensive'],
      ]);
      expect(input.body).to.contain('[naam verwijderd]');
      await waitUntil(() => announcer(element) !== '', 'the announcement');
      expect(announcer(element)).to.equal(
        'Aangepast en gepubliceerd: „Mijn leidinggevende scheldt mij uit waar collega’s bij zijn”.',
      );
    });

    it('blocks a device after an inline confirmation with a reason, which also hides the post', async () => {
      const sent = recordActions();
      const element = await renderModeration();
      action(element, LINKS, 'block-device')!.click();
      await waitUntil(() => focused(element) === `${LINKS}:reason-ANSWER-a-m3`, 'focus in the reason');
      const form = inItem<HTMLFormElement>(element, LINKS, '[part="action-form"]')!;
      expect(text(form.querySelector('.confirm-question'))).to.equal(
        'Weet u het zeker? Vanaf het apparaat dat dit schreef, kan daarna niemand meer iets plaatsen. Dit bericht wordt verborgen.',
      );
      expect(text(form.querySelector('[part="action-submit"]'))).to.equal('Ja, blokkeer dit apparaat');
      await expect(element).to.be.accessible();

      // Two letters are not a reason.
      type(element, '#reason-ANSWER-a-m3', 'ne');
      form.requestSubmit();
      await waitUntil(() => inItem(element, LINKS, '#reason-ANSWER-a-m3-error'), 'the error');
      expect(text(inItem(element, LINKS, '#reason-ANSWER-a-m3-error'))).to.equal('Schrijf minstens 3 tekens.');
      expect(sent).to.have.length(0);

      type(element, '#reason-ANSWER-a-m3', 'Plaatst reclame voor leningen.');
      form.requestSubmit();
      await waitUntil(() => !ids(element).includes(LINKS), 'the item leaves');
      expect(sent).to.deep.equal([
        [
          'BlockAuthor',
          { content: { kind: 'ANSWER', id: 'a-m3' }, scope: 'DEVICE', reason: 'Plaatst reclame voor leningen.' },
        ],
      ]);
      await waitUntil(() => focused(element) === `${FIRST_POST}:item-heading`, 'focus on the next heading');
      await waitUntil(() => announcer(element) !== '', 'the announcement');
      expect(announcer(element)).to.equal(
        'Het apparaat is geblokkeerd. „Hoe lang krijg ik WW als ik twintig jaar heb gewerkt?” is verborgen.',
      );
    });

    it('names the pseudonym it blocks, and closes a form with Annuleren or Escape, back on its button', async () => {
      const element = await renderModeration();
      action(element, FLAGGED, 'block-pseudonym')!.click();
      await waitUntil(() => inItem(element, FLAGGED, '[part="action-form"]'), 'the form');
      expect(text(inItem(element, FLAGGED, '.confirm-question'))).to.equal(
        'Weet u het zeker? Met de schuilnaam „Eerlijkzegger” kan daarna niemand meer iets plaatsen. Dit bericht wordt verborgen.',
      );
      inItem<HTMLButtonElement>(element, FLAGGED, '[part="action-cancel"]')!.click();
      await waitUntil(() => focused(element) === `${FLAGGED}:block-pseudonym`, 'focus back on its button');
      expect(inItem(element, FLAGGED, '[part="action-form"]')).to.equal(null);

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => inItem(element, FLAGGED, '[part="action-form"]'), 'the form again');
      await sendKeys({ type: 'Scheldt steeds.' });
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => focused(element) === `${FLAGGED}:block-pseudonym`, 'focus back after Escape');
      expect(action(element, FLAGGED, 'block-pseudonym')!.getAttribute('aria-expanded')).to.equal('false');
    });

    it('says "Er wacht niets. Goed werk!" after the last decision, with focus there', async () => {
      worker.use(...moderationScenarios.queueOneItem);
      const element = await renderModeration();
      action(element, HELD, 'approve')!.click();
      await waitUntil(() => part(element, 'empty'), 'the empty state');
      expect(text(part(element, 'empty'))).to.equal('Er wacht niets. Goed werk!');
      await waitUntil(() => focused(element) === '-:empty', 'focus on the empty state');
      await waitUntil(() => announcer(element) !== '', 'the announcement');
      expect(announcer(element)).to.contain('Er wacht niets meer.');
      await expect(element).to.be.accessible();
    });

    it('loads more on request and moves focus to the first new item', async () => {
      const element = await renderModeration(
        html`<plein-moderation endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} page-size="2"></plein-moderation>`,
      );
      expect(ids(element)).to.deep.equal([HELD, FLAGGED]);
      const more = part<HTMLButtonElement>(element, 'more')!;
      expect(text(more)).to.equal('Meer laden');
      more.click();
      await waitUntil(() => items(element).length === 4, 'the next page');
      await waitUntil(() => focused(element) === `${LINKS}:item-heading`, 'focus on the first new item');
    });

    it('says so when nothing waits, while it loads, and when the server cannot be reached', async () => {
      worker.use(...moderationScenarios.queueEmpty);
      const empty = await renderModeration();
      expect(text(part(empty, 'empty'))).to.equal('Er wacht niets. Goed werk!');
      await expect(empty).to.be.accessible();
      empty.remove();
      worker.resetHandlers();
      resetSharedClients();

      worker.use(...moderationScenarios.queueSlow);
      const slow = await fixture<PleinModeration>(
        html`<plein-moderation endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-moderation>`,
      );
      await waitUntil(() => shadow(slow).querySelector('.loading'), 'loading');
      const loading = shadow(slow).querySelector('.loading')!;
      expect([text(loading), loading.getAttribute('aria-busy')]).to.deep.equal(['Wachtrij laden…', 'true']);
      await expect(slow).to.be.accessible();
      slow.remove();
      worker.resetHandlers();
      resetSharedClients();

      worker.use(...moderationScenarios.queueNetworkError);
      const offline = await renderModeration();
      const alert = shadow(offline).querySelector('[role="alert"]')!;
      expect(text(alert)).to.contain('Er is geen verbinding met de community');
      await expect(offline).to.be.accessible();
      worker.resetHandlers();
      alert.querySelector('button')!.click();
      await waitUntil(() => items(offline).length === 5, 'the queue after a retry', { timeout: 5000 });
    });
  });

  describe('the log', () => {
    beforeEach(() => signInMockAccount('moderator'));

    it('opens with the arrow keys and shows who did what, when and why, newest first', async () => {
      const element = await renderModeration();
      shadow(element).querySelector<HTMLElement>('#tab-queue')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => shadow(element).querySelector('[part="log"]'), 'the log', { timeout: 5000 });
      expect(shadow(element).activeElement?.id).to.equal('tab-log');
      expect(
        [...shadow(element).querySelectorAll('[role="tab"]')].map((tab) => [
          tab.getAttribute('aria-selected'),
          tab.getAttribute('tabindex'),
        ]),
      ).to.deep.equal([
        ['false', '-1'],
        ['true', '0'],
      ]);
      expect(shadow(element).querySelector('#panel-queue')!.hasAttribute('hidden')).to.equal(true);
      const entries = [...shadow(element).querySelectorAll<HTMLElement>('[part="entry"]')];
      expect(entries).to.have.length(12);
      expect(text(entries[0]!.querySelector('.entry-what'))).to.equal('Goedgekeurd Vraag q24');
      expect(text(entries[0]!.querySelector('.entry-extra'))).to.equal('Van „Wacht op controle” naar „Staat online”');
      const facts = (entry: HTMLElement) =>
        [...entry.querySelectorAll('dt')].map((term) => `${text(term)}: ${text(term.nextElementSibling)}`);
      expect(facts(entries[1]!).filter((fact) => !fact.startsWith('Wanneer'))).to.deep.equal([
        'Wie: Joost Mulder',
        'Waarom: Deze vraag gaat niet over werk of inkomen.',
      ]);
      expect(facts(entries[1]!)[1]).to.match(/^Wanneer: \d+ \w+ \d{4} om \d{2}:\d{2}$/);
      expect(text(entries[2]!.querySelector('.entry-extra'))).to.equal(
        'Van „Verborgen” naar „Staat online” · Weggehaald: naam, telefoonnummer · Veranderd: tekst · 2 meldingen afgesloten',
      );
      expect(text(entries[3]!.querySelector('.entry-what'))).to.equal('Schrijver geblokkeerd Antwoord a50');
      expect(text(entries[3]!.querySelector('.entry-extra'))).to.equal(
        'Van „Wacht op controle” naar „Verborgen” · Blokkade van een apparaat',
      );
      expect(text(entries[6]!.querySelector('.entry-extra'))).to.equal(
        'Eerst controleren: bij het eerste bericht van een apparaat · Verbergen na 3 meldingen · 2 verboden woorden · 3 woorden om te controleren',
      );
      expect(facts(entries[4]!)[0]).to.equal('Wie: Het systeem');
      expect(text(entries[4]!.querySelector('.entry-what'))).to.equal('Verborgen na meldingen Antwoord a48');
      expect(text(entries[4]!.querySelector('.entry-extra'))).to.equal('3 meldingen (grens: 3)');
      // Nothing in the log can be changed from here.
      expect(shadow(element).querySelector('#panel-log button, #panel-log input, #panel-log textarea')).to.equal(null);
      await expect(element).to.be.accessible();

      await sendKeys({ press: 'Home' });
      await waitUntil(() => shadow(element).querySelector('#panel-queue [part="list"]'), 'the queue again');
      expect(shadow(element).activeElement?.id).to.equal('tab-queue');
    });

    it('opens first with view="log", and says so when it is empty', async () => {
      worker.use(...moderationScenarios.logEmpty);
      const element = await fixture<PleinModeration>(
        html`<plein-moderation endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} view="log"></plein-moderation>`,
      );
      await waitUntil(() => shadow(element).querySelector('#panel-log [part="empty"]'), 'the empty log', {
        timeout: 5000,
      });
      expect(text(shadow(element).querySelector('#panel-log [part="empty"]'))).to.equal('Het logboek is nog leeg.');
      await expect(element).to.be.accessible();
    });
  });

  describe('the settings', () => {
    beforeEach(() => signInMockAdmin());

    async function openSettings() {
      const element = await fixture<PleinModeration>(
        html`<plein-moderation
          endpoint=${MOCK_ENDPOINT}
          community=${MOCK_COMMUNITY}
          view="settings"
        ></plein-moderation>`,
      );
      await waitUntil(() => part(element, 'settings-form'), 'the settings form', { timeout: 5000 });
      return element;
    }

    it('shows the pipeline’s settings with plain explanations, and saves them', async () => {
      const sent = recordActions();
      const element = await openSettings();
      const choices = [...shadow(element).querySelectorAll<HTMLInputElement>('input[name="preModeration"]')];
      expect(choices.map((choice) => [choice.value, choice.checked])).to.deep.equal([
        ['NONE', false],
        ['FIRST_POST', true],
        ['EVERYTHING', false],
      ]);
      expect(text(shadow(element).querySelector('#settings-pre-EVERYTHING-hint'))).to.equal(
        'Elk bericht wacht op een moderator. Alleen antwoorden van geverifieerde experts staan meteen online.',
      );
      expect(shadow(element).querySelector<HTMLTextAreaElement>('#settings-heldWords')!.value).to.equal(
        'lening\nvoorschot\nbitcoin',
      );
      await expect(element).to.be.accessible();

      choices[2]!.click();
      type(element, '#settings-flagThreshold', '5');
      type(element, '#settings-heldWords', 'lening\n\n  voorschot \nlening\ncrypto');
      part<HTMLFormElement>(element, 'settings-form')!.requestSubmit();
      await waitUntil(() => shadow(element).querySelector('#settings-saved'), 'saved');
      expect(sent).to.deep.equal([
        [
          'UpdateModerationSettings',
          {
            community: MOCK_COMMUNITY,
            preModeration: 'EVERYTHING',
            flagThreshold: 5,
            blockedWords: ['kankerlijer', 'tyfuslijer'],
            heldWords: ['lening', 'voorschot', 'crypto'],
          },
        ],
      ]);
      expect(shadow(element).activeElement?.id).to.equal('settings-saved');
      await waitUntil(() => announcer(element) === 'De instellingen zijn opgeslagen.', 'the announcement');
      await expect(element).to.be.accessible();
    });

    it('asks for a whole number of flags, and keeps what was typed when saving fails', async () => {
      worker.use(...moderationScenarios.settingsNetworkError);
      const element = await openSettings();
      type(element, '#settings-flagThreshold', '0');
      part<HTMLFormElement>(element, 'settings-form')!.requestSubmit();
      await waitUntil(() => shadow(element).querySelector('#settings-flagThreshold-error'), 'the error');
      expect(text(shadow(element).querySelector('#settings-flagThreshold-error'))).to.equal(
        'Kies een heel getal van 1 tot en met 20.',
      );
      expect(shadow(element).activeElement?.id).to.equal('settings-flagThreshold');
      await expect(element).to.be.accessible();

      type(element, '#settings-flagThreshold', '4');
      type(element, '#settings-blockedWords', 'oplichter');
      part<HTMLFormElement>(element, 'settings-form')!.requestSubmit();
      await waitUntil(() => part(element, 'settings-form')?.querySelector('[role="alert"]'), 'the failure', {
        timeout: 5000,
      });
      expect(text(part(element, 'settings-form')!.querySelector('[role="alert"]'))).to.contain(
        'Wat u invulde, is bewaard.',
      );
      expect(shadow(element).querySelector<HTMLTextAreaElement>('#settings-blockedWords')!.value).to.equal('oplichter');
      expect(shadow(element).querySelector<HTMLInputElement>('#settings-flagThreshold')!.value).to.equal('4');
    });
  });

  it('speaks English on an English page', async () => {
    signInMockAccount('moderator');
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="en">
        <plein-moderation endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-moderation>
      </div>
    `);
    const element = wrapper.querySelector('plein-moderation')!;
    await waitUntil(() => items(element).length === 5, 'the queue', { timeout: 5000 });
    expect(text(part(element, 'heading'))).to.equal('Moderation');
    expect([...item(element, HELD)!.querySelectorAll('[part="findings"] li')].map(text)).to.deep.equal([
      'Possibly a name',
    ]);
    expect(text(action(element, HELD, 'approve'))).to.equal('Approve');
    await expect(element).to.be.accessible();
  });
});
