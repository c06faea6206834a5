import { parseArgs } from 'node:util';
import { messages } from './i18n/messages.ts';
import type { UserError } from './services/errors.ts';
import type { Services } from './services/services.ts';
import { cliActor } from './services/verification-service.ts';

export const expertUsage = `  expert list --community SLUG         toont alle experts met hun verificatie
  expert verify --community SLUG --expert-id ID --evidence kvk|organisation|manual [--kvk 12345678]
         [--note TEKST] --organisation NAAM --independence independent|municipality|uwv|other
         [--independence-note TEKST] --topic SLUG [--topic SLUG …] --valid-until JJJJ-MM-DD
                                        verifieert een expert (tot en met die dag) voor deze onderwerpen
  expert revoke --community SLUG --expert-id ID --reason TEKST
                                        trekt de verificatie van een expert nu in`;

const evidence = { kvk: 'KVK', organisation: 'ORGANISATION_SIGN_IN', manual: 'MANUAL' } as const;
const independence = { independent: 'INDEPENDENT', municipality: 'MUNICIPALITY', uwv: 'UWV', other: 'OTHER' } as const;

/** Where the command writes; tests pass their own. */
export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/**
 * `plein expert …`: an operator on the server verifies experts and lists them. It acts as the CLI actor: the audit
 * log records no account and `source: 'cli'`. Returns the exit code.
 */
export async function runExpertCommand(args: string[], services: Services, out: Output = console): Promise<number> {
  const [sub, ...rest] = args;
  let values: Record<string, string | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        community: { type: 'string' },
        'expert-id': { type: 'string' },
        evidence: { type: 'string' },
        kvk: { type: 'string' },
        note: { type: 'string' },
        organisation: { type: 'string' },
        independence: { type: 'string' },
        'independence-note': { type: 'string' },
        topic: { type: 'string', multiple: true },
        'valid-until': { type: 'string' },
        reason: { type: 'string' },
      },
    }));
  } catch (error) {
    out.error(`${error instanceof Error ? error.message : String(error)}\n\nGebruik:\n${expertUsage}`);
    return 2;
  }
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

  const slug = text('community');
  const community = slug ? await services.communities.bySlug(slug) : null;
  if (!community) {
    out.error(slug ? `De community ${slug} bestaat niet.` : `Geef --community op.\n\nGebruik:\n${expertUsage}`);
    return 2;
  }

  if (sub === 'list') {
    const experts = await services.experts.allOf(community.id);
    const records = await services.verifications.visibleVerifications(experts, cliActor);
    const topics = await services.experts.topicsOf(experts.map((expert) => expert.id));
    experts.forEach((expert, i) => {
      const record = records[i];
      const state = !record
        ? 'niet geverifieerd'
        : record.current
          ? `geverifieerd tot ${record.validUntil.slice(0, 10)}`
          : record.revokedAt
            ? `ingetrokken op ${record.revokedAt.slice(0, 10)}`
            : `verlopen op ${record.validUntil.slice(0, 10)}`;
      const slugs = (topics.get(expert.id) ?? []).map((topic) => topic.slug).join(',');
      out.log(`${expert.id}\t${expert.displayName}\t${state}\t${slugs}`);
    });
    if (experts.length === 0) out.log(`De community ${community.slug} heeft nog geen experts.`);
    return 0;
  }

  if (sub !== 'verify' && sub !== 'revoke') {
    out.error(`Gebruik:\n${expertUsage}`);
    return 2;
  }
  const expertId = text('expert-id') ?? '';
  const expert = expertId ? await services.experts.byId(expertId) : null;
  if (!expert || expert.communityId !== community.id) {
    out.error(`De community ${community.slug} heeft geen expert met id "${expertId}".`);
    return 2;
  }

  if (sub === 'revoke') {
    const result = await services.verifications.revoke({ expertId, reason: text('reason') ?? '' }, cliActor);
    if (result.errors.length > 0) return failed(result.errors, out);
    out.log(`De verificatie van ${expert.displayName} is ingetrokken.`);
    return 0;
  }

  const evidenceKind = evidence[(text('evidence') ?? '') as keyof typeof evidence];
  const independenceKind = independence[(text('independence') ?? '') as keyof typeof independence];
  if (!evidenceKind || !independenceKind) {
    out.error(`Kies --evidence kvk, organisation of manual en --independence independent, municipality, uwv of other.`);
    return 2;
  }
  const result = await services.verifications.verify(
    {
      expertId,
      evidence: evidenceKind,
      kvkNumber: text('kvk'),
      note: text('note'),
      organisation: text('organisation') ?? '',
      independence: independenceKind,
      independenceNote: text('independence-note'),
      topics: (values.topic as string[] | undefined) ?? [],
      validUntil: text('valid-until') ?? '',
    },
    cliActor,
  );
  if (result.errors.length > 0) return failed(result.errors, out);
  const current = result.expert?.currentVerification;
  out.log(`${expert.displayName} is geverifieerd tot ${current?.validUntil.slice(0, 10)}.`);
  return 0;
}

/** The errors in Dutch, one a line, with the option they are about. */
function failed(errors: UserError[], out: Output): number {
  const options: Record<string, string> = {
    kvkNumber: '--kvk',
    independenceNote: '--independence-note',
    topics: '--topic',
    validUntil: '--valid-until',
    expertId: '--expert-id',
  };
  for (const { field, code, params } of errors) {
    const option = field ? (options[field] ?? `--${field}`) : '';
    out.error(`${option}: ${messages.nl.userErrors[code](params ?? {})}`);
  }
  return 1;
}
