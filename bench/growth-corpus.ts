/**
 * Dutch question and answer texts for the growth benchmarks, varied from the Eemsdelta demo so that 100,000 questions
 * do not share one title: the search index then holds the spread of words a real community has, not one row repeated.
 */
import { limits } from '@plein/schema';
import { eemsdelta } from '../packages/server/src/seed/eemsdelta.ts';

/** What a citizen adds about their own situation; appended to a demo question to make a new one. */
const situations = [
  'als ik in Appingedam woon',
  'als ik ouder ben dan 55',
  'met een contract voor bepaalde tijd',
  'na een reorganisatie',
  'als ik parttime werk',
  'als mijn partner ook een uitkering heeft',
  'als ik zzp’er ben geweest',
  'na een lange ziekte',
  'als ik in Loppersum werk',
  'met kinderen thuis',
  'als ik net 18 ben geworden',
  'na een faillissement van mijn werkgever',
];

/** A sentence of context, as people write it under their question. */
const contextSentences = [
  'Ik heb dit al aan mijn werkgever gevraagd, maar die wist het ook niet precies.',
  'Bij het UWV kreeg ik aan de telefoon twee verschillende antwoorden.',
  'Mijn buurvrouw zei dat het bij haar heel anders ging, dus ik twijfel nu.',
  'Ik wil geen fouten maken met mijn aanvraag, want dan moet ik misschien geld terugbetalen.',
  'Het gaat om een periode van ongeveer een half jaar.',
  'Ik woon samen en we hebben een huurhuis in Delfzijl.',
  'Mijn contract loopt over twee maanden af.',
  'De bedrijfsarts heeft gezegd dat ik voorlopig niet volledig kan werken.',
  'Ik heb een brief gekregen waar ik niets van begrijp.',
  'Wie kan mij helpen om dit goed uit te zoeken?',
];

/** The demo's questions and answers, in file order. */
const demoQuestions = eemsdelta.questions;
const demoAnswers = demoQuestions.flatMap((question) => question.answers.map((answer) => answer.body));

/** A question that differs from its neighbours: a demo question, the n-th situation and a sentence of context. */
export function questionText(index: number): { topic: string; municipality: string; title: string; body: string } {
  const base = demoQuestions[index % demoQuestions.length]!;
  const round = Math.floor(index / demoQuestions.length);
  const situation = situations[round % situations.length]!;
  const stem = base.title.replace(/\?\s*$/, '');
  const title = round === 0 ? base.title : `${stem} ${situation}?`;
  const context = contextSentences[(index * 7 + round) % contextSentences.length]!;
  return {
    topic: base.topic,
    municipality: base.municipality,
    title: title.length <= limits.questionTitle.max ? title : base.title,
    body: `${base.body} ${context}`.slice(0, limits.questionBody.max),
  };
}

/** An answer text from the demo, the n-th one round-robin. */
export function answerText(index: number): string {
  return demoAnswers[index % demoAnswers.length]!;
}
