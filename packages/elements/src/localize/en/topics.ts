import type { topics as source } from '../nl/topics.ts';
import type { TranslationOf } from '../translation-types.ts';

export const topics: TranslationOf<typeof source> = {
  'topics.heading': 'What is your situation?',
  'topics.intro': 'Choose what fits you best. You will then see the questions and answers on that topic.',
  'topics.loading': 'Loading situations…',
  'topics.empty': 'There are no situations yet. Look at all questions or ask a question yourself.',
  'topics.failed': 'We cannot load the situations right now.',
  'topics.count': (count) => (count === 1 ? '1 question' : `${count} questions`),
  'topics.topic': (name) => `Topic: ${name}`,
  'topics.showing': (name) => `You now see the questions about: ${name}.`,
  'topics.showingAll': 'You now see all questions.',
};
