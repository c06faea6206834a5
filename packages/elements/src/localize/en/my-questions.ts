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
  'myQuestions.hidden': 'Hidden by a moderator',
  'myQuestions.hiddenNote': 'Others cannot see this question now. A moderator hid it, or is still looking at it.',
  'myQuestions.rejected': 'Rejected by a moderator',
  'myQuestions.rejectedWithReason': (reason: string) => `Rejected by a moderator: ${reason}`,
  'myQuestions.rejectedNote': 'This question will not be published. You can ask a new question.',
  'myQuestions.reason': (reason: string) => `Reason: ${reason}`,
};
