import type { myQuestions as source } from '../nl/my-questions.ts';
import type { TranslationOf } from '../translation-types.ts';

export const myQuestions: TranslationOf<typeof source> = {
  'myQuestions.heading': 'My questions',
  'myQuestions.intro': 'These are the questions you asked on this device. On another device you do not see them here.',
  'myQuestions.loading': 'Loading your questions…',
  'myQuestions.empty': 'You have not asked any questions on this device yet.',
  'myQuestions.failed': 'Your questions could not be loaded. Please try again.',
  'myQuestions.held': 'Waiting for a check',
  'myQuestions.heldNote': 'A moderator looks at your question first. After that, everyone can see it.',
  'myQuestions.back': 'Back to my questions',
};
