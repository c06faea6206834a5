import { parseArgs } from 'node:util';
import {
  dutchDay,
  formatReportDay,
  isDay,
  monthPeriod,
  quarterPeriod,
  type ReportData,
  ReportFieldsFragmentDoc,
  type ReportLocale,
  reportCsv,
  reportJson,
} from '@plein/schema';
import { type FragmentDefinitionNode, Kind, parse, type SelectionSetNode } from 'graphql';
import { messages } from './i18n/messages.ts';
import { reportHtmlDocument } from './mail/report-mails.ts';
import { ServiceError } from './services/errors.ts';
import type { ReportSchedule } from './services/report-schedule-service.ts';
import type { Services } from './services/services.ts';
import { cliActor } from './services/verification-service.ts';
import type { ReportFrequency } from './store/database-schema.ts';

export const reportUsage = `  report --community SLUG (--month JJJJ-MM | --quarter JJJJ-Qn | --from JJJJ-MM-DD --to JJJJ-MM-DD)
         [--municipality SLUG] [--format csv|json|html] [--lang nl|en]
                                        drukt het anonieme rapport af (standaard csv, Nederlands): hetzelfde
                                        als de download in <plein-report> en de e-mail
  report schedule --community SLUG [--every week|month|off] [--to a@x.nl,b@y.nl]
                                        toont of wijzigt wanneer het rapport per e-mail gaat, en naar welke
                                        accounts (met de rol STAFF of ADMIN)`;

/** Where the command writes; tests pass their own. The report goes out exactly as built: no line end is added. */
export interface ReportOutput {
  write(text: string): void;
  error(line: string): void;
}

const standardOutput: ReportOutput = {
  write: (text) => void process.stdout.write(text),
  error: (line) => console.error(line),
};

/** Bad input: said in Dutch on stderr, exit code 1. */
class InputError extends Error {}

const formats = ['csv', 'json', 'html'] as const;
type Format = (typeof formats)[number];
const frequencies: Record<string, ReportFrequency | null> = { week: 'WEEKLY', month: 'MONTHLY', off: null };

/**
 * `plein report …`: an operator on the server prints a community's report, or shows and sets when it is e-mailed.
 * The command is a trusted caller, like `plein user add`: it builds the report without a session, and schedule
 * changes are written to the audit log as the CLI's (`source: 'cli'`). Returns the exit code.
 */
export async function runReportCommand(
  args: string[],
  services: Services,
  out: ReportOutput = standardOutput,
): Promise<number> {
  try {
    if (args[0] === 'schedule') return await schedule(args.slice(1), services, out);
    return await print(args, services, out);
  } catch (error) {
    if (error instanceof InputError) {
      out.error(error.message);
      return 1;
    }
    if (error instanceof ServiceError && error.code === 'BAD_USER_INPUT') {
      // The report's own checks (a period that runs backwards or is too long, an unknown municipality).
      out.error(messages.nl.errors[error.messageKey]);
      return 1;
    }
    throw error;
  }
}

function options<T extends Record<string, { type: 'string' }>>(args: string[], spec: T) {
  try {
    return parseArgs({ args, strict: true, allowPositionals: false, options: spec }).values as Partial<
      Record<keyof T, string>
    >;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new InputError(`Deze opdracht klopt niet (${detail}).\n\nGebruik:\n${reportUsage}`);
  }
}

async function communityOf(services: Services, slug: string | undefined) {
  if (!slug) throw new InputError(`Geef --community op.\n\nGebruik:\n${reportUsage}`);
  const community = await services.communities.bySlug(slug);
  if (!community) throw new InputError(`De community ${slug} bestaat niet.`);
  return community;
}

async function print(args: string[], services: Services, out: ReportOutput): Promise<number> {
  const values = options(args, {
    community: { type: 'string' },
    month: { type: 'string' },
    quarter: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    municipality: { type: 'string' },
    format: { type: 'string' },
    lang: { type: 'string' },
  });
  const format = (values.format ?? 'csv') as Format;
  if (!formats.includes(format)) throw new InputError(`Kies --format csv, json of html (niet "${values.format}").`);
  const locale = (values.lang ?? 'nl') as ReportLocale;
  if (locale !== 'nl' && locale !== 'en') throw new InputError(`Kies --lang nl of en (niet "${values.lang}").`);
  const period = periodOf(values);
  const community = await communityOf(services, values.community);

  const report = await services.reports.build(community.id, period, values.municipality ?? null, locale);
  if (format === 'csv') out.write(reportCsv(report, locale));
  else if (format === 'json') out.write(reportJson(asReportData(report)));
  else out.write(reportHtmlDocument({ communityName: community.name, report, locale }));
  return 0;
}

/** The days of `--month`, `--quarter` or `--from` with `--to`: exactly one of them. */
function periodOf(values: { month?: string; quarter?: string; from?: string; to?: string }): {
  from: string;
  to: string;
} {
  const given = [values.month, values.quarter, values.from ?? values.to].filter((value) => value !== undefined);
  if (given.length !== 1) throw new InputError('Kies één periode: --month, --quarter, of --from met --to.');
  if (values.month !== undefined) {
    const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(values.month);
    if (!month) {
      throw new InputError(`De maand "${values.month}" klopt niet. Schrijf jaar-maand, bijvoorbeeld 2026-10.`);
    }
    return monthPeriod(values.month);
  }
  if (values.quarter !== undefined) {
    const quarter = /^(\d{4})-[Qq]([1-4])$/.exec(values.quarter);
    if (!quarter) {
      throw new InputError(`Het kwartaal "${values.quarter}" klopt niet. Schrijf jaar-Q-cijfer, bijvoorbeeld 2026-Q4.`);
    }
    return quarterPeriod(values.quarter);
  }
  if (values.from === undefined || values.to === undefined) throw new InputError('Geef --from en --to allebei op.');
  for (const day of [values.from, values.to]) {
    if (!isDay(day)) {
      throw new InputError(`De dag "${day}" klopt niet. Schrijf jaar-maand-dag, bijvoorbeeld 2026-10-01.`);
    }
  }
  return { from: values.from, to: values.to };
}

// JSON holds exactly the fields of the contract's report (the ReportFields fragment that `<plein-report>` asks for),
// so the CLI's file equals the one downloaded in the browser: the server's model may carry more, such as ids.
const reportDocument = parse(String(ReportFieldsFragmentDoc));
const fragments = new Map(
  reportDocument.definitions
    .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
    .map((definition) => [definition.name.value, definition]),
);

function pick(value: unknown, selections: SelectionSetNode): unknown {
  if (Array.isArray(value)) return value.map((item) => pick(item, selections));
  if (value === null || typeof value !== 'object') return value;
  const picked: Record<string, unknown> = {};
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = (value as Record<string, unknown>)[selection.name.value] ?? null;
      picked[selection.alias?.value ?? selection.name.value] = selection.selectionSet
        ? pick(field, selection.selectionSet)
        : field;
    } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      Object.assign(picked, pick(value, fragments.get(selection.name.value)!.selectionSet));
    }
  }
  return picked;
}

function asReportData(report: ReportData): ReportData {
  return pick(report, fragments.get('ReportFields')!.selectionSet) as ReportData;
}

async function schedule(args: string[], services: Services, out: ReportOutput): Promise<number> {
  const values = options(args, { community: { type: 'string' }, every: { type: 'string' }, to: { type: 'string' } });
  const community = await communityOf(services, values.community);
  const current = await services.reportSchedules.schedule(cliActor, community);
  if (values.every === undefined && values.to === undefined) {
    show(current, out);
    return 0;
  }

  let frequency = current.frequency;
  if (values.every !== undefined) {
    if (!(values.every in frequencies))
      throw new InputError(`Kies --every week, month of off (niet "${values.every}").`);
    frequency = frequencies[values.every]!;
  }
  let recipientIds = current.recipients.map((recipient) => recipient.id);
  if (values.to !== undefined) {
    const accounts = new Map((await services.accounts.listUsers(community.slug)).map((user) => [user.email, user]));
    const addresses = values.to
      .split(',')
      .map((address) => address.trim().toLowerCase())
      .filter(Boolean);
    recipientIds = addresses.map((address) => {
      const account = accounts.get(address);
      if (!account) throw new InputError(`De community ${community.slug} heeft geen account met het adres ${address}.`);
      return account.id;
    });
  }

  const result = await services.reportSchedules.setSchedule(cliActor, {
    community: community.slug,
    frequency,
    recipientIds,
  });
  if (!result.schedule) {
    const options: Record<string, string> = { recipientIds: '--to', frequency: '--every', community: '--community' };
    for (const { field, code, params } of result.errors) {
      out.error(`${field ? `${options[field] ?? field}: ` : ''}${messages.nl.userErrors[code](params ?? {})}`);
    }
    return 1;
  }
  out.write(`Het rapport van ${community.slug} is gewijzigd.\n`);
  show(result.schedule, out);
  return 0;
}

/** The schedule in a few lines, in Dutch. */
function show(schedule: ReportSchedule, out: ReportOutput): void {
  const every =
    schedule.frequency === 'MONTHLY'
      ? 'elke maand, op de 1e, over de maand ervoor'
      : schedule.frequency === 'WEEKLY'
        ? 'elke week, op maandag, over de week ervoor'
        : 'uit';
  const lines = [`Rapport per e-mail: ${every}`];
  if (schedule.nextSendAt) lines.push(`Volgende e-mail: ${formatReportDay(dutchDay(schedule.nextSendAt), 'nl')}`);
  lines.push(`Ontvangers (${schedule.recipients.length}):`);
  for (const recipient of schedule.recipients) lines.push(`  ${recipient.displayName} <${recipient.email}>`);
  out.write(`${lines.join('\n')}\n`);
}
