import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetSharedClients } from '../../context.ts';
import '../../define/plein-community.ts';
import '../../define/plein-questions.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT } from '../../mocks/fixtures.ts';
import type { PleinCommunity } from './community.ts';

// The community server is mocked with msw; navigator.sendBeacon is replaced by a spy that reads what would be sent.

interface SentBeacon {
  url: string;
  body: { community?: string; municipality?: string; page?: string; elements?: string[] };
}

function spyOnBeacons() {
  const sent: Promise<SentBeacon>[] = [];
  Object.defineProperty(navigator, 'sendBeacon', {
    configurable: true,
    value: (url: string | URL, data?: BodyInit | null) => {
      sent.push((data as Blob).text().then((text) => ({ url: String(url), body: JSON.parse(text) })));
      return true;
    },
  });
  return {
    count: () => sent.length,
    sent: () => Promise.all(sent),
    restore: () => delete (navigator as { sendBeacon?: unknown }).sendBeacon,
  };
}

/** What a closing page does: whatever still waits is sent now. */
const closePage = () => dispatchEvent(new Event('pagehide'));

const listShown = (community: Element) =>
  waitUntil(
    () => community.querySelector('plein-questions')?.shadowRoot?.querySelector('[part="item"]'),
    'the questions are shown',
  );

describe('<plein-community> visit counts', () => {
  let beacons: ReturnType<typeof spyOnBeacons>;
  before(() => startMockServer());
  beforeEach(() => {
    beacons = spyOnBeacons();
  });
  afterEach(() => {
    beacons.restore();
    worker.resetHandlers();
    resetSharedClients();
  });

  it('sends one beacon naming the community and the elements inside it, with the municipality', async () => {
    const community = await fixture<PleinCommunity>(html`
      <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} municipality="delfzijl">
        <plein-questions></plein-questions>
      </plein-community>
    `);
    await waitUntil(() => beacons.count() > 0, 'a beacon is sent');
    await listShown(community);
    closePage();
    const sent = await beacons.sent();
    expect(sent).to.have.length(1);
    expect(sent[0]!.url).to.equal('https://plein.test/visits');
    expect(sent[0]!.body.community).to.equal(MOCK_COMMUNITY);
    expect(sent[0]!.body.municipality).to.equal('delfzijl');
    expect(sent[0]!.body.page).to.equal(location.origin + location.pathname);
    expect([...sent[0]!.body.elements!].sort()).to.deep.equal(['plein-community', 'plein-questions']);
  });

  it('counts an element once, also when it renders again or gets its community later', async () => {
    const community = await fixture<PleinCommunity>(html`
      <plein-community endpoint=${MOCK_ENDPOINT}>
        <plein-questions></plein-questions>
      </plein-community>
    `);
    closePage();
    expect(beacons.count()).to.equal(0, 'nothing to count without a community');

    community.community = MOCK_COMMUNITY;
    await listShown(community);
    community.querySelector('plein-questions')!.setAttribute('status', 'OPEN');
    await listShown(community);
    closePage();
    closePage();
    const sent = await beacons.sent();
    expect(sent.flatMap((beacon) => beacon.body.elements).sort()).to.deep.equal(['plein-community', 'plein-questions']);
    expect(sent[0]!.body).not.to.have.property('municipality');
  });

  it('sends nothing with visits="off"', async () => {
    const community = await fixture<PleinCommunity>(html`
      <plein-community endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY} municipality="delfzijl" visits="off">
        <plein-questions></plein-questions>
      </plein-community>
    `);
    await listShown(community);
    closePage();
    expect(beacons.count()).to.equal(0);
  });
});
