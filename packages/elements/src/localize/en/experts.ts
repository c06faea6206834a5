import type { experts as source } from '../nl/experts.ts';
import type { TranslationOf } from '../translation-types.ts';

export const experts: TranslationOf<typeof source> = {
  'experts.heading': 'Experts',
  'experts.intro':
    'These professionals answer questions in the community. Each profile says whether they work for UWV or the municipality.',
  'experts.topic.label': 'Topic',
  'experts.topic.all': 'All topics',
  'experts.count': (count: number) => (count === 1 ? '1 expert' : `${count} experts`),
  'experts.countTopic': (count: number, topic: string) =>
    count === 1 ? `1 expert for ${topic}` : `${count} experts for ${topic}`,
  'experts.shown': (shown: number, total: number) => `Showing ${shown} of ${total} experts`,
  'experts.more': 'Load more experts',
  'experts.moreLoading': 'Loading more experts…',
  'experts.loading': 'Loading experts…',
  'experts.empty': 'There are no experts in this community yet.',
  'experts.emptyTopic': 'There are no experts for this topic yet. Choose another topic.',
  'experts.failed': 'The experts could not be loaded. Please try again.',
  'experts.back': 'Back to all experts',
};
