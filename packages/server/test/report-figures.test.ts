import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AskQuestionDocument,
  type ReportData,
  ReportDocument,
  reportCsv,
  reportJson,
  reportWords,
} from '@plein/schema';
import { seedCommunity } from '../src/seed/seed.ts';
import { hashToken, newId, newOwnerToken } from '../src/services/secrets.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';
import {
  addHandMadeWeeks,
  type ExpectedReport,
  extraMunicipalities,
  extraTopics,
  generateCommunityLife,
  handMadeWeeks,
  type Measured,
  type Reckoning,
  reckonReport,
  SUPPRESSED_LABEL_NL,
  THRESHOLD,
} from './report-world.ts';
import {
  type AccountsHarness,
  bearer,
  onEveryEngine,
  signedInAccount,
  startAccountsHarness,
} from './sign-in-helper.ts';

/**
 * Issue 7, checked from the outside: on half a year of generated questions, answers and visits, every figure of
 * `community.report` (asked through GraphQL by a staff account) equals what raw SQL and the suppression rules in
 * report-world.ts say; no count below 5 shows anywhere (GraphQL, CSV, JSON) or can be worked out from a total; and
 * no personal data reaches a report, also not from old rows that predate the personal-data guard.
 */

interface ReportRequest {
  name: string;
  from: string;
  to: string;
  municipality?: string;
  /** Built by hand so that a rare rule decides; the total itself may be hidden. */
  handMade?: true;
}

function weekOf(index: number): { from: string; to: string } {
  const { from, to } = handMadeWeeks[index]!;
  return { from, to };
}

const requests: ReportRequest[] = [
  { name: 'May', from: '2026-05-01', to: '2026-05-31' },
  { name: 'June', from: '2026-06-01', to: '2026-06-30' },
  { name: 'July', from: '2026-07-01', to: '2026-07-31' },
  { name: 'August', from: '2026-08-01', to: '2026-08-31' },
  { name: 'September', from: '2026-09-01', to: '2026-09-30' },
  { name: 'October', from: '2026-10-01', to: '2026-10-31' },
  { name: 'the third quarter (by week)', from: '2026-07-01', to: '2026-09-30' },
  { name: '16 April to 31 October (by month)', from: '2026-04-16', to: '2026-10-31' },
  { name: '20 to 31 October, across the end of summer time', from: '2026-10-20', to: '2026-10-31' },
  { name: 'September for Noord only', from: '2026-09-01', to: '2026-09-30', municipality: 'noord' },
  { name: 'October for Oost only', from: '2026-10-01', to: '2026-10-31', municipality: 'oost' },
  { name: 'the last week, with the questions that held personal data', from: '2026-10-26', to: '2026-11-01' },
  {
    name: 'a hand-made week in March for Noord, where rule 2 hides a topic before rule 5',
    ...weekOf(0),
    municipality: 'noord',
    handMade: true,
  },
  { name: 'a hand-made week in March, most questions unanswered', ...weekOf(1), handMade: true },
  {
    name: 'a hand-made week in March for Noord, medians resting on Noord alone',
    ...weekOf(2),
    municipality: 'noord',
    handMade: true,
  },
  { name: 'a hand-made week in March, two cut pages with 4 visits each', ...weekOf(2), handMade: true },
  {
    name: 'a hand-made week in March for Noord, almost every question from Noord',
    ...weekOf(3),
    municipality: 'noord',
    handMade: true,
  },
];
const withPersonalData = requests.find((request) => request.name.includes('personal data'))!;

/** Completes eight digits to a BSN that passes the 11-proef. */
function elevenTestBsn(first8: string): string {
  const total = [...first8].reduce((sum, digit, i) => sum + (9 - i) * Number(digit), 0);
  for (let last = 0; last <= 9; last++) if ((total - last) % 11 === 0) return first8 + last;
  throw new Error(`no BSN starts with ${first8}`);
}
const bsn = elevenTestBsn('12345678');
const legacyBsn = elevenTestBsn('11122233');

/** Every personal value that goes into the community below; none may reach a report. */
const raw = {
  bsn: `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}`,
  legacyBsn,
  iban: 'NL91 ABNA 0417 1643 00',
  legacyIban: 'DE89 3704 0044 0532 0130 00',
  email: 'jan.devries@example.org',
  phone: '06-12345678',
  legacyPhone: '+31 6 2345 6789',
  birthDate: '12-03-1985',
  postcode: '9934 XK',
  street: 'Dijkstraat 14',
  name: 'Jan de Vries',
};

/** Each value as typed, without separators, and in lower case. */
const forbidden = [
  ...new Set(
    Object.values(raw).flatMap((value) => {
      const bare = value.replace(/[\s.\-()/+]/g, '');
      return [value, bare, value.toLowerCase(), bare.toLowerCase()];
    }),
  ),
];

/** Asked through the real pipeline, one minute apart, in the topic "ontslag": the guard replaces the values. */
const askedWithPersonalData = [
  {
    title: `Mijn BSN is ${raw.bsn}, mag mijn werkgever mij nu ontslaan?`,
    body: `Ik ben geboren op ${raw.birthDate} en woon op de ${raw.street}, ${raw.postcode} Delfzijl.`,
  },
  {
    title: `Bel mij op ${raw.phone} over mijn ontslag`,
    body: `Mijn IBAN is ${raw.iban}. Mail mij op ${raw.email} als u meer weet.`,
  },
  {
    title: `Mail ${raw.email} als u weet of mijn ontslag klopt`,
    body: `Mijn werkgever zegt dat het mag. Bel ${raw.phone} als u het weet.`,
  },
  {
    title: `Mijn IBAN is ${raw.iban}, krijg ik nog loon na ontslag?`,
    body: 'Mijn werkgever betaalt niet meer sinds mijn ontslag. Wat kan ik doen?',
  },
  {
    title: `Ik woon op de ${raw.street}, ${raw.postcode} Delfzijl. Ontslag op staande voet?`,
    body: 'Ik kreeg vandaag ontslag op staande voet. Mag dat zonder waarschuwing?',
  },
  {
    title: `Ik ben geboren op ${raw.birthDate}. Vind ik na mijn ontslag nog werk?`,
    body: 'Ik ben ontslagen en zoek nieuw werk. Waar kan ik hulp krijgen?',
  },
  {
    title: `Hallo, mijn naam is ${raw.name}. Mag mijn baas mij ontslaan?`,
    body: 'Mijn baas wil dat ik vertrek. Ik weet niet wat mijn rechten zijn.',
  },
];

/** Rows from before the guard: stored as typed, newer than anything else in "ontslag" but the asked questions. */
const legacyTitles = [
  { title: `Mijn BSN is ${raw.legacyBsn}, ik ben ziek en word ontslagen`, at: '2026-11-01T08:00:00.000Z' },
  { title: `Bel ${raw.legacyPhone} terug over mijn ontslagvergoeding`, at: '2026-11-01T09:00:00.000Z' },
  { title: `Mijn rekening ${raw.legacyIban} is geblokkeerd na mijn ontslag`, at: '2026-11-01T10:00:00.000Z' },
];

type Fetched = { report: ReportData; text: string; now: Date };

onEveryEngine('report figures', (engine, open) => {
  describe(`the municipal report on ${engine}`, () => {
    let api: AccountsHarness;
    let staffToken: string;
    const fetched = new Map<string, Promise<Fetched>>();
    const reckoned = new Map<string, Promise<Reckoning>>();

    before(async () => {
      api = await startAccountsHarness(open);
      const { store } = api.opened;
      const db = api.opened.connection.db;
      await store.transaction(async (trx) => {
        for (const [i, topic] of extraTopics.entries()) {
          await trx.insertTopic({ id: newId(), community_id: api.communityId, ...topic, position: 3 + i });
        }
        for (const [i, municipality] of extraMunicipalities.entries()) {
          await trx.insertMunicipality({
            id: newId(),
            community_id: api.communityId,
            ...municipality,
            position: 2 + i,
          });
        }
      });
      await generateCommunityLife(store, db, api.communityId, {
        seed: 20_260_501,
        origin: 'https://www.testgemeente.nl',
        edges: true,
      });
      await addHandMadeWeeks(store, db, api.communityId);
      // A neighbour whose questions and visits must never show in this community's report.
      await seedCommunity(store, { ...fixtureCommunity, slug: 'buurgemeente', name: 'Buurgemeente Werk' }, fixedClock);
      const neighbour = (await store.communityBySlug('buurgemeente'))!.id;
      await generateCommunityLife(store, db, neighbour, { seed: 7, scale: 0.3, origin: 'https://www.buurgemeente.nl' });

      for (const [i, question] of askedWithPersonalData.entries()) {
        const { body } = await api.graphql(AskQuestionDocument, {
          input: { community: 'testgemeente', topic: 'ontslag', ...question, idempotencyKey: `report-pii-${i}` },
        });
        assert.deepEqual(body.data?.askQuestion.errors, [], JSON.stringify(body));
        assert.equal(body.data.askQuestion.question.publication, 'PUBLISHED', question.title);
        api.advance(60_000);
      }
      const ontslag = (
        await db
          .selectFrom('topics')
          .select('id')
          .where('community_id', '=', api.communityId)
          .where('slug', '=', 'ontslag')
          .executeTakeFirstOrThrow()
      ).id;
      await store.transaction(async (trx) => {
        for (const legacy of legacyTitles) {
          await trx.insertQuestion({
            id: newId(),
            community_id: api.communityId,
            topic_id: ontslag,
            municipality_id: null,
            title: legacy.title,
            body: 'Deze vraag is gesteld voordat Plein persoonsgegevens eruit haalde.',
            status: 'OPEN',
            author_display_name: 'Anoniem',
            author_role: 'CITIZEN',
            author_expert_id: null,
            owner_token_hash: hashToken(newOwnerToken()),
            idempotency_key: newId(),
            accepted_answer_id: null,
            answer_count: 0,
            has_expert_answer: 0,
            helpful_count: 0,
            created_at: legacy.at,
            last_activity_at: legacy.at,
            publication: 'PUBLISHED',
            edited_at: null,
            device_hash: null,
            findings: '[]',
            moderation_reason: null,
            flag_count: 0,
            waiting_since: null,
          });
        }
      });

      const staff = await signedInAccount(api.services, {
        community: 'testgemeente',
        email: 'rapporten@testgemeente.nl',
        roles: ['STAFF'],
      });
      staffToken = staff.token;
    });
    after(async () => {
      await api?.close();
    });

    /** The report as a staff member's browser gets it, once per request. */
    function reportFor(request: ReportRequest): Promise<Fetched> {
      let pending = fetched.get(request.name);
      if (!pending) {
        pending = (async () => {
          const now = api.now();
          const response = await api.app.inject({
            method: 'POST',
            url: '/graphql',
            headers: { 'content-type': 'application/json', host: 'localhost:4000', ...bearer(staffToken) },
            payload: JSON.stringify({
              query: String(ReportDocument),
              variables: {
                community: 'testgemeente',
                from: request.from,
                to: request.to,
                municipality: request.municipality ?? null,
              },
            }),
          });
          const body = response.json();
          assert.equal(response.statusCode, 200, response.body);
          assert.equal(body.errors, undefined, response.body);
          return { report: body.data.community.report as ReportData, text: response.body, now };
        })();
        fetched.set(request.name, pending);
      }
      return pending;
    }

    function reckoningFor(request: ReportRequest): Promise<Reckoning> {
      let pending = reckoned.get(request.name);
      if (!pending) {
        pending = reportFor(request).then(({ now }) =>
          reckonReport(
            api.opened.connection.db,
            api.communityId,
            { from: request.from, to: request.to },
            request.municipality ?? null,
            now,
          ),
        );
        reckoned.set(request.name, pending);
      }
      return pending;
    }

    for (const request of requests) {
      it(`${request.name}: every figure, row, bucket, title and page equals the independent computation`, async () => {
        const { report, now } = await reportFor(request);
        const { expected } = await reckoningFor(request);
        assert.deepEqual(differences(roundShares(expected), project(report)), []);
        assert.equal(report.generatedAt, now.toISOString(), 'the report is made at the service clock');
        // The generated world is big enough that the report says something: not everything is suppressed.
        if (!request.handMade) assert.equal(expected.questions.current.suppressed, false);
      });
    }

    it('makes suppression happen: small topics, municipalities, days and pages are hidden, also as secondary cells', async () => {
      const october = await reckoningFor(requests.find((request) => request.name === 'October')!);
      const hiddenTopics = october.expected.questionsByTopic.filter((row) => row.questions.current.suppressed);
      assert.ok(hiddenTopics.length > 0, 'a topic is suppressed in October');
      assert.ok(
        october.expected.questionsByMunicipality.some((row) => row.questions.current.suppressed),
        'a municipality is suppressed in October',
      );
      assert.ok(october.expected.questionsOverTime.some((bucket) => bucket.questions.suppressed));
      assert.equal(october.expected.visitsByPage.length, 50, 'more than 50 pages and elements, cut to 50');
      assert.ok(october.pagesCut > 0);
      let secondary = 0;
      for (const request of requests) {
        const { expected, current } = await reckoningFor(request);
        secondary += expected.questionsByTopic.filter(
          (row, i) => row.questions.current.suppressed && current.topics[i]! >= THRESHOLD,
        ).length;
        secondary += expected.questionsOverTime.filter(
          (bucket, i) => bucket.questions.suppressed && current.buckets[i]! >= THRESHOLD,
        ).length;
      }
      assert.ok(secondary > 0, 'some counts of 5 or more are hidden so that small ones cannot be worked out');

      // The hand-made weeks make the rarer rules decide (see report-world.ts).
      const [ruleTwoFirst, quiet, noordAlone, cutFours, almostAllNoord] = await Promise.all(
        requests.filter((request) => request.handMade).map(reckoningFor),
      );
      const topicRow = (reckoning: Reckoning, slug: string) =>
        reckoning.expected.questionsByTopic.find((row) => row.topic.slug === slug)!.questions.current;
      assert.deepEqual(ruleTwoFirst!.current.topics.slice(0, 2), [3, 6], 'Ontslag 3 and WW 6 for Noord');
      assert.equal(topicRow(ruleTwoFirst!, 'ww').suppressed, true, 'rule 2 hides WW (6) before rule 5 hides WIA');
      assert.equal(topicRow(ruleTwoFirst!, 'wia').suppressed, true, 'rule 5: the community has only one more');
      assert.equal(quiet!.current.unanswered, 6);
      assert.equal(quiet!.expected.unansweredAfter48Hours.current.suppressed, true, 'rule 3: only 3 were answered');
      assert.equal(quiet!.pagesCut, 2);
      assert.deepEqual(
        quiet!.expected.visitsByPage.filter((row) => row.visits.current.suppressed).map((row) => row.page),
        ['https://www.testgemeente.nl/maart50'],
        'rule 2 with the rows cut by the cap',
      );
      assert.equal(cutFours!.pagesCut, 2);
      assert.equal(
        cutFours!.expected.visitsByPage.filter((row) => row.visits.current.suppressed).length,
        0,
        'rows cut by the cap are not suppressed cells: 8 hidden visits in 2 rows reveal nothing',
      );
      assert.equal(noordAlone!.current.hoursToFirstAnswer.length, 6);
      assert.equal(noordAlone!.expected.medianHoursToFirstAnswer.current.suppressed, true, 'rule 5 for a median');
      assert.equal(noordAlone!.expected.expertAnsweredShare.current.suppressed, false);
      assert.equal(almostAllNoord!.expected.expertAnsweredShare.current.suppressed, true, 'rule 5 for a share');
      assert.equal(almostAllNoord!.expected.questions.current.suppressed, true, 'rule 5 for a count');
    });

    it('shows no count below 5 anywhere, and none can be worked out from a total (GraphQL, CSV, JSON)', async () => {
      const words = reportWords('nl');
      const countTables = new Set<string>([words.topics, words.municipalities, words.overTime, words.visits]);
      const countItems = new Set<string>([words.questions, words.answers, words.unanswered, words.visitCount]);
      for (const request of requests) {
        const { report } = await reportFor(request);
        const reckoning = await reckoningFor(request);
        const where = request.name;
        assertNothingSmall(report, reckoning, `${where} (GraphQL)`);

        const json = reportJson(report);
        assertNothingSmall(JSON.parse(json) as ReportData, reckoning, `${where} (JSON)`);
        for (const match of json.matchAll(/"value": (-?\d+)(?![\d.eE])/g)) {
          assert.ok(Number(match[1]) >= THRESHOLD, `${where} (JSON): a count of ${match[1]}`);
        }

        const lines = parseCsv(reportCsv(report, 'nl'));
        let cells = 0;
        for (const [section, item, current, previous] of lines.slice(2)) {
          const isCount = countTables.has(section!) || (section === words.summary && countItems.has(item!));
          if (!isCount) continue;
          for (const cell of [current, previous]) {
            cells++;
            assert.ok(
              cell === SUPPRESSED_LABEL_NL || (/^\d+$/.test(cell!) && Number(cell) >= THRESHOLD),
              `${where} (CSV): "${cell}" for ${section} / ${item}`,
            );
          }
        }
        assert.ok(cells >= 2 * (4 + report.questionsByTopic.length + report.questionsOverTime.length), where);
      }
    });

    it('shows no personal data: not from the guarded questions, and old unguarded titles are left out', async () => {
      const stored = await api.opened.connection.db
        .selectFrom('questions')
        .select('title')
        .where('community_id', '=', api.communityId)
        .execute();
      assert.ok(
        stored.some((row) => forbidden.some((value) => row.title.includes(value))),
        'the legacy rows do hold raw personal data',
      );

      const { report } = await reportFor(withPersonalData);
      const ontslag = report.questionsByTopic.find((row) => row.topic.slug === 'ontslag')!;
      assert.equal(ontslag.questions.current.suppressed, false);
      assert.equal(ontslag.titles.length, 10);
      for (const legacy of legacyTitles) assert.ok(!ontslag.titles.includes(legacy.title), legacy.title);
      // The asked questions are the newest, so they lead, with the guard's placeholders in place of the values.
      const newest = ontslag.titles.slice(0, askedWithPersonalData.length);
      assert.ok(
        newest.every((title) => title.includes('verwijderd]')),
        `the guarded titles are shown: ${JSON.stringify(ontslag.titles)}`,
      );

      for (const request of requests) {
        const { report: data, text } = await reportFor(request);
        for (const [output, content] of [
          ['GraphQL response', text],
          ['CSV', reportCsv(data, 'nl')],
          ['CSV (en)', reportCsv(data, 'en')],
          ['JSON', reportJson(data)],
        ] as const) {
          const found = forbidden.filter((value) => content.includes(value));
          assert.deepEqual(found, [], `${request.name}: the ${output} holds personal data`);
        }
      }
    });
  });
});

// What the API returned, in the shape of the expectation: shares rounded alike, duration labels left out.

const roundShare = (value: number | null) => (value === null ? null : Math.round(value * 1e9) / 1e9);

function roundShares(expected: ExpectedReport): unknown {
  const share = (s: { value: number | null; suppressed: boolean }) =>
    s.suppressed
      ? { value: null, suppressed: true }
      : { value: roundShare(s.value), suppressed: false, label: `${Math.round(s.value! * 100)}%` };
  return {
    ...expected,
    expertAnsweredShare: {
      current: share(expected.expertAnsweredShare.current),
      previous: share(expected.expertAnsweredShare.previous),
    },
    resolvedShare: { current: share(expected.resolvedShare.current), previous: share(expected.resolvedShare.previous) },
  };
}

function project(report: ReportData): unknown {
  type Count = { value?: number | null; suppressed: boolean; label: string };
  const count = (c: Count) => ({ value: c.value ?? null, suppressed: c.suppressed, label: c.label });
  const figure = (f: { current: Count; previous: Count }) => ({
    current: count(f.current),
    previous: count(f.previous),
  });
  const share = (s: { value?: number | null; suppressed: boolean; label: string }) =>
    s.suppressed
      ? { value: s.value ?? null, suppressed: true }
      : { value: roundShare(s.value ?? null), suppressed: false, label: s.label };
  const duration = (d: { hours?: number | null; suppressed: boolean }) => ({
    hours: d.hours ?? null,
    suppressed: d.suppressed,
  });
  return {
    period: { from: report.period.from, to: report.period.to },
    previousPeriod: { from: report.previousPeriod.from, to: report.previousPeriod.to },
    municipality: report.municipality ? { slug: report.municipality.slug, name: report.municipality.name } : null,
    suppressionThreshold: report.suppressionThreshold,
    questions: figure(report.questions),
    answers: figure(report.answers),
    expertAnsweredShare: {
      current: share(report.expertAnsweredShare.current),
      previous: share(report.expertAnsweredShare.previous),
    },
    resolvedShare: { current: share(report.resolvedShare.current), previous: share(report.resolvedShare.previous) },
    medianHoursToFirstAnswer: {
      current: duration(report.medianHoursToFirstAnswer.current),
      previous: duration(report.medianHoursToFirstAnswer.previous),
    },
    medianHoursToFirstExpertAnswer: {
      current: duration(report.medianHoursToFirstExpertAnswer.current),
      previous: duration(report.medianHoursToFirstExpertAnswer.previous),
    },
    unansweredAfter48Hours: figure(report.unansweredAfter48Hours),
    visits: figure(report.visits),
    questionsByTopic: report.questionsByTopic.map((row) => ({
      topic: { slug: row.topic.slug, name: row.topic.name },
      questions: figure(row.questions),
      titles: row.titles,
    })),
    questionsByMunicipality: report.questionsByMunicipality.map((row) => ({
      municipality: row.municipality ? { slug: row.municipality.slug, name: row.municipality.name } : null,
      questions: figure(row.questions),
    })),
    bucketSize: report.bucketSize,
    questionsOverTime: report.questionsOverTime.map((bucket) => ({
      period: { from: bucket.period.from, to: bucket.period.to },
      questions: count(bucket.questions),
      previous: count(bucket.previous),
    })),
    visitsByPage: report.visitsByPage.map((row) => ({
      page: row.page,
      element: row.element,
      visits: figure(row.visits),
    })),
  };
}

/** Every place where the two differ, as "path: expected …, got …", so a failure names the figure. */
function differences(expected: unknown, actual: unknown, path = 'report'): string[] {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const found =
      expected.length === actual.length ? [] : [`${path}: expected ${expected.length} rows, got ${actual.length}`];
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      found.push(...differences(expected[i], actual[i], `${path}[${rowName(expected[i] ?? actual[i], i)}]`));
    }
    return found;
  }
  if (isRecord(expected) && isRecord(actual)) {
    return [...new Set([...Object.keys(expected), ...Object.keys(actual)])].flatMap((key) =>
      differences(expected[key], actual[key], `${path}.${key}`),
    );
  }
  return Object.is(expected, actual)
    ? []
    : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function rowName(row: unknown, index: number): string {
  if (!isRecord(row)) return String(index);
  if (isRecord(row.topic)) return String(row.topic.slug);
  if ('municipality' in row) return isRecord(row.municipality) ? String(row.municipality.slug) : 'none';
  if (isRecord(row.period)) return `${row.period.from}..${row.period.to}`;
  if (typeof row.page === 'string') return `${row.page} ${String(row.element)}`;
  return String(index);
}

// "No count below 5 anywhere": the report itself, and the tables' raw counts for what it hides.

type ShownCount = { value?: number | null; suppressed: boolean };

function assertNothingSmall(report: ReportData, reckoning: Reckoning, where: string): void {
  let counts = 0;
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}[${i}]`));
    if (!isRecord(node)) return;
    if (/Share$/.test(path.split('.').at(-1) ?? '')) return;
    if ('value' in node && 'suppressed' in node && 'label' in node) {
      counts++;
      const ok =
        (node.value === null && node.suppressed === true && node.label === SUPPRESSED_LABEL_NL) ||
        (Number.isInteger(node.value) && (node.value as number) >= THRESHOLD && node.suppressed === false);
      assert.ok(ok, `${where}: ${path} is ${JSON.stringify(node)}`);
      return;
    }
    for (const [key, value] of Object.entries(node)) walk(value, `${path}.${key}`);
  };
  walk(report, 'report');
  assert.ok(counts > 20, `${where}: the walk found the counts`);

  for (const column of ['current', 'previous'] as const) {
    const measured: Measured = reckoning[column];
    const parts = [
      ['expertAnsweredShare', report.expertAnsweredShare[column], measured.expertAnswered],
      ['resolvedShare', report.resolvedShare[column], measured.resolved],
      ['unansweredAfter48Hours', report.unansweredAfter48Hours[column], measured.unanswered],
    ] as const;
    for (const [name, figure, part] of parts) {
      if (figure.suppressed) continue;
      assert.ok(part >= THRESHOLD && measured.questions - part >= THRESHOLD, `${where}: ${name} ${column} reveals`);
    }
    for (const [name, figure, base] of [
      ['medianHoursToFirstAnswer', report.medianHoursToFirstAnswer[column], measured.hoursToFirstAnswer],
      [
        'medianHoursToFirstExpertAnswer',
        report.medianHoursToFirstExpertAnswer[column],
        measured.hoursToFirstExpertAnswer,
      ],
    ] as const) {
      if (!figure.suppressed)
        assert.ok(base.length >= THRESHOLD, `${where}: ${name} ${column} rests on ${base.length}`);
    }

    const topicIndex = new Map(reckoning.expected.questionsByTopic.map((row, i) => [row.topic.slug, i]));
    const municipalityIndex = new Map(
      reckoning.expected.questionsByMunicipality.map((row, i) => [row.municipality?.slug ?? null, i]),
    );
    const bucketIndex = new Map(reckoning.expected.questionsOverTime.map((bucket, i) => [bucket.period.from, i]));
    const groups: { name: string; total: ShownCount; rows: { shown: ShownCount; raw: number }[]; cut: number }[] = [
      {
        name: 'topics',
        total: report.questions[column],
        rows: report.questionsByTopic.map((row) => ({
          shown: row.questions[column],
          raw: measured.topics[topicIndex.get(row.topic.slug)!]!,
        })),
        cut: 0,
      },
      {
        name: 'municipalities',
        total: report.questions[column],
        rows: report.questionsByMunicipality.map((row) => ({
          shown: row.questions[column],
          raw: measured.municipalities[municipalityIndex.get(row.municipality?.slug ?? null)!]!,
        })),
        cut: 0,
      },
      {
        name: 'questions over time',
        total: report.questions[column],
        rows: report.questionsOverTime.map((bucket) => ({
          shown: column === 'current' ? bucket.questions : bucket.previous,
          raw: measured.buckets[bucketIndex.get(bucket.period.from)!]!,
        })),
        cut: 0,
      },
      {
        name: 'pages',
        total: report.visits[column],
        rows: report.visitsByPage.map((row) => ({
          shown: row.visits[column],
          raw: measured.pages.get(`${row.page}\u0000${row.element}`) ?? 0,
        })),
        cut: reckoning.current.pages.size - report.visitsByPage.length,
      },
    ];
    for (const group of groups) {
      if (group.total.suppressed) {
        // A hidden total cannot be worked out by adding up rows that are all shown.
        if (group.cut === 0 && group.rows.length > 0) {
          assert.ok(
            group.rows.some((row) => row.shown.suppressed),
            `${where}: ${group.name} ${column} would add up to the hidden total`,
          );
        }
        continue;
      }
      const hidden = group.rows.filter((row) => row.shown.suppressed);
      const shownSum = group.rows.reduce((sum, row) => sum + (row.shown.suppressed ? 0 : row.shown.value!), 0);
      const hiddenSum = group.total.value! - shownSum;
      if (hidden.length + group.cut === 0) {
        if (group.name !== 'pages') assert.equal(hiddenSum, 0, `${where}: ${group.name} ${column} add up to the total`);
        continue;
      }
      const label = `${where}: ${group.name} ${column}, ${hidden.length} hidden rows hold ${hiddenSum}`;
      assert.ok(hiddenSum >= THRESHOLD, label);
      // One hidden row alone would be the total minus the shown rows.
      if (group.cut === 0) assert.notEqual(hidden.length, 1, label);
      if (group.cut === 0 && hidden.every((row) => row.raw < THRESHOLD)) {
        assert.notEqual(hiddenSum, 4 * hidden.length, label);
      }
    }
  }
}

/** The report's CSV as fields: `;` between fields, quotes around a field that holds `;`, `"` or a line break. */
function parseCsv(text: string): string[][] {
  assert.ok(text.startsWith('\uFEFF'), 'the CSV starts with a byte-order mark');
  const lines: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      fields.push(field);
      field = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      fields.push(field);
      lines.push(fields);
      fields = [];
      field = '';
      i++;
    } else field += char;
  }
  assert.equal(field + fields.join(''), '', 'the CSV ends with a line break');
  return lines;
}
