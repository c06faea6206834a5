import { Task, TaskStatus } from '@lit/task';
import type {
  AppointmentSlot,
  BookAppointmentFields,
  BookAppointmentPayload,
  BookedAppointment,
  PleinClient,
} from '@plein/client';
import { limits } from '@plein/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AntiSpamSignals } from '../form/anti-spam.ts';
import { type FieldErrors, fieldErrorsFrom, hasErrors } from '../form/field-errors.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';

/** The server's limits for a booking (services/appointment-service.ts). */
export const bookingLimits = { name: { max: 80 }, note: { max: 500 } } as const;

/** What the citizen chose and typed; kept as typed when anything fails. */
export interface BookingFields {
  topic: string;
  slotId: string;
  name: string;
  email: string;
  note: string;
}

export type BookingField = keyof BookingFields;

/** The fields in the order of the form; the error summary lists them so. */
export const bookingFields: readonly BookingField[] = ['topic', 'slotId', 'name', 'email', 'note'];

/** A chosen time that someone else took first, or that is no longer offered: the list must be fetched again. */
const goneSlotCodes = new Set(['SLOT_TAKEN', 'SLOT_UNAVAILABLE']);

export type BookingOutcome = 'invalid' | 'rejected' | 'taken' | 'booked' | 'failed' | 'busy';

export interface BookingRequest {
  client: PleinClient | undefined;
  /** The topic to start with (the element's `topic`). */
  topic: string;
  /** The community's topic slugs once loaded. */
  topics?: readonly string[];
}

type Translate = LocalizeController['t'];

// Deliberately loose: the server checks the address properly; this only catches typos such as a missing "@" or dot.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const emptyFields = (topic: string): BookingFields => ({ topic, slotId: '', name: '', email: '', note: '' });

/** The server's rules for a booking, in the browser. */
export function validateBooking(fields: BookingFields, t: Translate, topics?: readonly string[]): FieldErrors {
  const name = fields.name.trim();
  const email = fields.email.trim();
  const errors: FieldErrors = {
    topic: !fields.topic || (topics && !topics.includes(fields.topic)) ? t('contact.topicRequired') : undefined,
    slotId: fields.slotId ? undefined : t('contact.appointment.slotRequired'),
    name: !name
      ? t('contact.appointment.nameRequired')
      : name.length > bookingLimits.name.max
        ? t('contact.tooLong', bookingLimits.name.max)
        : undefined,
    email: !email
      ? t('contact.emailRequired')
      : email.length > limits.email.max
        ? t('contact.tooLong', limits.email.max)
        : emailShape.test(email)
          ? undefined
          : t('contact.invalidEmail'),
    note: fields.note.trim().length > bookingLimits.note.max ? t('contact.tooLong', bookingLimits.note.max) : undefined,
  };
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message));
}

/**
 * The appointment form in `<plein-contact>`: a topic, then the next free slots of advisors for it, then a name or
 * pseudonym, an e-mail address and an optional note. A slot someone else took first comes back as an error at the
 * slot list, which is fetched again; everything typed stays. What was typed lives in memory only (a name and an
 * address need no draft on the device), and a retry of the same booking carries the same idempotency key.
 */
export class BookingController implements ReactiveController {
  fields: BookingFields = emptyFields('');
  errors: FieldErrors = {};
  /** Why the last send failed (a `PleinError`); cleared when the next one starts. */
  failure?: unknown;
  /** The appointment once it is made. */
  booked?: BookedAppointment;
  /** The slot it was made for, as it was listed: for the confirmation's words. */
  bookedSlot?: AppointmentSlot;
  /** The slot list was fetched again after the chosen time was taken: said once through the live region. */
  slotsRefreshed = false;
  readonly antiSpam = new AntiSpamSignals();

  private started = false;
  private idempotencyKey?: string;
  private keyedInput?: string;
  private readonly slotsTask: Task<[PleinClient | undefined, string], AppointmentSlot[] | undefined>;
  private readonly submission: Task<[PleinClient, BookAppointmentFields], BookAppointmentPayload>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly request: () => BookingRequest,
    private readonly t: Translate,
  ) {
    host.addController(this);
    // Only for a chosen topic: without one there is nothing to ask for.
    this.slotsTask = new Task(host, {
      args: () => [this.request().client, this.fields.topic] as [PleinClient | undefined, string],
      task: async ([client, topic], { signal }) => {
        if (!client || !topic) return undefined;
        const info = await client.contact(topic, { signal });
        return info.contact.appointments?.freeSlots ?? [];
      },
    });
    this.submission = new Task(host, {
      autoRun: false,
      task: ([client, input], { signal }) => client.bookAppointment(input, { signal }),
    });
  }

  hostUpdate(): void {
    if (this.started) return;
    this.started = true;
    this.fields = emptyFields(this.request().topic);
  }

  get sending(): boolean {
    return this.submission.status === TaskStatus.PENDING;
  }

  get slotsStatus(): TaskStatus {
    return this.slotsTask.status;
  }

  /** The free slots for the chosen topic; undefined while none is chosen or they are loading for the first time. */
  get slots(): readonly AppointmentSlot[] | undefined {
    return this.slotsTask.value;
  }

  get slotsError(): unknown {
    return this.slotsTask.error;
  }

  retrySlots(): Promise<unknown> {
    return this.slotsTask.run();
  }

  update(field: BookingField, value: string): void {
    const topicChanged = field === 'topic' && value !== this.fields.topic;
    // Another topic has other advisors: a time chosen for the old one does not fit.
    this.fields = { ...this.fields, [field]: value, ...(topicChanged ? { slotId: '' } : {}) };
    this.slotsRefreshed = false;
    if (this.errors[field] || (topicChanged && this.errors.slotId)) {
      const { topics } = this.request();
      const now = validateBooking(this.fields, this.t, topics);
      this.errors = { ...this.errors, [field]: now[field], ...(topicChanged ? { slotId: undefined } : {}) };
    }
    this.host.requestUpdate();
  }

  /** A topic from the host page or a hand-off. */
  chooseTopic(topic: string): void {
    if (this.booked) this.startAgain();
    if (this.fields.topic !== topic) this.update('topic', topic);
  }

  /** A topic from the host page, used only while the citizen has not chosen one themselves. */
  preselectTopic(previous: string | undefined, topic: string): void {
    if (this.fields.topic !== (previous ?? '') || this.booked) return;
    this.update('topic', topic);
  }

  /** After a booking: a new, empty form for another appointment (the topic stays). */
  startAgain(): void {
    this.fields = emptyFields(this.fields.topic);
    this.booked = undefined;
    this.bookedSlot = undefined;
    this.errors = {};
    this.failure = undefined;
    this.idempotencyKey = undefined;
    this.keyedInput = undefined;
    this.antiSpam.reset();
    this.host.requestUpdate();
  }

  async submit(): Promise<BookingOutcome> {
    const { client, topics } = this.request();
    if (!client || this.sending || this.booked) return 'busy';
    this.failure = undefined;
    this.slotsRefreshed = false;
    this.errors = validateBooking(this.fields, this.t, topics);
    if (hasErrors(this.errors)) {
      this.host.requestUpdate();
      return 'invalid';
    }
    const { topic, slotId, name, email, note } = this.fields;
    const input = { slotId, topic, name: name.trim(), email: email.trim(), note: note.trim() || null };
    const fingerprint = JSON.stringify(input);
    if (!this.idempotencyKey || this.keyedInput !== fingerprint) {
      this.idempotencyKey = client.newIdempotencyKey();
      this.keyedInput = fingerprint;
    }
    const slot = this.slots?.find((candidate) => candidate.id === slotId);
    await this.submission.run([
      client,
      { ...input, idempotencyKey: this.idempotencyKey, antiSpam: this.antiSpam.signals() },
    ]);
    if (this.submission.status === TaskStatus.ERROR) {
      this.failure = this.submission.error;
      this.host.requestUpdate();
      return 'failed';
    }
    return this.take(this.submission.value!, slot);
  }

  private async take(payload: BookAppointmentPayload, slot: AppointmentSlot | undefined): Promise<BookingOutcome> {
    if (payload.appointment) {
      this.booked = payload.appointment;
      this.bookedSlot = slot;
      this.errors = {};
      this.idempotencyKey = undefined;
      this.keyedInput = undefined;
      this.host.requestUpdate();
      return 'booked';
    }
    const known = new Set<string>(bookingFields);
    this.errors = fieldErrorsFrom(
      payload.errors.map((error) => (known.has(error.field ?? '') ? error : { ...error, field: null })),
    );
    if (!hasErrors(this.errors)) this.errors = { form: this.t('contact.appointment.notBooked') };
    if (!payload.errors.some((error) => goneSlotCodes.has(error.code))) {
      this.host.requestUpdate();
      return 'rejected';
    }
    // The server's message stays at the slot list; the choice goes, and the list shows what is free now.
    this.errors = { ...this.errors, slotId: this.errors.slotId ?? this.errors.form, form: undefined };
    this.fields = { ...this.fields, slotId: '' };
    this.idempotencyKey = undefined;
    this.keyedInput = undefined;
    await this.slotsTask.run();
    this.slotsRefreshed = this.slotsTask.status === TaskStatus.COMPLETE;
    this.host.requestUpdate();
    return 'taken';
  }
}
