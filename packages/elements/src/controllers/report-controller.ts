import { Task, TaskStatus } from '@lit/task';
import {
  PleinError,
  type PleinClient,
  type ReportData,
  type ReportFrequency,
  type ReportResult,
  type ReportSchedule,
} from '@plein/client';
import type { ReactiveControllerHost } from 'lit';
import { daysInclusive, dutchDay, isDay, MAX_REPORT_DAYS, monthPeriod, quarterPeriod } from '@plein/schema';
import { type Period, type PeriodMode, recentMonths, recentQuarters } from '../components/report/periods.ts';
import type { FieldErrors } from '../form/field-errors.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';

export interface ReportRequest {
  client: PleinClient | undefined;
  /** The signed-in viewer's id; undefined when nobody is signed in: then nothing is asked. */
  viewerId: string | undefined;
}

/** The custom period's fields, in their order on screen. */
export const customFields = ['from', 'to'] as const;

/** True when a call failed because the viewer may not do it (signed in, but not as staff or admin). */
export function isForbidden(error: unknown): boolean {
  return error instanceof PleinError && error.kind === 'forbidden';
}

/** True when the server no longer knows the viewer (the session ended, or the host's token is refused). */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof PleinError && error.kind === 'unauthenticated';
}

/**
 * The report behind `<plein-report>`: which period and municipality it is for, and the report itself. A month or
 * quarter loads as soon as it is chosen; a custom period loads after "Toon rapport" and only when it is valid. Every
 * choice stays as it was when loading fails, so "Opnieuw proberen" asks for the same again.
 */
export class ReportController {
  /** The months to choose from, newest first (`2026-10`). */
  readonly months: string[];
  /** The quarters to choose from, newest first (`2026-Q3`). */
  readonly quarters: string[];
  mode: PeriodMode = 'month';
  month: string;
  quarter: string;
  /** The custom period's days as typed (`YYYY-MM-DD`, or empty). */
  custom: Record<(typeof customFields)[number], string> = { from: '', to: '' };
  /** The municipality's slug; empty for all of them. */
  municipality = '';
  errors: FieldErrors = {};
  /** The period asked for: the report on screen is about it, or is on its way. */
  requested: Period;
  /** The community's municipalities, from the last report that came in. */
  municipalities: { slug: string; name: string }[] = [];

  private readonly task: Task<
    [PleinClient | undefined, string | undefined, string, string, string],
    ReportResult | undefined
  >;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly request: () => ReportRequest,
    today: string = dutchDay(),
  ) {
    this.months = recentMonths(today);
    this.quarters = recentQuarters(today);
    this.month = this.months[0]!;
    this.quarter = this.quarters[0]!;
    this.requested = monthPeriod(this.month);
    this.task = new Task(host, {
      args: () => {
        const { client, viewerId } = this.request();
        return [client, viewerId, this.requested.from, this.requested.to, this.municipality] as [
          PleinClient | undefined,
          string | undefined,
          string,
          string,
          string,
        ];
      },
      task: async ([client, viewerId, from, to, municipality], { signal }) => {
        if (!client || !viewerId) return undefined;
        const result = await client.report({ from, to, municipality: municipality || null }, { signal });
        if (!signal.aborted) this.municipalities = result.municipalities;
        return result;
      },
    });
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  get error(): unknown {
    return this.task.error;
  }

  /** The report on screen; undefined while one loads or when loading failed. */
  get report(): ReportData | undefined {
    return this.task.status === TaskStatus.COMPLETE ? this.task.value?.report : undefined;
  }

  /** Asks again for the same period and municipality. */
  retry(): Promise<unknown> {
    return this.task.run();
  }

  /** Month and quarter load at once; a custom period starts from the period asked for last, to adjust. */
  setMode(mode: PeriodMode): void {
    this.mode = mode;
    this.errors = {};
    if (mode === 'month') this.ask(monthPeriod(this.month));
    else if (mode === 'quarter') this.ask(quarterPeriod(this.quarter));
    else if (!this.custom.from && !this.custom.to) this.custom = { ...this.requested };
    this.host.requestUpdate();
  }

  setMonth(month: string): void {
    this.month = month;
    this.ask(monthPeriod(month));
  }

  setQuarter(quarter: string): void {
    this.quarter = quarter;
    this.ask(quarterPeriod(quarter));
  }

  setCustom(field: (typeof customFields)[number], day: string): void {
    this.custom = { ...this.custom, [field]: day };
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
    this.host.requestUpdate();
  }

  setMunicipality(slug: string): void {
    this.municipality = slug;
    this.host.requestUpdate();
  }

  /**
   * "Toon rapport": checks the custom period and asks for it. `incomplete` names a field whose date the browser could
   * not read (a day typed without its year), which the form then reports as missing. Returns whether it was valid.
   */
  showCustom(incomplete: { from?: boolean; to?: boolean } = {}): boolean {
    const t = this.localize.t.bind(this.localize);
    const from = incomplete.from ? '' : this.custom.from.trim();
    const to = incomplete.to ? '' : this.custom.to.trim();
    const errors: FieldErrors = {};
    if (!isDay(from)) errors.from = t('report.custom.fromRequired');
    if (!isDay(to)) errors.to = t('report.custom.toRequired');
    if (!errors.from && !errors.to) {
      if (to < from) errors.to = t('report.custom.toBeforeFrom');
      else if (daysInclusive(from, to) > MAX_REPORT_DAYS) errors.to = t('report.custom.tooLong', MAX_REPORT_DAYS);
    }
    this.errors = errors;
    this.host.requestUpdate();
    if (Object.values(errors).some(Boolean)) return false;
    const same = from === this.requested.from && to === this.requested.to;
    // The same period again after a failure is a retry; otherwise the new period starts the request.
    if (same && this.task.status === TaskStatus.ERROR) void this.task.run();
    else this.ask({ from, to });
    return true;
  }

  private ask(period: Period): void {
    this.requested = period;
    this.host.requestUpdate();
  }
}

/** The schedule's fields as the admin sets them: kept after a failed save until they save or leave. */
export interface ScheduleFields {
  frequency: ReportFrequency | null;
  recipientIds: string[];
}

export type ScheduleSaveOutcome = 'saved' | 'invalid' | 'failed' | 'ignored';

/** The server's field names ("recipientIds", "input.recipientIds.0") as the form's. */
function scheduleFieldOf(field: string | null): 'frequency' | 'recipientIds' | 'form' {
  const parts = field?.split('.') ?? [];
  if (parts.includes('recipientIds')) return 'recipientIds';
  if (parts.includes('frequency')) return 'frequency';
  return 'form';
}

/**
 * "Rapport per e-mail": how often the report goes out and to whom. Staff read it; an admin changes it, and a failed
 * save keeps every choice.
 */
export class ReportScheduleController {
  /** The schedule as the server has it. */
  schedule: ReportSchedule | undefined;
  fields: ScheduleFields = { frequency: null, recipientIds: [] };
  errors: FieldErrors = {};
  failure: unknown = undefined;
  saving = false;
  saved = false;

  private readonly task: Task<[PleinClient | undefined, string | undefined], ReportSchedule | undefined>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly request: () => ReportRequest,
  ) {
    this.task = new Task(host, {
      args: () => {
        const { client, viewerId } = this.request();
        return [client, viewerId] as [PleinClient | undefined, string | undefined];
      },
      task: async ([client, viewerId], { signal }) => {
        this.schedule = undefined;
        if (!client || !viewerId) return undefined;
        const schedule = await client.reportSchedule({ signal });
        if (!signal.aborted) this.show(schedule);
        return schedule;
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

  setFrequency(frequency: ReportFrequency | null): void {
    this.fields = { ...this.fields, frequency };
    this.saved = false;
    if (this.errors.frequency) this.errors = { ...this.errors, frequency: undefined };
    this.host.requestUpdate();
  }

  setRecipient(id: string, chosen: boolean): void {
    const ids = new Set(this.fields.recipientIds);
    if (chosen) ids.add(id);
    else ids.delete(id);
    // In the order of the list on screen; an id that is no longer on it stays at the end.
    const order = this.schedule?.candidates.map((candidate) => candidate.id) ?? [];
    const recipientIds = [
      ...order.filter((candidate) => ids.has(candidate)),
      ...[...ids].filter((x) => !order.includes(x)),
    ];
    this.fields = { ...this.fields, recipientIds };
    this.saved = false;
    if (recipientIds.length > 0 && this.errors.recipientIds) this.errors = { ...this.errors, recipientIds: undefined };
    this.host.requestUpdate();
  }

  async save(): Promise<ScheduleSaveOutcome> {
    const { client } = this.request();
    if (!client || this.saving) return 'ignored';
    const fields = this.fields;
    this.failure = undefined;
    this.saved = false;
    if (fields.frequency && fields.recipientIds.length === 0) {
      this.errors = { recipientIds: this.localize.t('report.schedule.recipientsRequired') };
      this.host.requestUpdate();
      return 'invalid';
    }
    this.errors = {};
    this.saving = true;
    this.host.requestUpdate();
    try {
      const payload = await client.setReportSchedule(fields);
      if (!payload.schedule) {
        const errors: FieldErrors = {};
        for (const error of payload.errors) errors[scheduleFieldOf(error.field)] ??= error.message;
        this.errors = Object.keys(errors).length ? errors : { form: this.localize.t('report.schedule.notSaved') };
        return 'invalid';
      }
      this.show(payload.schedule);
      this.saved = true;
      return 'saved';
    } catch (error) {
      this.failure = error;
      return 'failed';
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }

  private show(schedule: ReportSchedule): void {
    this.schedule = schedule;
    this.fields = {
      frequency: schedule.frequency,
      recipientIds: schedule.recipients.map((recipient) => recipient.id),
    };
  }
}
