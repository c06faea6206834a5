import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { graphql, HttpResponse } from 'msw';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import '../packages/elements/src/define/plein-community.ts';
import '../packages/elements/src/define/plein-questions.ts';
import '../packages/elements/src/define/plein-topics.ts';
import type { PleinTopics } from '../packages/elements/src/components/topics/topics.ts';
import {
  MOCK_COMMUNITY,
  MOCK_ENDPOINT,
  mockOverview,
  mockSituations,
} from '../packages/elements/src/mocks/fixtures.ts';
import { scenarios } from '../packages/elements/src/mocks/handlers.ts';
import { onEnglishPage, onHostileHostPage, onRtlPage } from './support/host-page.ts';
import { mockServer } from './support/mock-server.ts';
import { findIn, shadowOf } from './support/play.ts';
import { tokenStyles, type Tokens } from './support/tokens.ts';

type Args = Pick<PleinTopics, 'headingLevel'> & { topicHref?: string } & Tokens;

const topics = (args: Args) => html`
  <plein-topics
    style=${tokenStyles(args)}
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    heading-level=${args.headingLevel}
    topic-href=${ifDefined(args.topicHref || undefined)}
  ></plein-topics>
`;

const api = graphql.link(MOCK_ENDPOINT);

const meta = {
  title: 'Elements/plein-topics',
  component: 'plein-topics',
  render: topics,
  args: { headingLevel: 2 },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
  },
  parameters: { msw: mockServer() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Five situations in a citizen's own words, each a button that fires `plein-topic-open`, with counts. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-topics');
    const count = await findIn(root, '[part="count"]');
    await expect(count.textContent).toContain('8 vragen');
  },
};

/** Each situation links to the host's own topic page. */
export const WithTopicLinks: Story = {
  args: { topicHref: '/onderwerp/{topic}', headingLevel: 3 },
};

/** Next to a `<plein-questions>` in one `<plein-community>`: choosing a situation filters the list below. */
export const InsideCommunity: Story = {
  render: (args) => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
      <plein-topics heading-level=${args.headingLevel}></plein-topics>
      <plein-questions page-size="5"></plein-questions>
    </plein-community>
  `,
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-topics');
    (await findIn(root, '[part="link"]')).click();
    const status = await findIn(root, '[role="status"]');
    await expect(status.textContent).toContain('Ziek in dienst');
  },
};

/** The situations have not arrived (yet). */
export const Loading: Story = {
  parameters: { msw: mockServer(scenarios.slow) },
};

/** A community without situations yet. */
export const Empty: Story = {
  parameters: {
    msw: mockServer([
      api.query('Situations', () =>
        HttpResponse.json({ data: { community: { id: mockOverview.id, situations: [] } } }),
      ),
    ]),
  },
};

/** No connection: a message with "Opnieuw proberen". */
export const NetworkError: Story = {
  parameters: { msw: mockServer(scenarios.networkError) },
};

/** The page's site is not registered: a message without a retry, which would not help. */
export const ForbiddenOrigin: Story = {
  parameters: { msw: mockServer(scenarios.forbidden) },
};

/** Placed without endpoint or community: a message instead of an empty box, and no requests. */
export const NotConfigured: Story = {
  render: () => html`<plein-topics></plein-topics>`,
};

/** Long situations and a topic name without a place to break. */
export const LongText: Story = {
  parameters: {
    msw: mockServer([
      api.query('Situations', () =>
        HttpResponse.json({
          data: {
            community: {
              id: mockOverview.id,
              situations: mockSituations.map((situation) => ({
                ...situation,
                title: `${situation.title}, en mijn werkgever zegt dat ik een vaststellingsovereenkomst moet tekenen`,
                topic: { ...situation.topic, name: 'Arbeidsongeschiktheidsuitkeringsaanvraagformulierinvulinstructie' },
              })),
            },
          },
        }),
      ),
    ]),
  },
};

export const English: Story = {
  render: (args) => onEnglishPage(topics(args)),
};

export const RightToLeft: Story = {
  render: (args) => onRtlPage(topics(args)),
};

export const HostileHostCss: Story = {
  render: (args) => onHostileHostPage(topics(args)),
};
