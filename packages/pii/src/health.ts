/**
 * Words that give away a health detail: a diagnosis, a treatment or a care provider. Each is here because a reader
 * learns something specific about the writer's body or mind from it:
 * - diagnoses: burn-out, overspannen(heid), depressie/depressief, kanker, hernia;
 * - treatments: chemo(therapie), medicijnen/medicatie, operatie/geopereerd, therapie/therapeut;
 * - care providers: ziekenhuis, (huis)arts, psycholoog, psychiater; a diagnose names what they found.
 *
 * Deliberately left out, because they name the subject of this community rather than a detail of someone's health:
 * "ziek", "ziekte", "ziekmelding" and "Ziektewet" (the sickness benefit and its procedure), "bedrijfsarts" and
 * "verzekeringsarts" (the doctors of the employer and UWV in the Wet verbetering poortwachter and WIA procedure;
 * "arts" is matched as a whole word only, so these two do not count). A note on every "ik ben ziek" would be noise.
 */
const healthWords =
  /(?<!\p{L})(?:burn-?out|overspannen\p{L}*|depressi\p{L}*|kanker\p{L}*|hernia|chemo\p{L}*|medicijn\p{L}*|medicatie|operatie\p{L}*|geopereerd|therap\p{L}*|ziekenhuis\p{L}*|(?:huis)?arts(?:en)?|psycholo\p{L}*|psychiat\p{L}*|diagnose\p{L}*)(?!\p{L})/giu;

/**
 * The health words the text mentions, each once, as written (first occurrence). Meant for a gentle note to the
 * writer ("U noemt iets over uw gezondheid…"), not for redaction.
 */
export function mentionsHealthDetails(text: string): string[] {
  const seen = new Map<string, string>();
  for (const [word] of text.matchAll(healthWords))
    if (!seen.has(word.toLowerCase())) seen.set(word.toLowerCase(), word);
  return [...seen.values()];
}
