import { Task, TaskStatus } from '@lit/task';
import {
  type AnswerNode,
  type AnswerPage,
  type MyAnswer,
  type PleinClient,
  PleinError,
  type QuestionChangePayload,
  type QuestionThread,
} from '@plein/client';
import type { ReactiveControllerHost } from 'lit';

export interface ThreadRequest {
  client: PleinClient | undefined;
  questionId: string;
}

/** The question without its first page of answers: the controller keeps the answers itself, so it can add to them. */
export type ThreadQuestion = Omit<QuestionThread, 'answers'>;

/** The question as the asker's actions return it. */
export type ChangedQuestion = NonNullable<QuestionChangePayload['question']>;

const ANSWERS_PER_PAGE = 20;

/**
 * The order of a thread: the answer the asker chose first, then expert answers (role EXPERT: the server marks an answer
 * as an expert answer when a verified expert writes it, and keeps it there), then the others; oldest first within each
 * group. The server sends its pages in this order (except the chosen answer, which it leaves in place), so sorting what
 * is loaded keeps it, and puts an answer that arrives while the thread is open where a reload would show it. Staff and
 * moderators answer as peers: the server lists them among the others, so they are not ranked with the experts here.
 */
function threadOrder(acceptedId: string | undefined) {
  const rank = (answer: AnswerNode) =>
    answer.id === acceptedId || (acceptedId === undefined && answer.isAccepted)
      ? 0
      : answer.author.role === 'EXPERT'
        ? 1
        : 2;
  return (a: AnswerNode, b: AnswerNode) =>
    rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/**
 * The thread behind `<plein-question>`: the question with its first answers (a new question id aborts the request in
 * flight), "more" appends the next page, an answer posted here or arriving live is added without reloading the
 * thread, and the asker's changes are applied in place. Answers written on this device that wait for a moderator are
 * kept apart: only this device sees them, and they are not counted.
 */
export class ThreadController {
  question: ThreadQuestion | undefined;
  answers: AnswerNode[] = [];
  /** Answers written on this device that wait for a moderator. */
  heldAnswers: MyAnswer[] = [];
  /** Answers that arrived while the thread was open: marked "Nieuw". */
  readonly arrived = new Set<string>();
  totalCount = 0;
  hasNextPage = false;
  /** The asker deleted the question from this page. */
  removed = false;
  private endCursor: string | null = null;

  private readonly thread: Task<[PleinClient | undefined, string], [QuestionThread, MyAnswer[]] | undefined>;
  private readonly nextPage: Task<[], AnswerPage | undefined>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly request: () => ThreadRequest,
  ) {
    // The two tasks are the host's controllers; this class only keeps the answers between them.
    this.thread = new Task(host, {
      args: () => {
        const { client, questionId } = this.request();
        return [client, questionId] as [PleinClient | undefined, string];
      },
      task: async ([client, questionId], { signal }) => {
        this.nextPage.abort();
        this.question = undefined;
        this.answers = [];
        this.heldAnswers = [];
        this.arrived.clear();
        this.removed = false;
        if (!client || !questionId) return undefined;
        // The device's own held answers are a nicety: the thread shows without them when they cannot be loaded.
        const own = client.myAnswers(questionId, { signal }).catch(() => []);
        return Promise.all([client.question(questionId, { signal, first: ANSWERS_PER_PAGE }), own]);
      },
      onComplete: (result) => {
        if (!result) return;
        const [{ answers, ...question }, own] = result;
        this.question = question;
        this.answers = answers.edges.map((edge) => edge.node);
        this.heldAnswers = own.filter((answer) => answer.publication === 'HELD');
        this.take(answers);
        this.sort();
      },
    });
    this.nextPage = new Task(host, {
      autoRun: false,
      args: () => [],
      task: async (_args, { signal }) => {
        const { client, questionId } = this.request();
        if (!client || !questionId || !this.endCursor) return undefined;
        return client.moreAnswers(questionId, this.endCursor, { signal, first: ANSWERS_PER_PAGE });
      },
    });
  }

  get status(): TaskStatus {
    return this.thread.status;
  }

  /** Why the thread could not be shown, or why the next page could not be loaded. */
  get error(): unknown {
    return this.status === TaskStatus.ERROR ? this.thread.error : this.moreFailed ? this.nextPage.error : undefined;
  }

  get loadingMore(): boolean {
    return this.nextPage.status === TaskStatus.PENDING;
  }

  get moreFailed(): boolean {
    // A page stopped because another question was opened is no failure to show.
    const error = this.nextPage.error;
    return this.nextPage.status === TaskStatus.ERROR && !(error instanceof PleinError && error.kind === 'aborted');
  }

  /** Loads the next page of answers and resolves with the ones that were not shown yet. */
  async loadMore(): Promise<AnswerNode[]> {
    if (this.loadingMore) return [];
    const { questionId } = this.request();
    await this.nextPage.run();
    const page = this.nextPage.status === TaskStatus.COMPLETE ? this.nextPage.value : undefined;
    // Another question may have been opened meanwhile: its answers must not get this page.
    if (!page || this.request().questionId !== questionId || this.status !== TaskStatus.COMPLETE) return [];
    const known = new Set(this.answers.map((answer) => answer.id));
    const added = page.edges.map((edge) => edge.node).filter((node) => !known.has(node.id));
    this.answers = [...this.answers, ...added];
    this.take(page, this.totalCount);
    this.sort();
    this.host.requestUpdate();
    return added;
  }

  /** Runs whatever failed again: the whole thread, or the page of answers after it. */
  retry(): Promise<unknown> {
    return this.status === TaskStatus.ERROR ? this.thread.run() : this.loadMore();
  }

  /**
   * Adds an answer posted from this page. False when it is already shown (a replay of the same submit, or it came in
   * live first). An answer held for a moderator is shown to its writer only, and not counted.
   */
  add(answer: AnswerNode): boolean {
    if (this.shows(answer.id)) return false;
    if (answer.publication === 'HELD') {
      this.heldAnswers = [...this.heldAnswers, answer];
    } else {
      this.answers = [...this.answers, answer];
      this.totalCount += 1;
      this.sort();
    }
    this.host.requestUpdate();
    return true;
  }

  /**
   * Adds an answer that was published while the thread was open. True when it is news to the reader; false when it
   * was already shown, or is this device's own held answer that a moderator approved (it moves into the thread).
   */
  addArrived(answer: AnswerNode): boolean {
    if (answer.publication === 'HELD' || this.answers.some((shown) => shown.id === answer.id)) return false;
    // One of this device's held answers was approved: it moves into the thread.
    const wasHeld = this.heldAnswers.some((held) => held.id === answer.id);
    this.heldAnswers = this.heldAnswers.filter((held) => held.id !== answer.id);
    this.answers = [...this.answers, answer];
    this.totalCount += 1;
    if (!wasHeld) this.arrived.add(answer.id);
    this.sort();
    this.host.requestUpdate();
    return !wasHeld;
  }

  /** The question after an action of its asker: new text, topic, status or chosen answer. */
  apply(changed: ChangedQuestion): void {
    if (!this.question) return;
    this.question = { ...this.question, ...changed };
    const acceptedId = changed.acceptedAnswer?.id;
    this.answers = this.answers.map((answer) =>
      answer.isAccepted === (answer.id === acceptedId) ? answer : { ...answer, isAccepted: answer.id === acceptedId },
    );
    this.sort();
    this.host.requestUpdate();
  }

  setHelpfulCount(answerId: string, helpfulCount: number): void {
    this.answers = this.answers.map((answer) => (answer.id === answerId ? { ...answer, helpfulCount } : answer));
    this.host.requestUpdate();
  }

  markRemoved(): void {
    this.removed = true;
    this.host.requestUpdate();
  }

  private shows(answerId: string): boolean {
    return [...this.answers, ...this.heldAnswers].some((shown) => shown.id === answerId);
  }

  private sort(): void {
    this.answers = [...this.answers].sort(threadOrder(this.question?.acceptedAnswer?.id));
  }

  private take(page: AnswerPage, knownTotal = 0): void {
    // The count only grows while the thread is open: an answer posted here is already counted.
    this.totalCount = Math.max(page.totalCount, knownTotal, this.answers.length);
    this.hasNextPage = page.pageInfo.hasNextPage;
    this.endCursor = page.pageInfo.endCursor;
  }
}
