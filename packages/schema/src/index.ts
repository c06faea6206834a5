export * from './generated/graphql.ts';
export { limits } from './limits.ts';
export {
  formatReportDay,
  formatReportPeriod,
  type ReportData,
  type ReportDisplayLocale,
  type ReportLocale,
  type ReportTable,
  type ReportTableId,
  type ReportTableRow,
  reportCsv,
  reportFileName,
  reportJson,
  reportTables,
  reportWords,
} from './report-export.ts';
export { type ElementTag, elementTags } from './element-tags.ts';
export {
  addDays,
  type DayPeriod,
  daysInclusive,
  dutchDay,
  isDay,
  lastDayOfMonth,
  MAX_REPORT_DAYS,
  monthPeriod,
  quarterPeriod,
} from './report-periods.ts';
