import type { ContactChannels } from '@plein/client';
import { limits } from '@plein/schema';
import { html, nothing } from 'lit';
import {
  type PrivateQuestionController,
  type PrivateQuestionField,
  privateQuestionFields,
} from '../../controllers/private-question-controller.ts';
import { renderHoneypot } from '../../form/anti-spam.ts';
import { renderCharacterCounter } from '../../form/character-counter.ts';
import { orderedErrors, renderErrorSummary } from '../../form/error-summary.ts';
import type { PersonalDataCheck, PersonalDataFinding } from '../../form/personal-data-guard.ts';
import type { LocalizeController } from '../../localize/localize-controller.ts';
import { personalData } from '../../localize/nl/personal-data.ts';
import { describedBy, renderEmailField, renderField, renderSendFailure } from './contact-field.ts';

/** The ids of the form's controls: the error summary links to them, and the tests find them. */
export const privateQuestionIds: Record<PrivateQuestionField, string> = {
  topic: 'pq-topic',
  body: 'pq-body',
  email: 'pq-email',
};

export interface PrivateQuestionView {
  localize: LocalizeController;
  form: PrivateQuestionController;
  service: NonNullable<ContactChannels['emailService']>;
  topics: readonly { slug: string; name: string }[];
  /** The level of the section's heading. */
  level: number;
  onInput: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
  onRetry: () => void;
  onDiscard: () => void;
}

function kindText(localize: LocalizeController, finding: PersonalDataFinding): string {
  const key = `personalData.kind.${finding.kind}`;
  const kind =
    key in personalData ? localize.t(key as keyof typeof personalData) : localize.t('personalData.kind.other');
  return finding.confidence === 'low' ? localize.t('personalData.maybe', kind) : kind;
}

/**
 * What looks like personal data in the question, as a warning only: the question is private, so nothing is offered for
 * removal and nothing blocks sending. The live region is always there, so a new finding is heard.
 */
function renderPersonalDataWarning(localize: LocalizeController, check: PersonalDataCheck, level: number) {
  const id = `${privateQuestionIds.body}-personal-data`;
  const found = check.announcement.startsWith('found:') ? Number(check.announcement.split(':')[1]) : 0;
  return html`
    <div id=${id} part="personal-data" class="personal-data">
      <p class="visually-hidden" aria-live="polite">
        ${found ? localize.t('personalData.found', found) + (check.announcement.endsWith(':again') ? '\u00a0' : '') : ''}
      </p>
      ${
        check.findings.length > 0
          ? html`<section part="personal-data-warning" class="personal-data-warning" aria-labelledby="${id}-heading">
              <div id="${id}-heading" class="personal-data-heading" role="heading" aria-level=${level}>
                ${localize.t('personalData.heading')}
              </div>
              <p>${localize.t('contact.private.personalDataWhy')}</p>
              <ul part="personal-data-list" class="personal-data-list">
                ${check.findings.map(
                  (finding) =>
                    html`<li part="personal-data-item">
                      <span class="personal-data-finding">${kindText(localize, finding)}: <q>${finding.text}</q></span>
                    </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
    </div>
  `;
}

/**
 * "Stel uw vraag privé": what happens with the question, the form (topic, question with a counter, e-mail address),
 * the note that only advisors read it, and after sending "Kijk in uw e-mail" in a polite live region.
 */
export function renderPrivateQuestion(view: PrivateQuestionView) {
  const { localize, form, service, topics, level } = view;
  const t: LocalizeController['t'] = (key, ...values) => localize.t(key, ...values);
  const { fields, errors, sending } = form;
  const check = form.personalData.checkFor('body');
  const ids = privateQuestionIds;
  const knownTopic = topics.some((topic) => topic.slug === fields.topic);
  return html`
    <section
      id="private-question"
      part="channel private-question"
      class="channel"
      aria-labelledby="private-question-heading"
    >
      <div
        id="private-question-heading"
        part="channel-heading"
        class="channel-heading"
        role="heading"
        aria-level=${level}
        tabindex="-1"
      >
        ${t('contact.private.heading')}
      </div>
      <p part="channel-intro">${t('contact.private.intro', service.answerWithinDays)}</p>
      ${service.description ? html`<p part="description">${service.description}</p>` : nothing}
      ${
        form.restored
          ? html`<div part="draft-note" class="note draft-note">
              <p>${t('contact.private.draftRestored')}</p>
              <button part="discard" class="link-button" type="button" @click=${view.onDiscard}>
                ${t('contact.private.draftDiscard')}
              </button>
            </div>`
          : nothing
      }
      ${renderErrorSummary({
        entries: orderedErrors(errors, privateQuestionFields),
        heading: t('contact.errorSummary'),
        headingId: 'private-question-summary-heading',
        id: 'private-question-summary',
        targetOf: (field) => ids[field as PrivateQuestionField],
      })}
      <form
        part="form private-question-form"
        novalidate
        aria-labelledby="private-question-heading"
        @submit=${view.onSubmit}
      >
        ${renderField({
          localize,
          id: ids.topic,
          label: t('contact.topic'),
          error: errors.topic,
          control: html`<select
            id=${ids.topic}
            part="topic"
            name="topic"
            aria-describedby=${describedBy(errors.topic && `${ids.topic}-error`)}
            aria-invalid=${errors.topic ? 'true' : nothing}
            @change=${view.onInput}
          >
            <option value="" .selected=${!knownTopic}>${t('contact.topicChoose')}</option>
            ${topics.map(
              (topic) =>
                html`<option value=${topic.slug} .selected=${topic.slug === fields.topic}>${topic.name}</option>`,
            )}
          </select>`,
        })}
        ${renderField({
          localize,
          id: ids.body,
          label: t('contact.private.body'),
          hint: t('contact.private.bodyHint'),
          error: errors.body,
          // No maxlength: it silently cuts off pasted text. The counter and the check before sending say what is long.
          control: html`<textarea
            id=${ids.body}
            part="body"
            name="body"
            rows="8"
            aria-describedby=${describedBy(
              errors.body && `${ids.body}-error`,
              `${ids.body}-hint`,
              `${ids.body}-counter`,
              check.findings.length > 0 && `${ids.body}-personal-data-heading`,
            )}
            aria-invalid=${errors.body ? 'true' : nothing}
            ?readonly=${sending}
            .value=${fields.body}
            @input=${view.onInput}
          ></textarea>`,
          after: html`${renderCharacterCounter(
            localize,
            `${ids.body}-counter`,
            fields.body.trim().length,
            limits.questionBody,
          )}
          ${renderPersonalDataWarning(localize, check, Math.min(level + 1, 6))}`,
        })}
        ${renderEmailField({
          localize,
          id: ids.email,
          label: t('contact.private.email'),
          hint: t('contact.private.emailHint'),
          error: errors.email,
          value: fields.email,
          readonly: sending,
          onInput: view.onInput,
        })}
        ${renderHoneypot(localize, 'pq-website', form.antiSpam)}
        <p part="private-note" class="note">${t('contact.private.privateNote')}</p>
        ${renderSendFailure({
          localize: view.localize,
          failure: view.form.failure,
          notSent: view.localize.t('contact.private.notSent'),
          kept: view.localize.t('contact.private.kept'),
          onRetry: view.onRetry,
        })}
        <div class="actions">
          <button id="pq-submit" part="submit" class="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? t('contact.private.submitting') : t('contact.private.submit')}
          </button>
        </div>
      </form>
      <div part="sent" class="sent" role="status">
        ${form.sent ? html`<p class="alert success">${t('contact.private.sent')}</p>` : sending ? html`<p class="visually-hidden">${t('contact.private.submitting')}</p>` : nothing}
      </div>
    </section>
  `;
}
