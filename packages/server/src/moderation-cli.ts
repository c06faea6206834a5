import { parseArgs } from 'node:util';
import { messages } from './i18n/messages.ts';
import type { ModerationSettings } from './services/moderation-settings.ts';
import type { Services } from './services/services.ts';
import type { PreModeration } from './store/database-schema.ts';

export const moderationUsage = `  moderation settings --community SLUG [--pre-moderation none|first-post|everything] [--flag-threshold N]
         [--blocked-word WOORD …] [--held-word WOORD …] [--clear-words]
                                        toont of wijzigt de moderatie-instellingen van een community`;

const preModeration: Record<string, PreModeration> = {
  none: 'NONE',
  'first-post': 'FIRST_POST',
  everything: 'EVERYTHING',
};

/** Where the command writes; tests pass their own. */
export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/**
 * `plein moderation settings`: shows a community's pipeline settings, or changes them. Word options replace the
 * list they name (`--clear-words` empties both first). Validation and the audit log are the service's
 * (ModerationService.settingsFromCli). Returns the exit code.
 */
export async function runModerationCommand(args: string[], services: Services, out: Output = console): Promise<number> {
  const [sub, ...rest] = args;
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    if (sub !== 'settings') throw new Error(sub ? `Onbekende opdracht: moderation ${sub}` : 'Geef een opdracht op.');
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        community: { type: 'string' },
        'pre-moderation': { type: 'string' },
        'flag-threshold': { type: 'string' },
        'blocked-word': { type: 'string', multiple: true },
        'held-word': { type: 'string', multiple: true },
        'clear-words': { type: 'boolean' },
      },
    }));
  } catch (error) {
    out.error(`${error instanceof Error ? error.message : String(error)}\n\nGebruik:\n${moderationUsage}`);
    return 2;
  }
  const slug = values.community;
  if (typeof slug !== 'string') {
    out.error(`Geef --community op.\n\nGebruik:\n${moderationUsage}`);
    return 2;
  }

  const changes: Partial<ModerationSettings> = {};
  if (values['clear-words']) Object.assign(changes, { blockedWords: [], heldWords: [] });
  const mode = values['pre-moderation'];
  if (typeof mode === 'string') {
    const chosen = preModeration[mode];
    if (!chosen) {
      out.error(`--pre-moderation is none, first-post of everything.\n\nGebruik:\n${moderationUsage}`);
      return 2;
    }
    changes.preModeration = chosen;
  }
  if (typeof values['flag-threshold'] === 'string') changes.flagThreshold = Number(values['flag-threshold']);
  if (Array.isArray(values['blocked-word'])) changes.blockedWords = values['blocked-word'];
  if (Array.isArray(values['held-word'])) changes.heldWords = values['held-word'];

  const result = await services.moderation.settingsFromCli(slug, changes);
  if (!result.settings) {
    const texts = messages.nl.userErrors;
    for (const error of result.errors) out.error(`${error.field ?? ''}: ${texts[error.code](error.params ?? {})}`);
    return 1;
  }
  const { settings } = result;
  if (result.changed) out.log(`De moderatie-instellingen van ${slug} zijn gewijzigd.`);
  out.log(`Voorafgaande controle: ${settings.preModeration}`);
  out.log(`Verbergen na: ${settings.flagThreshold} meldingen`);
  out.log(`Geweigerde woorden (${settings.blockedWords.length}): ${settings.blockedWords.join(', ') || '-'}`);
  out.log(`Vastgehouden woorden (${settings.heldWords.length}): ${settings.heldWords.join(', ') || '-'}`);
  return 0;
}
