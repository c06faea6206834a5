import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ReportDocument } from '@plein/schema';
import { newId } from '../src/services/secrets.ts';
import type { AuthorRole, Publication, QuestionStatus } from '../src/store/database-schema.ts';
import type { GraphQLBody } from './api-harness.ts';
import {
  type AccountsHarness,
  bearer,
  onEveryEngine,
  signedInAccount,
  startAccountsHarness,
} from './sign-in-helper.ts';

/**
 * `community.report` through the GraphQL API on hand-made data whose every figure was worked out by hand: what staff
 * see, in Dutch and English; what is suppressed and why; who may ask; the audit entry; bad periods; Dutch days. The
 * six-month comparison with independent SQL is report-figures.test.ts.
 *
 * The clock stands at 2026-11-01 12:00 UTC (the fixture's). The fixture community's own questions are in late
 * October; the hand-made ones are in August and September, and around midnight of 31 October.
 */

const REPORT = String(ReportDocument);
const HOUR = 60 * 60_000;
const MINUTE = 60_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
/** A figure as [this period, previous period]: the value, or '-' when suppressed. */
const pair = (figure: Json) => [show(figure.current), show(figure.previous)];
const show = (count: Json) => {
  const value = 'hours' in count ? count.hours : count.value;
  assert.equal(value === null, count.suppressed, 'a suppressed figure has no value, a shown one has');
  return count.suppressed ? '-' : value;
};
const later = (instant: string, milliseconds: number) => new Date(Date.parse(instant) + milliseconds).toISOString();

onEveryEngine('the municipal report', (engine, open) => {
  describe(`the municipal report on ${engine}`, () => {
    let api: AccountsHarness;
    let staff: string;
    let admin: string;
    let staffId: string;
    let counter = 0;

    const ids = async () => {
      const db = api.opened.connection.db;
      const topics = await db.selectFrom('topics').select(['id', 'slug']).execute();
      const municipalities = await db.selectFrom('municipalities').select(['id', 'slug']).execute();
      return {
        topic: (slug: string) => topics.find((row) => row.slug === slug)!.id,
        municipality: (slug: string) => municipalities.find((row) => row.slug === slug)!.id,
      };
    };

    /** Stores a question as it was asked at `at`; its id. */
    async function question(spec: {
      topicId: string;
      municipalityId: string | null;
      at: string;
      title?: string;
      status?: QuestionStatus;
      publication?: Publication;
      communityId?: string;
    }): Promise<string> {
      const id = newId();
      const number = ++counter;
      await api.opened.store.transaction((store) =>
        store.insertQuestion({
          id,
          community_id: spec.communityId ?? api.communityId,
          topic_id: spec.topicId,
          municipality_id: spec.municipalityId,
          title: spec.title ?? `Vraag nummer ${number} over werk en inkomen`,
          body: 'Een vraag voor het rapport, zonder iets persoonlijks erin.',
          status: spec.status ?? 'OPEN',
          author_display_name: 'Anoniem',
          author_role: 'CITIZEN',
          author_expert_id: null,
          owner_token_hash: `owner-${id}`,
          idempotency_key: `report-${id}`,
          accepted_answer_id: null,
          answer_count: 0,
          has_expert_answer: 0,
          helpful_count: 0,
          created_at: spec.at,
          last_activity_at: spec.at,
          publication: spec.publication ?? 'PUBLISHED',
          edited_at: null,
          device_hash: null,
          findings: '[]',
          moderation_reason: null,
          flag_count: 0,
          waiting_since: null,
        }),
      );
      return id;
    }

    async function answer(questionId: string, at: string, role: AuthorRole, publication: Publication = 'PUBLISHED') {
      const id = newId();
      await api.opened.store.insertAnswerRow({
        id,
        question_id: questionId,
        hand_off: '[]',
        body: 'Een antwoord voor het rapport.',
        author_display_name: role === 'EXPERT' ? 'Els Testadviseur' : 'Anoniem',
        author_role: role,
        author_expert_id: null,
        is_expert: role === 'EXPERT' ? 1 : 0,
        idempotency_key: `report-${id}`,
        helpful_count: 0,
        created_at: at,
        publication,
        owner_token_hash: null,
        source_url: null,
        reviewed_on: null,
        device_hash: null,
        findings: '[]',
        moderation_reason: null,
        flag_count: 0,
        waiting_since: null,
      });
    }

    async function visits(
      rows: { day: string; municipalityId: string; page: string; element: string; count: number }[],
    ) {
      await api.opened.connection.db
        .insertInto('visit_counts')
        .values(
          rows.map((row) => ({
            community_id: api.communityId,
            day: row.day,
            municipality_id: row.municipalityId,
            page: row.page,
            element: row.element,
            count: row.count,
          })),
        )
        .execute();
    }

    const report = (
      variables: { from: unknown; to: unknown; municipality?: string | null },
      token: string | null = staff,
      language = 'nl',
    ) =>
      api.graphql(
        REPORT,
        { community: 'testgemeente', ...variables },
        { ...(token ? bearer(token) : {}), 'accept-language': language },
      );
    const auditEntries = () => api.services.audit.entries(api.communityId);

    before(async () => {
      api = await startAccountsHarness(open);
      const staffAccount = await signedInAccount(api.services, {
        community: 'testgemeente',
        email: 'medewerker@testgemeente.nl',
        roles: ['STAFF'],
      });
      staff = staffAccount.token;
      staffId = staffAccount.id;
      admin = (
        await signedInAccount(api.services, {
          community: 'testgemeente',
          email: 'beheer@testgemeente.nl',
          roles: ['ADMIN'],
        })
      ).token;
      await seedSeptember();
    });
    after(async () => api?.close());

    /**
     * September 2026 (30 days; the previous period is 2 to 31 August). Times are UTC; in September the Netherlands
     * is 2 hours ahead. 16 published questions in September:
     *
     * | question | topic   | municipality | asked          | first answer  | first expert answer | status   |
     * | Q1       | ontslag | noord        | 10 Sep 08:00   | 1 h (expert)  | 1 h                 | ANSWERED |
     * | Q2       | ontslag | noord        | 10 Sep 09:00   | 3 h (expert)  | 3 h                 | RESOLVED |
     * | Q3       | ontslag | noord        | 10 Sep 10:00   | 5 h 12 min    | 50 h                | ANSWERED |
     * | Q4       | ontslag | noord        | 10 Sep 11:00   | 60 h (expert) | 60 h                | ANSWERED |
     * | Q5       | ontslag | noord        | 10 Sep 12:00   | 72 h (expert) | 72 h                | ANSWERED |
     * | Q6       | ontslag | noord        | 10 Sep 13:00   | 100 h         | 100 h               | ANSWERED |
     * | Q7       | ontslag | noord        | 11 Sep 08:00   | 30 min        | -                   | RESOLVED |
     * | Q8       | ontslag | noord        | 12 Sep 08:00   | (held only)   | -                   | OPEN     |
     * | Q9       | ww      | noord        | 10 Sep 14:00   | 10 h          | -                   | ANSWERED |
     * | Q10      | ww      | noord        | 13 Sep 08:00   | -             | -                   | OPEN     |
     * | Q11-Q14  | ww      | zuid         | 14-17 Sep      | -             | -                   | OPEN     |
     * | Q15      | bijstand| zuid         | 18 Sep         | -             | -                   | OPEN     |
     * | Q16      | bijstand| (none)       | 19 Sep         | -             | -                   | RESOLVED |
     *
     * Q4's title holds a phone number (a row from before the guard). Not counted: a held and a hidden question, a
     * question of another community, a held answer, visits outside the period.
     */
    async function seedSeptember() {
      const { topic, municipality } = await ids();
      const [ontslag, ww, bijstand] = [topic('ontslag'), topic('ww'), topic('bijstand-aanvragen')];
      const [noord, zuid] = [municipality('noord'), municipality('zuid')];
      const asked = (spec: Parameters<typeof question>[0], answers: [number, AuthorRole][] = []) =>
        question(spec).then(async (id) => {
          for (const [after, role] of answers) await answer(id, later(spec.at, after), role);
          return id;
        });

      await asked(
        { topicId: ontslag, municipalityId: noord, at: '2026-09-10T08:00:00.000Z', title: 'Ontslag tijdens ziekte' },
        [
          [1 * HOUR, 'EXPERT'],
          [2 * HOUR, 'CITIZEN'],
        ],
      );
      await asked(
        {
          topicId: ontslag,
          municipalityId: noord,
          at: '2026-09-10T09:00:00.000Z',
          title: 'Transitievergoeding berekenen',
          status: 'RESOLVED',
        },
        [[3 * HOUR, 'EXPERT']],
      );
      await asked(
        { topicId: ontslag, municipalityId: noord, at: '2026-09-10T10:00:00.000Z', title: 'Opzegtermijn bij ontslag' },
        [
          [5 * HOUR + 12 * MINUTE, 'CITIZEN'],
          [50 * HOUR, 'EXPERT'],
        ],
      );
      await asked(
        {
          topicId: ontslag,
          municipalityId: noord,
          at: '2026-09-10T11:00:00.000Z',
          title: 'Bel mij op 06-12345678 over mijn ontslag',
        },
        [[60 * HOUR, 'EXPERT']],
      );
      await asked(
        { topicId: ontslag, municipalityId: noord, at: '2026-09-10T12:00:00.000Z', title: 'Ontslag op staande voet' },
        [[72 * HOUR, 'EXPERT']],
      );
      await asked(
        { topicId: ontslag, municipalityId: noord, at: '2026-09-10T13:00:00.000Z', title: 'Proeftijd en ontslag' },
        [[100 * HOUR, 'EXPERT']],
      );
      await asked(
        {
          topicId: ontslag,
          municipalityId: noord,
          at: '2026-09-11T08:00:00.000Z',
          title: 'Getuigschrift na ontslag',
          status: 'RESOLVED',
        },
        [[30 * MINUTE, 'CITIZEN']],
      );
      const q8 = await asked({
        topicId: ontslag,
        municipalityId: noord,
        at: '2026-09-12T08:00:00.000Z',
        title: 'Ontslag en vakantiedagen',
      });
      await answer(q8, '2026-09-12T09:00:00.000Z', 'CITIZEN', 'HELD');
      await asked({ topicId: ww, municipalityId: noord, at: '2026-09-10T14:00:00.000Z' }, [[10 * HOUR, 'CITIZEN']]);
      await asked({ topicId: ww, municipalityId: noord, at: '2026-09-13T08:00:00.000Z' });
      for (const day of [14, 15, 16, 17])
        await asked({ topicId: ww, municipalityId: zuid, at: `2026-09-${day}T08:00:00.000Z` });
      await asked({ topicId: bijstand, municipalityId: zuid, at: '2026-09-18T08:00:00.000Z' });
      await asked({ topicId: bijstand, municipalityId: null, at: '2026-09-19T08:00:00.000Z', status: 'RESOLVED' });

      // Not counted: held and hidden questions (with a published answer), another community's question.
      const held = await asked({
        topicId: ontslag,
        municipalityId: noord,
        at: '2026-09-20T08:00:00.000Z',
        publication: 'HELD',
      });
      await answer(held, '2026-09-20T09:00:00.000Z', 'EXPERT');
      await asked({ topicId: ww, municipalityId: noord, at: '2026-08-20T08:00:00.000Z', publication: 'HIDDEN' });
      const other = await api.services.communities.create('andere', 'Andere community');
      const otherTopic = newId();
      await api.opened.store.insertTopic({
        id: otherTopic,
        community_id: other.id,
        slug: 'werk',
        name: 'Werk',
        position: 0,
      });
      await asked({ topicId: otherTopic, municipalityId: null, at: '2026-09-10T08:00:00.000Z', communityId: other.id });

      // August: six questions on the 20th, five in noord; one in zuid gets its only answer on 1 September.
      for (const hour of [10, 11, 12, 13, 14]) {
        await asked({ topicId: ontslag, municipalityId: noord, at: `2026-08-20T${hour}:00:00.000Z` });
      }
      await asked({ topicId: ontslag, municipalityId: zuid, at: '2026-08-20T15:00:00.000Z' }, [
        [12 * 24 * HOUR, 'CITIZEN'],
      ]);

      const pageA = 'https://www.testgemeente.nl/werk';
      const pageB = 'https://www.testgemeente.nl/inkomen';
      await visits([
        { day: '2026-09-05', municipalityId: noord, page: pageA, element: 'plein-questions', count: 30 },
        { day: '2026-09-30', municipalityId: noord, page: pageA, element: 'plein-questions', count: 10 },
        { day: '2026-09-06', municipalityId: noord, page: pageA, element: 'plein-ask', count: 12 },
        { day: '2026-09-01', municipalityId: '', page: pageB, element: 'plein-questions', count: 3 },
        { day: '2026-10-01', municipalityId: noord, page: pageA, element: 'plein-questions', count: 100 },
        { day: '2026-08-10', municipalityId: noord, page: pageA, element: 'plein-questions', count: 20 },
        { day: '2026-08-02', municipalityId: '', page: pageB, element: 'plein-questions', count: 7 },
        {
          day: '2026-08-31',
          municipalityId: '',
          page: 'https://www.testgemeente.nl/',
          element: 'plein-topics',
          count: 9,
        },
        { day: '2026-08-01', municipalityId: '', page: pageB, element: 'plein-questions', count: 100 },
      ]);
    }

    it('gives staff the hand-checked report for September, each figure against August', async () => {
      const { status, body } = await report({ from: '2026-09-01', to: '2026-09-30' });
      assert.equal(status, 200);
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      const result = body.data.community.report;
      assert.deepEqual(result.period, { from: '2026-09-01', to: '2026-09-30' });
      assert.deepEqual(result.previousPeriod, { from: '2026-08-02', to: '2026-08-31' });
      assert.equal(result.municipality, null);
      assert.equal(result.generatedAt, '2026-11-01T12:00:00.000Z');
      assert.equal(result.suppressionThreshold, 5);

      assert.deepEqual(pair(result.questions), [16, 6]);
      // 10 answers on September's questions and 1 on an August question; the held one does not count.
      assert.deepEqual(pair(result.answers), [11, '-']);
      assert.deepEqual(pair(result.expertAnsweredShare), [6 / 16, '-']);
      assert.deepEqual(pair(result.resolvedShare), ['-', '-'], 'three resolved: fewer than 5');
      // First answers: 0.5, 1, 3, 5.2, 10, 60, 72, 100 hours; the middle two average to 7.6.
      assert.deepEqual(pair(result.medianHoursToFirstAnswer), [7.6, '-']);
      // First expert answers: 1, 3, 50, 60, 72, 100 hours: (50 + 60) / 2 = 55.
      assert.deepEqual(pair(result.medianHoursToFirstExpertAnswer), [55, '-']);
      // Q4-Q6 (answered after 48 h), Q8 and Q10-Q16: 11, and 5 answered in time. In August all 6 waited longer.
      assert.deepEqual(pair(result.unansweredAfter48Hours), [11, '-']);
      assert.deepEqual(pair(result.visits), [55, 36]);

      // ww (6) is hidden too, so that 16 - 8 does not reveal bijstand's 2. In August all 6 were about ontslag, so
      // the topic rows would give the total away: all of them are hidden.
      const topics = result.questionsByTopic.map((row: Json) => [row.topic.slug, ...pair(row.questions), row.titles]);
      assert.deepEqual(topics, [
        [
          'ontslag',
          8,
          '-',
          [
            'Ontslag en vakantiedagen',
            'Getuigschrift na ontslag',
            'Proeftijd en ontslag',
            'Ontslag op staande voet',
            'Opzegtermijn bij ontslag',
            'Transitievergoeding berekenen',
            'Ontslag tijdens ziekte',
          ],
        ],
        ['ww', '-', '-', []],
        ['bijstand-aanvragen', '-', '-', []],
      ]);
      const municipalities = result.questionsByMunicipality.map((row: Json) => [
        row.municipality?.slug ?? null,
        ...pair(row.questions),
      ]);
      assert.deepEqual(municipalities, [
        ['noord', 10, '-'],
        ['zuid', '-', '-'],
        [null, '-', '-'],
      ]);

      assert.equal(result.bucketSize, 'DAY');
      assert.equal(result.questionsOverTime.length, 30);
      const buckets = result.questionsOverTime.map((bucket: Json) => [
        bucket.period.from,
        bucket.period.to,
        show(bucket.questions),
        show(bucket.previous),
      ]);
      assert.deepEqual(buckets[0], ['2026-09-01', '2026-09-01', '-', '-']);
      assert.deepEqual(buckets[9], ['2026-09-10', '2026-09-10', 7, '-']);
      assert.deepEqual(
        buckets.filter((bucket: Json[]) => bucket[2] !== '-' || bucket[3] !== '-'),
        [['2026-09-10', '2026-09-10', 7, '-']],
        'one day with 7 questions; the 20th of August alone would give the total away',
      );

      // The rows are ordered by this period's visits; the topics page of August is not among them.
      const pages = result.visitsByPage.map((row: Json) => [row.page, row.element, ...pair(row.visits)]);
      assert.deepEqual(pages, [
        ['https://www.testgemeente.nl/werk', 'plein-questions', 40, 20],
        ['https://www.testgemeente.nl/werk', 'plein-ask', '-', '-'],
        // Previous period: the 7 is hidden too, because a row hidden alone could be worked out from the total.
        ['https://www.testgemeente.nl/inkomen', 'plein-questions', '-', '-'],
      ]);
    });

    it('labels every figure in Dutch and in English, and never sends a suppressed value', async () => {
      const dutch = (await report({ from: '2026-09-01', to: '2026-09-30' })).body.data.community.report;
      const english = (await report({ from: '2026-09-01', to: '2026-09-30' }, staff, 'en')).body.data.community.report;
      const labels = (result: Json) => ({
        questions: [result.questions.current.label, result.questions.previous.label],
        answers: [result.answers.current.label, result.answers.previous.label],
        expert: [result.expertAnsweredShare.current.label, result.expertAnsweredShare.previous.label],
        firstAnswer: result.medianHoursToFirstAnswer.current.label,
        firstExpertAnswer: result.medianHoursToFirstExpertAnswer.current.label,
        hiddenMedian: result.medianHoursToFirstAnswer.previous.label,
      });
      assert.deepEqual(labels(dutch), {
        questions: ['16', '6'],
        answers: ['11', 'minder dan 5'],
        expert: ['38%', 'niet getoond (minder dan 5)'],
        firstAnswer: '7,6 uur',
        firstExpertAnswer: '2,3 dagen',
        hiddenMedian: 'niet getoond (minder dan 5)',
      });
      assert.deepEqual(labels(english), {
        questions: ['16', '6'],
        answers: ['11', 'fewer than 5'],
        expert: ['38%', 'not shown (fewer than 5)'],
        firstAnswer: '7.6 hours',
        firstExpertAnswer: '2.3 days',
        hiddenMedian: 'not shown (fewer than 5)',
      });
      assert.deepEqual(dutch.answers.previous, { value: null, suppressed: true, label: 'minder dan 5' });
      assert.deepEqual(dutch.medianHoursToFirstAnswer.previous, {
        hours: null,
        suppressed: true,
        label: 'niet getoond (minder dan 5)',
      });

      // Nothing below 5 anywhere in the response.
      const small: string[] = [];
      const walk = (node: Json, path: string) => {
        if (node === null || typeof node !== 'object') return;
        if ('suppressed' in node && 'value' in node && typeof node.value === 'number' && !path.includes('Share')) {
          if (node.value < 5) small.push(`${path}: ${node.value}`);
        }
        for (const [key, child] of Object.entries(node)) walk(child, `${path}.${key}`);
      };
      walk(dutch, 'report');
      assert.deepEqual(small, []);
    });

    it('labels times under an hour in minutes', async () => {
      // Ten questions on 10 June, each answered by an expert after 45 minutes.
      const { topic } = await ids();
      for (let index = 0; index < 10; index += 1) {
        const at = `2026-06-10T0${index}:00:00.000Z`;
        const id = await question({ topicId: topic('ww'), municipalityId: null, at });
        await answer(id, later(at, 45 * MINUTE), 'EXPERT');
      }
      const nl = (await report({ from: '2026-06-10', to: '2026-06-10' })).body.data.community.report;
      assert.deepEqual(nl.medianHoursToFirstExpertAnswer.current, {
        hours: 0.8,
        suppressed: false,
        label: '45 minuten',
      });
      const en = (await report({ from: '2026-06-10', to: '2026-06-10' }, staff, 'en')).body.data.community.report;
      assert.equal(en.medianHoursToFirstAnswer.current.label, '45 minutes');
      assert.deepEqual(pair(en.questions), [10, '-']);
      assert.deepEqual(pair(en.expertAnsweredShare), ['-', '-'], 'all 10 answered by an expert: the rest is 0');
    });

    it('counts in Dutch days: a question at 23:30 UTC on 31 October belongs to 1 November', async () => {
      const { topic } = await ids();
      for (let index = 0; index < 5; index += 1) {
        await question({ topicId: topic('ww'), municipalityId: null, at: `2026-10-31T23:3${index}:00.000Z` });
        await question({ topicId: topic('ww'), municipalityId: null, at: `2026-10-31T22:5${index}:00.000Z` });
      }
      const result = (await report({ from: '2026-11-01', to: '2026-11-01' })).body.data.community.report;
      assert.deepEqual(result.previousPeriod, { from: '2026-10-31', to: '2026-10-31' });
      assert.deepEqual(pair(result.questions), [5, 5]);
      assert.deepEqual(
        result.questionsOverTime.map((bucket: Json) => [bucket.period, show(bucket.questions), show(bucket.previous)]),
        [[{ from: '2026-11-01', to: '2026-11-01' }, 5, 5]],
      );
    });

    it('groups longer periods in weeks from the first day, and still longer ones in calendar months', async () => {
      const weeks = (await report({ from: '2026-09-01', to: '2026-10-31' })).body.data.community.report;
      assert.equal(weeks.bucketSize, 'WEEK');
      const periods = weeks.questionsOverTime.map((bucket: Json) => `${bucket.period.from}/${bucket.period.to}`);
      assert.equal(periods.length, 9);
      assert.equal(periods[0], '2026-09-01/2026-09-07');
      assert.equal(periods[8], '2026-10-27/2026-10-31', 'the last week is shorter');
      assert.deepEqual(weeks.previousPeriod, { from: '2026-07-02', to: '2026-08-31' });
      // 8 to 14 September holds Q1-Q11; 1 to 7 September none.
      assert.equal(show(weeks.questionsOverTime[1].questions), 11);
      assert.equal(show(weeks.questionsOverTime[0].questions), '-');

      const months = (await report({ from: '2026-01-15', to: '2026-12-31' })).body.data.community.report;
      assert.equal(months.bucketSize, 'MONTH');
      const monthPeriods = months.questionsOverTime.map((bucket: Json) => [bucket.period.from, bucket.period.to]);
      assert.equal(monthPeriods.length, 12);
      assert.deepEqual(monthPeriods[0], ['2026-01-15', '2026-01-31']);
      assert.deepEqual(monthPeriods[1], ['2026-02-01', '2026-02-28']);
      assert.deepEqual(monthPeriods[11], ['2026-12-01', '2026-12-31']);

      const longest = await report({ from: '2025-01-01', to: '2026-01-01' });
      assert.equal(longest.body.errors, undefined, '366 days is allowed');
    });

    it('reports on one municipality without revealing "the community minus this municipality"', async () => {
      const before = (await auditEntries()).length;
      const { body } = await report({ from: '2026-09-01', to: '2026-09-30', municipality: 'noord' });
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      const result = body.data.community.report;
      assert.deepEqual(result.municipality, { slug: 'noord', name: 'Noord' });
      // Noord asked 10 of 16: the other 6 are enough to show the total.
      assert.deepEqual(pair(result.questions), [10, '-']);
      // 10 of the 11 answers were on noord's questions: showing 10 would reveal the 1 elsewhere.
      assert.deepEqual(pair(result.answers), ['-', '-']);
      // Unanswered after 48 hours: Q4-Q6, Q8 and Q10 (5 of 10; the community has 11).
      assert.deepEqual(pair(result.unansweredAfter48Hours), [5, '-']);
      // Six of ten expert-answered leaves a rest of 4; every answered question of September is noord's.
      assert.deepEqual(pair(result.expertAnsweredShare), ['-', '-']);
      assert.deepEqual(pair(result.medianHoursToFirstAnswer), ['-', '-']);
      assert.deepEqual(pair(result.medianHoursToFirstExpertAnswer), ['-', '-']);
      // Every ontslag question is noord's (difference 0), and ww and bijstand are small.
      assert.deepEqual(
        result.questionsByTopic.map((row: Json) => [row.topic.slug, ...pair(row.questions), row.titles]),
        [
          ['ontslag', '-', '-', []],
          ['ww', '-', '-', []],
          ['bijstand-aanvragen', '-', '-', []],
        ],
      );
      assert.deepEqual(
        result.questionsByMunicipality.map((row: Json) => [row.municipality.slug, ...pair(row.questions)]),
        [['noord', 10, '-']],
      );
      assert.ok(result.questionsOverTime.every((bucket: Json) => bucket.questions.suppressed));
      // September's visits differ by 3 from the community's; in August noord's 20 are 16 fewer than the 36.
      assert.deepEqual(pair(result.visits), ['-', 20]);
      assert.deepEqual(
        result.visitsByPage.map((row: Json) => [row.element, ...pair(row.visits)]),
        [
          ['plein-questions', '-', '-'],
          ['plein-ask', '-', '-'],
        ],
      );

      const entries = await auditEntries();
      assert.equal(entries.length, before + 1);
      assert.deepEqual(entries.at(-1)!.detail, { from: '2026-09-01', to: '2026-09-30', municipality: 'noord' });
    });

    it('writes who asked for which report to the audit log, and nothing personal', async () => {
      const before = (await auditEntries()).length;
      await report({ from: '2026-09-01', to: '2026-09-30' });
      const entries = await auditEntries();
      assert.equal(entries.length, before + 1);
      const { id: _id, createdAt, ...entry } = entries.at(-1)!;
      assert.equal(createdAt, '2026-11-01T12:00:00.000Z');
      assert.deepEqual(entry, {
        communityId: api.communityId,
        actorUserId: staffId,
        action: 'report.viewed',
        subjectType: 'community',
        subjectId: api.communityId,
        detail: { from: '2026-09-01', to: '2026-09-30', municipality: null },
      });
    });

    it('gives the report to staff and admins of the community only', async () => {
      const expert = await signedInAccount(api.services, {
        community: 'testgemeente',
        email: 'expert@testgemeente.nl',
        roles: ['EXPERT'],
      });
      const moderator = await signedInAccount(api.services, {
        community: 'testgemeente',
        email: 'moderator@testgemeente.nl',
        roles: ['MODERATOR'],
      });
      const before = (await auditEntries()).length;
      const period = { from: '2026-09-01', to: '2026-09-30' };
      const code = (response: { body: GraphQLBody }) => response.body.errors?.[0]?.extensions?.code;
      const anonymous = await report(period, null);
      assert.equal(code(anonymous), 'UNAUTHENTICATED');
      assert.equal(anonymous.body.errors?.[0]?.message, 'U bent niet (meer) ingelogd. Log opnieuw in.');
      assert.equal(anonymous.body.data.community, null, 'no part of the report is sent');
      assert.equal(code(await report(period, expert.token)), 'FORBIDDEN');
      assert.equal(code(await report(period, moderator.token)), 'FORBIDDEN');
      // Without a session, a bad period is still a matter of signing in first.
      assert.equal(code(await report({ from: 'gisteren', to: '2026-09-30' }, null)), 'UNAUTHENTICATED');
      assert.equal((await auditEntries()).length, before, 'refusals are not reports');

      const byAdmin = await report(period, admin);
      assert.equal(byAdmin.body.errors, undefined);
      assert.equal(byAdmin.body.data.community.report.questions.current.value, 16);
    });

    it('refuses a bad period or an unknown municipality with a clear message, and writes nothing', async () => {
      const before = (await auditEntries()).length;
      const cases: [Record<string, unknown>, string, string][] = [
        [
          { from: '2026-02-30', to: '2026-03-31' },
          'Deze datum bestaat niet. Schrijf een datum als jaar-maand-dag, bijvoorbeeld 2026-10-01.',
          'This date does not exist. Write a date as year-month-day, for example 2026-10-01.',
        ],
        [
          { from: '2026-09-01', to: '30-09-2026' },
          'Deze datum bestaat niet. Schrijf een datum als jaar-maand-dag, bijvoorbeeld 2026-10-01.',
          'This date does not exist. Write a date as year-month-day, for example 2026-10-01.',
        ],
        [
          { from: 20260901, to: '2026-09-30' },
          'Deze datum bestaat niet. Schrijf een datum als jaar-maand-dag, bijvoorbeeld 2026-10-01.',
          'This date does not exist. Write a date as year-month-day, for example 2026-10-01.',
        ],
        [
          { from: '2026-09-30', to: '2026-09-01' },
          'De einddatum ligt voor de begindatum. Kies een einddatum op of na de begindatum.',
          'The end date is before the start date. Choose an end date on or after the start date.',
        ],
        [
          { from: '2025-01-01', to: '2026-01-02' },
          'Deze periode is te lang. Kies een periode van hoogstens 366 dagen.',
          'This period is too long. Choose a period of at most 366 days.',
        ],
        [
          { from: '2026-09-01', to: '2026-09-30', municipality: 'atlantis' },
          'Deze gemeente hoort niet bij deze community. Kies een gemeente uit de lijst.',
          'This municipality is not part of this community. Choose a municipality from the list.',
        ],
      ];
      for (const [variables, dutch, english] of cases) {
        for (const [language, message] of [
          ['nl', dutch],
          ['en', english],
        ] as const) {
          const { status, body } = await report(variables as { from: unknown; to: unknown }, staff, language);
          assert.equal(status, 200);
          assert.deepEqual(
            body.errors?.map((error) => [error.extensions?.code, error.message]),
            [['BAD_USER_INPUT', message]],
            JSON.stringify(variables),
          );
          assert.equal(body.data.community, null);
        }
      }
      assert.equal((await auditEntries()).length, before);
    });

    it('builds the same report for trusted callers without a viewer, and refuses a bad period there too', async () => {
      const built = await api.services.reports.build(
        api.communityId,
        { from: '2026-09-01', to: '2026-09-30' },
        null,
        'nl',
      );
      const viaApi = (await report({ from: '2026-09-01', to: '2026-09-30' })).body.data.community.report;
      assert.deepEqual(pair(built.questions), pair(viaApi.questions));
      assert.equal(built.questionsByTopic[0]!.topic.slug, 'ontslag');
      assert.deepEqual(built.questionsByTopic[0]!.titles, viaApi.questionsByTopic[0].titles);
      await assert.rejects(
        api.services.reports.build(api.communityId, { from: '2026-09-30', to: '2026-09-01' }, null, 'nl'),
        (error: Error & { code?: string; messageKey?: string }) =>
          error.code === 'BAD_USER_INPUT' && error.messageKey === 'REPORT_END_BEFORE_START',
      );
    });
  });
});
