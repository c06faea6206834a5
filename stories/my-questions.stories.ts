import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import '../packages/elements/src/define/plein-community.ts';
import '../packages/elements/src/define/plein-my-questions.ts';
import type { PleinMyQuestions } from '../packages/elements/src/components/my-questions/my-questions.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT, mockOwnerToken } from '../packages/elements/src/mocks/fixtures.ts';
import { scenarios } from '../packages/elements/src/mocks/handlers.ts';
import { onEnglishPage, onHostileHostPage, onRtlPage } from './support/host-page.ts';
import { mockServer } from './support/mock-server.ts';
import { findIn, shadowOf } from './support/play.ts';
import { tokenStyles, type Tokens } from './support/tokens.ts';

type Args = Pick<PleinMyQuestions, 'headingLevel'> & { questionHref?: string } & Tokens;

const myQuestions = (args: Args) => html`
  <plein-my-questions
    style=${tokenStyles(args)}
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    heading-level=${args.headingLevel}
    question-href=${ifDefined(args.questionHref || undefined)}
  ></plein-my-questions>
`;

/** The owner tokens this browser keeps: each story says which questions were asked "on this device". */
function forgetOwnerTokens(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('plein:owner:')) localStorage.removeItem(key);
}

const askedHere =
  (...questionIds: string[]) =>
  () => {
    forgetOwnerTokens();
    for (const id of questionIds) localStorage.setItem(`plein:owner:${id}`, mockOwnerToken(id));
    return forgetOwnerTokens;
  };

const meta = {
  title: 'Elements/plein-my-questions',
  component: 'plein-my-questions',
  render: myQuestions,
  args: { headingLevel: 2 },
  argTypes: { headingLevel: { control: { type: 'number', min: 2, max: 6 } } },
  parameters: { msw: mockServer() },
  beforeEach: askedHere('q-held', 'q1', 'q3'),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Three questions asked on this device: one waits for a moderator ("Wacht op controle"), one is resolved. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-my-questions');
    const held = await findIn(root, '[data-held]');
    await expect(held.textContent).toContain('Wacht op controle');
  },
};

/** Nothing asked on this device yet (no owner tokens): no request at all, and a plain sentence. */
export const Empty: Story = {
  beforeEach: askedHere(),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-my-questions');
    const empty = await findIn(root, '[part="empty"]');
    await expect(empty.textContent).toContain('U heeft op dit apparaat nog geen vragen gesteld.');
  },
};

/** Titles link to the host's own question pages. */
export const WithQuestionLinks: Story = {
  args: { questionHref: '/vraag/{id}' },
};

/** Choosing a question opens its thread in place, where the asker sees their own buttons; "Terug" returns. */
export const OpensQuestionInPlace: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-my-questions');
    (await findIn(root, '[data-question-id="q1"]')).click();
    const thread = await findIn(root, 'plein-question');
    await findIn(thread.shadowRoot!, '[part="owner-actions"]');
  },
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

export const English: Story = {
  render: (args) => onEnglishPage(myQuestions(args)),
};

export const RightToLeft: Story = {
  render: (args) => onRtlPage(myQuestions(args)),
};

export const InsideCommunity: Story = {
  render: (args) => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
      <plein-my-questions heading-level=${args.headingLevel}></plein-my-questions>
    </plein-community>
  `,
};

export const HostileHostCss: Story = {
  render: (args) => onHostileHostPage(myQuestions(args)),
};

/** A moderator hid one question and rejected another: the asker sees why, with the moderator's reason. */
export const HiddenAndRejected: Story = {
  beforeEach: askedHere('q-hidden', 'q-rejected', 'q1'),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-my-questions');
    const note = await findIn(root, '[part="moderation-note"]');
    await expect(note.textContent).toContain('Reden:');
  },
};
