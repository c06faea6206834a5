import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import '../packages/elements/src/define/plein-community.ts';
import '../packages/elements/src/define/plein-contact.ts';
import type { PleinContact } from '../packages/elements/src/components/contact/contact.ts';
import { requestContact } from '../packages/elements/src/events/contact-request.ts';
import {
  contactScenarios,
  MOCK_PRIVATE_THREAD_ID,
  MOCK_PRIVATE_THREAD_SECRET,
  MOCK_TAKEN_SLOT_ID,
  slotTakenScenario,
} from '../packages/elements/src/mocks/contact.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../packages/elements/src/mocks/fixtures.ts';
import { scenarios } from '../packages/elements/src/mocks/handlers.ts';
import { onEnglishPage, onHostileHostPage, onRtlPage } from './support/host-page.ts';
import { mockServer } from './support/mock-server.ts';
import { fill, findIn, shadowOf } from './support/play.ts';
import { tokenStyles, type Tokens } from './support/tokens.ts';

type Args = Pick<PleinContact, 'topic' | 'headingLevel'> & {
  variant?: 'full' | 'compact';
  channel?: string;
  href?: string;
} & Tokens;

const contact = (args: Args) => html`
  <plein-contact
    style=${tokenStyles(args)}
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    topic=${args.topic}
    heading-level=${args.headingLevel}
    variant=${ifDefined(args.variant || undefined)}
    channel=${ifDefined(args.channel || undefined)}
    href=${ifDefined(args.href || undefined)}
  ></plein-contact>
`;

/** The page opens with a fragment in its address, as from the link in a private question's e-mail. */
const openedWith = (hash: string) => () => {
  forgetDrafts();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  return () => history.replaceState(history.state, '', `${location.pathname}${location.search}`);
};

/** Drafts live in localStorage: without this, text typed in one story would come back in the next. */
function forgetDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('plein:draft:')) localStorage.removeItem(key);
}

const meta = {
  title: 'Elements/plein-contact',
  component: 'plein-contact',
  render: contact,
  args: { topic: '', headingLevel: 2 },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    channel: { control: 'select', options: ['', 'phone', 'private-question', 'appointment'] },
  },
  parameters: { msw: mockServer() },
  beforeEach: forgetDrafts,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** All three channels: the advice line (closed now, with Christmas as closed days), the private question, appointments. */
export const Full: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-contact');
    const status = await findIn(root, '[part~="status"]');
    await expect(status.textContent).toContain('Nu gesloten, weer open op dinsdag om 9:00');
  },
};

/** The line is open now. */
export const LineOpen: Story = {
  parameters: { msw: mockServer(contactScenarios.lineOpen) },
};

/** For a sidebar, the same place on every page: the number, whether it is open, and two ways to a form in place. */
export const Compact: Story = {
  args: { variant: 'compact' },
  render: (args) => html`<div style="max-inline-size: 20em">${contact(args)}</div>`,
};

/** The compact element opened at "Maak een afspraak" for WW. */
export const CompactAppointment: Story = {
  args: { variant: 'compact', channel: 'appointment', topic: 'ww' },
  render: (args) => html`<div style="max-inline-size: 20em">${contact(args)}</div>`,
};

/** With `href`: the two links lead to the page with the full element, at the channel. */
export const CompactWithLink: Story = {
  args: { variant: 'compact', href: '/persoonlijk-advies/', topic: 'ww' },
  render: (args) => html`<div style="max-inline-size: 20em">${contact(args)}</div>`,
};

/** A community with the advice line only. */
export const PhoneOnly: Story = {
  parameters: { msw: mockServer(contactScenarios.phoneOnly) },
};

/** Opened from the link in the e-mail: the question and the advisor's answer above the channels. */
export const PrivateThread: Story = {
  beforeEach: openedWith(`#plein-prive=${MOCK_PRIVATE_THREAD_ID}.${MOCK_PRIVATE_THREAD_SECRET}`),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-contact');
    const deleteAfter = await findIn(root, '[part="thread-delete-after"]');
    await expect(deleteAfter.textContent).toContain('1 maart 2027');
  },
};

/** A link with a wrong secret, or for a thread already deleted. */
export const WrongLink: Story = {
  beforeEach: openedWith(`#plein-prive=${MOCK_PRIVATE_THREAD_ID}.verkeerd-geheim-0123456789`),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-contact');
    const message = await findIn(root, '[part="thread-invalid"]');
    await expect(message.textContent).toContain('Deze link werkt niet (meer).');
  },
};

/** Someone else booked the first WW time a moment earlier: the message at the list, the list fresh, the fields kept. */
export const TakenSlot: Story = {
  args: { topic: 'ww' },
  parameters: { msw: mockServer(slotTakenScenario()) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-contact');
    (await findIn<HTMLInputElement>(root, `#slot-${MOCK_TAKEN_SLOT_ID}`)).click();
    fill(root.querySelector<HTMLInputElement>('#booking-name')!, 'Amira');
    fill(root.querySelector<HTMLInputElement>('#booking-email')!, 'amira@voorbeeld.nl');
    root.querySelector<HTMLFormElement>('[part~="booking-form"]')!.requestSubmit();
    const error = await findIn(root, '#booking-slot-error');
    await expect(error.textContent).toContain('Deze tijd is net door iemand anders gekozen.');
  },
};

/** A private question with a phone number in it: a warning only, nothing to remove, and sending is not blocked. */
export const PersonalDataWarning: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-contact');
    fill(
      await findIn<HTMLTextAreaElement>(root, '#pq-body'),
      'Bel mij op 06 12345678. Mijn werkgever wil dat ik een vaststellingsovereenkomst teken. Krijg ik dan WW?',
    );
    await findIn(root, '[part="personal-data-warning"]');
  },
};

/** Sending fails: the message, "Opnieuw proberen", and everything typed is still there. */
export const SendError: Story = {
  args: { topic: 'ww' },
  parameters: { msw: mockServer(contactScenarios.sendFails) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-contact');
    fill(
      await findIn<HTMLTextAreaElement>(root, '#pq-body'),
      'Mijn werkgever wil dat ik een vaststellingsovereenkomst teken. Krijg ik dan WW?',
    );
    fill(root.querySelector<HTMLInputElement>('#pq-email')!, 'amira@voorbeeld.nl');
    root.querySelector<HTMLFormElement>('[part~="private-question-form"]')!.requestSubmit();
    await findIn(root, '[part="failure"]');
  },
};

/** The hand-off from an expert answer: "Maak een afspraak" asks the page's `<plein-contact>` for the topic. */
export const HandOff: Story = {
  render: (args) => html`
    <p>
      <button type="button" @click=${(event: Event) => requestContact(event.currentTarget!, 'ontslag', 'appointment')}>
        Maak een afspraak (onderwerp ontslag)
      </button>
      <button type="button" @click=${(event: Event) => requestContact(event.currentTarget!, 'ww', 'private-question')}>
        Stel uw vraag privé (onderwerp WW)
      </button>
    </p>
    ${contact(args)}
  `,
};

/** The community cannot be reached. */
export const NetworkError: Story = {
  parameters: { msw: mockServer(scenarios.networkError) },
};

export const English: Story = {
  render: (args) => onEnglishPage(contact(args)),
};

export const RightToLeft: Story = {
  render: (args) => onRtlPage(contact(args)),
};

export const HostileHostCss: Story = {
  render: (args) => onHostileHostPage(contact(args)),
};

/** Inside `<plein-community>`: no attributes of its own. */
export const InsideCommunity: Story = {
  render: (args) => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
      <plein-contact heading-level=${args.headingLevel} variant="compact"></plein-contact>
    </plein-community>
  `,
};
