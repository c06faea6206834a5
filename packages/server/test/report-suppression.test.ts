import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type ColumnCounts, SUPPRESSION_THRESHOLD, suppressColumn } from '../src/services/report-suppression.ts';

/**
 * The suppression rules of the municipal report (services/report-suppression.ts) on hand-made columns. The report
 * service and the six-month comparison (report-figures.test.ts) test them through the API; here each rule, and each
 * way a hidden count could be worked out, gets a column of its own.
 */

/** A column in which every figure is visible and the rows add up: 40 questions, 100 visits. */
function column(changes: Partial<ColumnCounts> = {}): ColumnCounts {
  return {
    questions: 40,
    answers: 50,
    visits: 100,
    expertAnswered: 20,
    resolved: 10,
    unansweredAfter48Hours: 10,
    firstAnswerBase: 30,
    firstExpertAnswerBase: 20,
    topics: [20, 20],
    municipalities: [20, 15, 5],
    buckets: [10, 10, 10, 10],
    visitRows: [60, 40],
    visitRowsCut: 0,
    ...changes,
  };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('report suppression', () => {
  it('shows a column in which every count is 5 or more', () => {
    const hidden = suppressColumn(column());
    assert.deepEqual(hidden, {
      questions: false,
      answers: false,
      visits: false,
      unansweredAfter48Hours: false,
      expertAnsweredShare: false,
      resolvedShare: false,
      medianHoursToFirstAnswer: false,
      medianHoursToFirstExpertAnswer: false,
      topics: [false, false],
      municipalities: [false, false, false],
      buckets: [false, false, false, false],
      visitRows: [false, false],
    });
  });

  it('hides every count below 5, zero included, and shows 5', () => {
    assert.equal(SUPPRESSION_THRESHOLD, 5);
    assert.equal(suppressColumn(column({ answers: 4 })).answers, true);
    assert.equal(suppressColumn(column({ answers: 0 })).answers, true);
    assert.equal(suppressColumn(column({ answers: 5 })).answers, false);
    assert.equal(suppressColumn(column({ visits: 3, visitRows: [3] })).visits, true);
    const none = suppressColumn(column({ questions: 0, topics: [0, 0], municipalities: [0, 0, 0], buckets: [0] }));
    assert.equal(none.questions, true);
    assert.deepEqual(none.topics, [true, true]);
  });

  describe('rows that add up to a visible total', () => {
    it('one small topic: the smallest visible topic is hidden too, so the total minus the rest is at least 5', () => {
      const hidden = suppressColumn(column({ topics: [30, 3, 7] }));
      assert.equal(hidden.questions, false);
      assert.deepEqual(hidden.topics, [false, true, true]);
    });

    it('two small topics summing to 8 (each must be 4): another topic is hidden', () => {
      const hidden = suppressColumn(column({ topics: [20, 12, 4, 4] }));
      assert.deepEqual(hidden.topics, [false, true, true, true]);
    });

    it('two small topics summing to 7: 3 + 4 or 4 + 3 cannot be told apart, so nothing more is hidden', () => {
      const hidden = suppressColumn(column({ topics: [20, 13, 3, 4] }));
      assert.deepEqual(hidden.topics, [false, false, true, true]);
    });

    it('hidden rows summing to less than 5: the smallest visible row is hidden, the last of equal ones', () => {
      assert.deepEqual(suppressColumn(column({ topics: [20, 16, 2, 2] })).topics, [false, true, true, true]);
      assert.deepEqual(suppressColumn(column({ topics: [10, 10, 10, 3, 7] })).topics, [
        false,
        false,
        false,
        true,
        true,
      ]);
      assert.deepEqual(suppressColumn(column({ topics: [10, 10, 10, 10] })).topics, [false, false, false, false]);
      assert.deepEqual(
        suppressColumn(column({ questions: 33, topics: [10, 10, 10, 3], municipalities: [33], buckets: [33] })).topics,
        [false, false, true, true],
      );
    });

    it('a topic without questions is hidden, and then so is another', () => {
      assert.deepEqual(suppressColumn(column({ topics: [20, 20, 0] })).topics, [false, true, true]);
    });

    it('hides the total when every row is 4: its rows would reveal it, and the shares go with it', () => {
      const hidden = suppressColumn(
        column({
          questions: 12,
          topics: [4, 4, 4],
          municipalities: [12],
          buckets: [12],
          resolved: 6,
          expertAnswered: 6,
        }),
      );
      assert.equal(hidden.questions, true);
      assert.deepEqual(hidden.topics, [true, true, true]);
      assert.equal(hidden.resolvedShare, true);
      assert.equal(hidden.expertAnsweredShare, true);
    });

    it('protects municipalities and time buckets in the same way, each group on its own', () => {
      const hidden = suppressColumn(column({ municipalities: [33, 5, 2], buckets: [10, 10, 18, 2] }));
      assert.deepEqual(hidden.municipalities, [false, true, true]);
      assert.deepEqual(hidden.buckets, [false, true, false, true], 'of two equal rows, the last');
      assert.deepEqual(hidden.topics, [false, false]);
    });

    it('counts visit rows left out by the 50-row cap as hidden, but not as small counts', () => {
      // 100 visits, 97 in the rows shown: the one row cut off would show its 3.
      assert.deepEqual(suppressColumn(column({ visitRows: [60, 37], visitRowsCut: 1 })).visitRows, [false, true]);
      assert.deepEqual(suppressColumn(column({ visits: 103, visitRows: [60, 37], visitRowsCut: 1 })).visitRows, [
        false,
        false,
      ]);
      // 8 over two cut rows: they may be 1 and 7, as the cap cuts the rows with the fewest visits, whatever their number.
      const twoCut = suppressColumn(column({ visits: 108, visitRows: [60, 40], visitRowsCut: 2 }));
      assert.deepEqual(twoCut.visitRows, [false, false]);
      const twoSmall = suppressColumn(column({ visits: 108, visitRows: [60, 40, 4, 4] }));
      assert.deepEqual(twoSmall.visitRows, [false, true, true, true]);
    });

    it('protects only the cells of the table: visits of pages that are not rows are no cell', () => {
      // In the previous period, 3 visits went to a page that only that period had; it is not a row of the table.
      const hidden = suppressColumn(column({ visits: 103, visitRows: [60, 40] }));
      assert.deepEqual([hidden.visits, ...hidden.visitRows], [false, false, false]);
    });

    it('hides a total below 5 with all its rows', () => {
      const hidden = suppressColumn(column({ questions: 4, topics: [4, 0], municipalities: [4, 0, 0], buckets: [4] }));
      assert.equal(hidden.questions, true);
      assert.deepEqual(hidden.topics, [true, true]);
    });
  });

  describe('parts of the questions total', () => {
    it('shows a share only when the part and the rest are both at least 5', () => {
      const share = (resolved: number) => suppressColumn(column({ resolved })).resolvedShare;
      assert.deepEqual([0, 4, 5, 35, 36, 40].map(share), [true, true, false, false, true, true]);
      const expert = (expertAnswered: number) => suppressColumn(column({ expertAnswered })).expertAnsweredShare;
      assert.deepEqual([4, 5, 35, 36].map(expert), [true, false, false, true]);
    });

    it('treats questions unanswered after 48 hours as a part: hidden when it or the rest is small', () => {
      const unanswered = (count: number) =>
        suppressColumn(column({ unansweredAfter48Hours: count })).unansweredAfter48Hours;
      assert.deepEqual([3, 5, 35, 37].map(unanswered), [true, false, false, true]);
    });

    it('hides shares when the whole is too small to have a part and a rest of 5', () => {
      const hidden = suppressColumn(
        column({ questions: 9, topics: [9, 0], municipalities: [9, 0, 0], buckets: [9], resolved: 5 }),
      );
      assert.equal(hidden.resolvedShare, true);
    });
  });

  it('shows a median only when it rests on at least 5 questions', () => {
    assert.equal(suppressColumn(column({ firstAnswerBase: 4 })).medianHoursToFirstAnswer, true);
    assert.equal(suppressColumn(column({ firstAnswerBase: 5 })).medianHoursToFirstAnswer, false);
    assert.equal(suppressColumn(column({ firstExpertAnswerBase: 0 })).medianHoursToFirstExpertAnswer, true);
    assert.equal(suppressColumn(column({ firstExpertAnswerBase: 5 })).medianHoursToFirstExpertAnswer, false);
  });

  describe('a report for one municipality', () => {
    it('hides a count when the whole community has fewer than 5 more', () => {
      const filtered = column();
      const hidden = suppressColumn(filtered, column({ answers: 54, visits: 105, topics: [24, 30] }));
      assert.equal(hidden.answers, true, 'the community has 4 answers more');
      assert.equal(hidden.visits, false, 'the community has 5 visits more');
      assert.deepEqual(hidden.topics, [true, false]);
    });

    it('hides the questions total, and with it the shares, when the rest of the community asked fewer than 5', () => {
      const hidden = suppressColumn(column(), column({ questions: 44, expertAnswered: 30, resolved: 20 }));
      assert.equal(hidden.questions, true);
      assert.equal(hidden.expertAnsweredShare, true);
      assert.equal(hidden.resolvedShare, true);
      assert.equal(hidden.unansweredAfter48Hours, true);
      const enough = suppressColumn(column(), column({ questions: 45, answers: 60, unansweredAfter48Hours: 15 }));
      assert.equal(enough.questions, false);
      assert.equal(enough.resolvedShare, false);
      assert.equal(enough.unansweredAfter48Hours, false);
    });

    it('hides a median when the community adds fewer than 5 questions to it', () => {
      const hidden = suppressColumn(column(), column({ firstAnswerBase: 34, firstExpertAnswerBase: 25 }));
      assert.equal(hidden.medianHoursToFirstAnswer, true);
      assert.equal(hidden.medianHoursToFirstExpertAnswer, false);
    });

    it('hides rows, buckets and visit rows whose complement is small, and the unanswered count', () => {
      const hidden = suppressColumn(
        column(),
        column({
          questions: 400,
          answers: 500,
          visits: 1000,
          unansweredAfter48Hours: 12,
          topics: [200, 22],
          municipalities: [400, 15, 5],
          buckets: [100, 13, 10, 177],
          visitRows: [900, 44],
        }),
      );
      // A row hidden alone would be the total minus the other row, so its neighbour goes too.
      assert.deepEqual(hidden.topics, [true, true]);
      assert.deepEqual(hidden.buckets, [false, true, true, false]);
      assert.deepEqual(hidden.visitRows, [true, true]);
      assert.equal(hidden.unansweredAfter48Hours, true);
      assert.equal(hidden.questions, false);
    });
  });

  it('never leaves a visible count below 5, nor a group whose hidden rows can be worked out', () => {
    const rows = fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(rows, rows, rows, fc.nat({ max: 4 }), (topics, municipalities, visitRows, cut) => {
        // The same total for both question groups: scale the municipality rows' last entry to make them add up.
        const questions = sum(topics);
        const rest = questions - sum(municipalities.slice(0, -1));
        const municipalityRows = rest >= 0 ? [...municipalities.slice(0, -1), rest] : [questions];
        // Cut rows are smaller than every row shown, as the cap keeps the rows with the most visits.
        const smallestShown = Math.min(...visitRows);
        const cutRows = Array.from({ length: cut }, (_, index) => Math.min(smallestShown, (index * 7) % 9));
        const counts = column({
          questions,
          topics,
          municipalities: municipalityRows,
          buckets: [questions],
          visits: sum(visitRows) + sum(cutRows),
          visitRows,
          visitRowsCut: cut,
        });
        const hidden = suppressColumn(counts);
        const groups = [
          { total: counts.questions, totalHidden: hidden.questions, rows: topics, rowsHidden: hidden.topics, cut: 0 },
          {
            total: counts.questions,
            totalHidden: hidden.questions,
            rows: municipalityRows,
            rowsHidden: hidden.municipalities,
            cut: 0,
          },
          {
            total: counts.visits,
            totalHidden: hidden.visits,
            rows: visitRows,
            rowsHidden: hidden.visitRows,
            cut,
          },
        ];
        for (const group of groups) {
          if (!group.totalHidden) assert.ok(group.total >= 5, 'a visible total is at least 5');
          group.rows.forEach((value, index) => {
            if (!group.rowsHidden[index]) assert.ok(value >= 5, `a visible row is at least 5: ${value}`);
          });
          if (group.totalHidden) continue;
          const hiddenRows = group.rows.filter((_, index) => group.rowsHidden[index]);
          if (hiddenRows.length + group.cut === 0) continue;
          const hiddenSum = group.total - sum(group.rows.filter((_, index) => !group.rowsHidden[index]));
          assert.ok(hiddenSum >= 5, `the hidden rows hold at least 5: ${hiddenSum}`);
          const eachFour =
            group.cut === 0 && hiddenRows.every((value) => value < 5) && hiddenSum === 4 * hiddenRows.length;
          assert.ok(!eachFour, 'the hidden rows are not each exactly 4');
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
