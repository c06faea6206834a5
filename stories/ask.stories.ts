import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { graphql, HttpResponse } from 'msw';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import '../packages/elements/src/define/plein-ask.ts';
import '../packages/elements/src/define/plein-community.ts';
import type { PleinAsk } from '../packages/elements/src/components/ask/ask.ts';
import { askedQuestion } from '../packages/elements/src/mocks/ask-scenarios.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT, mockOverview } from '../packages/elements/src/mocks/fixtures.ts';
import { scenarios } from '../packages/elements/src/mocks/handlers.ts';
import { moderationScenarios } from '../packages/elements/src/mocks/moderation.ts';
import { onEnglishPage, onHostileHostPage, onRtlPage } from './support/host-page.ts';
import { longBody, longTextHandlers, longTitle, mockServer } from './support/mock-server.ts';
import { fill, findIn, shadowOf } from './support/play.ts';
import { tokenStyles, type Tokens } from './support/tokens.ts';

type Args = Pick<PleinAsk, 'topic' | 'headingLevel'> & { questionHref?: string } & Tokens;

const ask = (args: Args) => html`
  <plein-ask
    style=${tokenStyles(args)}
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    topic=${args.topic}
    heading-level=${args.headingLevel}
    question-href=${ifDefined(args.questionHref || undefined)}
  ></plein-ask>
`;

const api = graphql.link(MOCK_ENDPOINT);

/** Fills in a valid question (topic WW), once the topics have loaded. */
async function fillQuestion(root: ShadowRoot, title = 'Moet ik vakantiegeld doorgeven aan het UWV?') {
  await findIn(root, '#topic option[value="ww"]');
  fill(root.querySelector<HTMLSelectElement>('#topic')!, 'ww');
  fill(root.querySelector<HTMLInputElement>('#title')!, title);
  fill(
    root.querySelector<HTMLTextAreaElement>('#body')!,
    'Ik krijg in mei vakantiegeld van mijn oude werkgever. Telt dat mee voor mijn WW?',
  );
}

const submit = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('[part="submit"]')!.click();

/** Drafts live in localStorage: without this, text typed in one story would come back in the next. */
function forgetDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('plein:draft:')) localStorage.removeItem(key);
}

/** A BSN (it passes the 11-proef), a mobile number and an e-mail address, as people do write them. */
const leakyBody =
  'Mijn BSN is 111222333. Bel mij gerust op 06 12345678 of mail naar marleen.jansen@voorbeeld.nl. ' +
  'Mijn werkgever wil dat ik een vaststellingsovereenkomst teken. Moet dat?';

const meta = {
  title: 'Elements/plein-ask',
  component: 'plein-ask',
  render: ask,
  args: { topic: '', headingLevel: 2 },
  argTypes: {
    topic: { control: 'select', options: ['', ...mockOverview.topics.map((topic) => topic.slug)] },
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
  },
  parameters: { msw: mockServer() },
  beforeEach: forgetDrafts,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The empty form: topic, question, explanation, and an optional name and e-mail address. */
export const Default: Story = {};

/** On a page about WW the host chooses the topic; the citizen can still change it. */
export const TopicPreselected: Story = {
  args: { topic: 'ww', headingLevel: 3 },
};

/** The topics have not arrived (yet): the form can be filled in meanwhile. */
export const Loading: Story = {
  parameters: { msw: mockServer(scenarios.slow) },
};

/** A community without topics yet: only "Kies een onderwerp" in the list. */
export const Empty: Story = {
  parameters: {
    msw: mockServer([
      api.query('CommunityOverview', () => HttpResponse.json({ data: { community: { ...mockOverview, topics: [] } } })),
    ]),
  },
};

/** The topics cannot be loaded: a message with "Opnieuw proberen" under the list. */
export const NetworkError: Story = {
  parameters: { msw: mockServer(scenarios.networkError) },
};

export const ServerError: Story = {
  parameters: { msw: mockServer(scenarios.serverError) },
};

export const UnknownCommunity: Story = {
  parameters: { msw: mockServer(scenarios.unknownCommunity) },
};

export const ForbiddenOrigin: Story = {
  parameters: { msw: mockServer(scenarios.forbidden) },
};

/** Placed without endpoint or community: a message instead of an empty box, and no requests. */
export const NotConfigured: Story = {
  render: () => html`<plein-ask></plein-ask>`,
};

/** "Vraag plaatsen" on an empty form: the error summary links to each field to fix. */
export const MissingFields: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await findIn(root, '#topic option[value="ww"]');
    submit(root);
    const summary = await findIn(root, '[part="summary"]');
    await expect(summary.textContent).toContain('Kies een onderwerp.');
  },
};

/** The server turns the question down with a field error; every typed character stays. */
export const RejectedByServer: Story = {
  parameters: { msw: mockServer(scenarios.userErrors) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await fillQuestion(root);
    submit(root);
    const summary = await findIn(root, '[part="summary"]');
    await expect(summary.textContent).toContain('Schrijf minstens 10 tekens.');
    await expect(root.querySelector<HTMLInputElement>('#title')?.value).toContain('vakantiegeld');
  },
};

/** Sending fails (no connection): the text is kept and "Opnieuw proberen" sends the same question again. */
export const SendNetworkError: Story = {
  parameters: { msw: mockServer([api.mutation('AskQuestion', () => HttpResponse.error())]) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await fillQuestion(root);
    submit(root);
    await findIn(root, '[part="retry"]');
    await expect(root.querySelector<HTMLInputElement>('#title')?.value).toContain('vakantiegeld');
  },
};

/** Personal data in the text: a list of what was found, "Verwijder dit voor mij" per item and "Verwijder alles". */
export const PersonalDataWarning: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await fillQuestion(root);
    fill(root.querySelector<HTMLTextAreaElement>('#body')!, leakyBody);
    const warning = await findIn(root, '#body-personal-data [part="personal-data-warning"]');
    await expect(warning.textContent).toContain('een burgerservicenummer (BSN)');
  },
};

/** After "Verwijder alles": placeholders in the text, the cursor back in the field, "Verwijderd" announced. */
export const PersonalDataRemoved: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await fillQuestion(root);
    fill(root.querySelector<HTMLTextAreaElement>('#body')!, leakyBody);
    (await findIn(root, '[part="personal-data-remove-all"]')).click();
    await findIn(root, '#body:focus');
    await expect(root.querySelector<HTMLTextAreaElement>('#body')?.value).toContain('[BSN verwijderd]');
  },
};

/** The text mentions health details: a gentle note that they are not needed. Posting is still possible. */
export const HealthNote: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await fillQuestion(root);
    fill(
      root.querySelector<HTMLTextAreaElement>('#body')!,
      'Ik heb een burn-out en ga elke week naar de psycholoog. Mijn werkgever wil mij nu ontslaan. Mag dat?',
    );
    const note = await findIn(root, '[part="health-note"]');
    await expect(note.textContent).toContain('U hoeft geen medische details te delen.');
  },
};

/** From three words on, questions like this one appear, with their status, as links. */
export const SimilarQuestions: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await fillQuestion(root);
    const similar = await findIn(root, '[part="similar"]');
    await expect(similar.textContent).toContain('Misschien staat uw antwoord er al bij');
  },
};

/** Similar questions link to the host's own question pages. */
export const SimilarQuestionsAsLinks: Story = {
  args: { questionHref: '/vraag/{id}' },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await fillQuestion(root);
    const link = await findIn<HTMLAnchorElement>(root, '[part="similar-link"]');
    await expect(link.getAttribute('href')).toBe('/vraag/q1');
  },
};

/** The citizen is offline when sending: the text stays, and "Opnieuw proberen" sends it with the same key. */
export const OfflineSubmit: Story = {
  parameters: { msw: mockServer([api.mutation('AskQuestion', () => HttpResponse.error())]) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await fillQuestion(root);
    fill(root.querySelector<HTMLInputElement>('#notifyEmail')!, 'marleen@voorbeeld.nl');
    submit(root);
    const failure = await findIn(root, '[part="failure"]');
    await expect(failure.textContent).toContain('Uw tekst is bewaard');
  },
};

/** Text from an earlier visit (also after a closed tab) is put back, with "Wis deze tekst" for a shared computer. */
export const DraftRestored: Story = {
  beforeEach: () => {
    const fields = {
      topic: 'ontslag',
      title: 'Moet ik de vaststellingsovereenkomst tekenen?',
      body: 'Mijn werkgever wil dat ik voor vrijdag teken. Ik weet niet wat dat betekent voor mijn WW.',
    };
    localStorage.setItem(
      `plein:draft:ask:${MOCK_COMMUNITY}`,
      JSON.stringify({ savedAt: Date.now(), value: { fields } }),
    );
  },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    const note = await findIn(root, '[part="draft-note"]');
    await expect(note.textContent).toContain('We hebben uw eerdere tekst teruggezet.');
  },
};

/** Posted with an e-mail address: confirm through the e-mail; the question can be changed for 15 minutes. */
export const PostedWithEmail: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await fillQuestion(root);
    fill(root.querySelector<HTMLInputElement>('#notifyEmail')!, 'marleen@voorbeeld.nl');
    submit(root);
    const success = await findIn(root, '[part="success"]');
    await expect(success.textContent).toContain('Klik op de link in die e-mail om te bevestigen.');
  },
};

/** The server holds the question for a moderator (it may name someone): "Uw vraag is ontvangen". */
export const HeldForModeration: Story = {
  parameters: {
    msw: mockServer([
      api.mutation('AskQuestion', ({ variables }) =>
        HttpResponse.json({
          data: {
            askQuestion: {
              question: { ...askedQuestion(variables.input as Record<string, unknown>), publication: 'HELD' },
              ownerToken: 'mock-owner-token',
              errors: [],
            },
          },
        }),
      ),
    ]),
  },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await fillQuestion(root);
    submit(root);
    const heading = await findIn(root, '[part="success-heading"]');
    await expect(heading.textContent).toContain('Uw vraag is ontvangen');
  },
};

/** Posted: "Uw vraag staat online", with a way to see it and to ask another. */
export const Posted: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await fillQuestion(root);
    submit(root);
    await findIn(root, '[part="success-heading"]');
  },
};

/** After posting, "Bekijk uw vraag" opens the new question's thread in place. */
export const PostedQuestionOpened: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await fillQuestion(root);
    submit(root);
    (await findIn(root, '[part="view"]')).click();
    const thread = await findIn(root, 'plein-question');
    await findIn(thread.shadowRoot!, '[part="title"]');
  },
};

/** Long topic names, and a title and explanation longer than allowed: the counters say by how much. */
export const LongText: Story = {
  parameters: { msw: mockServer(longTextHandlers) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await findIn(root, '#topic option[value="ww"]');
    fill(root.querySelector<HTMLInputElement>('#title')!, longTitle);
    fill(root.querySelector<HTMLTextAreaElement>('#body')!, longBody.repeat(4));
  },
};

export const English: Story = {
  render: (args) => onEnglishPage(ask(args)),
};

export const RightToLeft: Story = {
  render: (args) => onRtlPage(ask(args)),
};

export const InsideCommunity: Story = {
  render: (args) => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
      <plein-ask topic=${args.topic} heading-level=${args.headingLevel}></plein-ask>
    </plein-community>
  `,
};

export const HostileHostCss: Story = {
  render: (args) => onHostileHostPage(ask(args)),
};

/** Sent faster than a person writes: the server's message shows like any other error, and the text stays. */
export const SubmittedTooFast: Story = {
  parameters: { msw: mockServer(moderationScenarios.submittedTooFast) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-ask');
    await fillQuestion(root);
    submit(root);
    const summary = await findIn(root, '[part="summary"]');
    await expect(summary.textContent).toContain('erg snel verstuurd');
    await expect(root.querySelector<HTMLInputElement>('#title')?.value).toContain('vakantiegeld');
  },
};
