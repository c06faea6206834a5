import type { AdviceLine } from '@plein/client';
import { html, nothing } from 'lit';
import type { LocalizeController } from '../../localize/localize-controller.ts';
import { calendarDay, openingTime, weekdayName } from './contact-time.ts';

export interface AdviceLineView {
  localize: LocalizeController;
  line: AdviceLine;
  /** The level of the section's heading. */
  level: number;
  /** The sidebar form: the number and whether it is open now, without the week's hours. */
  compact: boolean;
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * Whether the line is open now, in the server's words ("Nu open tot 17:00", "Nu gesloten, weer open op dinsdag om
 * 9:00"). The words say it; the mark beside them (filled when open, hollow when closed) shows it without colour.
 */
function renderStatus(line: AdviceLine) {
  const { open, label } = line.status;
  return html`<p part="status ${open ? 'status-open' : 'status-closed'}" class="status ${open ? 'open' : 'closed'}">
    <span part="status-mark" class="status-mark" aria-hidden="true"></span>
    <span>${label}</span>
  </p>`;
}

/** The week in Dutch weekday names, Monday first; a weekday can have more than one block, or be closed. */
function renderOpeningHours(localize: LocalizeController, line: AdviceLine, level: number) {
  const t: LocalizeController['t'] = (key, ...values) => localize.t(key, ...values);
  const list = new Intl.ListFormat(localize.locale, { type: 'conjunction' });
  const days = [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
    const blocks = line.openingHours.filter((block) => block.weekday === weekday);
    const times = blocks.map((block) => t('contact.phone.hours', openingTime(block.opens), openingTime(block.closes)));
    return { weekday, text: times.length > 0 ? list.format(times) : t('contact.phone.closed'), open: times.length > 0 };
  });
  return html`
    <table part="opening-hours" class="opening-hours">
      <caption>
        ${t('contact.phone.hoursHeading')}
      </caption>
      <thead class="visually-hidden">
        <tr>
          <th scope="col">${t('contact.phone.day')}</th>
          <th scope="col">${t('contact.phone.times')}</th>
        </tr>
      </thead>
      <tbody>
        ${days.map(
          (day) =>
            html`<tr class=${day.open ? '' : 'closed-day'}>
              <th scope="row">${capitalise(weekdayName(day.weekday, localize.locale))}</th>
              <td>${day.text}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      line.closedDays.length > 0
        ? html`<div class="closed-days-heading" role="heading" aria-level=${Math.min(level + 1, 6)}>
              ${t('contact.phone.closedDaysHeading')}
            </div>
            <ul part="closed-days" class="closed-days">
              ${line.closedDays.map(
                (day) =>
                  html`<li>${t('contact.phone.closedOn', calendarDay(day.date, localize.locale), day.reason)}</li>`,
              )}
            </ul>`
        : nothing
    }
  `;
}

/** "Bel de adviestelefoon": the number as a `tel:` link, open or closed now, and (full) the hours and closed days. */
export function renderAdviceLine(view: AdviceLineView) {
  const { localize, line, level, compact } = view;
  return html`
    <section id="phone" part="channel phone" class="channel" aria-labelledby="phone-heading">
      <div
        id="phone-heading"
        part="channel-heading"
        class="channel-heading"
        role="heading"
        aria-level=${level}
        tabindex="-1"
      >
        ${localize.t('contact.phone.heading')}
      </div>
      <p class="phone-number"><a part="phone-number" dir="ltr" href=${line.phoneHref}>${line.phoneNumber}</a></p>
      ${renderStatus(line)} ${line.description ? html`<p part="description">${line.description}</p>` : nothing}
      ${compact ? nothing : renderOpeningHours(localize, line, level)}
    </section>
  `;
}
