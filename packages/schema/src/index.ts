export * from './generated/graphql.ts';
export { limits } from './limits.ts';
export {
  formatReportDay,
  formatReportPeriod,
  type ReportData,
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
