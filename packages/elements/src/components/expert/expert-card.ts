import type { ExpertProfile } from '@plein/client';
import type { Independence } from '@plein/schema';
import { css, html, nothing } from 'lit';
import type { LocalizeController } from '../../localize/localize-controller.ts';

/**
 * What `<plein-expert>`, `<plein-experts>` and the expert answers in `<plein-question>` share: who an expert is in the
 * same plain words everywhere (role, independence, the verified badge), the photo or initials, and the dates.
 * Render helpers rather than an element, so each host keeps its own headings, links and parts around them.
 */

/** What every place knows of an expert: a thread's answer author has these, a profile has more. */
export interface ExpertFacts {
  id: string;
  displayName: string;
  title: string | null;
  organisation: string | null;
  independent: boolean;
  /** From the current verification; null without one. */
  independence: Independence | null;
  independenceNote: string | null;
  verified: boolean;
}

/**
 * The independence in plain words, the same four statements on the profile, in the directory and in a thread:
 * "Onafhankelijk: werkt niet voor UWV of de gemeente", "Werkt voor de gemeente", "Werkt voor UWV" or "Werkt voor …"
 * (the verification's note). Nothing for an expert without a current verification: there is nothing checked to say.
 */
export function independenceText(localize: LocalizeController, expert: ExpertFacts): string {
  if (!expert.verified) return '';
  switch (expert.independence) {
    case 'INDEPENDENT':
    case 'MUNICIPALITY':
    case 'UWV':
      return localize.t(`expert.independence.${expert.independence}`);
    case 'OTHER':
      return localize.t('expert.independence.OTHER', expert.independenceNote?.trim() || expert.organisation || '');
    default:
      return '';
  }
}

/**
 * The role line ("Klantmanager, ISD Noordoost") and the independence line. The organisation is left out of the role
 * when the independence line already names it ("Werkt voor Juridisch Loket Groningen"), so nothing is read twice.
 */
export function expertLines(localize: LocalizeController, expert: ExpertFacts) {
  const independence = independenceText(localize, expert);
  const organisation = expert.organisation && !independence.includes(expert.organisation) ? expert.organisation : '';
  return { role: [expert.title, organisation].filter(Boolean).join(', '), independence };
}

/**
 * A date in words, "1 maart 2027". A date without a time (YYYY-MM-DD) is that calendar day; a moment is read in the
 * Netherlands' time zone, so a verification that ends at midnight there shows its own day on every computer.
 */
export function formatDate(localize: LocalizeController, value: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  const timeZone = dateOnly ? 'UTC' : 'Europe/Amsterdam';
  return new Intl.DateTimeFormat(localize.locale, { dateStyle: 'long', timeZone }).format(date);
}

/** "Antwoordt meestal binnen 3 uur": rounded up, so the promise is never shorter than the figure. Empty when unknown. */
export function responseTimeText(localize: LocalizeController, minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes) || minutes < 0) return '';
  const hour = 60;
  const day = 24 * hour;
  if (minutes <= hour) return localize.t('expert.responseTime.hour');
  if (minutes < day) return localize.t('expert.responseTime.hours', Math.ceil(minutes / hour));
  if (minutes < 14 * day) return localize.t('expert.responseTime.days', Math.ceil(minutes / day));
  return localize.t('expert.responseTime.weeks', Math.ceil(minutes / (7 * day)));
}

/** A photo address an `<img>` may load: https (or http on a test host), or an inline image. Anything else is dropped. */
export function photoSource(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(url)) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export interface AvatarOptions {
  /** The photo could not be loaded: show the initials instead. */
  failed?: boolean;
  onError?: () => void;
}

/**
 * The photo with the expert's own alternative text, or the initials in a circle. The initials are hidden from
 * screen readers: the name is right next to them.
 */
export function renderAvatar(
  expert: Pick<ExpertProfile, 'photoUrl' | 'photoAlt' | 'initials'>,
  { failed = false, onError }: AvatarOptions = {},
) {
  const source = photoSource(expert.photoUrl);
  if (source && !failed) {
    return html`<img part="photo" class="avatar photo" src=${source} alt=${expert.photoAlt ?? ''} @error=${onError} />`;
  }
  return html`<span part="initials" class="avatar initials" aria-hidden="true"
    ><span class="initials-text">${expert.initials}</span></span
  >`;
}

/**
 * "Geverifieerde expert", with the date until which the verification holds as its accessible description (and as
 * visible text beside it). Nothing when the server says the expert is not verified: an expired verification drops it.
 */
export function renderVerified(
  localize: LocalizeController,
  expert: Pick<ExpertProfile, 'verified' | 'verification'>,
  idSuffix: string,
) {
  if (!expert.verified) return nothing;
  const until = expert.verification?.current ? expert.verification.validUntil : undefined;
  const untilId = `verified-until-${idSuffix}`;
  return html`<p part="verified" class="verified">
    <span part="verified-badge" class="badge verified-badge" aria-describedby=${until ? untilId : nothing}
      >${localize.t('expert.verified')}</span
    >
    ${
      until
        ? html`<span part="verified-until" id=${untilId} class="verified-until"
            >${localize.t('expert.verifiedUntil', formatDate(localize, until))}</span
          >`
        : nothing
    }
  </p>`;
}

/** The topics as a list with a label, for screen readers a list of so many items. */
export function renderTopics(
  localize: LocalizeController,
  topics: readonly { slug: string; name: string }[],
  id: string,
) {
  if (topics.length === 0) return nothing;
  return html`<div part="topics" class="topics">
    <span id=${id} class="topics-label">${localize.t('expert.topics')}:</span>
    <ul class="topic-list" aria-labelledby=${id}>
      ${topics.map((topic) => html`<li part="topic" class="topic">${topic.name}</li>`)}
    </ul>
  </div>`;
}

export const expertCardStyles = css`
  @layer plein {
    .avatar {
      flex: none;
      inline-size: var(--_plein-avatar-size, 4.5em);
      block-size: var(--_plein-avatar-size, 4.5em);
      border-radius: 50%;
    }

    .photo {
      object-fit: cover;
      background: var(--_plein-surface);
    }

    .initials {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      background: var(--_plein-expert-color);
      color: var(--_plein-primary-text);
    }

    /* Its own size on an inner box, so the circle's em-based size stays the photo's. */
    .initials-text {
      font-size: calc(var(--_plein-avatar-size, 4.5em) / 3.5);
      font-weight: 700;
      line-height: 1;
      letter-spacing: 0.05em;
    }

    .role,
    .independence {
      display: block;
    }

    .independence {
      font-weight: 600;
    }

    .verified {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 0.75em;
    }

    .verified-badge {
      color: var(--_plein-expert-color);
    }

    /* The mark is decoration: the words say "verified". */
    .verified-badge::before {
      content: '✓' / '';
      margin-inline-end: 0.25em;
    }

    .verified-until {
      color: var(--_plein-muted-color);
    }

    .topics {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25em 0.5em;
      margin-block-end: 0.75em;
    }

    .topics-label {
      font-weight: 600;
    }

    .topic-list {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 0.5em;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .topic {
      padding-block: 0.125em;
      padding-inline: 0.5em;
      border-radius: var(--_plein-radius);
      background: var(--_plein-surface);
    }
  }
`;
