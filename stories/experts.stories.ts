import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../packages/elements/src/define/plein-community.ts';
import '../packages/elements/src/define/plein-experts.ts';
import type { PleinExperts } from '../packages/elements/src/components/experts/experts.ts';
import { expertScenarios } from '../packages/elements/src/mocks/expert-scenarios.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../packages/elements/src/mocks/fixtures.ts';
import { scenarios } from '../packages/elements/src/mocks/handlers.ts';
import { onEnglishPage, onHostileHostPage, onRtlPage } from './support/host-page.ts';
import { mockServer } from './support/mock-server.ts';
import { fill, findIn, shadowOf } from './support/play.ts';
import { tokenStyles, type Tokens } from './support/tokens.ts';

type Args = Pick<PleinExperts, 'topic' | 'headingLevel' | 'pageSize' | 'hideFilters'> & {
  expertHref?: string;
} & Tokens;

const experts = (args: Args) => html`
  <plein-experts
    style=${tokenStyles(args)}
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    topic=${args.topic}
    page-size=${args.pageSize}
    heading-level=${args.headingLevel}
    ?hide-filters=${args.hideFilters}
    expert-href=${ifDefined(args.expertHref || undefined)}
  ></plein-experts>
`;

const meta = {
  title: 'Elements/plein-experts',
  component: 'plein-experts',
  render: experts,
  args: { topic: '', headingLevel: 2, pageSize: 20, hideFilters: false },
  argTypes: {
    topic: { control: 'select', options: ['', 'ww', 'ontslag', 'ziek-in-dienst'] },
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    pageSize: { control: { type: 'number', min: 1, max: 50 } },
  },
  parameters: { msw: mockServer() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The Eemsdelta experts: independent advisors, a klantmanager, a Werkplein advisor for UWV, one unverified. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-experts');
    const count = await findIn(root, '[part="count"]');
    await waitFor(() => expect(count.textContent).toContain('5 experts'), { timeout: 10_000 });
  },
};

/** The topic filter: choosing "WW" leaves two experts, and the element's `topic` attribute follows. */
export const TopicFilter: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-experts');
    await findIn(root, '#topic option[value="ww"]');
    fill(await findIn<HTMLSelectElement>(root, '#topic'), 'ww');
    const count = await findIn(root, '[part="count"]');
    await waitFor(() => expect(count.textContent).toContain('2 experts voor WW'), { timeout: 10_000 });
    await expect(canvasElement.querySelector('plein-experts')?.getAttribute('topic')).toBe('ww');
  },
};

/** A fixed list for one topic, without the filter. */
export const OneTopicWithoutFilter: Story = {
  args: { topic: 'ontslag', hideFilters: true },
};

/** Names link to the host's own profile pages. */
export const WithProfileLinks: Story = {
  args: { expertHref: '/expert/{id}' },
};

/** Choosing an expert opens the profile in place; "Terug naar alle experts" returns to the same expert. */
export const OpensProfileInPlace: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-experts');
    (await findIn(root, '[data-expert-id="e2"]')).click();
    await findIn(root, 'plein-expert');
    await findIn(root, '[part="back"]');
  },
};

/** Thirty experts: twenty first, then "Meer experts laden". */
export const LoadMore: Story = {
  parameters: { msw: mockServer(expertScenarios.directoryLong) },
};

export const Empty: Story = {
  parameters: { msw: mockServer(expertScenarios.directoryEmpty) },
};

/** No experts for the chosen topic: the text suggests another topic. */
export const EmptyTopic: Story = {
  args: { topic: 'ww' },
  parameters: { msw: mockServer(expertScenarios.directoryEmpty) },
};

export const Loading: Story = {
  parameters: { msw: mockServer(expertScenarios.directorySlow) },
};

export const NetworkError: Story = {
  parameters: { msw: mockServer(expertScenarios.directoryNetworkError) },
};

export const ServerError: Story = {
  parameters: { msw: mockServer(scenarios.serverError) },
};

export const English: Story = {
  render: (args) => onEnglishPage(experts(args)),
};

export const RightToLeft: Story = {
  render: (args) => onRtlPage(experts(args)),
};

/** In a community page next to the questions about the same topic. */
export const InsideCommunity: Story = {
  render: (args) => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
      <plein-experts topic="ontslag" heading-level=${args.headingLevel}></plein-experts>
    </plein-community>
  `,
};

export const HostileHostCss: Story = {
  render: (args) => onHostileHostPage(experts(args)),
};
