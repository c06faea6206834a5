/**
 * Which figures of a report may be shown. No count below 5 is ever sent, and none can be worked out from the figures
 * that are sent: not by subtracting visible rows from a total, and not by subtracting a municipality's report from
 * the whole community's. Pure functions over plain numbers, so every rule can be tested without a database; the
 * report service computes the numbers and applies the answer (docs/decisions/0016-insight-for-the-municipality.md).
 *
 * Each column (this period, the previous period) is decided on its own: a reader compares columns, but cannot derive
 * one column's hidden cell from the other's.
 */

/** Counts below this number are suppressed: shown as 'minder dan 5', never as a number (0 included). */
export const SUPPRESSION_THRESHOLD = 5;

/** The numbers of one column of a report, before anything is suppressed. */
export interface ColumnCounts {
  /** Published questions asked in the period: the whole of the shares, topics, municipalities and time buckets. */
  questions: number;
  answers: number;
  visits: number;
  /** Parts of `questions`. */
  expertAnswered: number;
  resolved: number;
  unansweredAfter48Hours: number;
  /** How many questions each median rests on: those with a first answer, those with a first expert answer. */
  firstAnswerBase: number;
  firstExpertAnswerBase: number;
  /** Rows that add up to `questions`, in the order they are shown. */
  topics: readonly number[];
  municipalities: readonly number[];
  buckets: readonly number[];
  /** The visit rows shown, in their order. `visits` also holds the visits of pages that are not shown. */
  visitRows: readonly number[];
  /**
   * How many rows the 50-row cap leaves out of the table (the same rows in both columns). They are hidden cells as
   * much as a suppressed row, but not known to be small counts.
   */
  visitRowsCut: number;
}

/** For every figure of a column: true when it must not be shown. */
export interface ColumnSuppression {
  questions: boolean;
  answers: boolean;
  visits: boolean;
  unansweredAfter48Hours: boolean;
  expertAnsweredShare: boolean;
  resolvedShare: boolean;
  medianHoursToFirstAnswer: boolean;
  medianHoursToFirstExpertAnswer: boolean;
  topics: boolean[];
  municipalities: boolean[];
  buckets: boolean[];
  visitRows: boolean[];
}

/** A count and whether it is hidden; shared between groups, so a total hidden in one group is hidden in all. */
interface Cell {
  readonly value: number;
  suppressed: boolean;
}

/** A total and the rows that add up to it, with the number of its rows that a cap keeps out of the table. */
interface Group {
  total: Cell;
  rows: Cell[];
  cut: number;
}

const isSmall = (value: number) => value < SUPPRESSION_THRESHOLD;

/** Rule 1: every count below the threshold, zero included, is hidden. */
const cell = (value: number): Cell => ({ value, suppressed: isSmall(value) });

/**
 * Decides a column. `unfiltered` is given for a report about one municipality: the same cells for the whole
 * community, aligned cell by cell with `counts` (the caller decides what each cell's counterpart is).
 */
export function suppressColumn(counts: ColumnCounts, unfiltered?: ColumnCounts): ColumnSuppression {
  const questions = cell(counts.questions);
  const answers = cell(counts.answers);
  const visits = cell(counts.visits);
  const unanswered = cell(counts.unansweredAfter48Hours);
  const topics = counts.topics.map(cell);
  const municipalities = counts.municipalities.map(cell);
  const buckets = counts.buckets.map(cell);
  const visitRows = counts.visitRows.map(cell);
  const groups: Group[] = [
    { total: questions, rows: topics, cut: 0 },
    { total: questions, rows: municipalities, cut: 0 },
    { total: questions, rows: buckets, cut: 0 },
    { total: visits, rows: visitRows, cut: counts.visitRowsCut },
  ];
  protectGroups(groups);

  if (unfiltered) {
    // Rule 5: "the whole community minus this municipality" must not be a small number either.
    hideWhenComplementIsSmall(questions, unfiltered.questions);
    hideWhenComplementIsSmall(answers, unfiltered.answers);
    hideWhenComplementIsSmall(visits, unfiltered.visits);
    hideWhenComplementIsSmall(unanswered, unfiltered.unansweredAfter48Hours);
    const rows: [Cell[], readonly number[]][] = [
      [topics, unfiltered.topics],
      [municipalities, unfiltered.municipalities],
      [buckets, unfiltered.buckets],
      [visitRows, unfiltered.visitRows],
    ];
    for (const [cells, counterparts] of rows) {
      cells.forEach((row, index) => hideWhenComplementIsSmall(row, counterparts[index] ?? row.value));
    }
    protectGroups(groups);
  }

  // Rules 3 and 4, once the total is final. In a municipality's report, a share or median whose whole differs by
  // fewer than 5 from the community's would let the two reports together reveal those few questions.
  const wholeComplementSmall = unfiltered !== undefined && isSmall(unfiltered.questions - counts.questions);
  const partHidden = (part: number) => partOfWholeHidden(part, questions) || wholeComplementSmall;
  const medianHidden = (base: number, unfilteredBase: number | undefined) =>
    isSmall(base) || (unfilteredBase !== undefined && isSmall(unfilteredBase - base));

  return {
    questions: questions.suppressed,
    answers: answers.suppressed,
    visits: visits.suppressed,
    unansweredAfter48Hours: unanswered.suppressed || partHidden(counts.unansweredAfter48Hours),
    expertAnsweredShare: partHidden(counts.expertAnswered),
    resolvedShare: partHidden(counts.resolved),
    medianHoursToFirstAnswer: medianHidden(counts.firstAnswerBase, unfiltered?.firstAnswerBase),
    medianHoursToFirstExpertAnswer: medianHidden(counts.firstExpertAnswerBase, unfiltered?.firstExpertAnswerBase),
    topics: topics.map((row) => row.suppressed),
    municipalities: municipalities.map((row) => row.suppressed),
    buckets: buckets.map((row) => row.suppressed),
    visitRows: visitRows.map((row) => row.suppressed),
  };
}

/** Rule 3: a part of a whole is hidden when the part or the rest is small, or when the whole itself is hidden. */
function partOfWholeHidden(part: number, whole: Cell): boolean {
  return whole.suppressed || isSmall(part) || isSmall(whole.value - part);
}

/** Rule 5 for one cell: hidden when the community's count minus this municipality's is small. */
function hideWhenComplementIsSmall(filtered: Cell, unfiltered: number): void {
  if (isSmall(unfiltered - filtered.value)) filtered.suppressed = true;
}

/**
 * Rule 2 over every group, in order, until none changes. Groups share their total, and a total hidden by one group
 * is hidden in the others, which then no longer need protecting.
 */
function protectGroups(groups: readonly Group[]): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) changed = protectGroup(group) || changed;
  }
}

/**
 * Rule 2 for one group with a visible total: the hidden cells together (total minus the visible rows) must hold at
 * least the threshold, must not be exactly 4 per hidden cell when every hidden cell is a small count (that would
 * reveal each of them), and must be more than one cell. Until that holds, the smallest visible row is hidden as well (the last of equal ones), and
 * when no visible row is left, the total. Returns whether anything was hidden.
 */
function protectGroup({ total, rows, cut }: Group): boolean {
  let changed = false;
  // A hidden total must stay hidden: rows that are all visible would add up to it.
  if (total.suppressed && cut === 0 && rows.length > 0 && rows.every((row) => !row.suppressed)) {
    smallestOf(rows)!.suppressed = true;
    return true;
  }
  while (!total.suppressed) {
    const hidden = rows.filter((row) => row.suppressed);
    const hiddenCells = hidden.length + cut;
    if (hiddenCells === 0) break;
    const visible = rows.filter((row) => !row.suppressed);
    const hiddenSum = total.value - visible.reduce((sum, row) => sum + row.value, 0);
    // Rows cut by the cap are not known to be small, so with any of them the hidden cells cannot be told apart.
    const revealsEachHiddenCell =
      cut === 0 && hidden.every((row) => isSmall(row.value)) && hiddenSum === (SUPPRESSION_THRESHOLD - 1) * hiddenCells;
    // One hidden row alone is the total minus the rest, whatever hid it (a municipality report's rule 5 can hide a
    // row of 5 or more whose difference with the community's count is small).
    const aloneAndExact = cut === 0 && hidden.length === 1;
    if (!isSmall(hiddenSum) && !revealsEachHiddenCell && !aloneAndExact) break;
    const smallest = smallestOf(visible);
    if (smallest) smallest.suppressed = true;
    else total.suppressed = true;
    changed = true;
  }
  return changed;
}

/** The smallest row; of equal ones the last. */
function smallestOf(rows: readonly Cell[]): Cell | undefined {
  return rows.reduce<Cell | undefined>(
    (found, row) => (found === undefined || row.value <= found.value ? row : found),
    undefined,
  );
}

/**
 * Rules 1 and 2 for a total and rows that add up to it, alone: the private questions per topic, which have no
 * municipality and share no total with the other groups.
 */
export function suppressTotalWithRows(total: number, rows: readonly number[]): { total: boolean; rows: boolean[] } {
  const group: Group = { total: cell(total), rows: rows.map(cell), cut: 0 };
  protectGroups([group]);
  return { total: group.total.suppressed, rows: group.rows.map((row) => row.suppressed) };
}
