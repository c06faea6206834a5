import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../packages/elements/src/define/plein-community.ts';
import '../packages/elements/src/define/plein-expert-inbox.ts';
import '../packages/elements/src/define/plein-sign-in.ts';
import type { PleinExpertInbox } from '../packages/elements/src/components/expert-inbox/expert-inbox.ts';
import {
  advisorScenarios,
  MOCK_BOOKED_MEANWHILE_SLOT,
  slotBookedMeanwhile,
} from '../packages/elements/src/mocks/advisor.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../packages/elements/src/mocks/fixtures.ts';
import {
  claimRace,
  MOCK_RACED_QUESTION,
  type MockAccount,
  professionalScenarios,
  signInMockAccount,
  signOutMockAccounts,
} from '../packages/elements/src/mocks/professionals.ts';
import { onEnglishPage, onHostileHostPage, onRtlPage } from './support/host-page.ts';
import { mockServer } from './support/mock-server.ts';
import { fill, findIn, shadowOf } from './support/play.ts';
import { tokenStyles, type Tokens } from './support/tokens.ts';

type Args = Pick<PleinExpertInbox, 'headingLevel' | 'pageSize'> & Tokens;

const inbox = (args: Args) => html`
  <plein-expert-inbox
    style=${tokenStyles(args)}
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    heading-level=${args.headingLevel}
    page-size=${args.pageSize}
  ></plein-expert-inbox>
`;

/** Each story starts signed in as `account`, or signed out: the session lives in this tab's sessionStorage. */
const session = (account?: MockAccount) => () => {
  signOutMockAccounts();
  if (account) signInMockAccount(account);
  return signOutMockAccounts;
};

/** Opens one question of the inbox and returns its item. */
async function open(canvasElement: HTMLElement, questionId: string) {
  const root = await shadowOf(canvasElement, 'plein-expert-inbox');
  const item = await findIn(root, `[part="item"][data-question-id="${questionId}"]`);
  item.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
  return { root, item };
}

const meta = {
  title: 'Elements/plein-expert-inbox',
  component: 'plein-expert-inbox',
  render: inbox,
  args: { headingLevel: 2, pageSize: 20 },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    pageSize: { control: { type: 'number', min: 1, max: 50 } },
  },
  parameters: { msw: mockServer() },
  beforeEach: session('expert'),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/**
 * Signed in as the expert Geert Heikens: five open questions, oldest first. Two waited more than 48 hours; Fatima
 * works on one, Geert on another.
 */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert-inbox');
    const claim = await findIn(root, '[data-question-id="i2"] [part="claim"]');
    await expect(claim.textContent).toContain('Fatima Ouali werkt hieraan tot');
  },
};

/** Opened: a question another expert works on can be read, not answered. */
export const ClaimedByOther: Story = {
  play: async ({ canvasElement }) => {
    const { item } = await open(canvasElement, 'i2');
    await expect(item.textContent).toContain('Een andere expert werkt hieraan.');
  },
};

/** Opened: a question the expert claimed, with its answer form. */
export const ClaimedByMe: Story = {
  play: async ({ canvasElement }) => {
    const { root } = await open(canvasElement, 'i4');
    await findIn(root, '#answer-body-i4');
  },
};

/** "Ik pak deze op", then writing: the claim shows, the form opens with focus in the text field. */
export const Answering: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert-inbox');
    (await findIn(root, '[data-question-id="i1"] [part="claim-button"]')).click();
    const body = await findIn<HTMLTextAreaElement>(root, '#answer-body-i1');
    fill(
      body,
      'U kunt binnen zes weken bezwaar maken bij het UWV. Schrijf erbij dat u in het ziekenhuis lag en stuur een bewijs mee.',
    );
    fill(await findIn<HTMLInputElement>(root, '#answer-source-i1'), 'https://www.uwv.nl/particulieren/bezwaar');
  },
};

/** Another expert claimed the question a moment earlier: the server's message, and the list shows their claim. */
export const AlreadyClaimed: Story = {
  parameters: { msw: mockServer(claimRace()) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert-inbox');
    (await findIn(root, `[data-question-id="${MOCK_RACED_QUESTION}"] [part="claim-button"]`)).click();
    const notice = await findIn(root, `[data-question-id="${MOCK_RACED_QUESTION}"] [part="notice"]`);
    await expect(notice.textContent).toContain('Een andere expert werkt al aan deze vraag.');
  },
};

/** Sending the answer failed: the text stays, with a Dutch message. */
export const AnswerNetworkError: Story = {
  parameters: { msw: mockServer(professionalScenarios.answerNetworkError) },
  play: async ({ canvasElement }) => {
    const { root } = await open(canvasElement, 'i5');
    fill(
      await findIn<HTMLTextAreaElement>(root, '#answer-body-i5'),
      'Een vaststellingsovereenkomst kunt u binnen 14 dagen zonder reden ontbinden. Doe dat schriftelijk.',
    );
    (await findIn(root, '[data-question-id="i5"] [part="submit"]')).click();
    await findIn(root, '[data-question-id="i5"] form [role="alert"]');
  },
};

/** The expert adds next steps under the answer: "Maak een afspraak" and "Stel uw vraag privé". */
export const AnswerWithNextSteps: Story = {
  play: async ({ canvasElement }) => {
    const { root } = await open(canvasElement, 'i5');
    fill(
      await findIn<HTMLTextAreaElement>(root, '#answer-body-i5'),
      'Bij een vaststellingsovereenkomst hangt veel af van uw eigen situatie. Laat u persoonlijk adviseren.',
    );
    for (const id of ['#answer-hand-off-i5-appointment', '#answer-hand-off-i5-private-question']) {
      const box = await findIn<HTMLInputElement>(root, id);
      box.click();
    }
  },
};

/**
 * "Privé vragen": two wait for an answer (first), one is answered. Each is marked "Privé" in words; one is opened with
 * its answer form.
 */
export const PrivateQuestions: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert-inbox');
    (await findIn(root, '[data-private-id="pq1"] [part="private-toggle"]')).click();
    fill(
      await findIn<HTMLTextAreaElement>(root, '#private-answer-pq1'),
      'Teken nog niets. Met een vaststellingsovereenkomst kunt u WW krijgen als uw werkgever het initiatief nam.',
    );
  },
};

/** The private answer could not be sent: the text stays, with a Dutch message. */
export const PrivateAnswerNetworkError: Story = {
  parameters: { msw: mockServer(advisorScenarios.answerNetworkError) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert-inbox');
    (await findIn(root, '[data-private-id="pq2"] [part="private-toggle"]')).click();
    fill(
      await findIn<HTMLTextAreaElement>(root, '#private-answer-pq2'),
      'Uw huisarts en de bedrijfsarts kijken elk met een andere taak naar u. Vraag een deskundigenoordeel aan bij het UWV.',
    );
    (await findIn(root, '[data-private-id="pq2"] [part="private-submit"]')).click();
    await findIn(root, '[data-private-id="pq2"] form .alert:not([part])');
  },
};

/** "Tijden aanbieden": a day, two start times, on location with the address. */
export const OfferingTimes: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert-inbox');
    fill(await findIn<HTMLInputElement>(root, '#slot-date'), `${new Date().getFullYear() + 1}-01-15`);
    for (const time of ['10:00', '11:00']) {
      fill(await findIn<HTMLInputElement>(root, '#slot-time'), time);
      (await findIn(root, '[part="add-time"]')).click();
    }
    (await findIn<HTMLInputElement>(root, '#slot-mode-IN_PERSON')).click();
    fill(await findIn<HTMLInputElement>(root, '#slot-location'), 'Werkplein Eemsdelta, Zeebadweg 2, Delfzijl');
  },
};

/** The server refuses times that overlap with times already offered: the message at the times, every field kept. */
export const TimesOverlap: Story = {
  parameters: { msw: mockServer(advisorScenarios.slotsOverlap) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert-inbox');
    fill(await findIn<HTMLInputElement>(root, '#slot-date'), `${new Date().getFullYear() + 1}-01-15`);
    fill(await findIn<HTMLInputElement>(root, '#slot-time'), '10:00');
    (await findIn<HTMLInputElement>(root, '#slot-mode-PHONE')).click();
    (await findIn(root, '[part="slot-submit"]')).click();
    await findIn(root, '#slot-time-error');
  },
};

/** Someone booked the time just before "Verwijderen": it stays, the server says why, and it shows under Afspraken. */
export const TimeBookedMeanwhile: Story = {
  parameters: { msw: mockServer(slotBookedMeanwhile()) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert-inbox');
    (await findIn(root, `[data-slot-id="${MOCK_BOOKED_MEANWHILE_SLOT}"] [part="slot-remove"]`)).click();
    await findIn(root, '[part="slot-notice"]');
  },
};

/** No open questions, no private questions, no appointments and no times yet. */
export const NothingYet: Story = {
  parameters: { msw: mockServer(professionalScenarios.inboxEmpty, advisorScenarios.nothingYet) },
};

/** The private questions and the agenda cannot be reached: a message and a retry in each section. */
export const AgendaNetworkError: Story = {
  parameters: { msw: mockServer(advisorScenarios.networkError) },
};

/** Three per page and "Meer vragen laden". */
export const MorePages: Story = {
  args: { pageSize: 3 },
};

export const Loading: Story = {
  parameters: { msw: mockServer(professionalScenarios.inboxSlow, advisorScenarios.slow) },
};

/** Nothing waits: "Goed werk!". */
export const Empty: Story = {
  parameters: { msw: mockServer(professionalScenarios.inboxEmpty) },
};

export const NetworkError: Story = {
  parameters: { msw: mockServer(professionalScenarios.inboxNetworkError) },
};

/** Signed out and alone on the page: the inbox brings its own sign-in form. */
export const SignedOut: Story = {
  beforeEach: session(),
};

/** Signed out, inside a community that has its own sign-in element: the inbox only says what to do. */
export const SignedOutInsideCommunity: Story = {
  beforeEach: session(),
  render: (args) => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
      <plein-sign-in></plein-sign-in>
      <plein-expert-inbox heading-level=${args.headingLevel}></plein-expert-inbox>
    </plein-community>
  `,
};

/** Signed in, but as a moderator. */
export const NotAnExpert: Story = {
  beforeEach: session('moderator'),
};

/** Inside `<plein-community>`, next to the sign-in element that shows who is signed in. */
export const InsideCommunity: Story = {
  render: (args) => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
      <plein-sign-in></plein-sign-in>
      <plein-expert-inbox heading-level=${args.headingLevel}></plein-expert-inbox>
    </plein-community>
  `,
};

export const English: Story = {
  render: (args) => onEnglishPage(inbox(args)),
};

export const RightToLeft: Story = {
  render: (args) => onRtlPage(inbox(args)),
};

export const HostileHostCss: Story = {
  render: (args) => onHostileHostPage(inbox(args)),
};
