import { TaskStatus } from '@lit/task';
import type { ReportFrequency, ReportSchedule } from '@plein/client';
import {
  formatReportDay,
  formatReportPeriod,
  quarterPeriod,
  type ReportData,
  type ReportDisplayLocale as ReportLocale,
  reportCsv,
  reportFileName,
  reportJson,
  type ReportTable,
  reportTables,
} from '@plein/schema';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { PleinElement } from '../../base/plein-element.ts';
import { ChartSizeController } from '../../controllers/chart-size-controller.ts';
import {
  customFields,
  isForbidden,
  isUnauthenticated,
  ReportController,
  ReportScheduleController,
} from '../../controllers/report-controller.ts';
import { SessionController } from '../../controllers/session-controller.ts';
import { orderedErrors, renderErrorSummary } from '../../form/error-summary.ts';
import { intlLocales } from '../../localize/localize-controller.ts';
import { common } from '../../localize/nl/common.ts';
import { report as reportStrings } from '../../localize/nl/report.ts';
import { choiceStyles } from '../../styles/choice.styles.ts';
import { errorSummaryStyles } from '../../styles/error-summary.styles.ts';
import { renderBarChart, renderBarLegend } from './bar-chart.ts';
import { gapsOf, renderLineChart, renderLineLegend } from './line-chart.ts';
import { monthName, type PeriodMode, periodKind } from './periods.ts';
import { reportStyles } from './report.styles.ts';
import { type BarChartKind, barSummary, type ChartRow, overTimeSummary } from './summaries.ts';

const modes: readonly PeriodMode[] = ['month', 'quarter', 'custom'];

const shortMonths = new Map<ReportLocale, Intl.DateTimeFormat>();
/** "okt. 2026": one format per language, made once. */
function shortMonth(locale: ReportLocale): Intl.DateTimeFormat {
  let format = shortMonths.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocales[locale], {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    shortMonths.set(locale, format);
  }
  return format;
}
const frequencies: readonly (ReportFrequency | null)[] = [null, 'WEEKLY', 'MONTHLY'];

/**
 * @summary For municipal staff who are signed in: the anonymized report of the community. A period picker (a month, a
 * quarter, or days of their own choosing) and a municipality filter; the figures against the period before, with a
 * bar chart per topic, per municipality and per page, and a line chart of the questions over time. Each chart is a
 * figure whose caption is a one-sentence summary (which also names the chart's image), with its data table right
 * under it; example question titles per topic as lists. Counts below 5 read "minder dan 5" everywhere and are never
 * drawn as 0. "Download CSV" and "Download JSON" give exactly the report on screen (the same files as
 * `plein report` and the report e-mail). Under it, "Rapport per e-mail": an admin chooses how often the report is
 * e-mailed and to which staff accounts; staff read who gets it.
 *
 * Without a signed-in viewer it says that only staff who are signed in can see the report; a viewer without the
 * STAFF or ADMIN role is told they have no access. It shows what fits whenever someone signs in or out.
 *
 * @csspart heading - The heading "Rapport".
 * @csspart sign-in-first - The line that only staff who are signed in can see the report.
 * @csspart no-access - The line for a viewer who may not see the report.
 * @csspart intro - What the report is, and how small counts show.
 * @csspart period-form - The period picker and the municipality filter.
 * @csspart period - The choice between month, quarter and days of one's own choosing.
 * @csspart month - The month list.
 * @csspart quarter - The quarter list.
 * @csspart custom-from - The first day of a period of one's own choosing.
 * @csspart custom-to - The last day of it.
 * @csspart show - The "Toon rapport" button.
 * @csspart error-summary - The list of problems with the days typed, or with the schedule, linked to their fields.
 * @csspart municipality - The municipality filter.
 * @csspart figures - The report: busy while a report loads.
 * @csspart report-title - "Rapport over oktober 2026".
 * @csspart scope - The municipality, and the period the report is compared with.
 * @csspart export - The download buttons.
 * @csspart download-csv - The "Download CSV" button.
 * @csspart download-json - The "Download JSON" button.
 * @csspart section - One part of the report: the overview, a chart with its table, the example questions.
 * @csspart section-heading - A part's heading.
 * @csspart chart - A chart's figure: summary, image, key and table.
 * @csspart chart-summary - The one-sentence summary of a chart.
 * @csspart chart-image - The chart itself (SVG).
 * @csspart gaps - The note under the line chart about points left out.
 * @csspart table-region - The box a table scrolls in, on narrow screens.
 * @csspart table - A table of figures.
 * @csspart titles - The example question titles of one topic.
 * @csspart empty - A part without figures.
 * @csspart error - The message when the report could not be loaded.
 * @csspart retry - "Opnieuw proberen".
 * @csspart schedule - The part "Rapport per e-mail".
 * @csspart schedule-summary - Who gets the report, and how often.
 * @csspart schedule-form - The admin's form to change that.
 * @csspart schedule-submit - Its "Opslaan" button.
 * @csspart announcer - The polite live region that says when a report is loading and when it is there (visually hidden).
 *
 * @cssproperty --plein-text-color - Text colour.
 * @cssproperty --plein-muted-color - Colour of intros, hints and the charts' axes.
 * @cssproperty --plein-border-color - Lines of tables and around the period picker.
 * @cssproperty --plein-button-background-color - Background of the main buttons; also this period's colour in charts.
 * @cssproperty --plein-chart-current-color - This period in the charts (default: the button colour).
 * @cssproperty --plein-chart-previous-color - The previous period in the charts: hatched bars, dashed line.
 * @cssproperty --plein-chart-grid-color - The chart's grid lines.
 * @cssproperty --plein-error-color - Field errors and the error summary.
 * @cssproperty --plein-success-color - The saved message.
 * @cssproperty --plein-focus-outline-color - The focus ring.
 * @cssproperty --plein-font-family - Font of all text, the charts' too.
 * @cssproperty --plein-font-size - Base text size (at least 16px by default); the charts are drawn for it.
 * @cssproperty --plein-background-color - Background of fields.
 * @cssproperty --plein-surface-color - Background of notes and messages.
 * @cssproperty --plein-button-color - Text on the main buttons.
 * @cssproperty --plein-link-color - Colour of links and link-like buttons.
 * @cssproperty --plein-focus-inverse-color - The focus ring's inner edge, for dark backgrounds.
 * @cssproperty --plein-expert-color - Colour of the expert badge.
 * @cssproperty --plein-border-radius - Rounding of fields, buttons and badges.
 * @cssproperty --plein-line-height - Line height.
 */
export class PleinReport extends PleinElement {
  static override styles = [...PleinElement.styles, choiceStyles, errorSummaryStyles, reportStyles];

  static override strings = { ...common, ...reportStrings };

  /** The heading level (2 to 6), to fit the host page's outline; the report's parts are one level lower. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  private readonly sessions = new SessionController(this, () => this.client);

  private readonly reports = new ReportController(this, this.localize, () => ({
    client: this.client,
    viewerId: this.sessions.session?.viewer.id,
  }));

  private readonly schedules = new ReportScheduleController(this, this.localize, () => ({
    client: this.client,
    viewerId: this.sessions.session?.viewer.id,
  }));

  private readonly chartSize = new ChartSizeController(this, () => this.renderRoot.querySelector('.measure'));

  private get level(): number {
    return Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 6);
  }

  private get subLevel(): number {
    return Math.min(this.level + 1, 6);
  }

  private get locale(): ReportLocale {
    return this.localize.locale;
  }

  private get isAdmin(): boolean {
    return this.sessions.session?.viewer.roles.includes('ADMIN') ?? false;
  }

  private get signedIn(): boolean {
    return Boolean(this.sessions.session) && !isUnauthenticated(this.reports.error);
  }

  private get noAccess(): boolean {
    return isForbidden(this.reports.error) || isForbidden(this.schedules.error);
  }

  /** What the polite live region says: that a report is loading, then which one is there. */
  private get announcement(): string {
    if (!this.signedIn || this.noAccess) return '';
    if (this.reports.status === TaskStatus.PENDING) return this.t('report.loading');
    const report = this.reports.report;
    return report ? this.t('report.loaded', this.periodName(report.period)) : '';
  }

  protected override render() {
    if (!this.client) return this.renderNotConfigured();
    return html`
      <section class="root" aria-labelledby="heading">
        <div role="heading" aria-level=${this.level} id="heading" part="heading" class="heading">
          ${this.t('report.heading')}
        </div>
        ${
          !this.signedIn
            ? html`<p part="sign-in-first">${this.t('report.signInFirst')}</p>`
            : this.noAccess
              ? html`<p part="no-access">${this.t('report.noAccess')}</p>`
              : this.renderReport()
        }
        <p part="announcer" class="visually-hidden" role="status">${this.announcement}</p>
      </section>
    `;
  }

  private renderReport() {
    const { status, error, report } = this.reports;
    const pending = status === TaskStatus.PENDING || status === TaskStatus.INITIAL;
    return html`
      <p part="intro" class="muted">${this.t('report.intro')}</p>
      ${this.renderPeriodForm()}
      <div part="figures" class="figures" aria-busy=${pending ? 'true' : 'false'}>
        <div class="measure" aria-hidden="true"></div>
        ${
          status === TaskStatus.ERROR
            ? this.renderLoadError(error)
            : report && !pending
              ? // The figures change only with the report, the language and the room for the charts; working out
                // their words and drawings again for every click elsewhere (a checkbox of the schedule) is wasted.
                guard(
                  [report, this.locale, this.localize.direction, this.chartSize.width, this.chartSize.fontSize],
                  () => this.renderFigures(report),
                )
              : html`<p class="loading">${this.t('report.loading')}…</p>`
        }
      </div>
      ${this.renderSchedule()}
    `;
  }

  // The period picker

  private renderPeriodForm() {
    const { mode, municipality, municipalities } = this.reports;
    return html`
      <form
        part="period-form"
        class="period-form"
        novalidate
        aria-label=${this.t('report.period')}
        @submit=${this.onSubmitPeriod}
      >
        <fieldset part="period" class="choices">
          <legend>${this.t('report.period')}</legend>
          <div class="mode-choices">
            ${modes.map(
              (choice) =>
                html`<div class="choice">
                  <input
                    id="mode-${choice}"
                    type="radio"
                    name="mode"
                    value=${choice}
                    .checked=${mode === choice}
                    @change=${() => this.reports.setMode(choice)}
                  />
                  <label for="mode-${choice}">${this.t(`report.mode.${choice}`)}</label>
                </div>`,
            )}
          </div>
        </fieldset>
        ${
          mode === 'month'
            ? this.renderPeriodSelect('month', this.reports.months, this.reports.month, (value) =>
                this.monthLabel(value),
              )
            : mode === 'quarter'
              ? this.renderPeriodSelect('quarter', this.reports.quarters, this.reports.quarter, (value) =>
                  this.quarterName(value),
                )
              : this.renderCustom()
        }
        <div class="field">
          <label for="municipality">${this.t('report.municipality')}</label>
          <select
            id="municipality"
            part="municipality"
            name="municipality"
            @change=${(event: Event) => this.reports.setMunicipality((event.target as HTMLSelectElement).value)}
          >
            <option value="" .selected=${!municipality}>${this.t('report.allMunicipalities')}</option>
            ${municipalities.map(
              (choice) =>
                html`<option value=${choice.slug} .selected=${choice.slug === municipality}>${choice.name}</option>`,
            )}
          </select>
        </div>
      </form>
    `;
  }

  private renderPeriodSelect(
    kind: 'month' | 'quarter',
    choices: readonly string[],
    chosen: string,
    label: (value: string) => string,
  ) {
    const onChange = (event: Event) => {
      const value = (event.target as HTMLSelectElement).value;
      if (kind === 'month') this.reports.setMonth(value);
      else this.reports.setQuarter(value);
    };
    return html`<div class="field">
      <label for="period-${kind}">${this.t(`report.${kind}`)}</label>
      <select id="period-${kind}" part=${kind} name=${kind} @change=${onChange}>
        ${choices.map((value) => html`<option value=${value} .selected=${value === chosen}>${label(value)}</option>`)}
      </select>
    </div>`;
  }

  private renderCustom() {
    const { custom, errors } = this.reports;
    return html`<div class="custom">
      ${renderErrorSummary({
        entries: orderedErrors(errors, customFields),
        heading: this.t('report.errorSummary'),
        headingId: 'period-errors-heading',
        id: 'period-errors',
        targetOf: (field) => (field === 'from' || field === 'to' ? `custom-${field}` : undefined),
      })}
      <p id="custom-hint" class="hint">${this.t('report.custom.hint')}</p>
      ${customFields.map((field) => {
        const error = errors[field];
        return html`<div class="field">
          <label for="custom-${field}">${this.t(`report.custom.${field}`)}</label>
          ${error ? html`<span id="custom-${field}-error" class="field-error">${error}</span>` : nothing}
          <input
            id="custom-${field}"
            part="custom-${field}"
            name=${field}
            type="date"
            required
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${[error && `custom-${field}-error`, 'custom-hint'].filter(Boolean).join(' ')}
            .value=${custom[field]}
            @input=${(event: Event) => this.onCustomInput(field, event.target as HTMLInputElement)}
          />
        </div>`;
      })}
      <button part="show" class="button" type="submit">${this.t('report.custom.submit')}</button>
    </div>`;
  }

  // The figures

  private renderLoadError(error: unknown) {
    return html`<div part="error" class="alert" role="alert">
      <p>${messageOf(error, this.t('report.failed'))}</p>
      <p>${this.t('report.kept')}</p>
      ${
        canRetry(error)
          ? html`<button part="retry" class="button secondary" type="button" @click=${() => this.reports.retry()}>
              ${this.t('common.retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderFigures(report: ReportData) {
    const tables = reportTables(report, this.locale);
    const municipality = report.municipality?.name ?? this.t('report.allMunicipalities');
    return html`
      <p part="report-title" class="subheading">${this.t('report.title', this.periodName(report.period))}</p>
      <p part="scope">
        ${this.t('report.scope', municipality, formatReportPeriod(report.previousPeriod, this.locale))}
      </p>
      <div part="export" class="exports">
        <button part="download-csv" class="button secondary" type="button" @click=${() => this.download(report, 'csv')}>
          ${this.t('report.download.csv')}
        </button>
        <button
          part="download-json"
          class="button secondary"
          type="button"
          @click=${() => this.download(report, 'json')}
        >
          ${this.t('report.download.json')}
        </button>
        <p class="hint">${this.t('report.download.hint')}</p>
      </div>
      ${tables.map((table) => this.renderSection(report, table))}
    `;
  }

  private renderSection(report: ReportData, table: ReportTable) {
    let body: TemplateResult;
    switch (table.id) {
      case 'summary':
        body = this.renderTable(table);
        break;
      case 'topics':
        body = this.renderBars(
          'topics',
          table,
          report.questionsByTopic.map((entry) => entry.questions),
        );
        break;
      case 'municipalities':
        body = this.renderBars(
          'municipalities',
          table,
          report.questionsByMunicipality.map((entry) => entry.questions),
          report.questionsByMunicipality.map((entry) =>
            entry.municipality ? undefined : this.t('report.summary.noMunicipality'),
          ),
        );
        break;
      case 'visits':
        body = this.renderBars(
          'visits',
          table,
          report.visitsByPage.map((entry) => entry.visits),
        );
        break;
      case 'over-time':
        body = this.renderOverTime(report, table);
        break;
      case 'private':
        body = this.renderTable(table);
        break;
      case 'titles':
        body = this.renderTitles(table);
        break;
    }
    return html`<section part="section" class="section" aria-labelledby="section-${table.id}">
      <div
        role="heading"
        aria-level=${this.subLevel}
        id="section-${table.id}"
        part="section-heading"
        class="subheading"
      >
        ${table.title}
      </div>
      ${body}
    </section>`;
  }

  /** A bar chart of the table's rows, its summary and key, and the table. */
  private renderBars(
    kind: BarChartKind,
    table: ReportTable,
    figures: readonly Pick<ChartRow, 'current' | 'previous'>[],
    names: readonly (string | undefined)[] = [],
  ) {
    if (table.rows.length === 0) {
      return html`<p part="empty">${this.t(kind === 'visits' ? 'report.empty.visits' : 'report.empty.rows')}</p>`;
    }
    const rows: ChartRow[] = table.rows.map((row, index) => ({
      item: row.item,
      name: names[index],
      current: figures[index]!.current,
      previous: figures[index]!.previous,
    }));
    const summaryId = `summary-${table.id}`;
    return html`<figure part="chart" class="figure" data-table=${table.id}>
      <figcaption id=${summaryId} part="chart-summary">${barSummary(this.t, this.locale, kind, rows)}</figcaption>
      ${renderBarChart({
        id: `chart-${table.id}`,
        direction: this.localize.direction,
        rows,
        width: this.chartSize.width,
        fontSize: this.chartSize.fontSize,
        labelledBy: summaryId,
      })}
      ${renderBarLegend(this.t('report.legend'), ...this.legendWords(), `chart-${table.id}`)} ${this.renderTable(table)}
    </figure>`;
  }

  private renderOverTime(report: ReportData, table: ReportTable) {
    if (table.rows.length === 0) return html`<p part="empty">${this.t('report.empty.rows')}</p>`;
    const points: ChartRow[] = report.questionsOverTime.map((bucket) => ({
      item: this.axisName(report.bucketSize, bucket.period),
      current: bucket.questions,
      previous: bucket.previous,
    }));
    const gaps = gapsOf(points);
    const summaryId = `summary-${table.id}`;
    const summary = overTimeSummary(this.t, this.locale, report, (period) =>
      this.bucketName(report.bucketSize, period),
    );
    return html`<figure part="chart" class="figure" data-table=${table.id}>
      <figcaption id=${summaryId} part="chart-summary">${summary}</figcaption>
      ${renderLineChart({
        id: `chart-${table.id}`,
        direction: this.localize.direction,
        locale: intlLocales[this.locale],
        points,
        width: this.chartSize.width,
        fontSize: this.chartSize.fontSize,
        labelledBy: summaryId,
      })}
      ${renderLineLegend(this.t('report.legend'), ...this.legendWords())}
      ${
        gaps.current + gaps.previous > 0
          ? html`<p part="gaps" class="gaps">${this.t('report.chart.gaps', gaps.current, gaps.previous)}</p>`
          : nothing
      }
      ${this.renderTable(table)}
    </figure>`;
  }

  /** A table of figures in a box that scrolls sideways on a narrow screen; the box can take focus to scroll it. */
  private renderTable(table: ReportTable) {
    const captionId = `caption-${table.id}`;
    return html`<div part="table-region" class="table-scroll" role="region" tabindex="0" aria-labelledby=${captionId}>
      <table part="table" data-table=${table.id}>
        <caption id=${captionId} class="visually-hidden">
          ${this.t('report.tableLabel', table.title)}
        </caption>
        <thead>
          <tr>
            ${table.columns.map((column) => html`<th scope="col">${column}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map(
            (row) =>
              html`<tr>
                <th scope="row">${row.item}</th>
                <td>${row.current}</td>
                <td>${row.previous}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** The example titles, a list per topic, in the table's order. Titles are user text: bound as text, never HTML. */
  private renderTitles(table: ReportTable) {
    const byTopic = new Map<string, string[]>();
    for (const row of table.rows) byTopic.set(row.item, [...(byTopic.get(row.item) ?? []), row.current]);
    if (byTopic.size === 0) return html`<p part="empty">${this.t('report.empty.titles')}</p>`;
    return html`
      <p class="muted">${this.t('report.titlesIntro')}</p>
      ${[...byTopic].map(
        ([topic, titles], index) => html`
          <p class="titles-topic" id="titles-${index}">${topic}</p>
          <ul part="titles" class="titles" aria-labelledby="titles-${index}">
            ${titles.map((title) => html`<li>${title}</li>`)}
          </ul>
        `,
      )}
    `;
  }

  // The report e-mail

  private renderSchedule() {
    const { status, error, schedule } = this.schedules;
    let body: TemplateResult;
    if (status === TaskStatus.ERROR) {
      body = html`<div class="alert" role="alert">
        <p>${messageOf(error, this.t('report.schedule.failed'))}</p>
        ${
          canRetry(error)
            ? html`<button class="button secondary" type="button" @click=${() => this.schedules.reload()}>
                ${this.t('common.retry')}
              </button>`
            : nothing
        }
      </div>`;
    } else if (!schedule) {
      body = html`<p class="loading">${this.t('report.schedule.loading')}</p>`;
    } else {
      body = html`
        <p part="schedule-summary">${this.scheduleSentence(schedule)}</p>
        ${
          schedule.frequency && schedule.nextSendAt
            ? html`<p>${this.t('report.schedule.next', this.dutchDate(schedule.nextSendAt))}</p>`
            : nothing
        }
        ${this.isAdmin ? this.renderScheduleForm(schedule) : nothing}
      `;
    }
    return html`<section part="schedule" class="schedule" aria-labelledby="schedule-heading">
      <div role="heading" aria-level=${this.subLevel} id="schedule-heading" class="subheading">
        ${this.t('report.schedule.heading')}
      </div>
      ${body}
    </section>`;
  }

  private renderScheduleForm(schedule: ReportSchedule) {
    const { fields, errors, failure, saving, saved } = this.schedules;
    const candidates = schedule.candidates;
    return html`<form
      part="schedule-form"
      class="schedule-form"
      novalidate
      aria-labelledby="schedule-heading"
      @submit=${this.onSaveSchedule}
    >
      <p class="muted">${this.t('report.schedule.intro')}</p>
      ${renderErrorSummary({
        entries: orderedErrors(errors, ['frequency', 'recipientIds', 'form']),
        heading: this.t('report.schedule.errorSummary'),
        headingId: 'schedule-errors-heading',
        id: 'schedule-errors',
        targetOf: (field) =>
          field === 'frequency'
            ? 'frequency-off'
            : field === 'recipientIds' && candidates.length > 0
              ? 'recipient-0'
              : undefined,
      })}
      <fieldset class="choices" aria-describedby=${errors.frequency ? 'frequency-error' : nothing}>
        <legend>${this.t('report.schedule.frequency')}</legend>
        ${errors.frequency ? html`<span id="frequency-error" class="field-error">${errors.frequency}</span>` : nothing}
        ${frequencies.map((frequency) => {
          const key = frequency ?? 'off';
          return html`<div class="choice">
            <input
              id="frequency-${key}"
              type="radio"
              name="frequency"
              value=${key}
              aria-describedby="frequency-${key}-hint"
              .checked=${fields.frequency === frequency}
              @change=${() => this.schedules.setFrequency(frequency)}
            />
            <label for="frequency-${key}"
              >${this.t(`report.schedule.frequency.${key}`)}
              <span id="frequency-${key}-hint" class="hint"
                >${this.t(`report.schedule.frequency.${key}.hint`)}</span
              ></label
            >
          </div>`;
        })}
      </fieldset>
      <fieldset
        class="choices"
        aria-describedby=${[errors.recipientIds && 'recipients-error', 'recipients-hint'].filter(Boolean).join(' ')}
      >
        <legend>${this.t('report.schedule.recipients')}</legend>
        <p id="recipients-hint" class="hint">${this.t('report.schedule.recipients.hint')}</p>
        ${
          errors.recipientIds
            ? html`<span id="recipients-error" class="field-error">${errors.recipientIds}</span>`
            : nothing
        }
        ${
          candidates.length === 0
            ? html`<p>${this.t('report.schedule.noCandidates')}</p>`
            : candidates.map(
                (candidate, index) =>
                  html`<div class="choice">
                    <input
                      id="recipient-${index}"
                      type="checkbox"
                      name="recipientIds"
                      value=${candidate.id}
                      aria-describedby="recipient-${index}-email"
                      .checked=${fields.recipientIds.includes(candidate.id)}
                      @change=${(event: Event) =>
                        this.schedules.setRecipient(candidate.id, (event.target as HTMLInputElement).checked)}
                    />
                    <label for="recipient-${index}"
                      >${candidate.displayName}
                      <span id="recipient-${index}-email" class="hint">${candidate.email}</span></label
                    >
                  </div>`,
              )
        }
      </fieldset>
      ${
        failure
          ? html`<div class="alert" role="alert">
              <p>${messageOf(failure, this.t('report.schedule.notSaved'))}</p>
              <p>${this.t('report.schedule.kept')}</p>
            </div>`
          : nothing
      }
      <button part="schedule-submit" class="button" type="submit" aria-disabled=${saving ? 'true' : 'false'}>
        ${saving ? this.t('report.schedule.saving') : this.t('report.schedule.submit')}
      </button>
      <p class="saved" role="status">${saved ? this.t('report.schedule.saved') : ''}</p>
    </form>`;
  }

  // Words

  /** "oktober 2026", "3e kwartaal 2026 (juli t/m september)", or the days. */
  private periodName(period: { from: string; to: string }): string {
    const kind = periodKind(period);
    if (kind?.mode === 'month') return monthName(kind.key, this.locale);
    if (kind?.mode === 'quarter') return this.quarterName(kind.key);
    return formatReportPeriod(period, this.locale);
  }

  private monthLabel(month: string): string {
    return monthName(month, this.locale);
  }

  private quarterName(quarter: string): string {
    const { from, to } = quarterPeriod(quarter);
    const [year, number] = quarter.split('-Q').map(Number) as [number, number];
    return this.t(
      'report.quarterName',
      number,
      year,
      monthName(from.slice(0, 7), this.locale, false),
      monthName(to.slice(0, 7), this.locale, false),
    );
  }

  /** A point's name on the chart's axis: short, as there is room for two. */
  private axisName(unit: ReportData['bucketSize'], period: { from: string; to: string }): string {
    if (unit !== 'MONTH') return formatReportDay(period.from, this.locale, false);
    return shortMonth(this.locale).format(new Date(`${period.from}T00:00:00Z`));
  }

  /** A point's name in a sentence: the day, the week's days, or the month. */
  private bucketName(unit: ReportData['bucketSize'], period: { from: string; to: string }): string {
    if (unit === 'MONTH' && periodKind(period)?.mode === 'month')
      return monthName(period.from.slice(0, 7), this.locale);
    return formatReportPeriod(period, this.locale);
  }

  private legendWords(): [string, string] {
    const report = this.reports.report;
    if (!report) return ['', ''];
    return [
      this.t('report.chart.current', formatReportPeriod(report.period, this.locale)),
      this.t('report.chart.previous', formatReportPeriod(report.previousPeriod, this.locale)),
    ];
  }

  private scheduleSentence(schedule: ReportSchedule): string {
    if (!schedule.frequency) return this.t('report.schedule.off');
    if (schedule.recipients.length === 0) return this.t('report.schedule.toNobody', schedule.frequency);
    const names = new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(
      schedule.recipients.map((recipient) => recipient.displayName),
    );
    return this.t('report.schedule.to', schedule.frequency, names);
  }

  /** "1 december 2026": the day in the Netherlands, where the schedule counts. */
  private dutchDate(iso: string): string {
    return new Intl.DateTimeFormat(intlLocales[this.locale], {
      dateStyle: 'long',
      timeZone: 'Europe/Amsterdam',
    }).format(new Date(iso));
  }

  // Events

  /** A date the browser cannot read yet (a day without its year) is not copied: the field keeps what was typed. */
  private onCustomInput(field: (typeof customFields)[number], input: HTMLInputElement): void {
    if (input.validity.badInput) return;
    this.reports.setCustom(field, input.value);
  }

  private onSubmitPeriod = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.reports.mode !== 'custom') return;
    const incomplete = (field: string) =>
      this.renderRoot.querySelector<HTMLInputElement>(`#custom-${field}`)?.validity.badInput ?? false;
    const valid = this.reports.showCustom({ from: incomplete('from'), to: incomplete('to') });
    await this.updateComplete;
    if (!valid) this.focusOn('#period-errors');
  };

  private onSaveSchedule = async (event: SubmitEvent) => {
    event.preventDefault();
    const outcome = await this.schedules.save();
    await this.updateComplete;
    if (outcome === 'invalid') this.focusOn('#schedule-errors');
  };

  /** The report on screen as a file: the same text `plein report` and the e-mail give for it. */
  private download(report: ReportData, format: 'csv' | 'json'): void {
    const content = format === 'csv' ? reportCsv(report, this.locale) : reportJson(report);
    const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8';
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = reportFileName(report, format, this.locale);
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    // The browser has taken the file when the click is handled; the address is freed on the next turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private focusOn(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
