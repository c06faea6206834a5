import { html, nothing, type ReactiveController } from 'lit';
import type { PleinElement } from '../base/plein-element.ts';
import { PleinQuestionOpenEvent } from '../events/question-open.ts';

/** What the lists export of an opened thread, so a host page can style it as it styles the list. */
export const threadExportparts = 'title: question-title, answer, expert-answer, answer-body, form, submit';

export interface OpenableQuestion {
  id: string;
  title: string;
}

export interface InPlaceThreadView {
  /** The words on the way back, such as "Terug naar alle vragen"; an arrow goes before them. */
  back: string;
  headingLevel: number;
  /** The parts of `<plein-question>` the host exports, as in its `exportparts` attribute. */
  exportparts?: string;
  /** With it, the thread sits in a `<div class="question">` with this part name. */
  threadPart?: string;
}

/**
 * A question opened from a list of links: `question-href` makes each a real link to the host's question page; without
 * it the thread opens in place (`<plein-question>` loads then), behind a way back that restores the list and puts
 * focus on the same question again. Either way the cancelable `plein-question-open` fires first, so a host can route
 * itself. Shared by `<plein-questions>`, `<plein-my-questions>` and the similar questions in `<plein-ask>`.
 */
export class InPlaceThreadController implements ReactiveController {
  private questionId?: string;
  private returnFocusTo?: string;
  private focusPending = false;

  constructor(
    private readonly host: PleinElement,
    private readonly questionHref: () => string | undefined,
    /** Open the thread named in the page address (`#vraag-<id>`) on connect: links in e-mails land here. */
    private readonly followAddress = false,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.followAddress || this.questionId || this.questionHref()) return;
    const id = /^#vraag-(.+)$/.exec(globalThis.location?.hash ?? '')?.[1];
    // No focus move on page load: the reader starts at the top of the page, as on any page.
    if (id) void this.open(decodeURIComponent(id), false);
  }

  /** The question whose thread is shown in place, if any. */
  get openId(): string | undefined {
    return this.questionId;
  }

  hostUpdated(): void {
    if (!this.focusPending) return;
    this.focusPending = false;
    const root = this.host.renderRoot;
    if (this.questionId) {
      root.querySelector<HTMLElement>('[part="back"]')?.focus();
    } else if (this.returnFocusTo) {
      const link = root.querySelector<HTMLElement>(`[data-question-id="${CSS.escape(this.returnFocusTo)}"]`);
      // The question may be gone (deleted from its thread): then the heading takes focus.
      (link ?? root.querySelector<HTMLElement>('#heading'))?.focus();
      this.returnFocusTo = undefined;
    }
  }

  /** A real link with `question-href`, else an in-page link that opens the thread here. */
  hrefFor(id: string): string {
    const pattern = this.questionHref();
    return pattern ? pattern.replaceAll('{id}', encodeURIComponent(id)) : `#vraag-${encodeURIComponent(id)}`;
  }

  /**
   * Fires `plein-question-open` for a click on a question and leaves the click to the link or to a listener that
   * canceled the event. True when neither takes it: then the host shows the thread itself.
   */
  routeOpen(event: MouseEvent, question: OpenableQuestion): boolean {
    const questionHref = this.questionHref();
    // Ctrl- or middle-click on a real link opens a new tab, as on any website.
    const newTab = event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey;
    if (newTab && questionHref) return false;
    const open = new PleinQuestionOpenEvent(question.id, question.title);
    this.host.dispatchEvent(open);
    if (open.defaultPrevented) {
      event.preventDefault();
      return false;
    }
    if (questionHref) return false;
    event.preventDefault();
    return true;
  }

  /** The click handler of a question link: routed as above, or the thread opens in place. */
  onOpen(event: MouseEvent, question: OpenableQuestion): void {
    if (this.routeOpen(event, question)) void this.open(question.id);
  }

  async open(questionId: string, moveFocus = true): Promise<void> {
    await import('../define/plein-question.ts');
    this.questionId = questionId;
    this.focusPending = moveFocus;
    this.host.requestUpdate();
  }

  close = (): void => {
    this.returnFocusTo = this.questionId;
    this.questionId = undefined;
    this.focusPending = true;
    this.host.requestUpdate();
  };

  /** The opened thread with the way back above it; render it instead of the list while `openId` is set. */
  render({ back, headingLevel, exportparts, threadPart }: InPlaceThreadView) {
    if (!this.questionId) return nothing;
    const thread = html`<plein-question
      question-id=${this.questionId}
      .endpoint=${this.host.endpoint}
      .community=${this.host.community}
      heading-level=${headingLevel}
      exportparts=${exportparts ?? nothing}
    ></plein-question>`;
    return html`
      <div class="root">
        <button id="back" part="back" class="link-button back" type="button" @click=${this.close}>
          <span class="back-arrow">←</span> ${back}
        </button>
        ${threadPart ? html`<div part=${threadPart} class="question">${thread}</div>` : thread}
      </div>
    `;
  }
}
