import { AnswerAddedDocument, type AnswerAddedSubscription } from '@plein/schema';

/**
 * Live answers for one open thread: a subscription over the graphql-ws protocol ("graphql-transport-ws", which
 * Mercurius speaks), and polling when the socket cannot connect or drops, while it keeps trying to reconnect.
 *
 * Hand-written rather than the `graphql-ws` package: that client is well kept but weighs 3.3 KB gzip (esbuild,
 * minified), for a protocol of which a thread needs one subscription on one socket: init, ack, subscribe, next,
 * ping/pong, complete. This file is about 1.3 KB gzip by the same measure, and also holds the polling fallback and
 * the de-duplication the package would leave to us. The client loads it with `import()` the first time a thread
 * goes live, so a page with only the list never downloads it.
 */

/** `connecting` until the first socket answers; `live` over the socket; `polling` without one; `closed` at the end. */
export type LiveStatus = 'connecting' | 'live' | 'polling' | 'closed';

export type LiveAnswer = AnswerAddedSubscription['answerAdded'];

/** What this file needs of a WebSocket, so tests can hand in a fake (`webSocketImpl`). */
export interface WebSocketLike {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

export interface LiveAnswersOptions {
  /** Time between two polls while the socket is down. Default 30 s. */
  pollIntervalMs?: number;
  /** Answers already on the page: never reported again. */
  knownAnswerIds?: Iterable<string>;
  /** The answer count already on the page: polling reports only what comes on top of it. */
  knownTotal?: number;
  /** The WebSocket class to use; `null` polls without trying a socket. Default: the browser's WebSocket. */
  webSocketImpl?: WebSocketConstructor | null;
  /** The wait before the first reconnect; it doubles after every failure, up to `maxReconnectDelayMs`. Default 2 s. */
  reconnectDelayMs?: number;
  /** Default 60 s. */
  maxReconnectDelayMs?: number;
  /** A socket that is not acknowledged within this time counts as failed. Default 10 s. */
  connectTimeoutMs?: number;
}

/** One poll of the thread: its answers (the first page) and how many there are in all. */
export interface AnswerSnapshot {
  answers: LiveAnswer[];
  totalCount: number;
  /** True when `answers` holds every answer of the thread. */
  complete: boolean;
}

export interface AnswerFeedSource extends LiveAnswersOptions {
  /** The subscription endpoint, ws:// or wss://. */
  url: string;
  poll(signal: AbortSignal): Promise<AnswerSnapshot>;
}

export interface LiveSubscription {
  /** Stops the socket, the polling and every timer. */
  close(): void;
}

const PROTOCOL = 'graphql-transport-ws';
const SUBSCRIPTION_ID = 'answers';

export function subscribeToAnswers(
  questionId: string,
  onAnswer: (answer: LiveAnswer) => void,
  onStatusChange: (status: LiveStatus) => void,
  source: AnswerFeedSource,
): LiveSubscription {
  const feed = new AnswerFeed(questionId, onAnswer, onStatusChange, source);
  feed.connect();
  return { close: () => feed.close() };
}

class AnswerFeed {
  private status: LiveStatus | undefined;
  private socket: WebSocketLike | undefined;
  private readonly seen: Set<string>;
  private knownTotal: number;
  private failures = 0;
  private missedWhileDown = false;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;
  private pollInFlight: AbortController | undefined;
  private pollAgain = false;

  constructor(
    private readonly questionId: string,
    private readonly onAnswer: (answer: LiveAnswer) => void,
    private readonly onStatusChange: (status: LiveStatus) => void,
    private readonly source: AnswerFeedSource,
  ) {
    this.seen = new Set(source.knownAnswerIds ?? []);
    this.knownTotal = source.knownTotal ?? this.seen.size;
  }

  connect(): void {
    this.reconnectTimer = undefined;
    const Socket = this.source.webSocketImpl === undefined ? globalThis.WebSocket : this.source.webSocketImpl;
    if (!Socket) {
      this.fallBack();
      return;
    }
    if (this.status === undefined) this.setStatus('connecting');
    let socket: WebSocketLike;
    try {
      socket = new Socket(this.source.url, PROTOCOL);
    } catch {
      this.lost(undefined);
      return;
    }
    this.socket = socket;
    this.connectTimer = setTimeout(() => this.lost(socket), this.source.connectTimeoutMs ?? 10_000);
    socket.onopen = () => this.send(socket, { type: 'connection_init', payload: {} });
    socket.onmessage = (event) => this.receive(socket, event.data);
    // An error is always followed by close; close decides what happens next.
    socket.onerror = () => undefined;
    socket.onclose = () => this.lost(socket);
  }

  close(): void {
    if (this.status === 'closed') return;
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      this.send(socket, { id: SUBSCRIPTION_ID, type: 'complete' });
      this.detach(socket, 1000);
    }
    this.stopPolling();
    this.pollInFlight?.abort();
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.connectTimer);
    this.setStatus('closed');
  }

  private receive(socket: WebSocketLike, data: unknown): void {
    if (socket !== this.socket) return;
    let message: { type?: string; id?: string; payload?: { data?: Partial<AnswerAddedSubscription> } };
    try {
      message = JSON.parse(String(data)) as typeof message;
    } catch {
      return;
    }
    switch (message.type) {
      case 'connection_ack':
        clearTimeout(this.connectTimer);
        this.failures = 0;
        this.send(socket, {
          id: SUBSCRIPTION_ID,
          type: 'subscribe',
          payload: {
            query: String(AnswerAddedDocument),
            operationName: 'AnswerAdded',
            variables: { questionId: this.questionId },
          },
        });
        this.stopPolling();
        this.setStatus('live');
        // Answers posted while the socket was down came in no message: one poll fetches them.
        if (this.missedWhileDown) void this.poll();
        this.missedWhileDown = false;
        break;
      case 'ping':
        this.send(socket, { type: 'pong' });
        break;
      case 'next': {
        const answer = message.id === SUBSCRIPTION_ID ? message.payload?.data?.answerAdded : undefined;
        if (answer && !this.seen.has(answer.id)) {
          this.seen.add(answer.id);
          this.knownTotal += 1;
          this.onAnswer(answer);
        }
        break;
      }
      case 'error':
      case 'complete':
        // The server refused or ended the subscription: poll, and try a new socket later.
        if (message.id === SUBSCRIPTION_ID) this.lost(socket);
        break;
    }
  }

  /** The socket failed to open, timed out, or dropped: poll until a new one works. */
  private lost(socket: WebSocketLike | undefined): void {
    if (socket !== this.socket || this.status === 'closed') return;
    clearTimeout(this.connectTimer);
    if (socket) this.detach(socket, 1000);
    this.socket = undefined;
    this.missedWhileDown = true;
    this.fallBack();
    const base = this.source.reconnectDelayMs ?? 2_000;
    const delay = Math.min(base * 2 ** this.failures, this.source.maxReconnectDelayMs ?? 60_000);
    this.failures += 1;
    // Up to a quarter more, so many pages that lost the same server do not all come back at once.
    this.reconnectTimer = setTimeout(() => this.connect(), delay + Math.random() * delay * 0.25);
  }

  private fallBack(): void {
    if (this.status === 'polling') return;
    this.setStatus('polling');
    this.schedulePoll();
  }

  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(async () => {
      await this.poll();
      if (this.status === 'polling') this.schedulePoll();
    }, this.source.pollIntervalMs ?? 30_000);
  }

  private stopPolling(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  private async poll(): Promise<void> {
    // A poll asked for while one is on its way runs after it: the first may have started before the socket was back.
    if (this.pollInFlight) {
      this.pollAgain = true;
      return;
    }
    const controller = new AbortController();
    this.pollInFlight = controller;
    try {
      const snapshot = await this.source.poll(controller.signal);
      if (this.status !== 'closed') this.take(snapshot);
    } catch {
      // The next poll tries again; the thread on screen stays as it is.
    } finally {
      this.pollInFlight = undefined;
    }
    if (this.pollAgain && this.status !== 'closed') {
      this.pollAgain = false;
      await this.poll();
    }
  }

  /**
   * Reports what is new in a poll. Answers not on the page may also be older ones the reader has not loaded yet
   * ("meer antwoorden"): only as many as the count grew are new, and those are the most recent. A poll that does not
   * hold the whole thread cannot tell them apart, so it reports nothing and only moves the count on.
   */
  private take(snapshot: AnswerSnapshot): void {
    const unseen = snapshot.answers.filter((answer) => !this.seen.has(answer.id));
    const added = snapshot.totalCount - this.knownTotal;
    const fresh =
      snapshot.complete && added > 0
        ? [...unseen].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).slice(-added)
        : [];
    for (const answer of unseen) this.seen.add(answer.id);
    this.knownTotal = snapshot.totalCount;
    for (const answer of fresh) this.onAnswer(answer);
  }

  private send(socket: WebSocketLike, message: object): void {
    try {
      socket.send(JSON.stringify(message));
    } catch {
      // A socket that is closing cannot send; its close event follows.
    }
  }

  private detach(socket: WebSocketLike, code: number): void {
    socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
    try {
      socket.close(code);
    } catch {
      // Already closed.
    }
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.onStatusChange(status);
  }
}
