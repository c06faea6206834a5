import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addAccounts } from './api.ts';
import { collectPageProblems, launchChromium } from './browser.ts';
import { type RealServer, startRealServer } from './server.ts';

/** Today in the Netherlands, YYYY-MM-DD: the day the server counts a visit under. */
function dutchToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

describe('staff read the anonymized report (real server, built bundle, Chromium)', () => {
  let server: RealServer;
  let browser: Browser;
  let staffPage: Page;
  let problems: string[];
  const stamp = Date.now();
  const staff = {
    email: `rapport-${stamp}@gemeente-eemsdelta.example`,
    password: 'medewerker-wachtwoord-lang-genoeg',
    name: 'Team Werk en Inkomen',
  };

  before(async () => {
    server = await startRealServer();
    browser = await launchChromium();
    await addAccounts(server, [[staff, 'STAFF', staff.name]]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('counts each page load of the municipal site, without cookies or storage on the device', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageProblems = collectPageProblems(page);
    const beacons: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/visits')) beacons.push(request.method());
    });
    for (let load = 0; load < 5; load += 1) {
      const sent = page.waitForResponse((response) => response.url().endsWith('/visits'));
      await page.goto(`${server.url}/municipal-site/`);
      assert.equal((await sent).status(), 204);
    }
    // What a beacon holds is tested in packages/client/test/visits.test.ts; here: one per load, and (below) counted.
    assert.deepEqual(beacons, ['POST', 'POST', 'POST', 'POST', 'POST'], 'one beacon per page load, for all elements');
    assert.deepEqual(await context.cookies(), [], 'no cookies');
    const stored = await page.evaluate(() => [Object.keys(localStorage), Object.keys(sessionStorage)]);
    assert.deepEqual(stored, [[], []], 'reading stores nothing on the device');
    assert.deepEqual(pageProblems, []);
    await context.close();
  });

  it('lets staff sign in, pick another period, and download exactly what plein report prints', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    staffPage = await context.newPage();
    problems = collectPageProblems(staffPage);
    await staffPage.goto(`${server.url}/staff/`);

    const signIn = staffPage.locator('plein-sign-in');
    await signIn.getByLabel('E-mailadres').fill(staff.email);
    await signIn.getByLabel('Wachtwoord').fill(staff.password);
    await signIn.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await signIn.getByRole('heading', { name: `Ingelogd als ${staff.name}` }).waitFor();

    const report = staffPage.locator('plein-report');
    // The previous full month comes first.
    await report.locator('[part="report-title"]').filter({ hasText: 'Rapport over' }).waitFor();
    await report.locator('[part="download-csv"]').waitFor();

    // A quarter instead: the radio, then the quarter list.
    await report.getByRole('radio', { name: 'Kwartaal' }).check();
    const quarterList = report.locator('select[part="quarter"]');
    await quarterList.waitFor();
    const quarters = await quarterList
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    assert.ok(quarters.length >= 2, `quarters to choose from: ${quarters.join(', ')}`);
    const quarter = quarters[1]!;
    await quarterList.selectOption(quarter);
    const [year, q] = quarter.split('-Q').map(Number) as [number, number];
    await report
      .locator('[part="report-title"]')
      .filter({ hasText: `kwartaal ${year}` })
      .or(report.locator('[part="report-title"]').filter({ hasText: `${year}` }))
      .first()
      .waitFor();
    await report.locator('[part="figures"][aria-busy="false"]').waitFor();
    const firstMonth = String((q - 1) * 3 + 1).padStart(2, '0');

    const downloaded = staffPage.waitForEvent('download');
    await report.locator('[part="download-csv"]').click();
    const download = await downloaded;
    assert.match(download.suggestedFilename(), new RegExp(`^plein-rapport-${year}-${firstMonth}-01-.*\\.csv$`));
    const csv = await readFile((await download.path())!, 'utf8');

    const printed = await server.cli(['report', '--community', 'eemsdelta', '--quarter', quarter, '--format', 'csv']);
    assert.equal(printed.code, 0, printed.stderr);
    assert.equal(csv, printed.stdout, 'the download is byte for byte what `plein report` prints');
    assert.ok(csv.startsWith('\uFEFF'), 'a byte-order mark for Dutch spreadsheets');
    // No count below 5 in the file: every count cell is a number of at least 5, or the suppressed bucket.
    for (const line of csv.slice(1).trim().split('\r\n').slice(2)) {
      for (const field of line.split(';').slice(2)) {
        if (/^\d+$/.test(field)) assert.ok(Number(field) >= 5, `a small count in the CSV: ${line}`);
      }
    }
  });

  it('shows the visits of today, counted by the municipal page loads, for a day staff choose themselves', async () => {
    const report = staffPage.locator('plein-report');
    await report.getByRole('radio', { name: 'Zelf kiezen' }).check();
    const today = dutchToday();
    await report.getByLabel('Eerste dag').fill(today);
    await report.getByLabel('Laatste dag').fill(today);
    await report.getByRole('button', { name: 'Toon rapport' }).click();
    await report.locator('[part="figures"][aria-busy="false"]').waitFor();
    const visits = report.locator('table').first().locator('tr', { hasText: 'Bezoeken' });
    await visits.waitFor();
    const cells = await visits.locator('td').allTextContents();
    const current = Number(cells[0]?.trim());
    assert.ok(current >= 5, `today's visits are counted: ${cells.join(' | ')}`);
    assert.deepEqual(problems, []);
  });
});
