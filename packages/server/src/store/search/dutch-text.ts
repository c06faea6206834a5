import snowball from 'snowball-stemmers';

const stemmer = snowball.newStemmer('dutch');

/** Common Dutch words that say nothing about a question's subject. Matches PostgreSQL's 'dutch' stop words in spirit. */
const STOP_WORDS = new Set(
  (
    'aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge geen ' +
    'geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar me meer ' +
    'men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u ' +
    'uit uw van veel voor want waren was wat we wel werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder ' +
    'zou'
  ).split(' '),
);

/** Lower-cased words of a text, letters and digits only, accents kept (the FTS tokenizer folds them). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The words of a text that say something about its subject: no stop words, no single letters. */
export function meaningfulWords(text: string): string[] {
  return words(text).filter((word) => !STOP_WORDS.has(word) && word.length > 1);
}

/** The Snowball Dutch stems of the meaningful words in a text: "ontslagen" and "ontslag" both give "ontslag". */
export function dutchStems(text: string): string[] {
  return meaningfulWords(text).map((word) => stemmer.stem(word));
}
