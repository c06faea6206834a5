import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { graphql, HttpResponse } from 'msw';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../packages/elements/src/define/plein-community.ts';
import '../packages/elements/src/define/plein-question.ts';
import type { PleinQuestion } from '../packages/elements/src/components/question/question.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT, mockAnswers, mockThread } from '../packages/elements/src/mocks/fixtures.ts';
import { scenarios } from '../packages/elements/src/mocks/handlers.ts';
import { onEnglishPage, onHostileHostPage, onRtlPage } from './support/host-page.ts';
import { longTextHandlers, mockServer } from './support/mock-server.ts';
import { fill, findIn, shadowOf } from './support/play.ts';
import { tokenStyles, type Tokens } from './support/tokens.ts';

type Args = Pick<PleinQuestion, 'questionId' | 'headingLevel'> & Tokens;

const question = (args: Args) => html`
  <plein-question
    style=${tokenStyles(args)}
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    question-id=${args.questionId}
    heading-level=${args.headingLevel}
  ></plein-question>
`;

const api = graphql.link(MOCK_ENDPOINT);

const meta = {
  title: 'Elements/plein-question',
  component: 'plein-question',
  render: question,
  args: { questionId: 'q1', headingLevel: 2 },
  argTypes: { headingLevel: { control: { type: 'number', min: 2, max: 6 } } },
  parameters: { msw: mockServer() },
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
