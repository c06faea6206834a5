import type { question as source } from '../nl/question.ts';
import type { TranslationOf } from '../translation-types.ts';

export const question: TranslationOf<typeof source> = {
  'question.loading': 'Loading question…',
  'question.noId': 'This component does not know which question to show. Set the question-id attribute.',
  'question.notFound': 'This question does not exist (any more). It may have been removed.',
  'question.loadFailed': 'The question could not be loaded. Please try again.',
  'question.answersHeading': (count) => (count === 1 ? '1 answer' : `${count} answers`),
  'question.noAnswers': 'There is no answer yet. Do you know something that could help? Write it below.',
  'question.accepted': 'Chosen as the best answer',
  'question.moreAnswers': 'Load more answers',
  'question.moreAnswersLoading': 'Loading more answers…',
  'question.moreFailed': 'More answers could not be loaded. Please try again.',
  'question.form.heading': 'Write an answer',
  'question.form.body': 'Your answer',
  'question.form.bodyHint':
    'Share your experience or knowledge. Do not write personal data such as your BSN or phone number.',
  'question.form.bodyRequired': 'Write your answer.',
  'question.form.bodyTooShort': (min) => `Write at least ${min} characters.`,
  'question.form.bodyTooLong': (max) => `Your answer is too long. Use at most ${max} characters.`,
  'question.form.displayName': 'Your name or pseudonym',
  'question.form.displayNameHint': 'Leave empty to answer anonymously.',
  'question.form.displayNameTooLong': (max) => `Use at most ${max} characters for your name.`,
  'question.form.submit': 'Post answer',
  'question.form.submitting': 'Sending answer…',
  'question.form.notPosted': 'Your answer was not posted. Please try again.',
  'question.form.posted': 'Thank you. Your answer has been added.',
  'question.form.errorSummary': 'Please check your answer:',
  'question.form.kept': 'Your text has been kept. You can try again in a moment.',
};
