import { TaskStatus } from '@lit/task';
import type { AppointmentSlot, ContactChannels } from '@plein/client';
import { html, nothing } from 'lit';
import { canRetry, messageOf } from '../../base/errors.ts';
import {
  type BookingController,
  type BookingField,
  bookingFields,
  bookingLimits,
} from '../../controllers/booking-controller.ts';
import { renderHoneypot } from '../../form/anti-spam.ts';
import { renderCharacterCounter } from '../../form/character-counter.ts';
import { orderedErrors, renderErrorSummary } from '../../form/error-summary.ts';
import type { LocalizeController } from '../../localize/localize-controller.ts';
import { describedBy, renderEmailField, renderField, renderSendFailure } from './contact-field.ts';
import { clockTime, slotDay } from './contact-time.ts';

/** The ids of the form's controls (a slot's radio button is `slot-<id>`). */
export const bookingIds = {
  topic: 'booking-topic',
  name: 'booking-name',
  email: 'booking-email',
  note: 'booking-note',
} as const;

export const slotRadioId = (slotId: string) => `slot-${slotId}`;

export interface BookingView {
  localize: LocalizeController;
  form: BookingController;
  service: NonNullable<ContactChannels['appointments']>;
  topics: readonly { slug: string; name: string }[];
  level: number;
  onInput: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
  onRetry: () => void;
}

/** A time as the citizen reads it: "dinsdag 1 december, 10:00 – 10:45, videogesprek met Els Wiersma". */
export function slotText(
  localize: LocalizeController,
  slot: { startsAt: string; endsAt: string; mode: AppointmentSlot['mode'] },
  advisorName: string,
): string {
  const { locale } = localize;
  return localize.t(
    'contact.appointment.slot',
    slotDay(slot.startsAt, locale),
    clockTime(slot.startsAt, locale),
    clockTime(slot.endsAt, locale),
    localize.t(`contact.appointment.mode.${slot.mode}`),
    advisorName,
  );
}

/** Where the error summary's link for a field goes; the slot list's goes to its chosen or first time. */
function targetOf(form: BookingController, field: string): string | undefined {
  if (field === 'slotId') {
    const slots = form.slots ?? [];
    const slot = slots.find((candidate) => candidate.id === form.fields.slotId) ?? slots[0];
    return slot ? slotRadioId(slot.id) : bookingIds.topic;
  }
  return bookingIds[field as Exclude<BookingField, 'slotId'>];
}

/**
 * "Maak een afspraak": a topic, the next free times for it as a radio group, then name or pseudonym, e-mail address
 * and an optional note. After booking, the time and what the e-mail brings.
 */
export function renderBooking(view: BookingView) {
  const { localize, form, service, level } = view;
  const t: LocalizeController['t'] = (key, ...values) => localize.t(key, ...values);
  return html`
    <section id="appointment" part="channel appointment" class="channel" aria-labelledby="appointment-heading">
      <div
        id="appointment-heading"
        part="channel-heading"
        class="channel-heading"
        role="heading"
        aria-level=${level}
        tabindex="-1"
      >
        ${t('contact.appointment.heading')}
      </div>
      <p part="channel-intro">${t('contact.appointment.intro', service.durationMinutes)}</p>
      ${service.description ? html`<p part="description">${service.description}</p>` : nothing}
      ${form.booked ? renderBooked(view) : renderForm(view)}
      <p part="slots-status" class="visually-hidden" role="status">
        ${form.slotsRefreshed ? t('contact.appointment.slotsRefreshed') : ''}
      </p>
    </section>
  `;
}

function renderBooked(view: BookingView) {
  const { localize, form, level } = view;
  const booked = form.booked!;
  return html`
    <div part="booked" class="alert success booked">
      <div
        id="booking-confirmation"
        part="booked-heading"
        class="booked-heading"
        role="heading"
        aria-level=${Math.min(level + 1, 6)}
        tabindex="-1"
      >
        ${localize.t('contact.appointment.booked')}
      </div>
      <p part="booked-time">
        ${localize.t('contact.appointment.bookedWhen', slotText(localize, booked, booked.advisorName))}
      </p>
      ${booked.location ? html`<p>${localize.t('contact.appointment.location', booked.location)}</p>` : nothing}
      <p>${localize.t('contact.appointment.bookedEmail')}</p>
    </div>
  `;
}

function renderForm(view: BookingView) {
  const { localize, form, topics } = view;
  const t: LocalizeController['t'] = (key, ...values) => localize.t(key, ...values);
  const { fields, errors, sending } = form;
  const knownTopic = topics.some((topic) => topic.slug === fields.topic);
  return html`
    ${renderErrorSummary({
      entries: orderedErrors(errors, bookingFields),
      heading: t('contact.errorSummary'),
      headingId: 'booking-summary-heading',
      id: 'booking-summary',
      targetOf: (field) => targetOf(form, field),
    })}
    <form part="form booking-form" novalidate aria-labelledby="appointment-heading" @submit=${view.onSubmit}>
      ${renderField({
        localize,
        id: bookingIds.topic,
        label: t('contact.appointment.topic'),
        error: errors.topic,
        control: html`<select
          id=${bookingIds.topic}
          part="topic"
          name="topic"
          aria-describedby=${describedBy(errors.topic && `${bookingIds.topic}-error`)}
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
      ${renderSlots(view)}
      ${renderField({
        localize,
        id: bookingIds.name,
        label: t('contact.appointment.name'),
        hint: t('contact.appointment.nameHint'),
        error: errors.name,
        control: html`<input
          id=${bookingIds.name}
          part="name"
          name="name"
          type="text"
          autocomplete="nickname"
          aria-describedby=${describedBy(errors.name && `${bookingIds.name}-error`, `${bookingIds.name}-hint`)}
          aria-invalid=${errors.name ? 'true' : nothing}
          ?readonly=${sending}
          .value=${fields.name}
          @input=${view.onInput}
        />`,
      })}
      ${renderEmailField({
        localize,
        id: bookingIds.email,
        label: t('contact.appointment.email'),
        hint: t('contact.appointment.emailHint'),
        error: errors.email,
        value: fields.email,
        readonly: sending,
        onInput: view.onInput,
      })}
      ${renderField({
        localize,
        id: bookingIds.note,
        label: t('contact.appointment.note'),
        hint: t('contact.appointment.noteHint'),
        error: errors.note,
        optional: true,
        control: html`<textarea
          id=${bookingIds.note}
          part="note"
          name="note"
          rows="3"
          aria-describedby=${describedBy(
            errors.note && `${bookingIds.note}-error`,
            `${bookingIds.note}-hint`,
            `${bookingIds.note}-counter`,
          )}
          aria-invalid=${errors.note ? 'true' : nothing}
          ?readonly=${sending}
          .value=${fields.note}
          @input=${view.onInput}
        ></textarea>`,
        after: renderCharacterCounter(
          localize,
          `${bookingIds.note}-counter`,
          fields.note.trim().length,
          bookingLimits.note,
        ),
      })}
      ${renderHoneypot(localize, 'booking-website', form.antiSpam)}
      ${renderSendFailure({
        localize: view.localize,
        failure: view.form.failure,
        notSent: view.localize.t('contact.appointment.notBooked'),
        kept: view.localize.t('contact.appointment.kept'),
        onRetry: view.onRetry,
      })}
      <div class="actions">
        <button
          id="booking-submit"
          part="submit"
          class="button"
          type="submit"
          aria-disabled=${sending ? 'true' : 'false'}
        >
          ${sending ? t('contact.appointment.submitting') : t('contact.appointment.submit')}
        </button>
      </div>
      <p class="visually-hidden" role="status">${sending ? t('contact.appointment.submitting') : ''}</p>
    </form>
  `;
}

/**
 * The free times as native radio buttons in a fieldset: the arrow keys move between them, and the legend names the
 * group. While they load, or when there are none, the group says so in words.
 */
function renderSlots(view: BookingView) {
  const { localize, form } = view;
  const t: LocalizeController['t'] = (key, ...values) => localize.t(key, ...values);
  const error = form.errors.slotId;
  const errorId = error ? 'booking-slot-error' : undefined;
  const body = () => {
    if (!form.fields.topic)
      return html`<p part="slots-note" class="hint">${t('contact.appointment.chooseTopicFirst')}</p>`;
    if (form.slotsStatus === TaskStatus.PENDING || form.slotsStatus === TaskStatus.INITIAL) {
      return html`<p part="slots-note" class="hint" aria-busy="true">${t('contact.appointment.slotsLoading')}</p>`;
    }
    if (form.slotsStatus === TaskStatus.ERROR) {
      return html`<div part="slots-failure" class="alert" role="alert">
        <p>${t('contact.appointment.slotsFailed')} ${messageOf(form.slotsError, '')}</p>
        ${
          canRetry(form.slotsError)
            ? html`<button class="button secondary" type="button" @click=${() => form.retrySlots()}>
                ${t('common.retry')}
              </button>`
            : nothing
        }
      </div>`;
    }
    const slots = form.slots ?? [];
    if (slots.length === 0) return html`<p part="slots-note">${t('contact.appointment.slotsNone')}</p>`;
    return html`<div part="slots" class="slots">
      ${slots.map((slot) => {
        const id = slotRadioId(slot.id);
        const location = slot.mode === 'IN_PERSON' && slot.location ? slot.location : undefined;
        return html`<div class="choice slot" part="slot">
          <input
            id=${id}
            type="radio"
            name="slotId"
            .value=${slot.id}
            .checked=${form.fields.slotId === slot.id}
            aria-describedby=${describedBy(errorId, location && `${id}-location`)}
            aria-invalid=${error ? 'true' : nothing}
            @change=${view.onInput}
          />
          <label for=${id}>
            ${slotText(localize, slot, slot.advisor.displayName)}
            ${
              location
                ? html`<span id="${id}-location" class="hint">${t('contact.appointment.location', location)}</span>`
                : nothing
            }
          </label>
        </div>`;
      })}
    </div>`;
  };
  return html`
    <fieldset part="slot-group" class="choices slot-group">
      <legend>${t('contact.appointment.slots')}</legend>
      ${error ? html`<p id="booking-slot-error" part="field-error" class="field-error">${error}</p>` : nothing}
      ${body()}
    </fieldset>
  `;
}
