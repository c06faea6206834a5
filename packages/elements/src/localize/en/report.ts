import type { report as source } from '../nl/report.ts';
import type { TranslationOf } from '../translation-types.ts';

const unitName = { DAY: 'day', WEEK: 'week', MONTH: 'month' } as const;
const unitNames = { DAY: 'days', WEEK: 'weeks', MONTH: 'months' } as const;
const times = (count: number) => (count === 1 ? 'once' : `${count} times`);
const every = (frequency: 'WEEKLY' | 'MONTHLY') =>
  frequency === 'WEEKLY' ? 'Every Monday' : 'On the 1st of every month';

export const report: TranslationOf<typeof source> = {
  'report.heading': 'Report',
  'report.intro':
    'How many questions did residents ask, about what, and how fast did they get an answer? The report is anonymous. Counts below 5 show as “fewer than 5”, so nobody can be recognised.',
  'report.signInFirst': 'Only staff who are signed in can see the report. Please sign in first.',
  'report.noAccess': 'You have no access to the reports of this community.',

  'report.period': 'Period',
  'report.mode.month': 'Month',
  'report.mode.quarter': 'Quarter',
  'report.mode.custom': 'Choose days',
  'report.month': 'Month',
  'report.quarter': 'Quarter',
  'report.quarterName': (quarter: number, year: number, firstMonth: string, lastMonth: string) =>
    `Q${quarter} ${year} (${firstMonth} to ${lastMonth})`,
  'report.custom.from': 'First day',
  'report.custom.to': 'Last day',
  'report.custom.hint': 'At most 366 days. Both days count.',
  'report.custom.submit': 'Show report',
  'report.custom.fromRequired': 'Enter the first day.',
  'report.custom.toRequired': 'Enter the last day.',
  'report.custom.toBeforeFrom': 'The last day cannot be before the first day.',
  'report.custom.tooLong': (days: number) => `Choose a period of at most ${days} days.`,
  'report.errorSummary': 'Please check the following:',
  'report.municipality': 'Municipality',
  'report.allMunicipalities': 'All municipalities',

  'report.loading': 'Loading the report',
  'report.loaded': (period: string) => `Report for ${period} loaded`,
  'report.failed': 'The report could not be loaded. Please try again.',
  'report.kept': 'Your choice of period is still there.',
  'report.title': (period: string) => `Report on ${period}`,
  'report.scope': (municipality: string, previous: string) =>
    `${municipality}. Compared with the period before: ${previous}.`,
  'report.download.csv': 'Download CSV',
  'report.download.json': 'Download JSON',
  'report.download.hint': 'You download exactly the figures shown here.',
  'report.tableLabel': (title: string) => `${title}, in figures`,
  'report.legend': 'Key to the chart',
  'report.empty.visits': 'No visits were counted in this period.',
  'report.empty.titles': 'There are no example questions. We do not show them for a topic with fewer than 5 questions.',
  'report.empty.rows': 'There are no figures for this period.',
  'report.titlesIntro':
    'Titles of questions from this period. We only show titles without personal data, and only for topics with 5 questions or more.',

  'report.compare.more': (difference: number) => `${difference} more than the previous period`,
  'report.compare.fewer': (difference: number) => `${difference} fewer than the previous period`,
  'report.compare.same': 'the same as the previous period',
  'report.compare.previousSuppressed': 'the previous period had fewer than 5',
  'report.summary.topics': (topic: string, count: string, comparison: string) =>
    `Most questions were about ${topic}: ${count}, ${comparison}.`,
  'report.summary.topicsTie': (topics: string, count: string) => `Most questions were about ${topics}: ${count} each.`,
  'report.summary.topicsNone': 'Every topic had fewer than 5 questions.',
  'report.summary.municipalities': (municipality: string, count: string, comparison: string) =>
    `Most questions came from ${municipality}: ${count}, ${comparison}.`,
  'report.summary.municipalitiesTie': (municipalities: string, count: string) =>
    `Most questions came from ${municipalities}: ${count} each.`,
  'report.summary.municipalitiesNone': 'Every municipality had fewer than 5 questions.',
  'report.summary.noMunicipality': 'pages without a municipality',
  'report.summary.visits': (page: string, count: string, comparison: string) =>
    `Most visits were on ${page}: ${count}, ${comparison}.`,
  'report.summary.visitsTie': (pages: string, count: string) => `Most visits were on ${pages}: ${count} each.`,
  'report.summary.visitsNone': 'Every page had fewer than 5 visits.',
  'report.summary.overTime': (unit: 'DAY' | 'WEEK' | 'MONTH', when: string, count: string) =>
    `The busiest ${unitName[unit]} was ${when}, with ${count} questions.`,
  'report.summary.overTimeTie': (unit: 'DAY' | 'WEEK' | 'MONTH', when: string, count: string) =>
    `The busiest ${unitNames[unit]} were ${when}, with ${count} questions each.`,
  'report.summary.overTimeNone': (unit: 'DAY' | 'WEEK' | 'MONTH') =>
    `Every ${unitName[unit]} had fewer than 5 questions.`,
  'report.chart.current': (period: string) => `This period (${period})`,
  'report.chart.previous': (period: string) => `Previous period (${period})`,
  'report.chart.gaps': (current: number, previous: number) =>
    `Where there were fewer than 5 questions, there is no point and the line has a gap. That happens ${times(current)} in this period and ${times(previous)} in the previous period.`,

  'report.schedule.heading': 'Report by e-mail',
  'report.schedule.loading': 'Loading…',
  'report.schedule.failed': 'Who gets the report by e-mail could not be loaded. Please try again.',
  'report.schedule.off': 'No report is sent by e-mail.',
  'report.schedule.to': (frequency: 'WEEKLY' | 'MONTHLY', names: string) =>
    `${every(frequency)} the report goes to: ${names}.`,
  'report.schedule.toNobody': (frequency: 'WEEKLY' | 'MONTHLY') =>
    `${every(frequency)} a report goes out, but nobody has been chosen to receive it yet.`,
  'report.schedule.next': (date: string) => `The next report goes out on ${date}.`,
  'report.schedule.intro':
    'Choose how often the report goes out by e-mail, and to whom. It holds the report as a table and as a CSV file.',
  'report.schedule.frequency': 'How often?',
  'report.schedule.frequency.off': 'Off',
  'report.schedule.frequency.off.hint': 'No report is sent by e-mail.',
  'report.schedule.frequency.WEEKLY': 'Every week',
  'report.schedule.frequency.WEEKLY.hint': 'On Monday, about the week before.',
  'report.schedule.frequency.MONTHLY': 'Every month',
  'report.schedule.frequency.MONTHLY.hint': 'On the 1st of the month, about the month before.',
  'report.schedule.recipients': 'Who gets the report?',
  'report.schedule.recipients.hint': 'Only staff and administrators of this community can get it.',
  'report.schedule.noCandidates': 'There are no staff members yet who can get the report.',
  'report.schedule.recipientsRequired': 'Choose at least one person to get the report.',
  'report.schedule.submit': 'Save',
  'report.schedule.saving': 'Saving…',
  'report.schedule.saved': 'Saved.',
  'report.schedule.notSaved': 'Saving did not work. Please try again.',
  'report.schedule.kept': 'Your choices are still there.',
  'report.schedule.errorSummary': 'Please check the following:',
};
