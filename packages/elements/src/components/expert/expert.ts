import { TaskStatus } from '@lit/task';
import { type ExpertProfile, PleinError } from '@plein/client';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { PleinElement } from '../../base/plein-element.ts';
import { renderUserText } from '../../base/user-text.ts';
import {
  ExpertController,
  type ProfileField,
  profileFields,
  ProfileFormController,
  profileLimits,
} from '../../controllers/expert-controller.ts';
import { renderCharacterCounter } from '../../form/character-counter.ts';
import { orderedErrors, renderErrorSummary } from '../../form/error-summary.ts';
import { common } from '../../localize/nl/common.ts';
import { expert, expertCard } from '../../localize/nl/expert.ts';
import type { TranslationKey } from '../../localize/translations.ts';
import {
  expertCardStyles,
  independenceText,
  renderAvatar,
  renderTopics,
  renderVerified,
  responseTimeText,
} from './expert-card.ts';
import { errorSummaryStyles } from '../../styles/error-summary.styles.ts';
import { expertStyles } from './expert.styles.ts';

interface FieldView {
  label: TranslationKey;
  hint: TranslationKey;
  type?: 'text' | 'url';
  autocomplete: string;
}

const fieldViews: Record<ProfileField, FieldView> = {
  displayName: { label: 'expert.edit.displayName', hint: 'expert.edit.displayNameHint', autocomplete: 'name' },
  title: { label: 'expert.edit.title', hint: 'expert.edit.titleHint', autocomplete: 'organization-title' },
  bio: { label: 'expert.edit.bio', hint: 'expert.edit.bioHint', autocomplete: 'off' },
  photoUrl: { label: 'expert.edit.photoUrl', hint: 'expert.edit.photoUrlHint', type: 'url', autocomplete: 'photo' },
  photoAlt: { label: 'expert.edit.photoAlt', hint: 'expert.edit.photoAltHint', autocomplete: 'off' },
};

const fieldId = (field: string) => `profile-${field}`;

/**
 * @summary An expert's profile: name, photo (with its own alternative text) or initials, title, organisation, whether
 * they are independent of UWV and the municipality in plain words, the verified badge with the date it holds until,
 * topics, a short bio, how many answers they gave and how fast they usually answer. The expert who is signed in sees
 * "Profiel aanpassen" on their own profile and changes it in place.
 *
 * @csspart profile - The whole profile.
 * @csspart header - Photo or initials, name, title and organisation.
 * @csspart photo - The photo.
 * @csspart initials - The initials in a circle, shown without a photo (hidden from screen readers).
 * @csspart name - The expert's name (a heading).
 * @csspart title - The job title.
 * @csspart organisation - The organisation.
 * @csspart verified - The line with the badge and its date.
 * @csspart verified-badge - "Geverifieerde expert".
 * @csspart verified-until - "Gecontroleerd tot 1 maart 2027".
 * @csspart independence - "Onafhankelijk: werkt niet voor UWV of de gemeente", "Werkt voor UWV", and so on.
 * @csspart bio - The expert's own short text.
 * @csspart topics - The topics with their label.
 * @csspart topic - One topic.
 * @csspart stats - Number of answers and the usual time to a first answer.
 * @csspart answer-count - "12 antwoorden gegeven".
 * @csspart response-time - "Antwoordt meestal binnen 3 uur".
 * @csspart edit - The "Profiel aanpassen" button (own profile only).
 * @csspart edit-form - The form to change the profile.
 * @csspart error-summary - The list of problems above the form after a save.
 * @csspart counter - The character counter under the bio.
 * @csspart save - The save button.
 * @csspart cancel - The cancel button.
 * @csspart announcer - The polite live region that says the profile was saved (visually hidden).
 *
 * @cssproperty --plein-text-color - Text colour.
 * @cssproperty --plein-muted-color - Colour of hints and the verification date.
 * @cssproperty --plein-surface-color - Background of topics, alerts and a photo while it loads.
 * @cssproperty --plein-border-color - Borders of fields and the form.
 * @cssproperty --plein-button-background-color - Background of buttons.
 * @cssproperty --plein-button-color - Text colour of buttons and of the initials.
 * @cssproperty --plein-focus-outline-color - Focus ring.
 * @cssproperty --plein-error-color - Error messages and invalid fields.
 * @cssproperty --plein-expert-color - The verified badge and the circle behind the initials.
 * @cssproperty --plein-border-radius - Rounding of fields, buttons and marks.
 * @cssproperty --plein-font-family - Font of all text.
 * @cssproperty --plein-font-size - Base text size (at least 16px by default).
 * @cssproperty --plein-background-color - Background of fields.
 * @cssproperty --plein-link-color - Colour of links and link-like buttons.
 * @cssproperty --plein-focus-inverse-color - The focus ring's inner edge, for dark backgrounds.
 * @cssproperty --plein-success-color - Colour of messages that something worked, and of the "Opgelost" mark.
 * @cssproperty --plein-line-height - Line height.
 */
export class PleinExpert extends PleinElement {
  static override styles = [...PleinElement.styles, expertCardStyles, errorSummaryStyles, expertStyles];

  static override strings = { ...common, ...expertCard, ...expert };

  /** The id of the expert to show. */
  @property({ attribute: 'expert-id', reflect: true }) expertId = '';

  /** The heading level of the expert's name (2 to 6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** What the polite live region says: that the profile was saved. */
  @state() private announcement = '';

  /** The photo address that failed to load: the initials show instead. */
  @state() private failedPhoto?: string;

  private readonly profile = new ExpertController(this, () => ({ client: this.client, expertId: this.expertId }));

  private readonly form = new ProfileFormController(this, this.localize);

  private get level(): number {
    return Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 6);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another expert in the same element: a form that was open belongs to the one before.
    if (changed.has('expertId') && this.form.editing) this.form.cancel();
  }

  protected override render() {
    if (!this.client) return this.renderNotConfigured();
    if (!this.expertId) {
      return html`<div class="root"><p class="alert" role="alert">${this.t('expert.noId')}</p></div>`;
    }
    const { status, expert: profile } = this.profile;
    if (status === TaskStatus.ERROR) return this.renderLoadError(this.profile.error);
    if (!profile) {
      return html`<div class="root"><p class="loading" aria-busy="true">${this.t('expert.loading')}</p></div>`;
    }
    const independence = independenceText(this.localize, profile);
    const responseTime = responseTimeText(this.localize, profile.medianMinutesToFirstAnswer);
    return html`
      <article part="profile" class="root profile" aria-labelledby="name">
        <div part="header" class="header">
          ${renderAvatar(profile, {
            failed: Boolean(profile.photoUrl) && this.failedPhoto === profile.photoUrl,
            onError: () => (this.failedPhoto = profile.photoUrl ?? undefined),
          })}
          <div class="identity">
            <div role="heading" aria-level=${this.level} id="name" part="name" class="name" tabindex="-1">
              ${profile.displayName}
            </div>
            ${profile.title ? html`<p part="title" class="title">${profile.title}</p>` : nothing}
            ${profile.organisation ? html`<p part="organisation" class="organisation">${profile.organisation}</p>` : nothing}
          </div>
        </div>
        ${renderVerified(this.localize, profile, 'profile')}
        ${independence ? html`<p part="independence" class="independence">${independence}</p>` : nothing}
        ${profile.bio ? html`<p part="bio" class="text bio">${renderUserText(profile.bio)}</p>` : nothing}
        ${renderTopics(this.localize, profile.topics, 'topics-label')}
        <ul part="stats" class="stats">
          <li part="answer-count">${this.t('expert.answerCount', profile.answerCount)}</li>
          ${responseTime ? html`<li part="response-time">${responseTime}</li>` : nothing}
        </ul>
        ${
          // An open form stays when the session ends during a save: the message says why, and the text is kept.
          this.profile.ownProfile || this.form.editing ? this.renderOwn(profile) : nothing
        }
        <div part="announcer" class="visually-hidden" role="status">${this.announcement}</div>
      </article>
    `;
  }

  /** The signed-in expert's own profile: the button, or the form in its place. */
  private renderOwn(profile: ExpertProfile) {
    if (!this.form.editing) {
      return html`<div class="own">
        <button part="edit" id="edit" class="button secondary" type="button" @click=${() => this.onEdit(profile)}>
          ${this.t('expert.edit')}
        </button>
      </div>`;
    }
    const { saving, failure } = this.form;
    return html`
      <form part="edit-form" class="edit-form" novalidate aria-labelledby="edit-heading" @submit=${this.onSave}>
        <div role="heading" aria-level=${Math.min(this.level + 1, 6)} id="edit-heading" class="subheading">
          ${this.t('expert.edit.heading')}
        </div>
        <p class="muted">${this.t('expert.edit.intro')}</p>
        ${this.renderErrorSummary()} ${profileFields.map((field) => this.renderField(field))}
        ${
          failure
            ? html`<div class="alert" role="alert">
                <p>${messageOf(failure, this.t('expert.edit.failed'))}</p>
                <p>${this.t('expert.edit.kept')}</p>
              </div>`
            : nothing
        }
        <div class="actions">
          <button part="save" id="save" class="button" type="submit" aria-disabled=${saving ? 'true' : 'false'}>
            ${saving ? this.t('expert.edit.saving') : this.t('expert.edit.save')}
          </button>
          <button part="cancel" id="cancel" class="button secondary" type="button" @click=${this.onCancel}>
            ${this.t('expert.edit.cancel')}
          </button>
        </div>
      </form>
    `;
  }

  private renderField(field: ProfileField) {
    const view = fieldViews[field];
    const id = fieldId(field);
    const error = this.form.errors[field];
    const value = this.form.fields[field];
    const photoAltRequired = field === 'photoAlt' && Boolean(this.form.fields.photoUrl.trim());
    // The error first: a screen reader reads it before the hint when the field gets focus.
    const describedBy = [error && `${id}-error`, `${id}-hint`, field === 'bio' && `${id}-counter`]
      .filter(Boolean)
      .join(' ');
    const onInput = (event: InputEvent) =>
      this.form.set(field, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
    return html`
      <div class="field">
        <label for=${id}
          >${this.t(view.label)}
          ${
            field === 'photoAlt'
              ? html`<span class="muted">${this.t('expert.edit.photoAltRequiredNote')}</span>`
              : field !== 'displayName'
                ? html`<span class="muted">${this.t('common.optional')}</span>`
                : nothing
          }</label
        >
        <span id="${id}-hint" class="hint">${this.t(view.hint)}</span>
        ${error ? html`<span id="${id}-error" class="field-error">${error}</span>` : nothing}
        ${
          field === 'bio'
            ? html`<textarea
                  id=${id}
                  name=${field}
                  rows="5"
                  aria-invalid=${error ? 'true' : 'false'}
                  aria-describedby=${describedBy}
                  .value=${value}
                  @input=${onInput}
                ></textarea>
                ${renderCharacterCounter(this.localize, `${id}-counter`, value.length, profileLimits.bio)}`
            : html`<input
                id=${id}
                name=${field}
                type=${view.type ?? 'text'}
                autocomplete=${view.autocomplete}
                spellcheck=${field === 'photoUrl' ? 'false' : nothing}
                aria-required=${field === 'displayName' || photoAltRequired ? 'true' : 'false'}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${describedBy}
                .value=${value}
                @input=${onInput}
              />`
        }
      </div>
    `;
  }

  private renderErrorSummary() {
    const fields: readonly string[] = profileFields;
    return renderErrorSummary({
      entries: orderedErrors(this.form.errors, fields),
      heading: this.t('expert.edit.errorSummary'),
      headingId: 'error-summary-heading',
      id: 'error-summary',
      targetOf: (field) => (fields.includes(field) ? fieldId(field) : undefined),
    });
  }

  private renderLoadError(error: unknown) {
    const notFound = error instanceof PleinError && error.kind === 'not-found';
    const retryable = !notFound && canRetry(error);
    return html`
      <div class="root">
        <div class="alert load-error" role="alert">
          <p>${notFound ? this.t('expert.notFound') : messageOf(error, this.t('expert.loadFailed'))}</p>
          ${
            retryable
              ? html`<button class="button secondary" type="button" @click=${this.onRetry}>
                  ${this.t('common.retry')}
                </button>`
              : nothing
          }
        </div>
      </div>
    `;
  }

  private focusFirst(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async onEdit(profile: ExpertProfile): Promise<void> {
    this.form.start(profile);
    await this.updateComplete;
    this.focusFirst(`#${fieldId('displayName')}`);
  }

  private async onCancel(): Promise<void> {
    this.form.cancel();
    await this.updateComplete;
    this.focusFirst('#edit');
  }

  private async onSave(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const result = await this.form.save(this.client);
    await this.updateComplete;
    if (result.outcome === 'invalid') {
      this.focusFirst('#error-summary');
    } else if (result.outcome === 'saved' && result.expert) {
      this.profile.show(result.expert);
      await this.updateComplete;
      this.focusFirst('#edit');
      await this.announce(this.t('expert.edit.saved'));
    }
  }

  /** Says something through the polite live region; the same words twice are read twice. */
  private async announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  private async onRetry(): Promise<void> {
    await this.profile.retry();
    await this.updateComplete;
    // The retry button is gone either way: put focus on the loaded name, or on the next retry button.
    this.focusFirst('[part="name"], .load-error button');
  }
}
