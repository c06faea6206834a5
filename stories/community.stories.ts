import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/define/plein-ask.ts';
import '../packages/elements/src/define/plein-community.ts';
import '../packages/elements/src/define/plein-question.ts';
import '../packages/elements/src/define/plein-questions.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../packages/elements/src/mocks/fixtures.ts';
import { scenarios } from '../packages/elements/src/mocks/handlers.ts';
import { onEnglishPage, onHostileHostPage, onRtlPage } from './support/host-page.ts';
import { longTextHandlers, mockServer } from './support/mock-server.ts';

/**
 * `<plein-community>` renders nothing of its own: it connects the Plein elements inside it to one community, so a
 * host page names the endpoint and community once.
 */
const community = () => html`
  <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
    <h1>Vragen over werk en inkomen</h1>
    <p>Stel uw vraag aan inwoners en experts uit Eemsdelta.</p>
    <plein-questions page-size="5"></plein-questions>
  </plein-community>
`;

const meta = {
  title: 'Elements/plein-community',
  component: 'plein-community',
  render: community,
  parameters: { msw: mockServer() },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** Host-page content and a list of questions, all connected through the community element. */
export const Default: Story = {};

/** A whole community page: the list, one thread and the ask form, all through one `<plein-community>`. */
export const FullPage: Story = {
  render: () => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
      <plein-questions hide-filters page-size="3"></plein-questions>
      <plein-question question-id="q1"></plein-question>
      <plein-ask topic="ww"></plein-ask>
    </plein-community>
  `,
};

/** Two lists in one community share its client: one request per distinct list, one overview for both. */
export const TwoListsOneCommunity: Story = {
  render: () => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
      <plein-questions topic="ww" hide-filters page-size="3" heading-level="3"></plein-questions>
      <plein-questions topic="ontslag" hide-filters page-size="3" heading-level="3"></plein-questions>
    </plein-community>
  `,
};

/** Without a community name the elements inside say they are not set up, and make no requests. */
export const NotConfigured: Story = {
  render: () => html`
    <plein-community>
      <plein-questions></plein-questions>
    </plein-community>
  `,
};

export const Loading: Story = {
  parameters: { msw: mockServer(scenarios.slow) },
};

export const Empty: Story = {
  parameters: { msw: mockServer(scenarios.empty) },
};

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

export const LongText: Story = {
  parameters: { msw: mockServer(longTextHandlers) },
};

/** `lang="en"` on the page: the community's client asks the server for English messages too. */
export const English: Story = {
  render: () => onEnglishPage(community()),
};

export const RightToLeft: Story = {
  render: () => onRtlPage(community()),
};

export const HostileHostCss: Story = {
  render: () => onHostileHostPage(community()),
};
