import { expect, fixture, html, waitUntil as waitAtMost } from '@open-wc/testing';
import type { ReportData } from '@plein/client';
import {
  formatReportDay,
  formatReportPeriod,
  reportCsv,
  reportFileName,
  reportJson,
  reportTables,
} from '@plein/schema';
import { sendKeys } from '@web/test-runner-commands';
import { graphql, HttpResponse } from 'msw';
import { resetSharedClients, sharedClient } from '../../context.ts';
import '../../define/plein-report.ts';
import { startMockServer, worker } from '../../mocks/browser-worker.ts';
import { MOCK_COMMUNITY, MOCK_ENDPOINT, mockOverview } from '../../mocks/fixtures.ts';
import { signInMockAdmin } from '../../mocks/moderation.ts';
import { MOCK_PASSWORD, signInMockAccount, signOutMockAccounts } from '../../mocks/professionals.ts';
import { mockReport, reportScenarios, resetMockReportSchedule } from '../../mocks/report.ts';
import type { PleinReport } from './report.ts';

// The community server is mocked with msw in these tests; e2e/ runs the real one.

const api = graphql.link(MOCK_ENDPOINT);

/**
 * Waits for a condition, not a time: the bound only says how long before the test fails. Generous, as the client
 * retries a failed call twice (about 1.5 s) and a busy machine renders the whole report slowly.
 */
const waitUntil = (condition: () => unknown, message: string, options: { timeout?: number } = {}) =>
  waitAtMost(condition, message, { timeout: 8000, ...options });
const shadow = (element: Element) => element.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = <T extends Element = HTMLElement>(element: Element, name: string) =>
  shadow(element).querySelector<T>(`[part~="${name}"]`);
const $ = <T extends Element = HTMLElement>(element: Element, selector: string) =>
  shadow(element).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(element: Element, selector: string) => [
  ...shadow(element).querySelectorAll<T>(selector),
];
const announcer = (element: Element) => text(part(element, 'announcer'));

/** Independently of the element: the month and quarter before today's, in Dutch time. */
function previousMonthAndQuarter(): { month: string; quarter: string } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  const previous = new Date(Date.UTC(year, month - 2, 1));
  const quarterIndex = year * 4 + Math.floor((month - 1) / 3) - 1;
  return {
    month: previous.toISOString().slice(0, 7),
    quarter: `${Math.floor(quarterIndex / 4)}-Q${(quarterIndex % 4) + 1}`,
  };
}

/** The days of a month (`2026-10`) or a quarter (`2026-Q3`), worked out here rather than by the element. */
function daysOf(value: string): { from: string; to: string } {
  const quarter = /^(\d{4})-Q(\d)$/.exec(value);
  const [year, first, months] = quarter
    ? [Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1, 3]
    : [Number(value.slice(0, 4)), Number(value.slice(5, 7)), 1];
  const last = new Date(Date.UTC(year, first - 1 + months, 0)).toISOString().slice(0, 10);
  return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: last };
}

async function renderReport(
  template = html`<plein-report endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-report>`,
): Promise<PleinReport> {
  const rendered = await fixture<HTMLElement>(template);
  const element = (
    rendered.localName === 'plein-report' ? rendered : rendered.querySelector('plein-report')!
  ) as PleinReport;
  await waitUntil(
    () => $(element, '[part="figures"] [part="chart"], [part="sign-in-first"], [part="no-access"], [part="error"]'),
    'the report settles',
  );
  return element;
}

/** Every Report request's variables, as the mocked server saw them; the usual handler still answers. */
function recordReportRequests() {
  const sent: Record<string, unknown>[] = [];
  worker.use(
    api.query('Report', ({ variables }) => {
      sent.push({ from: variables.from, to: variables.to, municipality: variables.municipality ?? null });
      return undefined;
    }),
  );
  return sent;
}

/** Serves the mocked report and keeps what it served, so a test can compare with exactly what the element got. */
function keepServedReports() {
  const served: ReportData[] = [];
  worker.use(
    api.query('Report', ({ request, variables }) => {
      const locale = request.headers.get('accept-language') === 'en' ? 'en' : 'nl';
      const report = mockReport({
        from: String(variables.from),
        to: String(variables.to),
        municipality: (variables.municipality as string | null) ?? null,
        locale,
      });
      served.push(report);
      return HttpResponse.json({
        data: { community: { id: mockOverview.id, municipalities: mockOverview.municipalities, report } },
      });
    }),
  );
  return served;
}

/** Waits until the live region says the report it names is there. */
async function loaded(element: PleinReport, announcement: string) {
  await waitUntil(() => announcer(element) === announcement, announcement);
}

function choose(element: Element, selector: string, value: string): void {
  const select = $<HTMLSelectElement>(element, selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function type(element: Element, selector: string, value: string): void {
  const input = $<HTMLInputElement>(element, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function click(element: Element, selector: string): void {
  $<HTMLElement>(element, selector)!.click();
}

/**
 * Captures downloads: the Blob handed to `URL.createObjectURL` and the file name of the link that was clicked. The
 * link's click is caught, so the browser does not really save a file.
 */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  const createObjectURL = URL.createObjectURL.bind(URL);
  const revoked: string[] = [];
  const revokeObjectURL = URL.revokeObjectURL.bind(URL);
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = createObjectURL(object);
    blobs.set(url, object as Blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    revoked.push(url);
    revokeObjectURL(url);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: blobs.get(this.href)! });
  };
  return {
    files,
    revoked,
    restore() {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}

/** A file's text exactly as saved: with its byte-order mark (Blob.text() would drop it). */
async function bytesAsText(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
}

/** The rows of a rendered table as [item, this period, previous period]. */
function tableRows(element: Element, id: string): string[][] {
  return $$(element, `[part="table"][data-table="${id}"] tbody tr`).map((row) =>
    [...row.children].map((cell) => text(cell)),
  );
}

/** Presses Tab until focus is on an element matching `selector` in the report; returns what was passed on the way. */
async function tabTo(element: Element, selector: string, most = 60): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < most; i++) {
    await sendKeys({ press: 'Tab' });
    const active = shadow(element).activeElement as HTMLElement | null;
    if (active) passed.push(active.id || active.getAttribute('part') || active.localName);
    if (active?.matches(selector)) return passed;
  }
  throw new Error(`Tab never reached ${selector}; passed ${passed.join(', ')}`);
}

describe('<plein-report>', () => {
  before(() => startMockServer());
  beforeEach(() => signOutMockAccounts());
  afterEach(() => {
    worker.resetHandlers();
    resetSharedClients();
    resetMockReportSchedule();
    signOutMockAccounts();
  });

  describe('who sees what', () => {
    it('tells a visitor who is not signed in that only signed-in staff see the report, and shows no form', async () => {
      const element = await renderReport();
      expect(text(part(element, 'sign-in-first'))).to.equal(
        'Alleen medewerkers die zijn ingelogd, kunnen het rapport zien. Log eerst in.',
      );
      expect($(element, 'form')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('tells a signed-in viewer without the staff role that they have no access', async () => {
      signInMockAccount('expert');
      const element = await renderReport();
      expect(text(part(element, 'no-access'))).to.equal('U heeft geen toegang tot rapporten van deze community.');
      expect($(element, 'form')).to.equal(null);
    });

    it('says the same when the server refuses the session, and follows signing in and out', async () => {
      signInMockAccount('moderator');
      const element = await renderReport();
      expect(part(element, 'chart')).to.not.equal(null);

      await sharedClient(MOCK_ENDPOINT, MOCK_COMMUNITY, 'nl').signOut();
      await waitUntil(() => part(element, 'sign-in-first'), 'the report is gone after signing out');
      expect(part(element, 'figures')).to.equal(null);

      await sharedClient(MOCK_ENDPOINT, MOCK_COMMUNITY, 'nl').signIn('moderator@eemsdelta.example', MOCK_PASSWORD);
      await waitUntil(() => part(element, 'chart'), 'the report after signing in again');

      worker.use(...reportScenarios.unauthenticated);
      choose(element, '#period-month', $$<HTMLOptionElement>(element, '#period-month option')[1]!.value);
      await waitUntil(() => part(element, 'sign-in-first'), 'an ended session shows the sign-in message');
    });
  });

  describe('the figures', () => {
    it('shows the report of the previous month with every figure as the shared tables word it', async () => {
      signInMockAccount('moderator');
      const served = keepServedReports();
      // In front of the one above: it only looks.
      const requests = recordReportRequests();
      const element = await renderReport();
      const { month } = previousMonthAndQuarter();
      expect(requests).to.deep.equal([{ ...daysOf(month), municipality: null }]);
      const shown = served.at(-1)!;
      for (const table of reportTables(shown, 'nl').filter((candidate) => candidate.id !== 'titles')) {
        expect(tableRows(element, table.id), table.id).to.deep.equal(
          table.rows.map((row) => [row.item, row.current, row.previous]),
        );
        expect(
          $$(element, `[part="table"][data-table="${table.id}"] thead th`).map((cell) => text(cell)),
          table.id,
        ).to.deep.equal(table.columns);
      }
      const titles = reportTables(shown, 'nl').find((table) => table.id === 'titles')!;
      expect($$(element, '[part="titles"] li').map((item) => text(item))).to.deep.equal(
        titles.rows.map((row) => row.current),
      );
      expect(tableRows(element, 'topics')[1]).to.deep.equal([
        'Ontslag en vaststellingsovereenkomst',
        '17',
        'minder dan 5',
      ]);
      expect(tableRows(element, 'summary')[3]).to.deep.equal(['Opgelost', '30%', 'niet getoond (minder dan 5)']);
      const monthName = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${month}-01T00:00:00Z`),
      );
      expect(text(part(element, 'report-title'))).to.equal(`Rapport over ${monthName}`);
      expect(text(part(element, 'scope'))).to.match(/^Alle gemeenten\. Vergeleken met de periode ervoor: .+\.$/);
      await waitUntil(() => announcer(element) === `Rapport voor ${monthName} geladen`, 'the announcement');
      await expect(element).to.be.accessible();
    });

    it('gives each chart a figure with a one-sentence summary that names its image, and the table below it', async () => {
      signInMockAccount('moderator');
      const element = await renderReport();
      const figures = $$(element, '[part="chart"]');
      expect(figures.map((figure) => figure.dataset.table)).to.deep.equal([
        'topics',
        'municipalities',
        'over-time',
        'visits',
      ]);
      for (const figure of figures) {
        const caption = figure.querySelector('figcaption')!;
        const image = figure.querySelector('svg[role="img"]')!;
        expect(image.getAttribute('aria-labelledby'), figure.dataset.table).to.equal(caption.id);
        expect(text(caption), figure.dataset.table).to.match(/^[A-Z].+\.$/);
        const table = figure.querySelector(`table[data-table="${figure.dataset.table}"]`)!;
        expect(table.compareDocumentPosition(image) & Node.DOCUMENT_POSITION_PRECEDING).to.not.equal(0);
        const region = table.closest('[role="region"]')!;
        expect(region.getAttribute('tabindex'), figure.dataset.table).to.equal('0');
        expect(text(shadow(element).getElementById(region.getAttribute('aria-labelledby')!))).to.match(/, in cijfers$/);
      }
      const summary = (id: string) => text($(element, `[part="chart"][data-table="${id}"] figcaption`));
      expect(summary('topics')).to.equal(
        'De meeste vragen gingen over WW aanvragen, hoogte en duur: 42, 8 meer dan de vorige periode.',
      );
      expect(summary('municipalities')).to.equal(
        'De meeste vragen kwamen uit Delfzijl: 38, 18 meer dan de vorige periode.',
      );
      expect(summary('visits')).to.equal(
        'De meeste bezoeken waren op https://www.eemsdelta.nl/werk-en-inkomen (plein-questions): 612, 72 meer dan de vorige periode.',
      );
      // Example titles per topic, as lists named by their topic.
      const lists = $$(element, '[part="titles"]');
      expect(lists.map((list) => list.querySelectorAll('li').length)).to.deep.equal([3, 2, 1]);
      expect(text(shadow(element).getElementById(lists[0]!.getAttribute('aria-labelledby')!))).to.equal(
        'WW aanvragen, hoogte en duur',
      );
    });

    it('draws no bar and no point for a suppressed count: "minder dan 5" instead, and a gap in the line', async () => {
      signInMockAccount('moderator');
      const element = await renderReport();
      click(element, '#mode-custom');
      await element.updateComplete;
      type(element, '#custom-from', '2026-10-01');
      type(element, '#custom-to', '2026-10-10');
      click(element, '[part="show"]');
      await loaded(
        element,
        `Rapport voor ${formatReportPeriod({ from: '2026-10-01', to: '2026-10-10' }, 'nl')} geladen`,
      );

      const topics = $(element, '[part="chart"][data-table="topics"] svg')!;
      // Ontslag (row 1) has 17 now and a suppressed count before: one bar, and the words for the other.
      expect(topics.querySelectorAll('rect.bar[data-row="1"]').length).to.equal(1);
      expect(topics.querySelector('rect.bar[data-row="1"][data-series="previous"]')).to.equal(null);
      expect(text(topics.querySelector('text.suppressed[data-row="1"][data-series="previous"]'))).to.equal(
        'minder dan 5',
      );

      // Ten days of 6, 2, 9, 5, 12, 3, 8, 7, 1, 10 (the mock): days 2, 6 and 9 are below 5.
      const line = $(element, '[part="chart"][data-table="over-time"] svg')!;
      const drawn = [...line.querySelectorAll<SVGElement>('.point[data-series="current"]')].map((point) =>
        Number(point.dataset.index),
      );
      expect(drawn).to.deep.equal([0, 2, 3, 4, 6, 7, 9]);
      const path = line.querySelector('path.line.current')!.getAttribute('d')!;
      expect(path.match(/M/g)?.length, 'four separate runs of the line').to.equal(4);
      expect(text(part(element, 'gaps'))).to.equal(
        'Waar het minder dan 5 vragen waren, staat geen punt en is de lijn onderbroken. Dat is 3 keer in deze periode en 4 keer in de vorige periode.',
      );
      expect(text($(element, '[part="chart"][data-table="over-time"] figcaption'))).to.equal(
        `De drukste dag was ${formatReportDay('2026-10-05', 'nl')}, met 12 vragen.`,
      );
      expect(tableRows(element, 'over-time')[1]).to.deep.equal([
        formatReportDay('2026-10-02', 'nl'),
        'minder dan 5',
        '8',
      ]);
    });

    it('says so sensibly when topics tie, and when every count is below 5', async () => {
      signInMockAccount('moderator');
      worker.use(
        api.query('Report', ({ variables }) => {
          const report = mockReport({ from: String(variables.from), to: String(variables.to) });
          const tied = {
            ...report.questionsByTopic[0]!.questions,
            current: { value: 23, suppressed: false, label: '23' },
          };
          report.questionsByTopic[0] = { ...report.questionsByTopic[0]!, questions: tied };
          return HttpResponse.json({
            data: { community: { id: 'c1', municipalities: mockOverview.municipalities, report } },
          });
        }),
      );
      const element = await renderReport();
      expect(text($(element, '[part="chart"][data-table="topics"] figcaption'))).to.equal(
        'De meeste vragen gingen over WW aanvragen, hoogte en duur en Ziek in dienst, loondoorbetaling en re-integratie: elk 23.',
      );
      element.remove();
      worker.resetHandlers();
      worker.use(...reportScenarios.allSuppressed);
      resetSharedClients();
      const sparse = await renderReport();
      const summary = (id: string) => text($(sparse, `[part="chart"][data-table="${id}"] figcaption`));
      expect(summary('topics')).to.equal('Bij elk onderwerp waren het minder dan 5 vragen.');
      expect(summary('municipalities')).to.equal('Bij elke gemeente waren het minder dan 5 vragen.');
      expect(summary('over-time')).to.match(/^Per (dag|week|maand) waren het steeds minder dan 5 vragen\.$/);
      expect($$(sparse, '[part="chart"][data-table="topics"] svg[role="img"] rect.bar')).to.have.length(0);
      expect($$(sparse, '[part="chart"][data-table="over-time"] svg[role="img"] .point')).to.have.length(0);
      expect(text($(sparse, '[aria-labelledby="section-visits"] [part="empty"]'))).to.equal(
        'In deze periode zijn geen bezoeken geteld.',
      );
    });

    it('fits a 320px wide screen: charts drawn for that width with 16px text, tables scroll in their own box', async () => {
      signInMockAccount('moderator');
      const wrapper = await fixture<HTMLElement>(
        html`<div style="inline-size: 320px">
          <plein-report endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-report>
        </div>`,
      );
      const element = wrapper.querySelector('plein-report')!;
      await waitUntil(() => part(element, 'chart'), 'the charts');
      await waitUntil(
        () => $(element, 'svg.chart')?.getAttribute('viewBox')?.startsWith('0 0 320 '),
        'the charts are drawn for 320px',
      );
      expect(element.scrollWidth).to.be.at.most(320);
      for (const label of $$(element, 'svg.chart text')) {
        expect(Number.parseFloat(getComputedStyle(label).fontSize)).to.be.at.least(16);
      }
      const region = $(element, '[part="table-region"]')!;
      expect(getComputedStyle(region).overflowX).to.equal('auto');
      expect(region.getBoundingClientRect().width).to.be.at.most(320);
    });
  });

  describe('choosing the period and the municipality', () => {
    it('asks for the days of the month and the quarter chosen', async () => {
      signInMockAccount('moderator');
      const requests = recordReportRequests();
      const element = await renderReport();
      const months = $$<HTMLOptionElement>(element, '#period-month option');
      expect(months).to.have.length(24);
      expect(months[0]!.value).to.equal(previousMonthAndQuarter().month);

      choose(element, '#period-month', months[2]!.value);
      await waitUntil(() => requests.length === 2, 'the request for the month');
      expect(requests[1]).to.deep.equal({ ...daysOf(months[2]!.value), municipality: null });

      click(element, '#mode-quarter');
      await waitUntil(() => requests.length === 3, 'the request for the quarter');
      const quarters = $$<HTMLOptionElement>(element, '#period-quarter option');
      expect(quarters).to.have.length(8);
      expect(quarters[0]!.value).to.equal(previousMonthAndQuarter().quarter);
      expect(requests[2]).to.deep.equal({ ...daysOf(quarters[0]!.value), municipality: null });
      expect(text(quarters[0])).to.match(/^[1-4]e kwartaal \d{4} \([a-z]+ t\/m [a-z]+\)$/);

      choose(element, '#period-quarter', quarters[3]!.value);
      await waitUntil(() => requests.length === 4, 'the request for another quarter');
      expect(requests[3]).to.deep.equal({ ...daysOf(quarters[3]!.value), municipality: null });

      // Back to "Maand": the month chosen before, at once (the client still has it).
      click(element, '#mode-month');
      await waitUntil(() => announcer(element) === `Rapport voor ${text(months[2])} geladen`, 'the month again');
      expect($<HTMLSelectElement>(element, '#period-month')!.value).to.equal(months[2]!.value);
    });

    it('checks days of one’s own choosing before asking, and keeps what was typed when they are wrong', async () => {
      signInMockAccount('moderator');
      const requests = recordReportRequests();
      const element = await renderReport();
      click(element, '#mode-custom');
      await element.updateComplete;
      const from = $<HTMLInputElement>(element, '#custom-from')!;
      const to = $<HTMLInputElement>(element, '#custom-to')!;
      // It starts from the period on screen.
      expect({ from: from.value, to: to.value }).to.deep.equal(daysOf(previousMonthAndQuarter().month));
      expect(requests).to.have.length(1);

      const submit = async () => {
        click(element, '[part="show"]');
        await element.updateComplete;
      };
      const summary = () => $$(element, '#period-errors li').map((item) => text(item));

      type(element, '#custom-from', '2026-10-15');
      type(element, '#custom-to', '2026-10-01');
      await submit();
      expect(summary()).to.deep.equal(['De laatste dag mag niet vóór de eerste dag liggen.']);
      expect(shadow(element).activeElement?.id).to.equal('period-errors');
      expect([from.value, to.value]).to.deep.equal(['2026-10-15', '2026-10-01']);
      expect(to.getAttribute('aria-invalid')).to.equal('true');
      expect(to.getAttribute('aria-describedby')).to.contain('custom-to-error');

      type(element, '#custom-to', '2027-10-16');
      await submit();
      expect(summary()).to.deep.equal(['Kies een periode van hoogstens 366 dagen.']);
      expect([from.value, to.value]).to.deep.equal(['2026-10-15', '2027-10-16']);

      type(element, '#custom-from', '');
      type(element, '#custom-to', '');
      await submit();
      expect(summary()).to.deep.equal(['Vul de eerste dag in.', 'Vul de laatste dag in.']);
      // The summary's link puts focus on its field.
      click(element, '#period-errors li:nth-child(2) a');
      expect(shadow(element).activeElement?.id).to.equal('custom-to');
      expect(requests).to.have.length(1);
      await expect(element).to.be.accessible();

      type(element, '#custom-from', '2026-10-15');
      type(element, '#custom-to', '2027-10-14');
      await submit();
      expect(summary()).to.deep.equal([]);
      await waitUntil(() => requests.length === 2, 'the request for the days');
      expect(requests[1]).to.deep.equal({ from: '2026-10-15', to: '2027-10-14', municipality: null });
      await loaded(
        element,
        `Rapport voor ${formatReportPeriod({ from: '2026-10-15', to: '2027-10-14' }, 'nl')} geladen`,
      );
    });

    it('filters on the municipality chosen, by its slug, and says which one the report is about', async () => {
      signInMockAccount('moderator');
      const requests = recordReportRequests();
      const element = await renderReport();
      const options = $$<HTMLOptionElement>(element, '#municipality option').map((option) => [
        option.value,
        text(option),
      ]);
      expect(options).to.deep.equal([
        ['', 'Alle gemeenten'],
        ['delfzijl', 'Delfzijl'],
        ['loppersum', 'Loppersum'],
        ['appingedam', 'Appingedam'],
      ]);
      choose(element, '#municipality', 'delfzijl');
      await waitUntil(() => requests.length === 2 && text(part(element, 'scope')).startsWith('Delfzijl.'), 'Delfzijl');
      expect(requests[1]).to.deep.include({ municipality: 'delfzijl' });
      expect(tableRows(element, 'municipalities').map((row) => row[0])).to.deep.equal(['Delfzijl']);

      // The whole community again: the client still has that report, so it shows at once.
      choose(element, '#municipality', '');
      await waitUntil(() => text(part(element, 'scope')).startsWith('Alle gemeenten.'), 'the whole community again');
      expect(requests).to.have.length(2);
    });
  });

  describe('downloads', () => {
    it('downloads exactly the report on screen: the CSV and JSON of the shared export', async () => {
      signInMockAccount('moderator');
      const served = keepServedReports();
      const downloads = captureDownloads();
      try {
        const element = await renderReport();
        click(element, '[part="download-csv"]');
        click(element, '[part="download-json"]');
        const shown = served.at(-1)!;
        expect(downloads.files.map((file) => file.name)).to.deep.equal([
          reportFileName(shown, 'csv', 'nl'),
          reportFileName(shown, 'json', 'nl'),
        ]);
        const [csv, json] = downloads.files;
        expect(await bytesAsText(csv!.blob)).to.equal(reportCsv(shown, 'nl'));
        expect(csv!.blob.type).to.equal('text/csv;charset=utf-8');
        expect(await bytesAsText(json!.blob)).to.equal(reportJson(shown));
        expect(reportCsv(shown, 'nl')).to.contain('minder dan 5');

        // After a change of municipality the download is the new report on screen.
        choose(element, '#municipality', 'appingedam');
        await waitUntil(() => text(part(element, 'scope')).startsWith('Appingedam.'), 'the Appingedam report');
        click(element, '[part="download-csv"]');
        const appingedam = served.at(-1)!;
        expect(downloads.files[2]!.name).to.equal(reportFileName(appingedam, 'csv', 'nl'));
        expect(downloads.files[2]!.name).to.contain('-appingedam-');
        expect(await bytesAsText(downloads.files[2]!.blob)).to.equal(reportCsv(appingedam, 'nl'));
        await waitUntil(() => downloads.revoked.length === 3, 'the file addresses are freed');
      } finally {
        downloads.restore();
      }
    });
  });

  describe('loading and failures', () => {
    it('is busy while the report loads and says so politely, then says which report is there', async () => {
      signInMockAccount('moderator');
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      worker.use(
        api.query('Report', async () => {
          await held;
          return undefined;
        }),
      );
      const element = await fixture<PleinReport>(
        html`<plein-report endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-report>`,
      );
      await waitUntil(() => announcer(element) === 'Rapport wordt geladen', 'the loading announcement');
      expect(part(element, 'figures')!.getAttribute('aria-busy')).to.equal('true');
      expect(part(element, 'announcer')!.getAttribute('role')).to.equal('status');
      release();
      await waitUntil(() => part(element, 'figures')!.getAttribute('aria-busy') === 'false', 'loaded');
      expect(announcer(element)).to.match(/^Rapport voor [a-z]+ \d{4} geladen$/);
    });

    it('keeps the period chosen when loading fails, and "Opnieuw proberen" asks for it again', async () => {
      signInMockAccount('moderator');
      worker.use(...reportScenarios.serverError);
      const requests = recordReportRequests();
      const element = await renderReport();
      expect(text(part(element, 'error'))).to.contain('Uw keuze voor de periode staat er nog.');
      const month = $$<HTMLOptionElement>(element, '#period-month option')[3]!.value;
      choose(element, '#period-month', month);
      await waitUntil(
        () => part(element, 'error') && requests.at(-1)?.from === daysOf(month).from && part(element, 'retry'),
        'the second failure',
      );
      expect($<HTMLSelectElement>(element, '#period-month')!.value).to.equal(month);
      worker.resetHandlers();
      const retried = recordReportRequests();
      click(element, '[part="retry"]');
      await waitUntil(() => part(element, 'chart'), 'the report after trying again');
      expect(retried).to.deep.equal([{ ...daysOf(month), municipality: null }]);
    });
  });

  describe('the report e-mail', () => {
    it('shows staff who get the report, read-only', async () => {
      signInMockAccount('moderator');
      const element = await renderReport();
      await waitUntil(() => part(element, 'schedule-summary'), 'the schedule');
      expect(text(part(element, 'schedule-summary'))).to.equal(
        'Elke maand op de 1e gaat het rapport naar: Joost Mulder.',
      );
      expect(text(part(element, 'schedule'))).to.match(/Het volgende rapport gaat op 1 [a-z]+ \d{4}\./);
      expect(part(element, 'schedule-form')).to.equal(null);
    });

    it('lets an admin choose how often and to whom, and sends exactly that', async () => {
      signInMockAdmin();
      const inputs: unknown[] = [];
      worker.use(
        api.mutation('SetReportSchedule', ({ variables }) => {
          inputs.push(variables.input);
          return undefined;
        }),
      );
      const element = await renderReport();
      await waitUntil(() => part(element, 'schedule-form'), 'the schedule form');
      expect($<HTMLInputElement>(element, '#frequency-MONTHLY')!.checked).to.equal(true);
      expect(
        $$<HTMLInputElement>(element, '[name="recipientIds"]').map((box) => [box.value, box.checked]),
      ).to.deep.equal([
        ['u-anke', false],
        ['u-joost', true],
        ['u-fenna', false],
      ]);
      await expect(element).to.be.accessible();

      click(element, '#frequency-WEEKLY');
      click(element, '#recipient-2');
      click(element, '#recipient-0');
      click(element, '[part="schedule-submit"]');
      await waitUntil(() => text($(element, '.saved')) === 'Opgeslagen.', 'saved');
      expect(inputs).to.deep.equal([
        { community: 'eemsdelta', frequency: 'WEEKLY', recipientIds: ['u-anke', 'u-joost', 'u-fenna'] },
      ]);
      expect(text(part(element, 'schedule-summary'))).to.equal(
        'Elke maandag gaat het rapport naar: Anke Visser, Joost Mulder en Fenna Dijkstra.',
      );

      click(element, '#frequency-off');
      click(element, '[part="schedule-submit"]');
      await waitUntil(() => inputs.length === 2 && text(part(element, 'schedule-summary')) !== '', 'switched off');
      expect(inputs[1]).to.deep.equal({
        community: 'eemsdelta',
        frequency: null,
        recipientIds: ['u-anke', 'u-joost', 'u-fenna'],
      });
      await waitUntil(() => text(part(element, 'schedule-summary')) === 'Er gaat geen rapport per e-mail.', 'off');
    });

    it('keeps the admin’s choices when saving fails, and lists the server’s objections', async () => {
      signInMockAdmin();
      worker.use(...reportScenarios.scheduleNetworkError);
      const element = await renderReport();
      await waitUntil(() => part(element, 'schedule-form'), 'the schedule form');
      click(element, '#frequency-WEEKLY');
      click(element, '#recipient-1');
      click(element, '#recipient-2');
      click(element, '[part="schedule-submit"]');
      await waitUntil(() => $(element, '[part="schedule-form"] [role="alert"]'), 'the failure');
      expect(text($(element, '[part="schedule-form"] [role="alert"]'))).to.contain('Uw keuzes staan er nog.');
      expect($<HTMLInputElement>(element, '#frequency-WEEKLY')!.checked).to.equal(true);
      expect($$<HTMLInputElement>(element, '[name="recipientIds"]').map((box) => box.checked)).to.deep.equal([
        false,
        false,
        true,
      ]);
      // What the server has did not change.
      expect(text(part(element, 'schedule-summary'))).to.equal(
        'Elke maand op de 1e gaat het rapport naar: Joost Mulder.',
      );

      worker.resetHandlers();
      worker.use(...reportScenarios.scheduleRefused);
      click(element, '[part="schedule-submit"]');
      await waitUntil(() => $(element, '#schedule-errors'), 'the error summary');
      expect($$(element, '#schedule-errors li').map((item) => text(item))).to.deep.equal([
        'Fenna Dijkstra is geen medewerker meer.',
      ]);
      expect(shadow(element).activeElement?.id).to.equal('schedule-errors');
      expect($<HTMLInputElement>(element, '#recipient-2')!.checked).to.equal(true);
      expect(text($(element, '#recipients-error'))).to.equal('Fenna Dijkstra is geen medewerker meer.');
    });

    it('asks for at least one person before sending a schedule that mails nobody', async () => {
      signInMockAdmin();
      const inputs: unknown[] = [];
      worker.use(
        api.mutation('SetReportSchedule', ({ variables }) => {
          inputs.push(variables.input);
          return undefined;
        }),
      );
      const element = await renderReport();
      await waitUntil(() => part(element, 'schedule-form'), 'the schedule form');
      click(element, '#recipient-1');
      click(element, '[part="schedule-submit"]');
      await element.updateComplete;
      expect($$(element, '#schedule-errors li').map((item) => text(item))).to.deep.equal([
        'Kies minstens één persoon die het rapport krijgt.',
      ]);
      click(element, '#schedule-errors a');
      expect(shadow(element).activeElement?.id).to.equal('recipient-0');
      expect(inputs).to.deep.equal([]);
    });
  });

  it('speaks English on an English page, the downloads too', async () => {
    signInMockAccount('moderator');
    const served = keepServedReports();
    const downloads = captureDownloads();
    try {
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="en">
          <plein-report endpoint=${MOCK_ENDPOINT} community=${MOCK_COMMUNITY}></plein-report>
        </div>`,
      );
      const element = wrapper.querySelector('plein-report')!;
      await waitUntil(() => part(element, 'chart') && part(element, 'schedule-summary'), 'the report');
      expect(text(part(element, 'heading'))).to.equal('Report');
      expect($$(element, '[part="period"] label').map((label) => text(label))).to.deep.equal([
        'Month',
        'Quarter',
        'Choose days',
      ]);
      expect(text($(element, '[part="chart"][data-table="topics"] figcaption'))).to.equal(
        'Most questions were about WW aanvragen, hoogte en duur: 42, 8 more than the previous period.',
      );
      expect(tableRows(element, 'topics')[1]).to.deep.equal([
        'Ontslag en vaststellingsovereenkomst',
        '17',
        'fewer than 5',
      ]);
      expect(text(part(element, 'schedule-summary'))).to.equal(
        'On the 1st of every month the report goes to: Joost Mulder.',
      );
      expect(announcer(element)).to.match(/^Report for [A-Z][a-z]+ \d{4} loaded$/);
      click(element, '[part="download-csv"]');
      const shown = served.at(-1)!;
      expect(downloads.files[0]!.name).to.equal(reportFileName(shown, 'csv', 'en'));
      expect(await bytesAsText(downloads.files[0]!.blob)).to.equal(reportCsv(shown, 'en'));
    } finally {
      downloads.restore();
    }
  });

  it('works with the keyboard alone: Tab, arrow keys, Enter and Space', async () => {
    signInMockAdmin();
    const requests = recordReportRequests();
    const inputs: unknown[] = [];
    worker.use(
      api.mutation('SetReportSchedule', ({ variables }) => {
        inputs.push(variables.input);
        return undefined;
      }),
    );
    const downloads = captureDownloads();
    try {
      const element = await renderReport();
      await waitUntil(() => part(element, 'schedule-form'), 'the schedule form');
      (document.activeElement as HTMLElement | null)?.blur();

      await tabTo(element, '#mode-month');
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => requests.length === 2, 'the quarter, by arrow key');
      expect($<HTMLInputElement>(element, '#mode-quarter')!.checked).to.equal(true);
      expect(requests[1]).to.deep.include(daysOf(previousMonthAndQuarter().quarter));

      await tabTo(element, '#period-quarter');
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => requests.length === 3, 'the quarter before, by arrow key');
      expect(requests[2]).to.deep.include(daysOf($<HTMLSelectElement>(element, '#period-quarter')!.value));

      await tabTo(element, '#municipality');
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => requests.length === 4, 'the first municipality, by arrow key');
      expect(requests[3]).to.deep.include({ municipality: 'delfzijl' });
      await waitUntil(() => part(element, 'download-csv'), 'the report for Delfzijl');

      await tabTo(element, '[part="download-csv"]');
      await sendKeys({ press: 'Enter' });
      await tabTo(element, '[part="download-json"]');
      await sendKeys({ press: 'Space' });
      expect(downloads.files.map((file) => file.name.split('.').at(-1))).to.deep.equal(['csv', 'json']);

      // Every table's box is a tab stop, so it can be scrolled with the arrow keys.
      const passed = await tabTo(element, '#frequency-MONTHLY');
      // Five tables of figures and the table of private questions per topic.
      expect(passed.filter((stop) => stop === 'table-region')).to.have.length(6);
      await sendKeys({ press: 'ArrowUp' });
      expect($<HTMLInputElement>(element, '#frequency-WEEKLY')!.checked).to.equal(true);
      await tabTo(element, '#recipient-0');
      await sendKeys({ press: 'Space' });
      await tabTo(element, '[part="schedule-submit"]');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => inputs.length === 1, 'saved by keyboard');
      expect(inputs[0]).to.deep.equal({
        community: 'eemsdelta',
        frequency: 'WEEKLY',
        recipientIds: ['u-anke', 'u-joost'],
      });

      // Back up to the period: days of one's own choosing, shown with Enter on the button.
      await sendKeys({ press: 'Shift+Tab' });
      for (let i = 0; i < 80 && shadow(element).activeElement?.id !== 'mode-quarter'; i++) {
        await sendKeys({ press: 'Shift+Tab' });
      }
      await sendKeys({ press: 'ArrowRight' });
      expect($<HTMLInputElement>(element, '#mode-custom')!.checked).to.equal(true);
      await element.updateComplete;
      type(element, '#custom-from', '2026-09-01');
      type(element, '#custom-to', '2026-09-14');
      await tabTo(element, '[part="show"]');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => requests.length === 5, 'the days, by Enter');
      expect(requests[4]).to.deep.equal({ from: '2026-09-01', to: '2026-09-14', municipality: 'delfzijl' });
    } finally {
      downloads.restore();
    }
  });
});
