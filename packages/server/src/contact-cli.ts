import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { messages } from './i18n/messages.ts';
import type { Services } from './services/services.ts';
import { cliActor } from './services/verification-service.ts';

export const contactUsage = `  contact show --community SLUG         toont de contactkanalen van een community als JSON
  contact set --community SLUG --file KANALEN.json
                                        vervangt de contactkanalen (advieslijn, e-mailvraag, afspraken); een
                                        kanaal dat ontbreekt of null is, staat daarna uit`;

/** Where the command writes; tests pass their own. */
export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/**
 * `plein contact show|set`: an operator on the server reads a community's contact channels, or replaces them from a
 * JSON file in the shape of ContactChannelsInput without `community`. `show` prints that same shape, so its output
 * can be edited and set again. Validation and the audit log are the service's (ContactService.setChannels, as the
 * CLI actor). Returns the exit code.
 */
export async function runContactCommand(args: string[], services: Services, out: Output = console): Promise<number> {
  const [sub, ...rest] = args;
  let values: { community?: string; file?: string };
  try {
    if (sub !== 'show' && sub !== 'set') {
      throw new Error(sub ? `Onbekende opdracht: contact ${sub}` : 'Geef een opdracht op.');
    }
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: { community: { type: 'string' }, file: { type: 'string' } },
    }));
  } catch (error) {
    out.error(`${error instanceof Error ? error.message : String(error)}\n\nGebruik:\n${contactUsage}`);
    return 2;
  }
  const slug = values.community;
  if (!slug) {
    out.error(`Geef --community op.\n\nGebruik:\n${contactUsage}`);
    return 2;
  }
  const community = await services.communities.bySlug(slug);
  if (!community) {
    out.error(`De community ${slug} bestaat niet.`);
    return 1;
  }

  if (sub === 'show') {
    out.log(JSON.stringify(await services.contact.settings(community.id), null, 2));
    return 0;
  }

  if (!values.file) {
    out.error(`Geef --file op: een JSON-bestand met de kanalen.\n\nGebruik:\n${contactUsage}`);
    return 2;
  }
  let channels: unknown;
  try {
    channels = JSON.parse(await readFile(values.file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'is geen geldige JSON' : 'kan niet worden gelezen';
    out.error(`Het bestand ${values.file} ${reason}.`);
    return 2;
  }
  if (typeof channels !== 'object' || channels === null || Array.isArray(channels)) {
    out.error(`Het bestand ${values.file} moet één JSON-object bevatten, zoals "contact show" het toont.`);
    return 2;
  }
  // The community comes from --community, whatever the file says.
  const result = await services.contact.setChannels(cliActor, { ...channels, community: slug });
  if (!result.contact) {
    const texts = messages.nl.userErrors;
    for (const error of result.errors) out.error(`${error.field ?? ''}: ${texts[error.code](error.params ?? {})}`);
    return 1;
  }
  const { adviceLine, emailService, appointments } = result.contact;
  const onOff = (on: boolean) => (on ? 'aan' : 'uit');
  out.log(`De contactkanalen van ${slug} zijn gewijzigd.`);
  out.log(
    `Advieslijn: ${adviceLine ? `${adviceLine.phoneNumber} (${services.contact.status(adviceLine, 'nl').label})` : 'uit'}`,
  );
  out.log(`E-mailvraag: ${onOff(emailService !== null)}`);
  out.log(`Afspraken: ${onOff(appointments !== null)}`);
  return 0;
}
