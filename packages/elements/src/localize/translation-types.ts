/** A locale's strings: plain text, or a function of the values it needs (counts, names). */
export type Phrase = string | ((...values: never[]) => string);

/** The shape another locale must have for a Dutch source file: same keys, same parameters. */
export type TranslationOf<Source extends Record<string, Phrase>> = {
  [Key in keyof Source]: Source[Key] extends (...values: infer Values) => string
    ? (...values: Values) => string
    : string;
};
