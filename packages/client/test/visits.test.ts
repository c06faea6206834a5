import { expect, waitUntil } from '@open-wc/testing';
import { createPleinClient } from '../src/index.ts';

// navigator.sendBeacon is replaced by a spy: these tests read what would be sent, and nothing leaves the browser.

const endpoint = 'https://plein.example/graphql';

interface SentBeacon {
  url: string;
  type: string;
  body: Record<string, unknown>;
}

/** Replaces navigator.sendBeacon with a spy for one test; `restore` brings back the browser's own. */
function spyOnBeacons() {
  const sent: Promise<SentBeacon>[] = [];
  Object.defineProperty(navigator, 'sendBeacon', {
    configurable: true,
    value: (url: string | URL, data?: BodyInit | null) => {
      const blob = data as Blob;
      sent.push(blob.text().then((text) => ({ url: String(url), type: blob.type, body: JSON.parse(text) })));
      return true;
    },
  });
  return {
    count: () => sent.length,
    sent: () => Promise.all(sent),
    restore: () => delete (navigator as { sendBeacon?: unknown }).sendBeacon,
  };
}

/** What a closing page does: the tags still waiting for their moment are sent now. */
const closePage = () => dispatchEvent(new Event('pagehide'));

const storedKeys = () => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].sort();

describe('anonymous visit counts in the client', () => {
  let beacons: ReturnType<typeof spyOnBeacons>;
  const address = location.pathname + location.search + location.hash;

  beforeEach(() => {
    beacons = spyOnBeacons();
  });
  afterEach(() => {
    beacons.restore();
    history.replaceState(null, '', address);
  });

  it('sends one beacon for the elements of one moment, each tag once, with the municipality, beside the endpoint', async () => {
    history.replaceState(null, '', `${location.pathname}?vraag=42&zoek=ontslag#antwoord-3`);
    const before = storedKeys();
    const client = createPleinClient({ endpoint, community: 'eemsdelta', municipality: 'delfzijl' });
    client.countVisit('plein-community');
    client.countVisit('plein-questions');
    client.countVisit('plein-questions');
    client.countVisit('plein-ask');
    expect(beacons.count()).to.equal(0, 'the tags of one moment are gathered first');

    await waitUntil(() => beacons.count() > 0, 'the beacon is sent after a short moment');
    closePage();
    const sent = await beacons.sent();
    expect(sent).to.have.length(1);
    expect(sent[0]!.url).to.equal('https://plein.example/visits');
    expect(sent[0]!.type).to.equal('text/plain');
    expect(sent[0]!.body).to.deep.equal({
      community: 'eemsdelta',
      municipality: 'delfzijl',
      page: location.origin + location.pathname,
      elements: ['plein-community', 'plein-questions', 'plein-ask'],
    });
    expect(JSON.stringify(sent[0]!.body)).not.to.match(/vraag=42|zoek|antwoord-3/);
    expect(storedKeys()).to.deep.equal(before, 'nothing is stored on the device');
  });

  it('counts each tag once per page load: a later new tag goes alone, a known one never again', async () => {
    const client = createPleinClient({ endpoint, community: 'eemsdelta' });
    client.countVisit('plein-questions');
    closePage();
    client.countVisit('plein-questions');
    client.countVisit('plein-question');
    client.countVisit('plein-questions');
    closePage();
    closePage();
    const sent = await beacons.sent();
    expect(sent.map((beacon) => beacon.body.elements)).to.deep.equal([['plein-questions'], ['plein-question']]);
    expect(sent[0]!.body).not.to.have.property('municipality');
  });

  it('sends nothing when visits are switched off', async () => {
    const client = createPleinClient({ endpoint, community: 'eemsdelta', municipality: 'delfzijl', visits: false });
    client.countVisit('plein-community');
    client.countVisit('plein-questions');
    closePage();
    expect(beacons.count()).to.equal(0);
  });

  it('counts only Plein’s own tags', async () => {
    const client = createPleinClient({ endpoint, community: 'eemsdelta' });
    client.countVisit('my-widget');
    client.countVisit('plein-something-else');
    closePage();
    expect(beacons.count()).to.equal(0);
  });

  it('resolves a relative endpoint against the page', async () => {
    const client = createPleinClient({ endpoint: '/api/graphql', community: 'eemsdelta' });
    client.countVisit('plein-topics');
    closePage();
    const [beacon] = await beacons.sent();
    expect(beacon!.url).to.equal(`${location.origin}/api/visits`);
  });

  it('does nothing, and never throws, in a browser without sendBeacon', async () => {
    Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: undefined });
    const client = createPleinClient({ endpoint, community: 'eemsdelta' });
    expect(() => {
      client.countVisit('plein-questions');
      closePage();
    }).not.to.throw();
  });
});
