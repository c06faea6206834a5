import type { Locale } from '../i18n/locale.ts';
import type { ContactChannelsRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { AuditLog } from './audit-log.ts';
import type { Clock } from './clock.ts';
import { validateContactChannels, phoneHrefOf } from './contact-validation.ts';
import { dutchDay } from '@plein/schema';
import type { UserError } from './errors.ts';
import { type OpeningBlock, openStatus } from './opening-hours.ts';
import { type Actor, cliActor } from './verification-service.ts';
import { requireRole, type Viewer } from './viewer.ts';

/** A day the advice line is closed although its weekday is open, such as a public holiday. */
export interface ClosedDay {
  /** YYYY-MM-DD, a Dutch day. */
  date: string;
  reason: string | null;
}

/** The advice line as staff set it (the JSON of `contact_channels.advice_line`). */
export interface AdviceLineSettings {
  /** As people write it, for example '0800-0123'. */
  phoneNumber: string;
  description: string | null;
  /** By weekday and time. */
  openingHours: OpeningBlock[];
  /** By date, past ones included. */
  closedDays: ClosedDay[];
}

export interface EmailServiceSettings {
  description: string | null;
  answerWithinDays: number;
}

export interface AppointmentSettings {
  description: string | null;
  durationMinutes: number;
}

/**
 * A community's channels as stored, and the shape of `plein contact set --file` and of the seed: the contract's
 * ContactChannelsInput without `community`. A channel that is null is not offered.
 */
export interface ContactSettings {
  adviceLine: AdviceLineSettings | null;
  emailService: EmailServiceSettings | null;
  appointments: AppointmentSettings | null;
}

/** How many closed days `AdviceLine.closedDays` lists, from today on. */
export const LISTED_CLOSED_DAYS = 20;

/** `AdviceLine` of the contract; `status` is a resolver (ContactService.status), computed when it is asked for. */
export interface AdviceLine {
  phoneNumber: string;
  phoneHref: string;
  description: string | null;
  openingHours: OpeningBlock[];
  /**
   * From today (Dutch time) on, at most LISTED_CLOSED_DAYS. The dates are unique, so these hold every closed day in
   * the status's look-ahead of 15 days (opening-hours.ts).
   */
  closedDays: ClosedDay[];
}

/** `EmailService` of the contract. */
export interface EmailService {
  communityId: string;
  description: string | null;
  answerWithinDays: number;
}

/** `AppointmentService` of the contract; `freeSlots` is resolved from `communityId` by the appointments' service. */
export interface AppointmentService {
  communityId: string;
  description: string | null;
  durationMinutes: number;
}

/** `ContactChannels` of the contract. */
export interface ContactChannels {
  adviceLine: AdviceLine | null;
  emailService: EmailService | null;
  appointments: AppointmentService | null;
}

/** `OpenStatus` of the contract, with the label in the caller's language. */
export interface AdviceLineStatus {
  open: boolean;
  changesAt: string | null;
  label: string;
}

export interface ContactChannelsResult {
  contact: ContactChannels | null;
  errors: UserError[];
}

const parsed = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

/** The settings in a stored row; every channel null without one. */
export function toContactSettings(row: ContactChannelsRow | undefined): ContactSettings {
  return {
    adviceLine: parsed<AdviceLineSettings>(row?.advice_line ?? null),
    emailService: parsed<EmailServiceSettings>(row?.email_service ?? null),
    appointments: parsed<AppointmentSettings>(row?.appointments ?? null),
  };
}

const json = (value: object | null) => (value === null ? null : JSON.stringify(value));

export function toContactChannelsRow(
  communityId: string,
  settings: ContactSettings,
  updatedAt: string,
): ContactChannelsRow {
  return {
    community_id: communityId,
    advice_line: json(settings.adviceLine),
    email_service: json(settings.emailService),
    appointments: json(settings.appointments),
    updated_at: updatedAt,
  };
}

/** The channels as residents see them at `now`: past closed days left out. */
export function toContactChannels(communityId: string, settings: ContactSettings, now: Date): ContactChannels {
  const { adviceLine, emailService, appointments } = settings;
  const today = dutchDay(now);
  return {
    adviceLine: adviceLine && {
      phoneNumber: adviceLine.phoneNumber,
      phoneHref: phoneHrefOf(adviceLine.phoneNumber),
      description: adviceLine.description,
      openingHours: adviceLine.openingHours,
      closedDays: adviceLine.closedDays.filter((day) => day.date >= today).slice(0, LISTED_CLOSED_DAYS),
    },
    emailService: emailService && { communityId, ...emailService },
    appointments: appointments && { communityId, ...appointments },
  };
}

/** Compared by identity, not by shape: no object that came with a request can be the CLI actor. */
const isCli = (actor: Actor | null | undefined): actor is typeof cliActor => actor === cliActor;

/**
 * The ways residents reach a person next to the forum: an advice line with opening hours, the private e-mail
 * question and appointments. Everyone reads them; staff and admins of the community (and the CLI) set them.
 */
export class ContactService {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** The community's channels as stored; every channel null when staff never set them. */
  async settings(communityId: string): Promise<ContactSettings> {
    return toContactSettings(await this.store.contact.channels(communityId));
  }

  /** Public: the community's channels at `now`; a channel the community does not offer is null. */
  async channels(communityId: string, now: Date = this.clock()): Promise<ContactChannels> {
    return toContactChannels(communityId, await this.settings(communityId), now);
  }

  /** Open or closed at `now` (by default the moment of the request), in Dutch time, labelled in `locale`. */
  status(line: AdviceLine, locale: Locale, now: Date = this.clock()): AdviceLineStatus {
    const status = openStatus(
      line.openingHours,
      line.closedDays.map((day) => day.date),
      now,
    );
    return { open: status.open, changesAt: status.changesAt, label: status.label[locale] };
  }

  /**
   * Staff and admins of the community (and the CLI): replace the channels; a channel left null is switched off.
   * Stored with its audit entry, or not at all.
   */
  async setChannels(actor: Actor | null | undefined, rawInput: unknown): Promise<ContactChannelsResult> {
    const viewer: Viewer | null = isCli(actor) ? null : requireRole(actor, actor?.communityId ?? '', 'STAFF', 'ADMIN');
    const validated = validateContactChannels(rawInput);
    if (!validated.ok) return { contact: null, errors: validated.errors };
    const { community: slug, ...settings } = validated.value;
    const community = await this.store.communityBySlug(slug);
    if (!community) return { contact: null, errors: [{ field: 'community', code: 'UNKNOWN_COMMUNITY' }] };
    // Staff of one community have no say in another.
    if (viewer) requireRole(viewer, community.id, 'STAFF', 'ADMIN');

    const now = this.clock();
    await this.store.transaction(async (store) => {
      await store.contact.saveChannels(toContactChannelsRow(community.id, settings, now.toISOString()));
      // What changed, as flags and counts; the descriptions are in the row itself.
      await this.audit.record(
        {
          communityId: community.id,
          actorUserId: viewer?.userId ?? null,
          action: 'contact.channels-changed',
          subjectType: 'community',
          subjectId: community.id,
          detail: {
            ...(viewer === null && { source: 'cli' }),
            adviceLine: settings.adviceLine !== null,
            openingHours: settings.adviceLine?.openingHours.length ?? 0,
            closedDays: settings.adviceLine?.closedDays.length ?? 0,
            emailService: settings.emailService !== null,
            appointments: settings.appointments !== null,
          },
        },
        store,
      );
    });
    return { contact: toContactChannels(community.id, settings, now), errors: [] };
  }
}
