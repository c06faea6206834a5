import { Task, TaskStatus } from '@lit/task';
import { type AnswerNode, type AnswerPage, type PleinClient, PleinError, type QuestionThread } from '@plein/client';
import type { ReactiveControllerHost } from 'lit';

export interface ThreadRequest {
  client: PleinClient | undefined;
  questionId: string;
}

/** The question without its first page of answers: the controller keeps the answers itself, so it can add to them. */
export type ThreadQuestion = Omit<QuestionThread, 'answers'>;

const ANSWERS_PER_PAGE = 20;

/**
 * The thread behind `<plein-question>`: the question with its first answers (a new question id aborts the request in
 * flight), "more" appends the next page, and an answer posted here is added without reloading the thread.
 */
export class ThreadController {
  question: ThreadQuestion | undefined;
  answers: AnswerNode[] = [];
  totalCount = 0;
  hasNextPage = false;
  private endCursor: string | null = null;

  private readonly thread: Task<[PleinClient | undefined, string], QuestionThread | undefined>;
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
        if (!client || !questionId) return undefined;
        return client.question(questionId, { signal, first: ANSWERS_PER_PAGE });
      },
      onComplete: (thread) => {
        if (!thread) return;
        const { answers, ...question } = thread;
        this.question = question;
        this.answers = answers.edges.map((edge) => edge.node);
        this.take(answers);
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
    this.host.requestUpdate();
    return added;
  }

  /** Runs whatever failed again: the whole thread, or the page of answers after it. */
  retry(): Promise<unknown> {
    return this.status === TaskStatus.ERROR ? this.thread.run() : this.loadMore();
  }

  /** Adds an answer posted from this page. False when it is already shown (a replay of the same submit). */
  add(answer: AnswerNode): boolean {
    if (this.answers.some((shown) => shown.id === answer.id)) return false;
    this.answers = [...this.answers, answer];
    this.totalCount += 1;
    this.host.requestUpdate();
    return true;
  }

  private take(page: AnswerPage, knownTotal = 0): void {
    // The count only grows while the thread is open: an answer posted here is already counted.
    this.totalCount = Math.max(page.totalCount, knownTotal, this.answers.length);
    this.hasNextPage = page.pageInfo.hasNextPage;
    this.endCursor = page.pageInfo.endCursor;
  }
}
