import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../packages/elements/src/define/plein-report.ts';
import type { PleinReport } from '../packages/elements/src/components/report/report.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../packages/elements/src/mocks/fixtures.ts';
import { signInMockAdmin } from '../packages/elements/src/mocks/moderation.ts';
import {
  type MockAccount,
  signInMockAccount,
  signOutMockAccounts,
} from '../packages/elements/src/mocks/professionals.ts';
import { reportScenarios, resetMockReportSchedule } from '../packages/elements/src/mocks/report.ts';
import { onEnglishPage, onHostileHostPage, onRtlPage } from './support/host-page.ts';
import { mockServer } from './support/mock-server.ts';
import { fill, findIn, shadowOf } from './support/play.ts';
import { tokenStyles, type Tokens } from './support/tokens.ts';

type Args = Pick<PleinReport, 'headingLevel'> & Tokens;

const report = (args: Args) => html`
  <plein-report
    style=${tokenStyles(args)}
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    heading-level=${args.headingLevel}
  ></plein-report>
`;

/**
 * Each story starts signed in as the staff member Joost Mulder (`moderator`: roles MODERATOR and STAFF), the admin, an
 * expert, or signed out; and with the report e-mail as the mock starts it (monthly, to Joost Mulder).
 */
const session = (account?: MockAccount | 'admin') => () => {
  signOutMockAccounts();
  resetMockReportSchedule();
  if (account === 'admin') signInMockAdmin();
  else if (account) signInMockAccount(account);
  return signOutMockAccounts;
};

/** Switches the period picker to days of one's own choosing and returns the element's shadow root. */
async function chooseDays(canvasElement: HTMLElement, from: string, to: string) {
  const root = await shadowOf(canvasElement, 'plein-report');
  await findIn(root, '[part="chart"]');
  (await findIn<HTMLInputElement>(root, '#mode-custom')).click();
  fill(await findIn<HTMLInputElement>(root, '#custom-from'), from);
  fill(await findIn<HTMLInputElement>(root, '#custom-to'), to);
  (await findIn<HTMLButtonElement>(root, '[part="show"]')).click();
  return root;
}

const meta = {
  title: 'Elements/plein-report',
  component: 'plein-report',
  render: report,
  args: { headingLevel: 2 },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
  },
  parameters: { msw: mockServer() },
  beforeEach: session('moderator'),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/**
 * Signed in as staff: last month's report with its charts, tables and example questions; the report e-mail read-only.
 * Some counts are below 5 and read "minder dan 5".
 */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-report');
    const summary = await findIn(root, '[part="chart"][data-table="topics"] figcaption');
    await expect(summary.textContent).toContain('De meeste vragen gingen over');
    await findIn(root, '[part="schedule-summary"]');
  },
};

/** Signed in as the admin Anke Visser: the report e-mail can be changed. */
export const Admin: Story = {
  beforeEach: session('admin'),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-report');
    await findIn(root, '[part="schedule-form"]');
  },
};

/** A quarter: the line shows weeks. */
export const Quarter: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-report');
    await findIn(root, '[part="chart"]');
    (await findIn<HTMLInputElement>(root, '#mode-quarter')).click();
    await findIn(root, '#period-quarter');
  },
};

/** Ten days of one's own choosing: the line has gaps where a day had fewer than 5 questions. */
export const CustomDays: Story = {
  play: async ({ canvasElement }) => {
    const root = await chooseDays(canvasElement, '2026-10-01', '2026-10-10');
    await findIn(root, '[part="gaps"]');
  },
};

/** Days that cannot be: the error summary, and the typed days stay. */
export const CustomDaysInvalid: Story = {
  play: async ({ canvasElement }) => {
    const root = await chooseDays(canvasElement, '2026-10-15', '2026-10-01');
    await findIn(root, '#period-errors');
  },
};

/** One municipality. */
export const OneMunicipality: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-report');
    await findIn(root, '#municipality option[value="delfzijl"]');
    fill(await findIn<HTMLSelectElement>(root, '#municipality'), 'delfzijl');
  },
};

/** A small municipality's month: every count below 5, so no bars and no points, only "minder dan 5". */
export const EverythingBelowFive: Story = {
  parameters: { msw: mockServer(reportScenarios.allSuppressed) },
};

export const Loading: Story = {
  parameters: { msw: mockServer(reportScenarios.slow) },
};

/** The server fails: the message, the period kept, and "Opnieuw proberen". */
export const ServerError: Story = {
  parameters: { msw: mockServer(reportScenarios.serverError) },
};

/** Saving the report e-mail cannot reach the server: the admin's choices stay. */
export const ScheduleSaveNetworkError: Story = {
  beforeEach: session('admin'),
  parameters: { msw: mockServer(reportScenarios.scheduleNetworkError) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-report');
    (await findIn<HTMLInputElement>(root, '#frequency-WEEKLY')).click();
    (await findIn<HTMLButtonElement>(root, '[part="schedule-submit"]')).click();
    await findIn(root, '[part="schedule-form"] [role="alert"]');
  },
};

/** The server refuses a recipient: the error summary. */
export const ScheduleRefused: Story = {
  beforeEach: session('admin'),
  parameters: { msw: mockServer(reportScenarios.scheduleRefused) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-report');
    (await findIn<HTMLButtonElement>(root, '[part="schedule-submit"]')).click();
    await findIn(root, '#schedule-errors');
  },
};

/** Signed out: only a short message. */
export const SignedOut: Story = {
  beforeEach: session(),
};

/** Signed in as an expert: no access to reports. */
export const NoAccess: Story = {
  beforeEach: session('expert'),
};

/** A phone, 320px wide: the charts are drawn for it, and the tables scroll sideways in their own box. */
export const Narrow: Story = {
  render: (args) => html`<div style="inline-size: 320px">${report(args)}</div>`,
};

export const English: Story = {
  render: (args) => onEnglishPage(report(args)),
};

export const RightToLeft: Story = {
  render: (args) => onRtlPage(report(args)),
};

export const HostileHostCss: Story = {
  render: (args) => onHostileHostPage(report(args)),
};
