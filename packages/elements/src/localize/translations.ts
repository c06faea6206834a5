import { ask as askEn } from './en/ask.ts';
import { common as commonEn } from './en/common.ts';
import { question as questionEn } from './en/question.ts';
import { questions as questionsEn } from './en/questions.ts';
import { ask } from './nl/ask.ts';
import { common } from './nl/common.ts';
import { question } from './nl/question.ts';
import { questions } from './nl/questions.ts';
import type { TranslationOf } from './translation-types.ts';

/** Dutch is the source: every key exists here first, and the compiler holds English to the same keys. */
export const nl = { ...common, ...questions, ...question, ...ask };
export type Translation = TranslationOf<typeof nl>;
export type TranslationKey = keyof Translation;

export const en: Translation = { ...commonEn, ...questionsEn, ...questionEn, ...askEn };

export type Locale = 'nl' | 'en';
export const translations: Record<Locale, Translation> = { nl, en };
