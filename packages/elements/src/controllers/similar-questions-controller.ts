import type { PleinClient, SimilarQuestion } from '@plein/client';
import { redactPersonalData } from '@plein/pii';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A pause after the last key before asking the server: long enough not to ask for every word. */
export const SIMILAR_DELAY_MS = 500;
/** Fewer words rarely say what a question is about, and would match almost anything. */
export const SIMILAR_MIN_WORDS = 3;
const SIMILAR_MAX = 5;

export interface SimilarRequest {
  client: PleinClient | undefined;
  /** What the citizen typed so far: the title and the explanation together. */
  text: string;
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu)?.length ?? 0;
}

/**
 * Published questions that look like the one being typed, so the citizen may find the answer before asking. It asks
 * from three words on, a short pause after the last key, and stops the request in flight as soon as the text changes.
 * It is a help, not a step: a failure shows nothing and never stops the citizen from asking.
 * The text is sent with its personal data replaced by placeholders: it is not posted yet, and a search needs no BSN.
 */
export class SimilarQuestionsController implements ReactiveController {
  questions: readonly SimilarQuestion[] = [];

  private text = '';
  private client: PleinClient | undefined;
  private timer?: ReturnType<typeof setTimeout>;
  private inFlight?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly request: () => SimilarRequest,
  ) {
    host.addController(this);
  }

  /** Before each render: a changed text or community starts the pause again and drops a request in flight. */
  hostUpdate(): void {
    const { client, text } = this.request();
    const normalized = text.trim().replace(/\s+/g, ' ');
    if (normalized === this.text && client === this.client) return;
    this.text = normalized;
    this.client = client;
    this.stop();
    if (!client || wordCount(normalized) < SIMILAR_MIN_WORDS) {
      if (this.questions.length > 0) {
        this.questions = [];
        // Already inside an update: ask for the next one rather than change what is being rendered.
        queueMicrotask(() => this.host.requestUpdate());
      }
      return;
    }
    this.timer = setTimeout(() => void this.lookUp(client, normalized), SIMILAR_DELAY_MS);
  }

  hostDisconnected(): void {
    this.stop();
    // Connected again (moved in the page): look up again on the next update.
    this.text = '';
  }

  /** Forgets the list, as after posting. */
  clear(): void {
    this.stop();
    this.questions = [];
    this.text = '';
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  private async lookUp(client: PleinClient, text: string): Promise<void> {
    const controller = new AbortController();
    this.inFlight = controller;
    try {
      const found = await client.similarQuestions(redactPersonalData(text).text, {
        signal: controller.signal,
        first: SIMILAR_MAX,
      });
      if (controller.signal.aborted) return;
      this.questions = found.slice(0, SIMILAR_MAX);
    } catch {
      // Deliberately silent: the citizen can ask without this list, and a message about it would only distract.
      if (controller.signal.aborted) return;
      this.questions = [];
    } finally {
      if (this.inFlight === controller) this.inFlight = undefined;
    }
    this.host.requestUpdate();
  }
}
