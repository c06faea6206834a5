import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { graphql, HttpResponse } from 'msw';
import { resetSharedClients } from '../../context.ts';
import '../../define/plein-question.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT, mockAnswers, mockOwnerToken, mockThread } from '../../mocks/fixtures.ts';
import { moderationScenarios } from '../../mocks/moderation.ts';
import type { PleinQuestion } from './question.ts';

// <plein-question> and moderation: "Melden" under the question and each answer, what the asker sees of a moderator's
// decision, and user text with links. The community server is mocked with msw; e2e/ runs the real one.

const api = graphql.link(MOCK_ENDPOINT);

async function renderThread(questionId = 'q1') {
  const element = await fixture<PleinQuestion>(
    html`<plein-question
      endpoint=${MOCK_ENDPOINT}
      community=${MOCK_COMMUNITY}
      question-id=${questionId}
    ></plein-question>`,
  );
  await waitUntil(() => element.shadowRoot?.querySelector('[part="title"], .alert'), 'the thread settles', {
    timeout: 5000,
  });
  return element;
}

const shadow = (element: Element) => element.shadowRoot!;
const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';
const $ = <T extends HTMLElement = HTMLElement>(element: Element, selector: string) =>
  shadow(element).querySelector<T>(selector);
const flagButton = (element: Element, key: string) => $<HTMLButtonElement>(element, `#flag-button-${key}`);
const announced = (element: Element) => clean($(element, '[part="announcer"]')?.textContent);
const focusedId = (element: Element) => shadow(element).activeElement?.id ?? null;

/** The flag inputs that reach the mocked server; the usual handler still answers. */
function recordFlags() {
  const inputs: Record<string, unknown>[] = [];
  worker.use(
    api.mutation('FlagContent', ({ variables }) => {
      inputs.push(variables.input as Record<string, unknown>);
      return undefined;
    }),
  );
  return inputs;
}

function typeNote(element: Element, note: string): void {
  const field = $<HTMLTextAreaElement>(element, '#flag-note')!;
  field.value = note;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('<plein-question>: moderation', () => {
  before(() => startMockServer());
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    localStorage.clear();
  });

  describe('flagging', () => {
    it('offers "Melden" under the question and each answer, and opens a small form with five reasons', async () => {
      const element = await renderThread();
      const buttons = [...shadow(element).querySelectorAll<HTMLButtonElement>('[part="flag"]')];
      expect(buttons.map((button) => clean(button.textContent))).to.deep.equal([
        'Melden (deze vraag)',
        'Melden (antwoord van Geert Heikens)',
        'Melden (antwoord van Sandra Kloosterhuis)',
        'Melden (antwoord van Henk uit Appingedam)',
      ]);
      expect(buttons.map((button) => button.getAttribute('aria-expanded'))).to.deep.equal([
        'false',
        'false',
        'false',
        'false',
      ]);

      flagButton(element, 'ANSWER-a3')!.click();
      await waitUntil(() => focusedId(element) === 'flag-reason-PERSONAL_DATA', 'focus on the first reason');
      const form = $(element, '#flag-form-ANSWER-a3')!;
      expect(flagButton(element, 'ANSWER-a3')!.getAttribute('aria-expanded')).to.equal('true');
      expect(flagButton(element, 'ANSWER-a3')!.getAttribute('aria-controls')).to.equal('flag-form-ANSWER-a3');
      expect(clean(form.querySelector('legend')?.textContent)).to.equal('Waarom meldt u dit?');
      expect([...form.querySelectorAll('.choice label')].map((label) => clean(label.textContent))).to.deep.equal([
        'Persoonlijke gegevens',
        'Beledigend',
        'Spam',
        'Onjuiste informatie',
        'Anders',
      ]);
      expect(clean(form.querySelector('label[for="flag-note"]')?.textContent)).to.equal('Toelichting (niet verplicht)');
      expect(clean($(element, '#flag-note-counter')?.textContent)).to.equal('Nog 500 tekens over');
      expect([...form.querySelectorAll('button')].map((button) => clean(button.textContent))).to.deep.equal([
        'Verstuur melding',
        'Annuleren',
      ]);
      await expect(element).to.be.accessible();
    });

    it('is sent with the keyboard; then thanks politely, keeps focus on the button, and says "Gemeld" from then on', async () => {
      const inputs = recordFlags();
      const element = await renderThread();
      flagButton(element, 'ANSWER-a3')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focusedId(element) === 'flag-reason-PERSONAL_DATA', 'focus on the reasons');
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedId(element)).to.equal('flag-reason-OFFENSIVE');
      await sendKeys({ press: 'Tab' });
      expect(focusedId(element)).to.equal('flag-note');
      await sendKeys({ type: 'Hij noemt de vraagsteller dom.' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => announced(element) === 'Dank u. Een moderator kijkt ernaar.', 'the thanks');
      expect(inputs).to.deep.equal([
        { content: { kind: 'ANSWER', id: 'a3' }, reason: 'OFFENSIVE', note: 'Hij noemt de vraagsteller dom.' },
      ]);
      expect($(element, '#flag-form-ANSWER-a3')).to.equal(null);
      expect(focusedId(element)).to.equal('flag-button-ANSWER-a3');
      const button = flagButton(element, 'ANSWER-a3')!;
      expect([clean(button.textContent), button.getAttribute('aria-disabled')]).to.deep.equal([
        'Gemeld (antwoord van Henk uit Appingedam)',
        'true',
      ]);
      expect(button.hasAttribute('aria-expanded')).to.equal(false);
      await expect(element).to.be.accessible();

      // Pressing it again sends nothing; after a reload it still says "Gemeld".
      button.click();
      await element.updateComplete;
      expect($(element, '#flag-form-ANSWER-a3')).to.equal(null);
      element.remove();
      resetSharedClients();
      const again = await renderThread();
      expect(clean(flagButton(again, 'ANSWER-a3')!.textContent)).to.equal('Gemeld (antwoord van Henk uit Appingedam)');
      expect(clean(flagButton(again, 'ANSWER-a1')!.textContent)).to.equal('Melden (antwoord van Geert Heikens)');
      expect(inputs).to.have.length(1);
    });

    it('asks for a reason and a short enough note before sending, at the fields', async () => {
      const inputs = recordFlags();
      const element = await renderThread();
      flagButton(element, 'QUESTION-q1')!.click();
      await waitUntil(() => $(element, '#flag-form-QUESTION-q1'), 'the form');
      $<HTMLFormElement>(element, '#flag-form-QUESTION-q1')!.requestSubmit();
      await waitUntil(() => $(element, '#flag-reason-error'), 'the reason error');
      expect(clean($(element, '#flag-reason-error')?.textContent)).to.equal('Kies waarom u dit meldt.');
      expect($(element, '#flag-form-QUESTION-q1 fieldset')!.getAttribute('aria-describedby')).to.equal(
        'flag-reason-error',
      );
      expect(focusedId(element)).to.equal('flag-reason-PERSONAL_DATA');
      await expect(element).to.be.accessible();

      $<HTMLInputElement>(element, '#flag-reason-SPAM')!.click();
      typeNote(element, 'x'.repeat(501));
      $<HTMLFormElement>(element, '#flag-form-QUESTION-q1')!.requestSubmit();
      await waitUntil(() => $(element, '#flag-note-error'), 'the note error');
      expect([
        clean($(element, '#flag-note-error')?.textContent),
        clean($(element, '#flag-note-counter')?.textContent),
        $(element, '#flag-reason-error'),
      ]).to.deep.equal(['Uw toelichting is te lang. Gebruik hoogstens 500 tekens.', '1 teken te veel', null]);
      expect(focusedId(element)).to.equal('flag-note');
      expect(inputs).to.have.length(0);
    });

    it('keeps the reason and the note when sending fails, and sends them on the next try', async () => {
      worker.use(...moderationScenarios.flagNetworkError);
      const element = await renderThread();
      flagButton(element, 'QUESTION-q1')!.click();
      await waitUntil(() => $(element, '#flag-form-QUESTION-q1'), 'the form');
      $<HTMLInputElement>(element, '#flag-reason-PERSONAL_DATA')!.click();
      typeNote(element, 'Er staat de naam van haar werkgever in.');
      $<HTMLFormElement>(element, '#flag-form-QUESTION-q1')!.requestSubmit();
      await waitUntil(() => $(element, '#flag-form-QUESTION-q1 [role="alert"]'), 'the failure', { timeout: 5000 });
      const alert = clean($(element, '#flag-form-QUESTION-q1 [role="alert"]')?.textContent);
      expect(alert).to.contain('Er is geen verbinding met de community');
      expect(alert).to.contain('Wat u schreef, is bewaard.');
      expect([
        $<HTMLInputElement>(element, '#flag-reason-PERSONAL_DATA')!.checked,
        $<HTMLTextAreaElement>(element, '#flag-note')!.value,
      ]).to.deep.equal([true, 'Er staat de naam van haar werkgever in.']);
      expect(localStorage.getItem('plein:flagged')).to.equal(null);
      await expect(element).to.be.accessible();

      worker.resetHandlers();
      const inputs = recordFlags();
      $<HTMLFormElement>(element, '#flag-form-QUESTION-q1')!.requestSubmit();
      await waitUntil(() => announced(element) === 'Dank u. Een moderator kijkt ernaar.', 'the thanks');
      expect(inputs[0]).to.deep.equal({
        content: { kind: 'QUESTION', id: 'q1' },
        reason: 'PERSONAL_DATA',
        note: 'Er staat de naam van haar werkgever in.',
      });
    });

    it('closes with "Annuleren" or Escape, and puts focus back on "Melden"', async () => {
      const element = await renderThread();
      flagButton(element, 'ANSWER-a1')!.click();
      await waitUntil(() => $(element, '#flag-form-ANSWER-a1'), 'the form');
      $<HTMLButtonElement>(element, '#flag-form-ANSWER-a1 [part="flag-cancel"]')!.click();
      await waitUntil(() => focusedId(element) === 'flag-button-ANSWER-a1', 'focus back');
      expect($(element, '#flag-form-ANSWER-a1')).to.equal(null);

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focusedId(element) === 'flag-reason-PERSONAL_DATA', 'the form again');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => focusedId(element) === 'flag-button-ANSWER-a1', 'focus back after Escape');
      expect(flagButton(element, 'ANSWER-a1')!.getAttribute('aria-expanded')).to.equal('false');
    });

    it('does not offer the asker to report their own question, only the answers', async () => {
      localStorage.setItem('plein:owner:q1', mockOwnerToken('q1'));
      const element = await renderThread();
      await waitUntil(() => $(element, '[part="owner-actions"]'), 'the asker’s panel');
      expect(flagButton(element, 'QUESTION-q1')).to.equal(null);
      expect(shadow(element).querySelectorAll('[part="flag"]').length).to.equal(3);
    });
  });

  describe('what the asker sees of a moderator’s decision', () => {
    it('says a question was hidden, with the reason, and offers no answers, form or flag', async () => {
      localStorage.setItem('plein:owner:q-hidden', mockOwnerToken('q-hidden'));
      const element = await renderThread('q-hidden');
      expect(clean($(element, '[part="meta"] [part="badge"]')?.textContent)).to.equal('Verborgen door een moderator');
      expect(clean($(element, '[part="moderation-notice"]')?.textContent)).to.equal(
        'Verborgen door een moderator ' +
          'Reden: Er stond een naam van een collega in. Wilt u de vraag opnieuw stellen zonder namen? ' +
          'Anderen zien uw vraag nu niet. Een moderator heeft hem verborgen. Of andere mensen hebben hem gemeld, en een moderator kijkt er nog naar.',
      );
      expect([$(element, '[part="form"]'), $(element, '[part="answers"]'), $(element, '[part="flag"]')]).to.deep.equal([
        null,
        null,
        null,
      ]);
      expect($(element, '[part="resolve"]')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('says a question was rejected, with the reason the moderator gave', async () => {
      localStorage.setItem('plein:owner:q-rejected', mockOwnerToken('q-rejected'));
      const element = await renderThread('q-rejected');
      expect(clean($(element, '[part="meta"] [part="badge"]')?.textContent)).to.equal('Afgewezen door een moderator');
      const notice = $(element, '[part="moderation-notice"]')!;
      expect(clean(notice.querySelector('.notice-heading')?.textContent)).to.equal(
        'Afgewezen door een moderator: Deze vraag gaat niet over werk of inkomen. Daar is deze community voor.',
      );
      expect(clean(notice.textContent)).to.contain('Uw vraag komt niet online.');
      expect($(element, '[part="form"]')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('shows nothing of it to anyone else: the server does not return it', async () => {
      const element = await renderThread('q-rejected');
      expect(clean($(element, '.alert')?.textContent)).to.equal(
        'Deze vraag bestaat niet (meer). Misschien is hij verwijderd.',
      );
    });
  });

  describe('user text', () => {
    it('shows the question and answers as text, with web addresses as links and other schemes as text', async () => {
      worker.use(
        api.query('QuestionThread', ({ variables }) => {
          const thread = mockThread(String(variables.id), [
            { ...mockAnswers[2]!, body: 'Lees https://www.uwv.nl/ww.\nNiet javascript:alert(1) of <b>dit</b>.' },
          ]);
          return HttpResponse.json({
            data: {
              question: { ...thread, body: 'Zie (https://www.rijksoverheid.nl/ww) en\nmailto:iemand@voorbeeld.nl' },
            },
          });
        }),
      );
      const element = await renderThread();
      const body = $(element, '[part="body"]')!;
      const answer = $(element, '[part="answer-body"]')!;
      const links = (node: Element) =>
        [...node.querySelectorAll('a')].map((link) => [
          link.getAttribute('href'),
          link.getAttribute('rel'),
          link.target,
        ]);
      expect(body.textContent).to.equal('Zie (https://www.rijksoverheid.nl/ww) en\nmailto:iemand@voorbeeld.nl');
      expect(links(body)).to.deep.equal([['https://www.rijksoverheid.nl/ww', 'nofollow ugc noopener', '']]);
      expect(answer.textContent).to.equal('Lees https://www.uwv.nl/ww.\nNiet javascript:alert(1) of <b>dit</b>.');
      expect(links(answer)).to.deep.equal([['https://www.uwv.nl/ww', 'nofollow ugc noopener', '']]);
      expect(answer.querySelector('b')).to.equal(null);
      expect(getComputedStyle(answer).whiteSpace).to.equal('pre-wrap');
      await expect(element).to.be.accessible();
    });
  });
});
