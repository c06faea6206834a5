import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../packages/elements/src/define/plein-community.ts';
import '../packages/elements/src/define/plein-moderation.ts';
import '../packages/elements/src/define/plein-sign-in.ts';
import type { PleinModeration } from '../packages/elements/src/components/moderation/moderation.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../packages/elements/src/mocks/fixtures.ts';
import { moderationScenarios, signInMockAdmin } from '../packages/elements/src/mocks/moderation.ts';
import {
  type MockAccount,
  signInMockAccount,
  signOutMockAccounts,
} from '../packages/elements/src/mocks/professionals.ts';
import { onEnglishPage, onHostileHostPage, onRtlPage } from './support/host-page.ts';
import { mockServer } from './support/mock-server.ts';
import { fill, findIn, shadowOf } from './support/play.ts';
import { tokenStyles, type Tokens } from './support/tokens.ts';

type Args = Pick<PleinModeration, 'headingLevel' | 'pageSize' | 'view'> & Tokens;

const moderation = (args: Args) => html`
  <plein-moderation
    style=${tokenStyles(args)}
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    heading-level=${args.headingLevel}
    page-size=${args.pageSize}
    view=${args.view}
  ></plein-moderation>
`;

/** Each story starts signed in as `account` (or the admin), or signed out: the session lives in sessionStorage. */
const session = (account?: MockAccount | 'admin') => () => {
  signOutMockAccounts();
  if (account === 'admin') signInMockAdmin();
  else if (account) signInMockAccount(account);
  return signOutMockAccounts;
};

/** Opens one action's form under an item and returns the form. */
async function openAction(canvasElement: HTMLElement, itemId: string, action: string) {
  const root = await shadowOf(canvasElement, 'plein-moderation');
  (await findIn(root, `[data-item-id="${itemId}"] [data-action="${action}"]`)).click();
  return { root, form: await findIn<HTMLFormElement>(root, `[data-item-id="${itemId}"] [part="action-form"]`) };
}

const meta = {
  title: 'Elements/plein-moderation',
  component: 'plein-moderation',
  render: moderation,
  args: { headingLevel: 2, pageSize: 20, view: 'queue' },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    pageSize: { control: { type: 'number', min: 1, max: 50 } },
    view: { control: { type: 'inline-radio' }, options: ['queue', 'log', 'settings'] },
  },
  parameters: { msw: mockServer() },
  beforeEach: session('moderator'),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/**
 * Signed in as the moderator Joost Mulder: five items, oldest first. A held question that may name someone, an answer
 * hidden after three flags for insults, an answer held for its three links, the first post of a new device, and a
 * published question with two flags.
 */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-moderation');
    const findings = await findIn(root, '[data-item-id="ANSWER:a-m2"] [part="findings"]');
    await expect(findings.textContent).toContain('Gemeld: 3× Beledigend');
  },
};

/** "Afwijzen": the reason the writer will see, required. */
export const Rejecting: Story = {
  play: async ({ canvasElement }) => {
    const { form } = await openAction(canvasElement, 'ANSWER:a-m2', 'reject');
    fill(form.querySelector('textarea')!, 'Uw antwoord is beledigend voor de vrager.');
  },
};

/** "Afwijzen" sent without a reason: the field says what is missing. */
export const ReasonMissing: Story = {
  play: async ({ canvasElement }) => {
    const { root, form } = await openAction(canvasElement, 'QUESTION:q-m5', 'hide');
    form.requestSubmit();
    await findIn(root, '#reason-QUESTION-q-m5-error');
  },
};

/** "Aanpassen": the text to edit, what still looks like personal data, and what was removed. */
export const Redacting: Story = {
  play: async ({ canvasElement }) => {
    const { root } = await openAction(canvasElement, 'QUESTION:q-m1', 'redact');
    await findIn(root, '#redact-body-QUESTION-q-m1-personal-data [part="personal-data-warning"]');
  },
};

/** "Blokkeer apparaat": an inline confirmation with a reason for the log. */
export const ConfirmBlockDevice: Story = {
  play: async ({ canvasElement }) => {
    const { form } = await openAction(canvasElement, 'ANSWER:a-m3', 'block-device');
    await expect(form.textContent).toContain('Weet u het zeker?');
  },
};

/** "Blokkeer schuilnaam": the confirmation names the pseudonym. */
export const ConfirmBlockPseudonym: Story = {
  play: async ({ canvasElement }) => {
    const { form } = await openAction(canvasElement, 'ANSWER:a-m2', 'block-pseudonym');
    await expect(form.textContent).toContain('Eerlijkzegger');
  },
};

/** An action cannot reach the server: the typed reason stays, with a Dutch message. */
export const ActionNetworkError: Story = {
  parameters: { msw: mockServer(moderationScenarios.actionsNetworkError) },
  play: async ({ canvasElement }) => {
    const { root, form } = await openAction(canvasElement, 'ANSWER:a-m2', 'reject');
    fill(form.querySelector('textarea')!, 'Uw antwoord is beledigend voor de vrager.');
    form.requestSubmit();
    await findIn(root, '[data-item-id="ANSWER:a-m2"] [part="action-form"] [role="alert"]');
  },
};

/** Another moderator decided first: the server's words beside the item. */
export const AlreadyDecided: Story = {
  parameters: { msw: mockServer(moderationScenarios.alreadyDecided) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-moderation');
    (await findIn(root, '[data-item-id="QUESTION:q-m4"] [data-action="approve"]')).click();
    await findIn(root, '[data-item-id="QUESTION:q-m4"] [part="notice"]');
  },
};

/** Two per page and "Meer laden". */
export const MorePages: Story = {
  args: { pageSize: 2 },
};

export const Loading: Story = {
  parameters: { msw: mockServer(moderationScenarios.queueSlow) },
};

/** Nothing waits: "Er wacht niets. Goed werk!". */
export const Empty: Story = {
  parameters: { msw: mockServer(moderationScenarios.queueEmpty) },
};

export const NetworkError: Story = {
  parameters: { msw: mockServer(moderationScenarios.queueNetworkError) },
};

/** The audit log: who did what, when and why, newest first; read-only. */
export const AuditLog: Story = {
  args: { view: 'log' },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-moderation');
    await findIn(root, '[part="entry"]');
  },
};

export const AuditLogEmpty: Story = {
  args: { view: 'log' },
  parameters: { msw: mockServer(moderationScenarios.logEmpty) },
};

export const AuditLogNetworkError: Story = {
  args: { view: 'log' },
  parameters: { msw: mockServer(moderationScenarios.logNetworkError) },
};

/** Signed in as the admin Anke Visser: the settings of the pipeline. */
export const Settings: Story = {
  args: { view: 'settings' },
  beforeEach: session('admin'),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-moderation');
    await findIn(root, '[part="settings-form"]');
  },
};

/** The settings cannot be saved: what was typed stays. */
export const SettingsNetworkError: Story = {
  args: { view: 'settings' },
  beforeEach: session('admin'),
  parameters: { msw: mockServer(moderationScenarios.settingsNetworkError) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-moderation');
    const form = await findIn<HTMLFormElement>(root, '[part="settings-form"]');
    fill(root.querySelector<HTMLTextAreaElement>('#settings-blockedWords')!, 'oplichter');
    form.requestSubmit();
    await findIn(root, '[part="settings-form"] [role="alert"]');
  },
};

/** Signed out and alone on the page: it brings its own sign-in form. */
export const SignedOut: Story = {
  beforeEach: session(),
};

/** Signed out, inside a community that has its own sign-in element: it only says what to do. */
export const SignedOutInsideCommunity: Story = {
  beforeEach: session(),
  render: (args) => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
      <plein-sign-in></plein-sign-in>
      <plein-moderation heading-level=${args.headingLevel}></plein-moderation>
    </plein-community>
  `,
};

/** Signed in, but as an expert. */
export const NotAModerator: Story = {
  beforeEach: session('expert'),
};

export const English: Story = {
  render: (args) => onEnglishPage(moderation(args)),
};

export const RightToLeft: Story = {
  render: (args) => onRtlPage(moderation(args)),
};

export const HostileHostCss: Story = {
  render: (args) => onHostileHostPage(moderation(args)),
};
