import { Task, type TaskStatus } from '@lit/task';
import type { AdvisorAgenda, Appointment, AppointmentSlot, PleinClient } from '@plein/client';
import type { AppointmentMode } from '@plein/schema';
import type { ReactiveControllerHost } from 'lit';
import { messageOf } from '../base/errors.ts';
import { dutchInstant, dutchToday, isClockTime, isDay } from '../components/expert-inbox/agenda-time.ts';
import { type FieldErrors, fieldErrorsFrom, hasErrors } from '../form/field-errors.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';

/** Whose agenda to ask for: the viewer's id, so a sign-in or sign-out loads it again. */
export interface AgendaRequest {
  client: PleinClient | undefined;
  /** The signed-in expert's id; undefined when nobody (or no expert) is signed in: then nothing is asked. */
  expertViewerId: string | undefined;
}

/** The fields of the form that offers times, in their order on screen; the error summary follows it. */
export const slotFields = ['date', 'times', 'mode', 'location'] as const;
export type SlotField = (typeof slotFields)[number];

export const appointmentModes: readonly AppointmentMode[] = ['IN_PERSON', 'VIDEO', 'PHONE'];

/** What the server may name in its errors, as the field of this form it belongs to. */
const fieldOfServer: Record<string, SlotField | 'form'> = {
  startsAt: 'times',
  mode: 'mode',
  location: 'location',
  community: 'form',
};

/** The server's limits for one publish (appointment-service.ts). */
export const slotLimits = { timesAtOnce: 50, location: 200 } as const;

export interface SlotFormState {
  /** The day, YYYY-MM-DD, from `<input type="date">`. */
  date: string;
  /** What the time field holds now, HH:MM; "Tijd toevoegen" moves it to `times`. */
  time: string;
  /** The start times added so far, earliest first. */
  times: string[];
  mode: AppointmentMode | '';
  location: string;
  errors: FieldErrors;
  failure: unknown;
  sending: boolean;
}

export type PublishResult = { outcome: 'published'; count: number } | { outcome: 'invalid' | 'failed' | 'ignored' };
export type RemoveResult = 'removed' | 'refused' | 'failed' | 'ignored';

const byStart = (a: AppointmentSlot, b: AppointmentSlot) => a.startsAt.localeCompare(b.startsAt);

const emptyForm = (): SlotFormState => ({
  date: '',
  time: '',
  times: [],
  mode: '',
  location: '',
  errors: {},
  failure: undefined,
  sending: false,
});

/**
 * The expert's agenda in `<plein-expert-inbox>`: their booked appointments from today on, their own free slots with
 * "Verwijderen", and the form that offers new times (a day in Dutch time, one or more start times, how the
 * appointment goes, and an address for one at a location). The server's refusals go to their field, and the form
 * keeps what was typed; a published time joins the list at once.
 */
export class AdvisorAgendaController {
  appointments: Appointment[] = [];
  slots: AppointmentSlot[] = [];
  form: SlotFormState = emptyForm();
  /** The slot whose removal is on its way. */
  removing: string | undefined;
  /** Why a removal did not happen (for example: someone booked the time meanwhile), shown above the list. */
  slotNotice: string | undefined;

  private readonly task: Task<[PleinClient | undefined, string | undefined], AdvisorAgenda>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly request: () => AgendaRequest,
  ) {
    this.task = new Task(host, {
      args: () => {
        const { client, expertViewerId } = this.request();
        return [client, expertViewerId] as [PleinClient | undefined, string | undefined];
      },
      task: async ([client, expertViewerId], { signal }) => {
        const agenda =
          client && expertViewerId ? await client.advisorAgenda({ signal }) : { appointments: [], mySlots: [] };
        if (!signal.aborted) {
          this.appointments = agenda.appointments;
          this.slots = [...agenda.mySlots].sort(byStart);
        }
        return agenda;
      },
    });
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  get error(): unknown {
    return this.task.error;
  }

  reload(): Promise<unknown> {
    return this.task.run();
  }

  set(field: 'date' | 'time' | 'location', value: string): void {
    this.form[field] = value;
    this.host.requestUpdate();
  }

  setMode(mode: AppointmentMode): void {
    this.form.mode = mode;
    this.host.requestUpdate();
  }

  /** "Tijd toevoegen": the time field's value joins the start times. False when there was no time to add. */
  addTime(): boolean {
    const { time } = this.form;
    if (!isClockTime(time)) {
      this.form.errors = { ...this.form.errors, times: this.localize.t('expertInbox.slots.timeInvalid') };
      this.host.requestUpdate();
      return false;
    }
    this.form.times = [...new Set([...this.form.times, time])].sort();
    this.form.time = '';
    this.form.errors = { ...this.form.errors, times: undefined };
    this.host.requestUpdate();
    return true;
  }

  removeTime(time: string): void {
    this.form.times = this.form.times.filter((other) => other !== time);
    this.host.requestUpdate();
  }

  /** Offers the times. A time still in the time field counts too: people forget "Tijd toevoegen". */
  async publish(): Promise<PublishResult> {
    const { client } = this.request();
    const form = this.form;
    if (!client || form.sending) return { outcome: 'ignored' };
    form.failure = undefined;
    const times = [...new Set([...form.times, ...(form.time ? [form.time] : [])])].sort();
    form.errors = this.validate(times);
    if (hasErrors(form.errors)) {
      this.host.requestUpdate();
      return { outcome: 'invalid' };
    }
    form.sending = true;
    this.host.requestUpdate();
    try {
      const payload = await client.publishSlots({
        startsAt: times.map((time) => dutchInstant(form.date, time)!),
        mode: form.mode as AppointmentMode,
        location: form.mode === 'IN_PERSON' ? form.location.trim() : null,
      });
      if (payload.errors.length > 0) {
        form.errors = this.errorsOf(payload.errors);
        return { outcome: 'invalid' };
      }
      const published = new Set(payload.slots.map((slot) => slot.id));
      this.slots = [...this.slots.filter((slot) => !published.has(slot.id)), ...payload.slots].sort(byStart);
      // The next times are often for another day in the same way and place: only the times start over.
      form.times = [];
      form.time = '';
      return { outcome: 'published', count: payload.slots.length };
    } catch (error) {
      form.failure = error;
      return { outcome: 'failed' };
    } finally {
      form.sending = false;
      this.host.requestUpdate();
    }
  }

  /** "Verwijderen": the free slot is gone for citizens. A slot booked meanwhile stays, and the agenda loads again. */
  async remove(slotId: string): Promise<RemoveResult> {
    const { client } = this.request();
    if (!client || this.removing) return 'ignored';
    this.removing = slotId;
    this.slotNotice = undefined;
    this.host.requestUpdate();
    try {
      const payload = await client.removeSlot(slotId);
      if (payload.errors.length === 0) {
        this.slots = [...payload.slots].sort(byStart);
        return 'removed';
      }
      this.slotNotice = payload.errors[0]!.message;
      // Booked meanwhile: it is an appointment now, so both lists change.
      await this.reload();
      return 'refused';
    } catch (error) {
      this.slotNotice = messageOf(error, this.localize.t('expertInbox.slots.removeFailed'));
      return 'failed';
    } finally {
      this.removing = undefined;
      this.host.requestUpdate();
    }
  }

  private errorsOf(errors: readonly { field: string | null; code: string; message: string }[]): FieldErrors {
    return fieldErrorsFrom(errors.map((error) => ({ ...error, field: fieldOfServer[error.field ?? ''] ?? 'form' })));
  }

  /** The server's rules, checked here first so the expert hears about them without a round trip. */
  private validate(times: readonly string[]): FieldErrors {
    const { date, mode, location } = this.form;
    const t = this.localize.t.bind(this.localize);
    const errors: FieldErrors = {};
    if (!date) errors.date = t('expertInbox.slots.dateRequired');
    else if (!isDay(date)) errors.date = t('expertInbox.slots.dateInvalid');
    else if (date < dutchToday()) errors.date = t('expertInbox.slots.datePast');
    if (times.length === 0) errors.times = t('expertInbox.slots.timesRequired');
    else if (times.some((time) => !isClockTime(time))) errors.times = t('expertInbox.slots.timeInvalid');
    else if (times.length > slotLimits.timesAtOnce) {
      errors.times = t('expertInbox.slots.tooManyTimes', slotLimits.timesAtOnce);
    } else if (!errors.date) {
      const instants = times.map((time) => dutchInstant(date, time));
      if (instants.some((instant) => !instant || Date.parse(instant) <= Date.now())) {
        errors.times = t('expertInbox.slots.timesPast');
      }
    }
    if (!mode) errors.mode = t('expertInbox.slots.modeRequired');
    if (mode === 'IN_PERSON' && !location.trim()) errors.location = t('expertInbox.slots.locationRequired');
    else if (mode === 'IN_PERSON' && location.trim().length > slotLimits.location) {
      errors.location = t('expertInbox.slots.locationTooLong', slotLimits.location);
    }
    return errors;
  }
}
