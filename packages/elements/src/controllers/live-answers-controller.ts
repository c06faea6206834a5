import type { AnswerNode, LiveStatus, LiveSubscription, PleinClient } from '@plein/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface LiveAnswersTarget {
  client: PleinClient | undefined;
  questionId: string;
  /** False while the thread is loading, held, removed or failed: nothing to follow. */
  enabled: boolean;
  pollIntervalMs: number;
  /** What the page shows when following starts, so nothing already there is reported again. */
  knownAnswerIds: () => string[];
  knownTotal: () => number;
}

/**
 * Follows one open thread for new answers (a socket, else polling; see @plein/client's live.ts) while the element
 * is on the page, and stops everything when it leaves the page, another question is shown, or the thread goes away.
 */
export class LiveAnswersController implements ReactiveController {
  /** How the thread is followed right now; undefined when it is not. */
  status: LiveStatus | undefined;

  private subscription: LiveSubscription | undefined;
  private following: { client: PleinClient; questionId: string; pollIntervalMs: number } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => LiveAnswersTarget,
    private readonly onAnswer: (answer: AnswerNode) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Back on the page (moved in the DOM, or a framework re-attached it): follow again at the next update.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const { client, questionId, enabled, pollIntervalMs } = this.target();
    if (!enabled || !client || !questionId) {
      this.stop();
      return;
    }
    const same =
      this.following?.client === client &&
      this.following.questionId === questionId &&
      this.following.pollIntervalMs === pollIntervalMs;
    if (same) return;
    this.stop();
    this.following = { client, questionId, pollIntervalMs };
    const { knownAnswerIds, knownTotal } = this.target();
    const subscription = client.subscribeToAnswers(
      questionId,
      (answer) => {
        if (this.subscription === subscription) this.onAnswer(answer);
      },
      (status) => {
        if (this.subscription !== subscription) return;
        this.status = status;
        this.host.requestUpdate();
      },
      { pollIntervalMs, knownAnswerIds: knownAnswerIds(), knownTotal: knownTotal() },
    );
    this.subscription = subscription;
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    const subscription = this.subscription;
    this.subscription = undefined;
    this.following = undefined;
    this.status = undefined;
    subscription?.close();
  }
}
