import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { graphql, HttpResponse, type RequestHandler, type WebSocketHandler } from 'msw';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../packages/elements/src/define/plein-community.ts';
import '../packages/elements/src/define/plein-question.ts';
import '../packages/elements/src/define/plein-contact.ts';
import { PleinQuestion } from '../packages/elements/src/components/question/question.ts';
import {
  MOCK_COMMUNITY,
  MOCK_ENDPOINT,
  mockAnswers,
  mockOwnerToken,
  mockThread,
} from '../packages/elements/src/mocks/fixtures.ts';
import { defaultHandlers, scenarios } from '../packages/elements/src/mocks/handlers.ts';
import { moderationScenarios } from '../packages/elements/src/mocks/moderation.ts';
import { liveServer } from '../packages/elements/src/mocks/live-server.ts';
import { signInMockAccount, signOutMockAccounts } from '../packages/elements/src/mocks/professionals.ts';
import { arrivingAnswer, questionScenarios, threadServer } from '../packages/elements/src/mocks/question-scenarios.ts';
import { onEnglishPage, onHostileHostPage, onRtlPage } from './support/host-page.ts';
import { longTextHandlers, mockServer } from './support/mock-server.ts';
import { fill, findIn, shadowOf } from './support/play.ts';
import { tokenStyles, type Tokens } from './support/tokens.ts';

type Args = Pick<PleinQuestion, 'questionId' | 'headingLevel' | 'pollInterval'> & Tokens;

const question = (args: Args) => html`
  <plein-question
    style=${tokenStyles(args)}
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    question-id=${args.questionId}
    heading-level=${args.headingLevel}
    poll-interval=${args.pollInterval}
    back-href="#vragen"
  ></plein-question>
`;

/** What this browser keeps for Plein besides drafts: owner tokens, answer tokens, helpful votes, flags. */
function forgetThisDevice(): void {
  for (const key of Object.keys(localStorage)) {
    if (/^plein:(owner|answers|helpful|voter|flagged)/.test(key)) localStorage.removeItem(key);
  }
}

/** This browser asked the question: it keeps the owner token the mocked community knows. */
const askedHere =
  (questionId = 'q1') =>
  () => {
    localStorage.setItem(`plein:owner:${questionId}`, mockOwnerToken(questionId));
    return forgetThisDevice;
  };

/** As mockServer, for scenarios with a socket handler (`ws`), which mockServer's type does not take. */
const withLive = (...handlers: (RequestHandler | WebSocketHandler)[]) => ({
  handlers: { scenario: handlers, community: defaultHandlers },
});

const api = graphql.link(MOCK_ENDPOINT);

const meta = {
  title: 'Elements/plein-question',
  component: 'plein-question',
  render: question,
  args: { questionId: 'q1', headingLevel: 2, pollInterval: 30 },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    pollInterval: { control: { type: 'number', min: 5 } },
  },
  parameters: { msw: mockServer() },
  // A reader's view unless a story says otherwise: no owner tokens, held answers or votes from an earlier story.
  beforeEach: forgetThisDevice,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** A thread with an independent expert's answer (chosen as best), a klantmanager's answer and a citizen's. */
export const Default: Story = {};

/** Nobody answered yet: the thread invites the reader to write the first answer. */
export const NoAnswersYet: Story = {
  parameters: {
    msw: mockServer([
      api.query('QuestionThread', ({ variables }) =>
        HttpResponse.json({ data: { question: mockThread(String(variables.id), []) } }),
      ),
    ]),
  },
};

/** More answers than one page: "Meer antwoorden laden" fetches the next page. */
export const MoreAnswers: Story = {
  parameters: {
    msw: mockServer([
      api.query('QuestionThread', ({ variables }) =>
        HttpResponse.json({ data: { question: mockThread(String(variables.id), mockAnswers, true) } }),
      ),
    ]),
  },
};

/** Placed without `question-id`: it says what is missing. */
export const WithoutQuestionId: Story = {
  args: { questionId: '' },
};

/** Placed without endpoint or community: a message instead of an empty box, and no requests. */
export const NotConfigured: Story = {
  render: () => html`<plein-question question-id="q1"></plein-question>`,
};

export const Loading: Story = {
  parameters: { msw: mockServer(scenarios.slow) },
};

export const NetworkError: Story = {
  parameters: { msw: mockServer(scenarios.networkError) },
};

export const ServerError: Story = {
  parameters: { msw: mockServer(scenarios.serverError) },
};

/** The server knows no such question (or community): "Deze vraag bestaat niet (meer)", without a retry. */
export const UnknownQuestion: Story = {
  parameters: { msw: mockServer(scenarios.unknownCommunity) },
};

export const ForbiddenOrigin: Story = {
  parameters: { msw: mockServer(scenarios.forbidden) },
};

export const LongText: Story = {
  parameters: { msw: mockServer(longTextHandlers) },
};

/** Submitting an empty answer: the error summary lists what to fix, and links to the field. */
export const AnswerTooShort: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    (await findIn<HTMLButtonElement>(root, '[part="submit"]')).click();
    const summary = await findIn(root, '[part="error-summary"]');
    await expect(summary.textContent).toContain('Schrijf uw antwoord.');
  },
};

/** The server turns the answer down with a field error; the text stays in the form. */
export const AnswerRejectedByServer: Story = {
  parameters: { msw: mockServer(scenarios.userErrors) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    fill(await findIn<HTMLTextAreaElement>(root, '#answer-body'), 'Bel het Juridisch Loket, die helpen gratis.');
    (await findIn<HTMLButtonElement>(root, '[part="submit"]')).click();
    const summary = await findIn(root, '[part="error-summary"]');
    await expect(summary.textContent).toContain('Schrijf minstens 10 tekens.');
    await expect(root.querySelector<HTMLTextAreaElement>('#answer-body')?.value).toContain('Juridisch Loket');
  },
};

/** An answer is posted: it appears in the thread and the form says thank you. */
export const AnswerPosted: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    fill(await findIn<HTMLTextAreaElement>(root, '#answer-body'), 'Bel het Juridisch Loket, die helpen gratis.');
    (await findIn<HTMLButtonElement>(root, '[part="submit"]')).click();
    await findIn(root, '[data-answer-id="a-new"]');
  },
};

export const English: Story = {
  render: (args) => onEnglishPage(question(args)),
};

export const RightToLeft: Story = {
  render: (args) => onRtlPage(question(args)),
};

export const InsideCommunity: Story = {
  render: (args) => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
      <plein-question question-id=${args.questionId} heading-level=${args.headingLevel}></plein-question>
    </plein-community>
  `,
};

export const HostileHostCss: Story = {
  render: (args) => onHostileHostPage(question(args)),
};

/** The asker's view, on the device the question was asked from, within 15 minutes: change, resolve or delete. */
export const AskerView: Story = {
  parameters: { msw: mockServer(questionScenarios.recentlyAsked) },
  beforeEach: askedHere(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    const panel = await findIn(root, '[part="owner-actions"]');
    await expect(panel.textContent).toContain('Alleen u ziet deze knoppen.');
    await findIn(root, '[part="edit"]');
  },
};

/** "Bewerken" opens the question in a form, with title, topic and text as they are. */
export const AskerEditing: Story = {
  parameters: { msw: mockServer(questionScenarios.recentlyAsked) },
  beforeEach: askedHere(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    (await findIn<HTMLButtonElement>(root, '[part="edit"]')).click();
    const title = await findIn<HTMLInputElement>(root, '#edit-title');
    await expect(title.value).toContain('Mijn werkgever');
  },
};

/** Saving fails (no connection): the message says so and every typed character stays. */
export const AskerEditNetworkError: Story = {
  parameters: { msw: mockServer(questionScenarios.recentlyAsked, questionScenarios.ownerActionsOffline) },
  beforeEach: askedHere(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    (await findIn<HTMLButtonElement>(root, '[part="edit"]')).click();
    fill(await findIn<HTMLInputElement>(root, '#edit-title'), 'Mag mijn werkgever mij nu nog ontslaan?');
    (await findIn<HTMLButtonElement>(root, '#edit-save')).click();
    const alert = await findIn(root, '[part="edit-form"] [role="alert"]');
    await expect(alert.textContent).toContain('uw tekst is bewaard');
  },
};

/** "Verwijderen" asks first, in place; "Nee" puts focus back on the button. */
export const AskerConfirmsDelete: Story = {
  beforeEach: askedHere(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    (await findIn<HTMLButtonElement>(root, '[part="delete"]')).click();
    await findIn(root, '[part="delete-confirm"]');
  },
};

/** After a delete: the thread says it is gone, and `back-href` leads back to the list. */
export const AskerDeleted: Story = {
  beforeEach: askedHere(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    (await findIn<HTMLButtonElement>(root, '[part="delete"]')).click();
    (await findIn<HTMLButtonElement>(root, '#delete-yes')).click();
    const removed = await findIn(root, '[part="removed"]');
    await expect(removed.textContent).toContain('Uw vraag is verwijderd.');
  },
};

/** The asker chooses the answer that helped: it moves to the top as "Beste antwoord volgens de vrager". */
export const AskerChoosesAnswer: Story = {
  parameters: { msw: mockServer(questionScenarios.noneAccepted) },
  beforeEach: askedHere(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    (await findIn<HTMLButtonElement>(root, '[data-answer-id="a3"] [part="accept"]')).click();
    await findIn(root, '[data-answer-id="a3"][data-accepted]');
  },
};

/** A question a moderator has to look at first: only its asker sees it, with "Wacht op controle" and why. */
export const HeldQuestion: Story = {
  args: { questionId: 'q-held' },
  beforeEach: askedHere('q-held'),
};

/** An answer written on this device that waits for a moderator: shown to this device only. */
export const HeldAnswerOnThisDevice: Story = {
  beforeEach: () => {
    localStorage.setItem('plein:answers:q1', JSON.stringify(['answer-held']));
    return forgetThisDevice;
  },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    await findIn(root, '[data-answer-id="a-held"]');
  },
};

const socket = liveServer();

/** A new answer arrives over the live socket while the thread is open: it appears in place and is announced politely. */
export const LiveAnswerArrives: Story = {
  parameters: { msw: withLive(socket.handler) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    await waitFor(() => expect(socket.subscriptions.size).toBeGreaterThan(0), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    socket.publish(arrivingAnswer(`a-live-${Date.now()}`, 'Mr. Ilse Dijkhuis', true));
    const arrived = await findIn(root, '[data-new]');
    await expect(arrived.textContent).toContain('Mr. Ilse Dijkhuis');
  },
};

const refusingSocket = liveServer({ refuse: true });
const polledThread = threadServer();

/**
 * No live connection (the socket is refused): the thread polls, here every 2 seconds instead of 30, and the answer
 * that arrives meanwhile appears once, marked "Nieuw".
 */
export const LiveAnswerByPolling: Story = {
  args: { pollInterval: 2 },
  parameters: { msw: withLive(refusingSocket.handler, ...polledThread.handlers) },
  beforeEach: () => {
    const minimum = PleinQuestion.minimumPollInterval;
    PleinQuestion.minimumPollInterval = 1;
    polledThread.answers = [...mockAnswers];
    return () => {
      PleinQuestion.minimumPollInterval = minimum;
    };
  },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    await findIn(root, '[part="answer"]');
    polledThread.answers = [...mockAnswers, arrivingAnswer('a-polled', 'Piet')];
    await findIn(root, '[data-answer-id="a-polled"][data-new]');
  },
};

/** "Volg deze vraag": an e-mail address, and first a confirmation e-mail (double opt-in). */
export const FollowQuestion: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    fill(await findIn<HTMLInputElement>(root, '#follow-email'), 'jannie@voorbeeld.nl');
    (await findIn<HTMLButtonElement>(root, '[part="follow-submit"]')).click();
    const sent = await findIn(root, '#follow-sent');
    await expect(sent.textContent).toContain('Bijna klaar.');
  },
};

/** The server does not accept the address: the message is at the field, and the address stays. */
export const FollowRejected: Story = {
  parameters: { msw: mockServer(questionScenarios.followRejected) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    fill(await findIn<HTMLInputElement>(root, '#follow-email'), 'niemand@bestaat-niet.nl');
    (await findIn<HTMLButtonElement>(root, '[part="follow-submit"]')).click();
    const error = await findIn(root, '#follow-email-error');
    await expect(error.textContent).toContain('Dit e-mailadres bestaat niet.');
  },
};

/** "Nuttig" on an answer: pressed, with the count one higher; this browser remembers it after a reload. */
export const HelpfulVote: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    (await findIn<HTMLButtonElement>(root, '[data-answer-id="a3"] [part="helpful"]')).click();
    await findIn(root, '[data-answer-id="a3"] [part="helpful"][aria-pressed="true"]');
  },
};

/** This browser voted for the first answer on an earlier visit: its "Nuttig" shows as pressed. */
export const VotedBefore: Story = {
  beforeEach: () => {
    localStorage.setItem('plein:helpful', JSON.stringify(['a1']));
    return forgetThisDevice;
  },
};

/**
 * An expert answer with its source on wetten.overheid.nl ("Bron:", the full address in the link), the date the expert
 * checked it, and the note under every expert answer that it is general information, not personal legal advice.
 */
export const ExpertAnswerWithSourceAndNote: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    const source = await findIn(root, '[data-answer-id="a1"] [part="answer-source"]');
    await expect(source.textContent).toContain('wetten.overheid.nl');
    await findIn(root, '[data-answer-id="a1"] [part="answer-reviewed"]');
    await findIn(root, '[data-answer-id="a2"] [part="expert-note"]');
  },
};

/** "Profiel van Geert Heikens" shows his profile right under the answer. */
export const ExpertProfileUnderAnswer: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    (await findIn<HTMLButtonElement>(root, '[data-answer-id="a1"] [part="expert-link"]')).click();
    await findIn(root, '[data-answer-id="a1"] plein-expert');
  },
};

/** With `expert-href`, "Profiel van …" under an expert's name links to the host's own profile page. */
export const ExpertProfileLinks: Story = {
  render: (args) => html`
    <plein-question
      endpoint=${MOCK_ENDPOINT}
      community=${MOCK_COMMUNITY}
      question-id=${args.questionId}
      heading-level=${args.headingLevel}
      expert-href="/expert/{id}"
    ></plein-question>
  `,
};

/**
 * The klantmanager's answer adds next steps: "Uw situatie vraagt om persoonlijk advies." with "Maak een afspraak" and
 * "Stel uw vraag privé". On a page without `<plein-contact>`, one opens under the answer at the private question.
 */
export const HandOffUnderExpertAnswer: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    const buttons = await findIn(root, '[data-answer-id="a2"] [part="hand-off"]');
    await expect(buttons.textContent).toContain('Uw situatie vraagt om persoonlijk advies.');
    [...buttons.querySelectorAll<HTMLButtonElement>('[part="hand-off-button"]')].at(-1)!.click();
    await findIn(root, '[data-answer-id="a2"] plein-contact');
  },
};

/** With `<plein-contact>` on the page, "Maak een afspraak" opens that one at the appointments, topic chosen. */
export const HandOffToPageContact: Story = {
  render: (args) => html`
    ${question(args)}
    <plein-contact endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-contact>
  `,
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    (await findIn<HTMLButtonElement>(root, '[data-answer-id="a2"] [part="hand-off-button"]')).click();
  },
};

/** Signed in as an expert, the answer form offers "Volgende stap voor de inwoner" with two checkboxes. */
export const ExpertChoosesNextSteps: Story = {
  beforeEach: () => {
    forgetThisDevice();
    signInMockAccount('expert');
    return signOutMockAccounts;
  },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    (await findIn<HTMLInputElement>(root, '#answer-hand-off-appointment')).click();
  },
};

/** "Melden" under an answer opened: five reasons, an optional note, "Verstuur melding" and "Annuleren". */
export const FlagForm: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    (await findIn(root, '#flag-button-ANSWER-a3')).click();
    (await findIn<HTMLInputElement>(root, '#flag-reason-OFFENSIVE')).click();
    fill(await findIn<HTMLTextAreaElement>(root, '#flag-note'), 'Hij noemt de vraagsteller dom.');
  },
};

/** A report is sent: thanks, politely announced, and the button says "Gemeld". */
export const FlagSent: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    (await findIn(root, '#flag-button-ANSWER-a3')).click();
    (await findIn<HTMLInputElement>(root, '#flag-reason-SPAM')).click();
    (await findIn<HTMLFormElement>(root, '#flag-form-ANSWER-a3')).requestSubmit();
    await waitFor(() => expect(root.querySelector('[part="announcer"]')?.textContent).toContain('Dank u.'));
  },
};

/** This browser reported the question and an answer before: "Gemeld". */
export const FlaggedBefore: Story = {
  beforeEach: () => {
    localStorage.setItem('plein:flagged', JSON.stringify(['QUESTION:q1', 'ANSWER:a2']));
    return forgetThisDevice;
  },
};

/** The report cannot be sent: the reason and the note stay, with a Dutch message. */
export const FlagNetworkError: Story = {
  parameters: { msw: mockServer(moderationScenarios.flagNetworkError) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-question');
    (await findIn(root, '#flag-button-QUESTION-q1')).click();
    (await findIn<HTMLInputElement>(root, '#flag-reason-PERSONAL_DATA')).click();
    fill(await findIn<HTMLTextAreaElement>(root, '#flag-note'), 'Er staat de naam van haar werkgever in.');
    (await findIn<HTMLFormElement>(root, '#flag-form-QUESTION-q1')).requestSubmit();
    await findIn(root, '#flag-form-QUESTION-q1 [role="alert"]');
  },
};

/** A question a moderator hid, as its asker sees it (nobody else gets it from the server). */
export const HiddenByModerator: Story = {
  args: { questionId: 'q-hidden' },
  beforeEach: askedHere('q-hidden'),
};

/** A question a moderator rejected, with the reason its asker sees. */
export const RejectedByModerator: Story = {
  args: { questionId: 'q-rejected' },
  beforeEach: askedHere('q-rejected'),
};

/** Web addresses in user text become links (rel="nofollow ugc noopener"); other schemes and markup stay text. */
export const LinksInText: Story = {
  parameters: {
    msw: mockServer([
      api.query('QuestionThread', ({ variables }) =>
        HttpResponse.json({
          data: {
            question: {
              ...mockThread(String(variables.id), [
                {
                  ...mockAnswers[2]!,
                  body: 'Kijk op https://www.uwv.nl/particulieren/ww.\nNiet op javascript:alert(1) of <b>vet</b>.',
                },
              ]),
              body: 'Op de site (https://www.rijksoverheid.nl/onderwerpen/ww) staat iets anders.\nWie weet het?',
            },
          },
        }),
      ),
    ]),
  },
};
