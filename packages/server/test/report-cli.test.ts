import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type ReportData, ReportDocument, reportCsv } from '@plein/schema';
import { messages } from '../src/i18n/messages.ts';
import { runReportCommand } from '../src/report-cli.ts';
import { createServices } from '../src/services/services.ts';
import { freshSqliteDatabase, type TestDatabase } from './engines.ts';
import {
  type AccountsHarness,
  bearer,
  signedInAccount,
  startAccountsHarness,
  type TestAccount,
} from './sign-in-helper.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/plein.js', import.meta.url));

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('plein report', () => {
  let database: TestDatabase;
  let api: AccountsHarness;
  let staff: TestAccount & { token: string };
  let moderator: TestAccount;

  /** Runs `plein …` as an operator would, as a process on the harness's database. */
  async function pleinProcess(...args: string[]): Promise<Result> {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
        env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? null, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  }

  /**
   * Runs `plein report …` in this process, as cli.ts does it (services on the system clock), but without starting a
   * process for each case: starting one takes seconds. `pleinProcess` checks the wiring and the exit codes.
   */
  async function plein(command: string, ...args: string[]): Promise<Result> {
    assert.equal(command, 'report');
    let stdout = '';
    let stderr = '';
    const code = await runReportCommand(args, createServices(api.opened.store), {
      write: (text) => void (stdout += text),
      error: (line) => void (stderr += `${line}\n`),
    });
    return { code, stdout, stderr };
  }

  /** The report as staff get it through GraphQL (what `<plein-report>` shows and downloads). */
  async function graphqlReport(from: string, to: string): Promise<ReportData> {
    const { body } = await api.graphql(ReportDocument, { community: 'testgemeente', from, to }, bearer(staff.token));
    assert.equal(body.errors, undefined);
    return body.data.community.report as ReportData;
  }

  /** A refusal: exit code 1, a message on stderr and nothing on stdout, never a stack trace. */
  function refused(result: Result, message: RegExp): void {
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /\n\s+at |Error:/);
    assert.equal(result.stdout, '');
  }

  before(async () => {
    api = await startAccountsHarness(async () => (database = freshSqliteDatabase()));
    staff = await signedInAccount(api.services, {
      community: 'testgemeente',
      email: 'beleid@testgemeente.nl',
      displayName: 'Bea Beleid',
      roles: ['STAFF'],
    });
    moderator = await signedInAccount(api.services, {
      community: 'testgemeente',
      email: 'moderator@testgemeente.nl',
      roles: ['MODERATOR'],
    });
  });
  after(() => api?.close());

  describe('printing a report', () => {
    it('prints the CSV of a month, exactly as `reportCsv` makes it of the GraphQL report', async () => {
      const result = await pleinProcess('report', '--community', 'testgemeente', '--month', '2026-10');
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, reportCsv(await graphqlReport('2026-10-01', '2026-10-31'), 'nl'));
      assert.ok(result.stdout.startsWith('\uFEFFDeel;Onderdeel;'), 'Dutch CSV with a byte-order mark');
    });

    it('prints JSON with exactly the fields of the GraphQL report', async () => {
      const result = await plein('report', '--community', 'testgemeente', '--month', '2026-10', '--format', 'json');
      assert.equal(result.code, 0, result.stderr);
      const printed = JSON.parse(result.stdout) as ReportData;
      const fromGraphql = await graphqlReport('2026-10-01', '2026-10-31');
      assert.deepEqual({ ...printed, generatedAt: '' }, { ...fromGraphql, generatedAt: '' });
    });

    it('prints the e-mail’s HTML as a whole document, in Dutch or English', async () => {
      const dutch = await plein('report', '--community', 'testgemeente', '--month', '2026-10', '--format', 'html');
      assert.equal(dutch.code, 0, dutch.stderr);
      assert.match(dutch.stdout, /^<!doctype html>\n<html lang="nl">/);
      assert.match(dutch.stdout, /<title>Plein-rapport Testgemeente Werk: oktober 2026<\/title>/);
      assert.match(dutch.stdout, /<caption[^>]*>Vragen per onderwerp<\/caption>/);
      assert.match(dutch.stdout, /minder dan 5/);

      const english = await plein(
        'report',
        '--community',
        'testgemeente',
        '--quarter',
        '2026-Q4',
        '--format',
        'html',
        '--lang',
        'en',
      );
      assert.equal(english.code, 0, english.stderr);
      assert.match(english.stdout, /<html lang="en">/);
      assert.match(english.stdout, /<title>Plein report Testgemeente Werk: Q4 2026<\/title>/);
      assert.match(english.stdout, /<caption[^>]*>Questions per topic<\/caption>/);
    });

    it('takes a quarter or two days as the period', async () => {
      const quarter = await plein('report', '--community', 'testgemeente', '--quarter', '2026-Q4', '--format', 'json');
      assert.deepEqual((JSON.parse(quarter.stdout) as ReportData).period, { from: '2026-10-01', to: '2026-12-31' });
      const days = await plein(
        'report',
        '--community',
        'testgemeente',
        '--from',
        '2026-10-20',
        '--to',
        '2026-10-26',
        '--format',
        'json',
      );
      assert.deepEqual((JSON.parse(days.stdout) as ReportData).period, { from: '2026-10-20', to: '2026-10-26' });
    });

    it('says in Dutch what is wrong, with exit code 1', async () => {
      refused(
        await pleinProcess('report', '--community', 'testgemeente', '--month', 'oktober'),
        /^De maand "oktober" klopt niet\. Schrijf jaar-maand, bijvoorbeeld 2026-10\./,
      );
      refused(
        await plein('report', '--community', 'nergens', '--month', '2026-10'),
        /^De community nergens bestaat niet\./,
      );
      refused(
        await plein('report', '--community', 'testgemeente', '--month', '2026-13'),
        /^De maand "2026-13" klopt niet\. Schrijf jaar-maand, bijvoorbeeld 2026-10\./,
      );
      refused(
        await plein(
          'report',
          '--community',
          'testgemeente',
          '--month',
          '2026-10',
          '--from',
          '2026-10-01',
          '--to',
          '2026-10-31',
        ),
        /^Kies één periode: --month, --quarter, of --from met --to\./,
      );
      refused(await plein('report', '--community', 'testgemeente'), /^Kies één periode/);
      refused(
        await plein('report', '--community', 'testgemeente', '--from', '2026-10-01'),
        /^Geef --from en --to allebei op\./,
      );
      refused(
        await plein('report', '--community', 'testgemeente', '--from', '2026-02-30', '--to', '2026-03-31'),
        /^De dag "2026-02-30" klopt niet\./,
      );
      refused(
        await plein('report', '--community', 'testgemeente', '--month', '2026-10', '--format', 'pdf'),
        /^Kies --format csv, json of html \(niet "pdf"\)\./,
      );
      refused(
        await plein('report', '--community', 'testgemeente', '--month', '2026-10', '--lang', 'de'),
        /^Kies --lang nl of en/,
      );
      // The report's own checks: a period that runs backwards, a municipality of another community.
      refused(
        await plein('report', '--community', 'testgemeente', '--from', '2026-10-31', '--to', '2026-10-01'),
        new RegExp(`^${messages.nl.errors.REPORT_END_BEFORE_START}\\n$`),
      );
      refused(
        await plein('report', '--community', 'testgemeente', '--month', '2026-10', '--municipality', 'nergens'),
        new RegExp(`^${messages.nl.errors.REPORT_UNKNOWN_MUNICIPALITY}\\n$`),
      );
      refused(
        await plein('report', '--community', 'testgemeente', '--week', '44'),
        /^Deze opdracht klopt niet \(.*--week.*\)\.\n\nGebruik:/,
      );
    });
  });

  describe('the e-mail schedule', () => {
    it('shows, sets and changes it, with the addresses of staff accounts, and writes the audit log', async () => {
      const off = await plein('report', 'schedule', '--community', 'testgemeente');
      assert.equal(off.code, 0, off.stderr);
      assert.equal(off.stdout, 'Rapport per e-mail: uit\nOntvangers (0):\n');

      const set = await pleinProcess(
        'report',
        'schedule',
        '--community',
        'testgemeente',
        '--every',
        'month',
        '--to',
        'Beleid@Testgemeente.nl',
      );
      assert.equal(set.code, 0, set.stderr);
      assert.match(set.stdout, /^Het rapport van testgemeente is gewijzigd\.\nRapport per e-mail: elke maand/);
      assert.match(set.stdout, /\nVolgende e-mail: .+\n/);
      assert.match(set.stdout, /\nOntvangers \(1\):\n {2}Bea Beleid <beleid@testgemeente\.nl>\n$/);

      // Only the frequency changes: the recipients stay.
      const weekly = await plein('report', 'schedule', '--community', 'testgemeente', '--every', 'week');
      assert.equal(weekly.code, 0, weekly.stderr);
      assert.match(weekly.stdout, /elke week, op maandag, over de week ervoor/);
      assert.match(weekly.stdout, /Bea Beleid <beleid@testgemeente\.nl>/);

      const shown = await plein('report', 'schedule', '--community', 'testgemeente');
      assert.match(shown.stdout, /^Rapport per e-mail: elke week/);

      const entries = (await api.services.audit.entries(api.communityId)).filter(
        (entry) => entry.action === 'report.schedule-changed',
      );
      assert.deepEqual(
        entries.map((entry) => [entry.actorUserId, entry.detail]),
        [
          [null, { source: 'cli', frequency: 'MONTHLY', recipients: [staff.id] }],
          [null, { source: 'cli', frequency: 'WEEKLY', recipients: [staff.id] }],
        ],
      );
    });

    it('refuses an unknown address, an account without STAFF or ADMIN, and an unknown frequency', async () => {
      const before = await plein('report', 'schedule', '--community', 'testgemeente');
      refused(
        await plein('report', 'schedule', '--community', 'testgemeente', '--to', 'iemand@elders.nl'),
        /^De community testgemeente heeft geen account met het adres iemand@elders\.nl\./,
      );
      refused(
        await plein('report', 'schedule', '--community', 'testgemeente', '--to', moderator.email),
        /^--to: Dit account kan het rapport niet krijgen\./,
      );
      refused(
        await plein('report', 'schedule', '--community', 'testgemeente', '--every', 'year'),
        /^Kies --every week, month of off \(niet "year"\)\./,
      );
      refused(await plein('report', 'schedule', '--community', 'nergens'), /^De community nergens bestaat niet\./);
      assert.equal((await plein('report', 'schedule', '--community', 'testgemeente')).stdout, before.stdout);
    });

    it('switches the e-mail off and keeps who would get it', async () => {
      const off = await plein('report', 'schedule', '--community', 'testgemeente', '--every', 'off');
      assert.equal(off.code, 0, off.stderr);
      assert.equal(
        off.stdout,
        'Het rapport van testgemeente is gewijzigd.\nRapport per e-mail: uit\nOntvangers (1):\n  Bea Beleid <beleid@testgemeente.nl>\n',
      );
    });
  });
});
