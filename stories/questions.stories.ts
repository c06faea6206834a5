import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import '../packages/elements/src/define/plein-community.ts';
import '../packages/elements/src/define/plein-questions.ts';
import type { PleinQuestions } from '../packages/elements/src/components/questions/questions.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../packages/elements/src/mocks/fixtures.ts';
import { scenarios } from '../packages/elements/src/mocks/handlers.ts';
import { onEnglishPage, onHostileHostPage, onRtlPage } from './support/host-page.ts';
import { longTextHandlers, mockServer } from './support/mock-server.ts';
import { findIn, shadowOf } from './support/play.ts';
import { tokenStyles, type Tokens } from './support/tokens.ts';

type Args = Pick<PleinQuestions, 'topic' | 'status' | 'orderBy' | 'pageSize' | 'hideFilters' | 'headingLevel'> & {
  questionHref?: string;
} & Tokens;

const questions = (args: Args) => html`
  <plein-questions
    style=${tokenStyles(args)}
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    topic=${args.topic}
    status=${args.status}
    order-by=${args.orderBy}
    page-size=${args.pageSize}
    ?hide-filters=${args.hideFilters}
    heading-level=${args.headingLevel}
    question-href=${ifDefined(args.questionHref || undefined)}
  ></plein-questions>
`;

const meta = {
  title: 'Elements/plein-questions',
  component: 'plein-questions',
  render: questions,
  args: { topic: '', status: '', orderBy: 'NEWEST', pageSize: 20, hideFilters: false, headingLevel: 2 },
  argTypes: {
    status: { control: 'select', options: ['', 'OPEN', 'ANSWERED', 'RESOLVED'] },
    orderBy: { control: 'select', options: ['NEWEST', 'OLDEST', 'ACTIVE'] },
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
  },
  parameters: { msw: mockServer() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** 25 questions from the mocked community: the first page of 20, with search, filters and "load more". */
export const Default: Story = {};

/** A fixed list for a page about one subject: no filters, five questions about WW. */
export const FixedListWithoutFilters: Story = {
  args: { topic: 'ww', hideFilters: true, pageSize: 5, headingLevel: 3 },
};

/** Titles link to the host's own question pages instead of opening the thread in place. */
export const WithQuestionLinks: Story = {
  args: { questionHref: '/vraag/{id}' },
};

/** Choosing a question opens its thread in place (`<plein-question>`, loaded on demand) with a way back. */
export const OpensQuestionInPlace: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-questions');
    (await findIn(root, '[part="title"]')).click();
    const thread = await findIn(root, 'plein-question');
    await findIn(thread.shadowRoot!, '[part="title"]');
    await expect(root.querySelector('[part="back"]')).not.toBeNull();
  },
};

/** The server does not answer (yet): the element says it is loading. */
export const Loading: Story = {
  parameters: { msw: mockServer(scenarios.slow) },
};

export const Empty: Story = {
  parameters: { msw: mockServer(scenarios.empty) },
};

/** The server cannot be reached; after its retries the element offers "Opnieuw proberen". */
export const NetworkError: Story = {
  parameters: { msw: mockServer(scenarios.networkError) },
};

export const ServerError: Story = {
  parameters: { msw: mockServer(scenarios.serverError) },
};

/** The community name is wrong. */
export const UnknownCommunity: Story = {
  parameters: { msw: mockServer(scenarios.unknownCommunity) },
};

/** The host page's origin is not registered for the community: the server's own message, no retry. */
export const ForbiddenOrigin: Story = {
  parameters: { msw: mockServer(scenarios.forbidden) },
};

/** Placed without endpoint or community: a message instead of an empty box, and no requests. */
export const NotConfigured: Story = {
  render: () => html`<plein-questions></plein-questions>`,
};

export const LongText: Story = {
  parameters: { msw: mockServer(longTextHandlers) },
};

export const English: Story = {
  render: (args) => onEnglishPage(questions(args)),
};

export const RightToLeft: Story = {
  render: (args) => onRtlPage(questions(args)),
};

/** Without attributes of its own: the surrounding `<plein-community>` connects it. */
export const InsideCommunity: Story = {
  render: (args) => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
      <plein-questions
        topic=${args.topic}
        status=${args.status}
        order-by=${args.orderBy}
        page-size=${args.pageSize}
        ?hide-filters=${args.hideFilters}
        heading-level=${args.headingLevel}
      ></plein-questions>
    </plein-community>
  `,
};

export const HostileHostCss: Story = {
  render: (args) => onHostileHostPage(questions(args)),
};
