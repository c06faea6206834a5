import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { graphql, HttpResponse } from 'msw';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import '../packages/elements/src/define/plein-ask.ts';
import '../packages/elements/src/define/plein-community.ts';
import type { PleinAsk } from '../packages/elements/src/components/ask/ask.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT, mockOverview } from '../packages/elements/src/mocks/fixtures.ts';
import { scenarios } from '../packages/elements/src/mocks/handlers.ts';
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
