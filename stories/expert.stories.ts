import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../packages/elements/src/define/plein-community.ts';
import '../packages/elements/src/define/plein-expert.ts';
import type { PleinExpert } from '../packages/elements/src/components/expert/expert.ts';
import { expertScenarios } from '../packages/elements/src/mocks/expert-scenarios.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../packages/elements/src/mocks/fixtures.ts';
import { scenarios } from '../packages/elements/src/mocks/handlers.ts';
import { signInMockAccount, signOutMockAccounts } from '../packages/elements/src/mocks/professionals.ts';
import { onEnglishPage, onHostileHostPage, onRtlPage } from './support/host-page.ts';
import { mockServer } from './support/mock-server.ts';
import { fill, findIn, shadowOf } from './support/play.ts';
import { tokenStyles, type Tokens } from './support/tokens.ts';

type Args = Pick<PleinExpert, 'expertId' | 'headingLevel'> & Tokens;

const expert = (args: Args) => html`
  <plein-expert
    style=${tokenStyles(args)}
    endpoint=${MOCK_ENDPOINT}
    community=${MOCK_COMMUNITY}
    expert-id=${args.expertId}
    heading-level=${args.headingLevel}
  ></plein-expert>
`;

/** This tab is signed in as Geert Heikens (expert `e1`), as after a sign-in and a reload. */
const signedInAsGeert = () => {
  signInMockAccount('expert');
  return signOutMockAccounts;
};

const meta = {
  title: 'Elements/plein-expert',
  component: 'plein-expert',
  render: expert,
  args: { expertId: 'e1', headingLevel: 2 },
  argTypes: {
    expertId: { control: 'select', options: ['e1', 'e2', 'e3', 'e4', 'e5', 'e-unknown'] },
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
  },
  parameters: { msw: mockServer() },
  // A citizen's view unless a story says otherwise.
  beforeEach: () => signOutMockAccounts(),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** An independent labour advisor with a photo (and its own alternative text), verified until 1 March 2027. */
export const WithPhoto: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert');
    const photo = await findIn<HTMLImageElement>(root, 'img[part="photo"]');
    await expect(photo.alt).toContain('Foto van Geert Heikens');
    await expect((await findIn(root, '[part="independence"]')).textContent).toContain(
      'Onafhankelijk: werkt niet voor UWV of de gemeente',
    );
  },
};

/** A municipal klantmanager without a photo: her initials in a circle, "Werkt voor de gemeente". */
export const WithInitials: Story = {
  args: { expertId: 'e2' },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert');
    await expect((await findIn(root, '[part="initials"]')).getAttribute('aria-hidden')).toBe('true');
  },
};

/** A Werkplein advisor who works for UWV, without answers yet: no time to a first answer is shown. */
export const WorksForUwv: Story = {
  args: { expertId: 'e3' },
};

/** A union consultant: "Werkt voor een vakbond (FNV)", from the verification's note. */
export const WorksForAnotherOrganisation: Story = {
  args: { expertId: 'e4' },
};

/** Her verification expired: no badge and no independence statement, the rest of the profile stays. */
export const Unverified: Story = {
  args: { expertId: 'e5' },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert');
    await findIn(root, '[part="name"]');
    await expect(root.querySelector('[part="verified-badge"]')).toBeNull();
  },
};

/** Geert is signed in and looks at his own profile: "Profiel aanpassen". */
export const OwnProfile: Story = {
  beforeEach: signedInAsGeert,
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert');
    await expect((await findIn(root, '[part="edit"]')).textContent).toContain('Profiel aanpassen');
  },
};

/** The form open on his own profile, filled with what it says now. */
export const OwnProfileEditing: Story = {
  beforeEach: signedInAsGeert,
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert');
    (await findIn<HTMLButtonElement>(root, '[part="edit"]')).click();
    const name = await findIn<HTMLInputElement>(root, '#profile-displayName');
    await expect(name.value).toBe('Geert Heikens');
  },
};

/** A new title typed and saved: the profile shows it, and the change is announced politely. */
export const OwnProfileSaved: Story = {
  beforeEach: signedInAsGeert,
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert');
    (await findIn<HTMLButtonElement>(root, '[part="edit"]')).click();
    fill(await findIn<HTMLInputElement>(root, '#profile-title'), 'Arbeidsadviseur en jurist');
    (await findIn<HTMLButtonElement>(root, '[part="save"]')).click();
    await waitFor(() =>
      expect(root.querySelector('[part="announcer"]')?.textContent).toContain('Uw profiel is aangepast.'),
    );
    await expect(root.querySelector('[part="title"]')?.textContent).toContain('Arbeidsadviseur en jurist');
  },
};

/** A photo address without a description: both problems in the summary, each linked to its field. */
export const OwnProfileWithErrors: Story = {
  beforeEach: signedInAsGeert,
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert');
    (await findIn<HTMLButtonElement>(root, '[part="edit"]')).click();
    fill(await findIn<HTMLInputElement>(root, '#profile-displayName'), '');
    fill(await findIn<HTMLInputElement>(root, '#profile-photoUrl'), 'https://heikens-arbeidsadvies.example/geert.jpg');
    fill(await findIn<HTMLInputElement>(root, '#profile-photoAlt'), '');
    (await findIn<HTMLButtonElement>(root, '[part="save"]')).click();
    await findIn(root, '[part="error-summary"]');
  },
};

/** Saving fails (no connection): the message says the text is kept, and every field still holds it. */
export const OwnProfileSaveError: Story = {
  beforeEach: signedInAsGeert,
  parameters: { msw: mockServer(expertScenarios.saveNetworkError) },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'plein-expert');
    (await findIn<HTMLButtonElement>(root, '[part="edit"]')).click();
    fill(await findIn<HTMLTextAreaElement>(root, '#profile-bio'), 'Mijn nieuwe tekst.');
    (await findIn<HTMLButtonElement>(root, '[part="save"]')).click();
    await findIn(root, '[part="edit-form"] [role="alert"]');
  },
};

export const Loading: Story = {
  parameters: { msw: mockServer(expertScenarios.profileSlow) },
};

export const NotFound: Story = {
  args: { expertId: 'e-unknown' },
};

export const NetworkError: Story = {
  parameters: { msw: mockServer(expertScenarios.profileNetworkError) },
};

export const ServerError: Story = {
  parameters: { msw: mockServer(scenarios.serverError) },
};

export const English: Story = {
  render: (args) => onEnglishPage(expert(args)),
};

export const RightToLeft: Story = {
  render: (args) => onRtlPage(expert(args)),
};

export const InsideCommunity: Story = {
  render: (args) => html`
    <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}>
      <plein-expert expert-id=${args.expertId} heading-level=${args.headingLevel}></plein-expert>
    </plein-community>
  `,
};

export const HostileHostCss: Story = {
  render: (args) => onHostileHostPage(expert(args)),
};
