import type { Translation } from '../translations.ts';
import { antiSpam } from './anti-spam.ts';
import { ask } from './ask.ts';
import { common } from './common.ts';
import { contact } from './contact.ts';
import { expert, expertCard } from './expert.ts';
import { experts } from './experts.ts';
import { expertInbox } from './expert-inbox.ts';
import { handOff } from './hand-off.ts';
import { moderation } from './moderation.ts';
import { myQuestions } from './my-questions.ts';
import { personalData } from './personal-data.ts';
import { question } from './question.ts';
import { report } from './report.ts';
import { portalSignIn, signIn } from './sign-in.ts';
import { questions } from './questions.ts';
import { topics } from './topics.ts';

/** All Arabic strings, one chunk that only Arabic pages load (the right-to-left proof of issue 9). */
export const ar: Translation = {
  ...common,
  ...questions,
  ...question,
  ...ask,
  ...personalData,
  ...topics,
  ...myQuestions,
  ...signIn,
  ...portalSignIn,
  ...expertInbox,
  ...expertCard,
  ...expert,
  ...experts,
  ...antiSpam,
  ...moderation,
  ...contact,
  ...handOff,
  ...report,
};
