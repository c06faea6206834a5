import type { antiSpam } from './nl/anti-spam.ts';
import type { ask } from './nl/ask.ts';
import type { common } from './nl/common.ts';
import type { contact } from './nl/contact.ts';
import type { expert, expertCard } from './nl/expert.ts';
import type { experts } from './nl/experts.ts';
import type { expertInbox } from './nl/expert-inbox.ts';
import type { handOff } from './nl/hand-off.ts';
import type { moderation } from './nl/moderation.ts';
import type { myQuestions } from './nl/my-questions.ts';
import type { personalData } from './nl/personal-data.ts';
import type { question } from './nl/question.ts';
import type { report } from './nl/report.ts';
import type { portalSignIn, signIn } from './nl/sign-in.ts';
import type { questions } from './nl/questions.ts';
import type { topics } from './nl/topics.ts';
import type { TranslationOf } from './translation-types.ts';

/**
 * Dutch is the source: every key exists in nl/ first, and the compiler holds English (en/) and Arabic (ar/) to the
 * same keys. At run time each element carries only its own Dutch strings (`static strings`); English and Arabic are
 * each one lazily loaded chunk (en/all.ts, ar/all.ts), so a Dutch page downloads neither, and a list-only page no
 * ask-form strings.
 */
export type Translation = TranslationOf<
  typeof common &
    typeof questions &
    typeof question &
    typeof ask &
    typeof personalData &
    typeof topics &
    typeof myQuestions &
    typeof signIn &
    typeof portalSignIn &
    typeof expertInbox &
    typeof expertCard &
    typeof expert &
    typeof experts &
    typeof antiSpam &
    typeof moderation &
    typeof contact &
    typeof handOff &
    typeof report
>;
export type TranslationKey = keyof Translation;
export type Locale = 'nl' | 'en' | 'ar';
