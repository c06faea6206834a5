import type { questions as source } from '../nl/questions.ts';
import type { TranslationOf } from '../translation-types.ts';

export const questions: TranslationOf<typeof source> = {
  'questions.heading': 'Questions from the community',
  'questions.search.label': 'Search the questions',
  'questions.search.hint': 'For example: dismissal, WW or sick',
  'questions.topic.label': 'Topic',
  'questions.topic.all': 'All topics',
  'questions.status.label': 'Show',
  'questions.status.all': 'All questions',
  'questions.status.OPEN': 'Not yet answered by an expert',
  'questions.status.ANSWERED': 'Answered by an expert',
  'questions.status.RESOLVED': 'Resolved',
  'questions.order.label': 'Sort by',
  'questions.order.NEWEST': 'Newest first',
  'questions.order.OLDEST': 'Oldest first',
  'questions.order.ACTIVE': 'Latest reply',
  'questions.count': (count) => (count === 1 ? '1 question' : `${count} questions`),
  'questions.countSearch': (count, search) =>
    count === 1 ? `1 question found for “${search}”` : `${count} questions found for “${search}”`,
  'questions.loading': 'Loading questions…',
  'questions.empty': 'There are no questions about this topic yet. Feel free to ask the first one.',
  'questions.emptySearch': (search) =>
    `No questions found for “${search}”. Try another word, or ask the question yourself.`,
  'questions.more': 'Load more questions',
  'questions.moreLoading': 'Loading more questions…',
  'questions.shown': (shown, total) => `${shown} of ${total} questions shown`,
  'questions.expertAnswered': 'Answered by an expert',
  'questions.resolved': 'Resolved',
  'questions.back': 'Back to all questions',
};
