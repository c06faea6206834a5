import { TaskStatus } from '@lit/task';
import type { Appointment, AppointmentSlot } from '@plein/client';
import type { AppointmentMode } from '@plein/schema';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { renderUserText } from '../../base/user-text.ts';
import {
  type AdvisorAgendaController,
  appointmentModes,
  type SlotField,
  slotFields,
} from '../../controllers/advisor-agenda-controller.ts';
import { orderedErrors, renderErrorSummary } from '../../form/error-summary.ts';
import type { LocalizeController } from '../../localize/localize-controller.ts';
import { clockTime, slotDay } from '../contact/contact-time.ts';
import { dutchToday } from './agenda-time.ts';

/** The ids `<plein-expert-inbox>` moves focus to, and the error summary links to. */
export const agendaIds = {
  appointmentsHeading: 'appointments-heading',
  slotsHeading: 'slots-heading',
  date: 'slot-date',
  time: 'slot-time',
  mode: (mode: AppointmentMode) => `slot-mode-${mode}`,
  location: 'slot-location',
  slotText: (id: string) => `slot-text-${id}`,
} as const;

export interface AgendaView {
  localize: LocalizeController;
  agenda: AdvisorAgendaController;
  /** The sections' headings' level; the form's heading one lower. */
  level: number;
  onRemoveSlot: (slotId: string) => void;
  onAddTime: () => void;
  onRemoveTime: (time: string) => void;
  onSubmit: (event: SubmitEvent) => void;
}

/** "dinsdag 1 december, 10:00 – 10:45": always in Dutch time. */
function when(localize: LocalizeController, slot: { startsAt: string; endsAt: string }): string {
  const { locale } = localize;
  return localize.t(
    'expertInbox.when',
    slotDay(slot.startsAt, locale),
    clockTime(slot.startsAt, locale),
    clockTime(slot.endsAt, locale),
  );
}

/** "Via video", or "Op locatie: Zeebadweg 2, Delfzijl". */
function where(localize: LocalizeController, slot: { mode: AppointmentMode; location: string | null }): string {
  const mode = localize.t(`expertInbox.mode.${slot.mode}`);
  return slot.mode === 'IN_PERSON' && slot.location ? `${mode}: ${slot.location}` : mode;
}

function renderLoadState(view: AgendaView, loading: string, failed: string) {
  const { localize, agenda } = view;
  if (agenda.status === TaskStatus.ERROR) {
    return html`<div class="alert" role="alert">
      <p>${messageOf(agenda.error, failed)}</p>
      ${
        canRetry(agenda.error)
          ? html`<button class="button secondary" type="button" @click=${() => agenda.reload()}>
              ${localize.t('common.retry')}
            </button>`
          : nothing
      }
    </div>`;
  }
  return html`<p class="loading" aria-busy="true">${loading}</p>`;
}

/** "Afspraken": the expert's booked appointments from today on, soonest first, with how to reach the citizen. */
export function renderAppointments(view: AgendaView) {
  const { localize, agenda, level } = view;
  const loaded = agenda.status === TaskStatus.COMPLETE;
  return html`
    <section part="appointments" class="root section" aria-labelledby=${agendaIds.appointmentsHeading}>
      <div
        role="heading"
        aria-level=${level}
        id=${agendaIds.appointmentsHeading}
        part="appointments-heading"
        class="heading"
        tabindex="-1"
      >
        ${localize.t('expertInbox.appointments.heading')}
      </div>
      <p class="muted">${localize.t('expertInbox.appointments.intro')}</p>
      ${
        !loaded
          ? renderLoadState(
              view,
              localize.t('expertInbox.appointments.loading'),
              localize.t('expertInbox.appointments.failed'),
            )
          : agenda.appointments.length === 0
            ? html`<p part="appointments-empty" class="empty">${localize.t('expertInbox.appointments.empty')}</p>`
            : html`<ol part="appointment-list" class="list">
                ${repeat(
                  agenda.appointments,
                  (appointment) => appointment.id,
                  (appointment) => renderAppointment(view, appointment),
                )}
              </ol>`
      }
    </section>
  `;
}

function renderAppointment(view: AgendaView, appointment: Appointment) {
  const { localize, level } = view;
  const { slot } = appointment;
  return html`
    <li part="appointment" class="item" data-appointment-id=${appointment.id}>
      <div role="heading" aria-level=${Math.min(level + 1, 6)} class="item-title">
        <time datetime=${slot.startsAt}>${when(localize, slot)}</time>
      </div>
      <p part="appointment-where" class="meta">${where(localize, slot)}</p>
      <dl class="facts">
        <div>
          <dt>${localize.t('expertInbox.appointments.topic')}</dt>
          <dd>${appointment.topic.name}</dd>
        </div>
        <div>
          <dt>${localize.t('expertInbox.appointments.name')}</dt>
          <dd part="appointment-name">${appointment.name}</dd>
        </div>
        <div>
          <dt>${localize.t('expertInbox.appointments.email')}</dt>
          <dd part="appointment-email">${appointment.email}</dd>
        </div>
        ${
          appointment.note
            ? html`<div>
                <dt>${localize.t('expertInbox.appointments.note')}</dt>
                <dd part="appointment-note" class="question-body">${renderUserText(appointment.note)}</dd>
              </div>`
            : nothing
        }
      </dl>
    </li>
  `;
}

/** "Beschikbaarheid": the expert's own free slots with "Verwijderen", and the form that offers new times. */
export function renderAvailability(view: AgendaView) {
  const { localize, agenda, level } = view;
  const loaded = agenda.status === TaskStatus.COMPLETE;
  return html`
    <section part="availability" class="root section" aria-labelledby=${agendaIds.slotsHeading}>
      <div
        role="heading"
        aria-level=${level}
        id=${agendaIds.slotsHeading}
        part="availability-heading"
        class="heading"
        tabindex="-1"
      >
        ${localize.t('expertInbox.slots.heading')}
      </div>
      <p class="muted">${localize.t('expertInbox.slots.intro')}</p>
      ${
        agenda.slotNotice
          ? html`<div part="slot-notice" class="alert" role="alert"><p>${agenda.slotNotice}</p></div>`
          : nothing
      }
      ${
        !loaded
          ? agenda.status === TaskStatus.ERROR
            ? nothing
            : html`<p class="loading" aria-busy="true">${localize.t('expertInbox.appointments.loading')}</p>`
          : agenda.slots.length === 0
            ? html`<p part="slots-empty" class="empty">${localize.t('expertInbox.slots.empty')}</p>`
            : html`<ul part="slot-list" class="list">
                ${repeat(
                  agenda.slots,
                  (slot) => slot.id,
                  (slot) => renderSlot(view, slot),
                )}
              </ul>`
      }
      ${renderSlotForm(view)}
    </section>
  `;
}

function renderSlot(view: AgendaView, slot: AppointmentSlot) {
  const { localize, agenda, onRemoveSlot } = view;
  const removing = agenda.removing === slot.id;
  return html`
    <li part="slot" class="item slot" data-slot-id=${slot.id}>
      <span id=${agendaIds.slotText(slot.id)} class="slot-text">
        <time datetime=${slot.startsAt}>${when(localize, slot)}</time>
        <span class="muted">${where(localize, slot)}</span>
      </span>
      <button
        part="slot-remove"
        class="button secondary"
        type="button"
        aria-describedby=${agendaIds.slotText(slot.id)}
        aria-disabled=${agenda.removing ? 'true' : 'false'}
        @click=${() => onRemoveSlot(slot.id)}
      >
        ${localize.t(removing ? 'expertInbox.slots.removing' : 'expertInbox.slots.remove')}
      </button>
    </li>
  `;
}

/** Where the error summary's link for a field goes: the mode's chosen radio button, else the first. */
function targetOf(agenda: AdvisorAgendaController, field: string): string | undefined {
  switch (field as SlotField) {
    case 'date':
      return agendaIds.date;
    case 'times':
      return agendaIds.time;
    case 'mode':
      return agendaIds.mode(agenda.form.mode || appointmentModes[0]!);
    case 'location':
      return agenda.form.mode === 'IN_PERSON' ? agendaIds.location : undefined;
    default:
      return undefined;
  }
}

function renderSlotForm(view: AgendaView) {
  const { localize, agenda, level, onAddTime, onRemoveTime, onSubmit } = view;
  const { form } = agenda;
  const { errors } = form;
  const t = localize.t.bind(localize);
  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ');
  const error = (field: SlotField, id: string) =>
    errors[field] ? html`<span id="${id}-error" class="field-error">${errors[field]}</span>` : nothing;
  return html`
    <form part="slot-form" class="slot-form" novalidate aria-labelledby="slot-form-heading" @submit=${onSubmit}>
      <div role="heading" aria-level=${Math.min(level + 1, 6)} id="slot-form-heading" class="item-title">
        ${t('expertInbox.slots.form.heading')}
      </div>
      ${renderErrorSummary({
        entries: orderedErrors(errors, slotFields),
        heading: t('expertInbox.slots.errorSummary'),
        headingId: 'slot-error-summary',
        targetOf: (field) => targetOf(agenda, field),
      })}
      <div class="field">
        <label for=${agendaIds.date}>${t('expertInbox.slots.date')}</label>
        <span id="${agendaIds.date}-hint" class="hint">${t('expertInbox.slots.dateHint')}</span>
        ${error('date', agendaIds.date)}
        <input
          id=${agendaIds.date}
          name="date"
          type="date"
          required
          min=${dutchToday()}
          aria-invalid=${errors.date ? 'true' : 'false'}
          aria-describedby=${describedBy(errors.date && `${agendaIds.date}-error`, `${agendaIds.date}-hint`)}
          .value=${live(form.date)}
          @input=${(event: InputEvent) => agenda.set('date', (event.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for=${agendaIds.time}>${t('expertInbox.slots.time')}</label>
        <span id="${agendaIds.time}-hint" class="hint">${t('expertInbox.slots.timeHint')}</span>
        ${error('times', agendaIds.time)}
        <div class="time-row">
          <input
            id=${agendaIds.time}
            name="time"
            type="time"
            aria-invalid=${errors.times ? 'true' : 'false'}
            aria-describedby=${describedBy(
              errors.times && `${agendaIds.time}-error`,
              `${agendaIds.time}-hint`,
              form.times.length > 0 && 'slot-times-label',
            )}
            .value=${live(form.time)}
            @input=${(event: InputEvent) => agenda.set('time', (event.target as HTMLInputElement).value)}
            @keydown=${(event: KeyboardEvent) => {
              // Enter adds the time, as the button beside it does, rather than sending the whole form.
              if (event.key !== 'Enter') return;
              event.preventDefault();
              onAddTime();
            }}
          />
          <button part="add-time" class="button secondary" type="button" @click=${onAddTime}>
            ${t('expertInbox.slots.addTime')}
          </button>
        </div>
        ${
          form.times.length > 0
            ? html`<p id="slot-times-label" class="times-label">${t('expertInbox.slots.timesChosen')}</p>
                <ul part="slot-times" class="times" aria-labelledby="slot-times-label">
                  ${form.times.map(
                    (time) =>
                      html`<li>
                        <span>${time}</span>
                        <button part="remove-time" class="link-button" type="button" @click=${() => onRemoveTime(time)}>
                          ${t('expertInbox.slots.removeTime', time)}
                        </button>
                      </li>`,
                  )}
                </ul>`
            : nothing
        }
      </div>
      <fieldset class="choices" aria-describedby=${errors.mode ? 'slot-mode-error' : nothing}>
        <legend>${t('expertInbox.slots.mode')}</legend>
        ${errors.mode ? html`<span id="slot-mode-error" class="field-error">${errors.mode}</span>` : nothing}
        ${appointmentModes.map(
          (mode) =>
            html`<div class="choice">
              <input
                id=${agendaIds.mode(mode)}
                type="radio"
                name="mode"
                value=${mode}
                .checked=${form.mode === mode}
                @change=${() => agenda.setMode(mode)}
              />
              <label for=${agendaIds.mode(mode)}>${t(`expertInbox.mode.${mode}`)}</label>
            </div>`,
        )}
      </fieldset>
      ${
        form.mode === 'IN_PERSON'
          ? html`<div class="field">
              <label for=${agendaIds.location}>${t('expertInbox.slots.location')}</label>
              <span id="${agendaIds.location}-hint" class="hint">${t('expertInbox.slots.locationHint')}</span>
              ${error('location', agendaIds.location)}
              <input
                id=${agendaIds.location}
                name="location"
                type="text"
                autocomplete="street-address"
                required
                aria-invalid=${errors.location ? 'true' : 'false'}
                aria-describedby=${describedBy(
                  errors.location && `${agendaIds.location}-error`,
                  `${agendaIds.location}-hint`,
                )}
                .value=${live(form.location)}
                @input=${(event: InputEvent) => agenda.set('location', (event.target as HTMLInputElement).value)}
              />
            </div>`
          : nothing
      }
      ${
        form.failure
          ? html`<div class="alert" role="alert">
              <p>${messageOf(form.failure, t('expertInbox.slots.notPublished'))}</p>
              <p>${t('expertInbox.slots.kept')}</p>
            </div>`
          : nothing
      }
      <button part="slot-submit" class="button" type="submit" aria-disabled=${form.sending ? 'true' : 'false'}>
        ${t(form.sending ? 'expertInbox.slots.submitting' : 'expertInbox.slots.submit')}
      </button>
    </form>
  `;
}
