import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { graphql, HttpResponse } from 'msw';
import { resetSharedClients } from '../../context.ts';
import '../../define/plein-contact.ts';
import { requestContact } from '../../events/contact-request.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import {
  contactScenarios,
  MOCK_PRIVATE_THREAD_ID,
  MOCK_PRIVATE_THREAD_SECRET,
  MOCK_TAKEN_SLOT_ID,
  slotTakenScenario,
} from '../../mocks/contact.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../../mocks/fixtures.ts';
import type { PleinContact } from './contact.ts';

// The community server is mocked with msw in these tests; e2e/ runs the real one.

const api = graphql.link(MOCK_ENDPOINT);
const DRAFT_KEY = `plein:draft:private-question:${MOCK_COMMUNITY}`;

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const shadow = (element: Element) => element.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = <T extends HTMLElement = HTMLElement>(element: Element, name: string) =>
  shadow(element).querySelector<T>(`[part~="${name}"]`);
const byId = <T extends HTMLElement = HTMLElement>(element: Element, id: string) =>
  shadow(element).querySelector<T>(`#${id}`);
const focusedId = (element: Element) => shadow(element).activeElement?.id;

function fill(element: Element, id: string, value: string): void {
  const control = byId<Control>(element, id)!;
  control.value = value;
  control.dispatchEvent(new Event(control.localName === 'select' ? 'change' : 'input', { bubbles: true }));
}

async function renderContact(
  template = html`<plein-contact endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-contact>`,
): Promise<PleinContact> {
  const rendered = await fixture<HTMLElement>(template);
  const element = (
    rendered.localName === 'plein-contact' ? rendered : rendered.querySelector('plein-contact')!
  ) as PleinContact;
  await waitUntil(() => part(element, 'phone') ?? part(element, 'none') ?? part(element, 'failure'), 'the channels', {
    timeout: 5000,
  });
  return element;
}

/** What the mocked server received for one operation: its variables and the device header. The handler still answers. */
function record(kind: 'query' | 'mutation', operation: string) {
  const calls: { variables: Record<string, unknown>; device: string | null }[] = [];
  worker.use(
    api[kind](operation, ({ variables, request }) => {
      calls.push({ variables, device: request.headers.get('plein-device') });
      return undefined;
    }),
  );
  return calls;
}

/** Every request body that reaches the mocked server. */
function recordBodies() {
  const bodies: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    void request
      .clone()
      .text()
      .then((body) => bodies.push(body));
  };
  worker.events.on('request:start', listener);
  return { bodies, stop: () => worker.events.removeListener('request:start', listener) };
}

const slotLabels = (element: Element) =>
  [...shadow(element).querySelectorAll('[part~="slot"] label')].map((label) => text(label));

async function chooseBookingTopic(element: PleinContact, topic: string): Promise<void> {
  fill(element, 'booking-topic', topic);
  await element.updateComplete;
  await waitUntil(() => !part(element, 'slot-group')!.querySelector('[aria-busy]'), 'the slots', { timeout: 5000 });
}

function chooseSlot(element: Element, slotId: string): void {
  const radio = byId<HTMLInputElement>(element, `slot-${slotId}`)!;
  radio.click();
}

describe('<plein-contact>', () => {
  before(() => startMockServer());

  beforeEach(() => {
    localStorage.clear();
  });

  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    localStorage.clear();
    history.replaceState(history.state, '', location.pathname + location.search);
  });

  describe('the channels', () => {
    it('shows the advice line with a tel: link, the status now, the hours per weekday and the closed days', async () => {
      const element = await renderContact();
      expect(text(part(element, 'heading'))).to.equal('Persoonlijk advies');
      expect(part(element, 'heading')!.getAttribute('aria-level')).to.equal('2');
      const phone = part(element, 'phone')!;
      expect(text(phone.querySelector('[part="channel-heading"]'))).to.equal('Bel de adviestelefoon');
      expect(phone.querySelector('[part="channel-heading"]')!.getAttribute('aria-level')).to.equal('3');
      const link = part<HTMLAnchorElement>(element, 'phone-number')!;
      expect([link.getAttribute('href'), text(link)]).to.deep.equal(['tel:+318001234567', '0800 - 123 45 67']);
      const status = part(element, 'status')!;
      expect(text(status)).to.equal('Nu gesloten, weer open op dinsdag om 9:00');
      expect(status.getAttribute('part')).to.contain('status-closed');
      // The mark is a hollow ring when closed: its shape, not only its colour, differs from the open one.
      const mark = getComputedStyle(part(element, 'status-mark')!);
      expect(mark.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      const rows = [...part(element, 'opening-hours')!.querySelectorAll('tbody tr')].map((row) =>
        [...row.children].map((cell) => text(cell)),
      );
      expect(rows).to.deep.equal([
        ['Maandag', '9:00 tot 17:00'],
        ['Dinsdag', '9:00 tot 17:00'],
        ['Woensdag', '9:00 tot 12:00'],
        ['Donderdag', '9:00 tot 12:00 en 13:00 tot 20:00'],
        ['Vrijdag', '9:00 tot 17:00'],
        ['Zaterdag', 'Gesloten'],
        ['Zondag', 'Gesloten'],
      ]);
      expect([...part(element, 'closed-days')!.querySelectorAll('li')].map((item) => text(item))).to.deep.equal([
        'Gesloten op 25 december (Eerste Kerstdag)',
        'Gesloten op 26 december (Tweede Kerstdag)',
        'Gesloten op 1 januari 2027',
      ]);
      expect(text(part(element, 'private-question')!.querySelector('[part="channel-heading"]'))).to.equal(
        'Stel uw vraag privé',
      );
      expect(text(part(element, 'appointment')!.querySelector('[part="channel-heading"]'))).to.equal(
        'Maak een afspraak',
      );
      expect(text(part(element, 'private-question'))).to.contain('Een adviseur antwoordt binnen 3 werkdagen.');
      await expect(element).to.be.accessible();
    });

    it('says the line is open now with a filled mark', async () => {
      worker.use(...contactScenarios.lineOpen);
      const element = await renderContact();
      const status = part(element, 'status')!;
      expect(text(status)).to.equal('Nu open tot 17:00');
      expect(status.getAttribute('part')).to.contain('status-open');
      expect(getComputedStyle(part(element, 'status-mark')!).backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
    });

    it('shows only the channels the community offers, and says so when there are none', async () => {
      worker.use(...contactScenarios.phoneOnly);
      const phoneOnly = await renderContact();
      expect([
        !!part(phoneOnly, 'phone'),
        part(phoneOnly, 'private-question'),
        part(phoneOnly, 'appointment'),
      ]).to.deep.equal([true, null, null]);
      resetSharedClients();
      worker.use(...contactScenarios.noChannels);
      const none = await renderContact();
      expect(text(part(none, 'none'))).to.equal(
        'Deze community heeft nu geen adviestelefoon, privé vragen of afspraken.',
      );
    });

    it('works at 320 pixels wide with text of at least 16 pixels', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div style="inline-size: 320px">
          <plein-contact endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-contact>
        </div>`,
      );
      const element = wrapper.querySelector('plein-contact')!;
      await waitUntil(() => part(element, 'appointment'), 'the channels', { timeout: 5000 });
      expect(element.scrollWidth).to.be.at.most(320);
      expect(parseFloat(getComputedStyle(byId(element, 'pq-body')!).fontSize)).to.be.at.least(16);
    });
  });

  describe('the compact variant', () => {
    it('shows the number and the status, and opens a form in place', async () => {
      const element = await renderContact(
        html`<plein-contact endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} variant="compact"></plein-contact>`,
      );
      expect(text(part(element, 'phone-number'))).to.equal('0800 - 123 45 67');
      expect(text(part(element, 'status'))).to.equal('Nu gesloten, weer open op dinsdag om 9:00');
      expect(part(element, 'opening-hours')).to.equal(null);
      expect(part(element, 'private-question')).to.equal(null);
      const toggles = [...shadow(element).querySelectorAll<HTMLButtonElement>('[part="compact-toggle"]')];
      expect(toggles.map((toggle) => [text(toggle), toggle.getAttribute('aria-expanded')])).to.deep.equal([
        ['Stel uw vraag privé', 'false'],
        ['Maak een afspraak', 'false'],
      ]);
      toggles[1]!.click();
      await element.updateComplete;
      expect(toggles[1]!.getAttribute('aria-expanded')).to.equal('true');
      expect(toggles[1]!.getAttribute('aria-controls')).to.equal('appointment');
      expect(byId(element, 'booking-topic')).not.to.equal(null);
      expect(part(element, 'private-question')).to.equal(null);
      await expect(element).to.be.accessible();
      toggles[1]!.click();
      await element.updateComplete;
      expect(part(element, 'appointment')).to.equal(null);
    });

    it('with href, links to the full contact page at the channel and topic', async () => {
      const element = await renderContact(
        html`<plein-contact
          endpoint=${MOCK_ENDPOINT}
          community=${MOCK_COMMUNITY}
          variant="compact"
          topic="ww"
          href="/persoonlijk-advies/"
        ></plein-contact>`,
      );
      const links = [...shadow(element).querySelectorAll<HTMLAnchorElement>('[part="compact-link"]')];
      expect(links.map((link) => [text(link), new URL(link.href).pathname, new URL(link.href).hash])).to.deep.equal([
        ['Stel uw vraag privé', '/persoonlijk-advies/', '#plein-contact=private-question&plein-topic=ww'],
        ['Maak een afspraak', '/persoonlijk-advies/', '#plein-contact=appointment&plein-topic=ww'],
      ]);
    });

    it('opens the channel from the address that such a link leads to', async () => {
      history.replaceState(history.state, '', '#plein-contact=appointment&plein-topic=ontslag');
      const element = await renderContact();
      await waitUntil(() => focusedId(element) === 'appointment-heading', 'focus on the appointment heading');
      expect(byId<HTMLSelectElement>(element, 'booking-topic')!.value).to.equal('ontslag');
    });
  });

  describe('the private question', () => {
    const question = 'Mijn werkgever wil mijn contract niet verlengen nu ik zwanger ben. Mag dat, en wat kan ik doen?';

    it('sends the topic, the question and the address with a key and the device, then says to look in the e-mail', async () => {
      const calls = record('mutation', 'AskPrivateQuestion');
      const element = await renderContact(
        html`<plein-contact endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} topic="ontslag"></plein-contact>`,
      );
      expect(byId<HTMLSelectElement>(element, 'pq-topic')!.value).to.equal('ontslag');
      expect(text(part(element, 'private-note'))).to.equal(
        'U heeft gekozen voor een privé vraag. Alleen adviseurs lezen dit.',
      );
      fill(element, 'pq-body', question);
      fill(element, 'pq-email', ' amira@voorbeeld.nl ');
      await element.updateComplete;
      expect(text(byId(element, 'pq-body-counter'))).to.equal(`Nog ${5000 - question.length} tekens over`);
      part<HTMLFormElement>(element, 'private-question-form')!.requestSubmit();
      await waitUntil(
        () => text(part(element, 'sent')) !== '' && !text(part(element, 'sent')).includes('versturen…'),
        'sent',
      );
      expect(calls).to.have.length(1);
      const input = calls[0]!.variables.input as Record<string, unknown>;
      expect({ ...input, idempotencyKey: typeof input.idempotencyKey, antiSpam: typeof input.antiSpam }).to.deep.equal({
        community: MOCK_COMMUNITY,
        topic: 'ontslag',
        body: question,
        email: 'amira@voorbeeld.nl',
        idempotencyKey: 'string',
        antiSpam: 'object',
      });
      expect(calls[0]!.device).to.match(/\S/);
      expect(text(part(element, 'sent'))).to.equal('Kijk in uw e-mail. Daar staat een link naar uw vraag.');
      expect(part(element, 'sent')!.getAttribute('role')).to.equal('status');
      expect([
        byId<HTMLTextAreaElement>(element, 'pq-body')!.value,
        byId<HTMLInputElement>(element, 'pq-email')!.value,
      ]).to.deep.equal(['', '']);
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('warns about personal data without offering to remove it, and sends the text as written', async () => {
      const calls = record('mutation', 'AskPrivateQuestion');
      const element = await renderContact();
      const leaky = 'Mijn BSN is 111222333 en u kunt mij bellen op 06 12345678. Krijg ik nog WW na mijn ontslag?';
      fill(element, 'pq-topic', 'ww');
      fill(element, 'pq-body', leaky);
      fill(element, 'pq-email', 'amira@voorbeeld.nl');
      await waitUntil(() => part(element, 'personal-data-warning'), 'the warning');
      const warning = part(element, 'personal-data-warning')!;
      expect(text(warning)).to.contain('Let op: dit lijkt persoonlijke informatie');
      expect(text(warning)).to.contain('Uw vraag is privé: alleen adviseurs lezen hem.');
      expect([...warning.querySelectorAll('[part="personal-data-item"]')].map((item) => text(item))).to.deep.equal([
        'een burgerservicenummer (BSN): 111222333',
        'een telefoonnummer: 06 12345678',
      ]);
      expect(warning.querySelector('button')).to.equal(null);
      expect(byId(element, 'pq-body')!.getAttribute('aria-describedby')).to.contain('pq-body-personal-data-heading');
      await expect(element).to.be.accessible();
      part<HTMLFormElement>(element, 'private-question-form')!.requestSubmit();
      await waitUntil(() => calls.length === 1, 'the question is sent');
      expect((calls[0]!.variables.input as { body: string }).body).to.equal(leaky);
    });

    it('keeps every character when sending fails, and a retry sends the same key', async () => {
      worker.use(...contactScenarios.sendFails);
      const calls = record('mutation', 'AskPrivateQuestion');
      const element = await renderContact();
      fill(element, 'pq-topic', 'ww');
      fill(element, 'pq-body', question);
      fill(element, 'pq-email', 'amira@voorbeeld.nl');
      part<HTMLFormElement>(element, 'private-question-form')!.requestSubmit();
      await waitUntil(() => part(element, 'failure'), 'the failure', { timeout: 8000 });
      expect(text(part(element, 'failure'))).to.contain('Alles wat u typte, staat er nog.');
      expect([
        byId<HTMLSelectElement>(element, 'pq-topic')!.value,
        byId<HTMLTextAreaElement>(element, 'pq-body')!.value,
        byId<HTMLInputElement>(element, 'pq-email')!.value,
      ]).to.deep.equal(['ww', question, 'amira@voorbeeld.nl']);
      // The draft keeps it too, for a reload or a closed tab.
      expect(JSON.parse(localStorage.getItem(DRAFT_KEY)!).value.fields.body).to.equal(question);
      const firstKey = (calls[0]!.variables.input as { idempotencyKey: string }).idempotencyKey;
      worker.resetHandlers();
      const retried = record('mutation', 'AskPrivateQuestion');
      part<HTMLButtonElement>(element, 'retry')!.click();
      await waitUntil(() => text(part(element, 'sent')).startsWith('Kijk in uw e-mail'), 'sent after the retry');
      expect((retried[0]!.variables.input as { idempotencyKey: string }).idempotencyKey).to.equal(firstKey);
    });

    it('says what to fix at each field and in a summary that gets focus; nothing is sent', async () => {
      const calls = record('mutation', 'AskPrivateQuestion');
      const element = await renderContact();
      fill(element, 'pq-body', 'Te kort');
      fill(element, 'pq-email', 'amira-voorbeeld.nl');
      part<HTMLFormElement>(element, 'private-question-form')!.requestSubmit();
      await waitUntil(() => focusedId(element) === 'private-question-summary', 'focus on the summary');
      expect([...part(element, 'error-summary')!.querySelectorAll('li')].map((item) => text(item))).to.deep.equal([
        'Kies een onderwerp.',
        'Schrijf minstens 20 tekens.',
        'Dit e-mailadres klopt niet. Controleer het adres, bijvoorbeeld naam@voorbeeld.nl.',
      ]);
      expect(text(byId(element, 'pq-email-error'))).to.equal(
        'Dit e-mailadres klopt niet. Controleer het adres, bijvoorbeeld naam@voorbeeld.nl.',
      );
      expect(byId(element, 'pq-email')!.getAttribute('aria-invalid')).to.equal('true');
      expect(calls).to.have.length(0);
      await expect(element).to.be.accessible();
      part(element, 'error-summary')!.querySelectorAll('a')[2]!.click();
      expect(focusedId(element)).to.equal('pq-email');
    });

    it('puts a draft back after a reload, and “Wis deze tekst” clears it', async () => {
      const first = await renderContact();
      fill(first, 'pq-body', question);
      first.remove();
      resetSharedClients();
      const again = await renderContact();
      expect(byId<HTMLTextAreaElement>(again, 'pq-body')!.value).to.equal(question);
      expect(text(part(again, 'draft-note'))).to.contain('Wij hebben de tekst teruggezet');
      part<HTMLButtonElement>(again, 'discard')!.click();
      await again.updateComplete;
      expect(byId<HTMLTextAreaElement>(again, 'pq-body')!.value).to.equal('');
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
    });
  });

  describe('the appointment', () => {
    const person = { name: 'Amira', email: 'amira@voorbeeld.nl', note: 'Over mijn WW na ontslag.' };

    function fillPerson(element: Element, values = person): void {
      fill(element, 'booking-name', values.name);
      fill(element, 'booking-email', values.email);
      fill(element, 'booking-note', values.note);
    }

    it('asks for the free slots of the chosen topic and shows them in Dutch time', async () => {
      const calls = record('query', 'Contact');
      const element = await renderContact();
      expect(text(part(element, 'slot-group'))).to.contain('Kies eerst een onderwerp.');
      await chooseBookingTopic(element, 'ww');
      expect(calls.at(-1)!.variables).to.deep.include({ community: MOCK_COMMUNITY, topic: 'ww', withSlots: true });
      expect(text(part(element, 'slot-group')!.querySelector('legend'))).to.equal('Kies een tijd');
      expect(slotLabels(element)).to.deep.equal([
        'dinsdag 1 december, 10:00 – 10:45, videogesprek met Els Wiersma',
        'woensdag 2 december, 14:30 – 15:15, gesprek op kantoor met Geert Heikens Adres: Werkplein Eemsdelta, Zeebadweg 2, Delfzijl',
        'donderdag 3 december, 09:00 – 09:45, telefoongesprek met Els Wiersma',
      ]);
      // Summer time: 08:00 UTC on 1 June is 10:00 in the Netherlands.
      await chooseBookingTopic(element, 'ontslag');
      expect(slotLabels(element)[1]).to.equal(
        'dinsdag 1 juni 2027, 10:00 – 10:45, videogesprek met Sandra Kloosterhuis',
      );
      await chooseBookingTopic(element, 'ziek-in-dienst');
      expect(text(part(element, 'slots-note'))).to.equal(
        'Voor dit onderwerp zijn er nu geen vrije tijden. Bel de adviestelefoon of stel uw vraag privé.',
      );
      await expect(element).to.be.accessible();
    });

    it('books the chosen slot with the name, address and note, and confirms it', async () => {
      const calls = record('mutation', 'BookAppointment');
      const element = await renderContact();
      await chooseBookingTopic(element, 'ww');
      chooseSlot(element, 'slot-ww-2');
      fillPerson(element);
      part<HTMLFormElement>(element, 'booking-form')!.requestSubmit();
      await waitUntil(() => part(element, 'booked'), 'the confirmation');
      const input = calls[0]!.variables.input as Record<string, unknown>;
      expect({ ...input, idempotencyKey: typeof input.idempotencyKey, antiSpam: typeof input.antiSpam }).to.deep.equal({
        slotId: 'slot-ww-2',
        topic: 'ww',
        name: 'Amira',
        email: 'amira@voorbeeld.nl',
        note: 'Over mijn WW na ontslag.',
        idempotencyKey: 'string',
        antiSpam: 'object',
      });
      expect(calls[0]!.device).to.match(/\S/);
      expect(text(part(element, 'booked'))).to.equal(
        'Uw afspraak is gemaakt woensdag 2 december, 14:30 – 15:15, gesprek op kantoor met Geert Heikens. ' +
          'Adres: Werkplein Eemsdelta, Zeebadweg 2, Delfzijl ' +
          'U krijgt een e-mail met de afspraak voor uw agenda en een link om af te zeggen.',
      );
      await waitUntil(() => focusedId(element) === 'booking-confirmation', 'focus on the confirmation');
      await expect(element).to.be.accessible();
    });

    it('says so when someone else took the slot first, keeps what was typed and shows the slots free now', async () => {
      worker.use(...slotTakenScenario());
      const element = await renderContact();
      await chooseBookingTopic(element, 'ww');
      expect(byId(element, `slot-${MOCK_TAKEN_SLOT_ID}`)).not.to.equal(null);
      chooseSlot(element, MOCK_TAKEN_SLOT_ID);
      fillPerson(element);
      part<HTMLFormElement>(element, 'booking-form')!.requestSubmit();
      await waitUntil(() => focusedId(element) === 'booking-summary', 'focus on the summary');
      const message = 'Deze tijd is net door iemand anders gekozen. Kies een andere tijd.';
      expect(text(part(element, 'error-summary'))).to.contain(message);
      expect(text(byId(element, 'booking-slot-error'))).to.equal(message);
      expect(byId(element, `slot-${MOCK_TAKEN_SLOT_ID}`)).to.equal(null);
      expect(slotLabels(element)).to.have.length(2);
      expect(text(part(element, 'slots-status'))).to.equal('We hebben de lijst met vrije tijden bijgewerkt.');
      expect([
        byId<HTMLInputElement>(element, 'booking-name')!.value,
        byId<HTMLInputElement>(element, 'booking-email')!.value,
        byId<HTMLTextAreaElement>(element, 'booking-note')!.value,
      ]).to.deep.equal([person.name, person.email, person.note]);
      expect(part(element, 'booked')).to.equal(null);
      await expect(element).to.be.accessible();
      // Another time then works.
      chooseSlot(element, 'slot-ww-3');
      part<HTMLFormElement>(element, 'booking-form')!.requestSubmit();
      await waitUntil(() => part(element, 'booked'), 'booked');
    });

    it('shows the server’s refusal of an e-mail address at the field', async () => {
      const element = await renderContact();
      await chooseBookingTopic(element, 'ww');
      chooseSlot(element, 'slot-ww-1');
      fillPerson(element, { ...person, email: 'amira@voorbeeld.n' });
      part<HTMLFormElement>(element, 'booking-form')!.requestSubmit();
      await waitUntil(() => byId(element, 'booking-email-error'), 'the error at the field');
      expect(text(byId(element, 'booking-email-error'))).to.equal(
        'Dit e-mailadres klopt niet. Controleer het adres, bijvoorbeeld naam@voorbeeld.nl.',
      );
      expect(byId<HTMLInputElement>(element, `slot-slot-ww-1`)!.checked).to.equal(true);
      expect(focusedId(element)).to.equal('booking-summary');
    });

    it('keeps what was typed when the community cannot be reached', async () => {
      worker.use(...contactScenarios.sendFails);
      const element = await renderContact();
      await chooseBookingTopic(element, 'ww');
      chooseSlot(element, 'slot-ww-1');
      fillPerson(element);
      part<HTMLFormElement>(element, 'booking-form')!.requestSubmit();
      await waitUntil(() => part(element, 'failure'), 'the failure', { timeout: 8000 });
      expect(text(part(element, 'failure'))).to.contain('Wat u invulde, staat er nog.');
      expect(byId<HTMLInputElement>(element, 'slot-slot-ww-1')!.checked).to.equal(true);
      expect(byId<HTMLInputElement>(element, 'booking-name')!.value).to.equal(person.name);
    });

    it('asks for a slot, a name and an address before sending', async () => {
      const calls = record('mutation', 'BookAppointment');
      const element = await renderContact();
      await chooseBookingTopic(element, 'ww');
      part<HTMLFormElement>(element, 'booking-form')!.requestSubmit();
      await waitUntil(() => focusedId(element) === 'booking-summary', 'focus on the summary');
      expect([...part(element, 'error-summary')!.querySelectorAll('li')].map((item) => text(item))).to.deep.equal([
        'Kies een tijd.',
        'Vul uw naam of een schuilnaam in.',
        'Vul uw e-mailadres in.',
      ]);
      part(element, 'error-summary')!.querySelector('a')!.click();
      expect(focusedId(element)).to.equal('slot-slot-ww-1');
      expect(calls).to.have.length(0);
    });

    it('moves between the free times with the arrow keys, and books the one chosen', async () => {
      const calls = record('mutation', 'BookAppointment');
      const element = await renderContact();
      await chooseBookingTopic(element, 'ww');
      byId(element, 'slot-slot-ww-1')!.focus();
      await sendKeys({ press: 'Space' });
      expect(byId<HTMLInputElement>(element, 'slot-slot-ww-1')!.checked).to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedId(element)).to.equal('slot-slot-ww-2');
      expect(byId<HTMLInputElement>(element, 'slot-slot-ww-2')!.checked).to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowUp' });
      expect(focusedId(element)).to.equal('slot-slot-ww-2');
      // Tab leaves the group for the name field: one stop for the whole group.
      await sendKeys({ press: 'Tab' });
      expect(focusedId(element)).to.equal('booking-name');
      await sendKeys({ type: person.name });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: person.email });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => calls.length === 1, 'the booking is sent');
      expect((calls[0]!.variables.input as { slotId: string }).slotId).to.equal('slot-ww-2');
    });
  });

  describe('the private thread', () => {
    it('shows the question and the answers from #plein-prive=, and takes the secret out of the address', async () => {
      const requests = recordBodies();
      history.replaceState(history.state, '', `#plein-prive=${MOCK_PRIVATE_THREAD_ID}.${MOCK_PRIVATE_THREAD_SECRET}`);
      const element = await renderContact();
      await waitUntil(() => part(element, 'thread-question'), 'the thread', { timeout: 5000 });
      expect(location.hash).to.equal('');
      expect(text(part(element, 'thread-heading'))).to.equal('Uw privé vraag');
      expect(text(part(element, 'thread-meta'))).to.equal(
        'Ontslag en vaststellingsovereenkomst, gesteld op 20 november 2026 om 10:12',
      );
      expect(part(element, 'thread-question')!.textContent).to.contain('Mijn vrouw is ziek.\nWat betekent');
      const answers = [...shadow(element).querySelectorAll('[part="thread-answer"]')];
      expect(answers).to.have.length(1);
      expect(text(answers[0]!.querySelector('[part="thread-advisor"]'))).to.equal(
        'Geert Heikens, Onafhankelijk arbeidsadviseur, Heikens Arbeidsadvies',
      );
      // User text: a web address becomes a link marked as user content, never HTML.
      const link = answers[0]!.querySelector<HTMLAnchorElement>('[part="thread-answer-body"] a')!;
      expect([link.href, link.rel]).to.deep.equal(['https://www.uwv.nl/ww', 'nofollow ugc noopener']);
      expect(text(part(element, 'thread-delete-after'))).to.contain(
        'Deze vraag en de antwoorden worden op 1 maart 2027 verwijderd.',
      );
      await waitUntil(() => focusedId(element) === 'private-thread-heading', 'focus on the thread');
      await expect(element).to.be.accessible();
      requests.stop();
      const withSecret = requests.bodies.filter((body) => body.includes(MOCK_PRIVATE_THREAD_SECRET));
      expect(withSecret).to.have.length(1);
      expect(JSON.parse(withSecret[0]!).operationName).to.equal('PrivateThread');
      expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.to.contain(MOCK_PRIVATE_THREAD_SECRET);
      expect(element.outerHTML).not.to.contain(MOCK_PRIVATE_THREAD_SECRET);
    });

    it('says plainly that a wrong or old link does not work, and offers a new question', async () => {
      history.replaceState(history.state, '', `#plein-prive=${MOCK_PRIVATE_THREAD_ID}.verkeerd-geheim-0123456789abc`);
      const element = await renderContact();
      await waitUntil(() => part(element, 'thread-invalid'), 'the message', { timeout: 5000 });
      expect(text(part(element, 'thread-invalid'))).to.equal(
        'Deze link werkt niet (meer). Misschien is de vraag al verwijderd. U kunt een nieuwe vraag stellen. Stel een nieuwe vraag',
      );
      await expect(element).to.be.accessible();
      part<HTMLButtonElement>(element, 'new-question')!.click();
      await waitUntil(() => focusedId(element) === 'private-question-heading', 'focus on the private question');
    });
  });

  describe('the hand-off from the forum', () => {
    it('chooses the topic and channel of a plein-contact-request and moves focus to its heading', async () => {
      const page = await fixture<HTMLElement>(
        html`<div>
          <button type="button">Maak een afspraak</button>
          <plein-contact endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-contact>
        </div>`,
      );
      const element = page.querySelector('plein-contact')!;
      await waitUntil(() => part(element, 'appointment'), 'the channels', { timeout: 5000 });
      const handled = requestContact(page.querySelector('button')!, 'ontslag', 'appointment');
      expect(handled).to.equal(true);
      await waitUntil(() => focusedId(element) === 'appointment-heading', 'focus on the appointment heading');
      expect(byId<HTMLSelectElement>(element, 'booking-topic')!.value).to.equal('ontslag');
      await waitUntil(() => part(element, 'slots'), 'the slots for the topic');
      expect(slotLabels(element)).to.have.length(2);
      requestContact(page.querySelector('button')!, 'ww', 'private-question');
      await waitUntil(() => focusedId(element) === 'private-question-heading', 'focus on the private question');
      expect(byId<HTMLSelectElement>(element, 'pq-topic')!.value).to.equal('ww');
    });

    it('is handled once: by the visible full element rather than the compact one in the sidebar', async () => {
      const page = await fixture<HTMLElement>(
        html`<div>
          <aside>
            <plein-contact endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} variant="compact"></plein-contact>
          </aside>
          <main>
            <button type="button">Stel uw vraag privé</button>
            <plein-contact endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-contact>
          </main>
        </div>`,
      );
      const [compact, full] = [...page.querySelectorAll('plein-contact')];
      await waitUntil(() => part(full!, 'private-question') && part(compact!, 'compact-actions'), 'both', {
        timeout: 5000,
      });
      requestContact(page.querySelector('button')!, 'ww', 'private-question');
      await waitUntil(() => focusedId(full!) === 'private-question-heading', 'focus in the full element');
      expect(part(compact!, 'private-question')).to.equal(null);
      expect(byId<HTMLSelectElement>(full!, 'pq-topic')!.value).to.equal('ww');
    });

    it('opens the form in place in a compact element when it is the only one', async () => {
      const element = await renderContact(
        html`<plein-contact endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} variant="compact"></plein-contact>`,
      );
      requestContact(document.body, 'ziek-in-dienst', 'private-question');
      await waitUntil(() => focusedId(element) === 'private-question-heading', 'focus on the form');
      expect(byId<HTMLSelectElement>(element, 'pq-topic')!.value).to.equal('ziek-in-dienst');
      expect(part(element, 'compact-toggle')!.getAttribute('aria-expanded')).to.equal('true');
    });

    it('leaves a request the host page cancelled first, and tells the sender nobody took it without an element', async () => {
      const element = await renderContact();
      const cancel = (event: Event) => event.preventDefault();
      element.parentElement!.addEventListener('plein-contact-request', cancel);
      requestContact(element.parentElement!, 'ww', 'appointment');
      element.parentElement!.removeEventListener('plein-contact-request', cancel);
      await element.updateComplete;
      expect(focusedId(element)).to.equal(undefined);
      element.remove();
      expect(requestContact(document.body, 'ww', 'appointment')).to.equal(false);
    });
  });

  it('speaks English on an English page', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en">
        <plein-contact endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-contact>
      </div>`,
    );
    const element = wrapper.querySelector('plein-contact')!;
    await waitUntil(() => part(element, 'appointment'), 'the channels', { timeout: 5000 });
    expect(text(part(element, 'heading'))).to.equal('Personal advice');
    expect(text(part(element, 'phone')!.querySelector('[part="channel-heading"]'))).to.equal('Call the advice line');
    expect(text(part(element, 'opening-hours')!.querySelector('tbody tr'))).to.equal('Monday 9:00 to 17:00');
    await chooseBookingTopic(element as PleinContact, 'ww');
    expect(slotLabels(element)[0]).to.equal('Tuesday 1 December, 10:00 – 10:45, video call with Els Wiersma');
    part<HTMLFormElement>(element, 'booking-form')!.requestSubmit();
    await waitUntil(() => part(element, 'error-summary'), 'the summary');
    expect(text(part(element, 'error-summary')!.querySelector('li'))).to.equal('Please choose a time.');
    await expect(element).to.be.accessible();
  });

  it('says which attributes are missing without a community', async () => {
    const element = await fixture<HTMLElement>(html`<plein-contact></plein-contact>`);
    expect(text(shadow(element).querySelector('[role="alert"]'))).to.contain('endpoint en community');
  });

  it('shows a Dutch message and “Opnieuw proberen” when the channels cannot be loaded', async () => {
    let attempts = 0;
    worker.use(
      api.query('Contact', () => {
        attempts++;
        return attempts <= 3 ? HttpResponse.error() : undefined;
      }),
    );
    const element = await renderContact();
    expect(text(part(element, 'failure'))).to.contain('Het lukte niet om de contactgegevens te laden.');
    part<HTMLButtonElement>(element, 'retry')!.click();
    await waitUntil(() => part(element, 'phone'), 'the channels after a retry', { timeout: 5000 });
  });
});
