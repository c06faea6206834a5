import { TaskStatus } from '@lit/task';
import type { PrivateThread } from '@plein/client';
import { html, nothing } from 'lit';
import { canRetry, messageOf } from '../../base/errors.ts';
import { renderUserText } from '../../base/user-text.ts';
import type { PrivateThreadController } from '../../controllers/private-thread-controller.ts';
import type { LocalizeController } from '../../localize/localize-controller.ts';
import { clockTime, longDate } from './contact-time.ts';

export interface PrivateThreadView {
  localize: LocalizeController;
  thread: PrivateThreadController;
  level: number;
  /** "Stel een nieuwe vraag" after a link that does not work; absent when the community has no private questions. */
  onNewQuestion?: () => void;
}

function when(localize: LocalizeController, iso: string): string {
  return localize.t('contact.dateAt', longDate(iso, localize.locale), clockTime(iso, localize.locale));
}

function renderMessages(localize: LocalizeController, thread: PrivateThread, level: number) {
  const t: LocalizeController['t'] = (key, ...values) => localize.t(key, ...values);
  if (thread.messages.length === 0)
    return html`<p part="thread-waiting" class="note">${t('contact.thread.noAnswer')}</p>`;
  return html`
    <div class="thread-answers-heading" role="heading" aria-level=${Math.min(level + 1, 6)}>
      ${t('contact.thread.answersHeading', thread.messages.length)}
    </div>
    <ol part="thread-answers" class="thread-answers">
      ${thread.messages.map((message) => {
        const role = [message.advisor.title, message.advisor.organisation].filter(Boolean).join(', ');
        return html`<li part="thread-answer" class="thread-answer">
          <p part="thread-advisor" class="thread-advisor">
            <strong>${message.advisor.displayName}</strong>${role ? html`<span>, ${role}</span>` : nothing}
          </p>
          <p class="muted">
            <time datetime=${message.createdAt}
              >${t('contact.thread.answeredOn', when(localize, message.createdAt))}</time
            >
          </p>
          <p part="thread-answer-body" class="text">${renderUserText(message.body)}</p>
        </li>`;
      })}
    </ol>
  `;
}

/**
 * The private thread from the link in the e-mail: the question, the advisors' answers with their names and
 * organisations (user text, rendered as text), and when everything is deleted. A link that does not work gets a
 * plain message and the way to ask again.
 */
export function renderPrivateThread(view: PrivateThreadView) {
  const { localize, thread, level } = view;
  const t: LocalizeController['t'] = (key, ...values) => localize.t(key, ...values);
  const heading = html`<div
    id="private-thread-heading"
    part="thread-heading"
    class="channel-heading"
    role="heading"
    aria-level=${level}
    tabindex="-1"
  >
    ${t('contact.thread.heading')}
  </div>`;
  const content = () => {
    if (thread.status === TaskStatus.ERROR) {
      return html`<div part="thread-failure" class="alert" role="alert">
        <p>${t('contact.thread.failed')} ${messageOf(thread.error, '')}</p>
        ${
          canRetry(thread.error)
            ? html`<button class="button secondary" type="button" @click=${() => thread.retry()}>
                ${t('common.retry')}
              </button>`
            : nothing
        }
      </div>`;
    }
    const found = thread.thread;
    if (found === undefined) return html`<p class="hint" aria-busy="true">${t('contact.thread.loading')}</p>`;
    if (found === null) {
      return html`<div part="thread-invalid" class="alert" role="alert">
        <p>${t('contact.thread.invalid')}</p>
        ${
          view.onNewQuestion
            ? html`<button part="new-question" class="button secondary" type="button" @click=${view.onNewQuestion}>
                ${t('contact.thread.newQuestion')}
              </button>`
            : nothing
        }
      </div>`;
    }
    return html`
      <p part="thread-meta" class="muted">
        ${t('contact.thread.asked', found.topic.name, when(localize, found.createdAt))}
      </p>
      <p part="thread-question" class="text thread-question">${renderUserText(found.body)}</p>
      ${renderMessages(localize, found, level)}
      <p part="thread-delete-after" class="note">
        ${t('contact.thread.deleteAfter', longDate(found.deleteAfter, localize.locale))}
        ${t('contact.thread.keepEmail')}
      </p>
    `;
  };
  return html`
    <section id="private-thread" part="thread" class="channel thread" aria-labelledby="private-thread-heading">
      ${heading} ${content()}
    </section>
  `;
}
