import type { common as source } from '../nl/common.ts';
import type { TranslationOf } from '../translation-types.ts';

export const common: TranslationOf<typeof source> = {
  'common.retry': 'Try again',
  'common.failed': 'Something went wrong. Please try again.',
  'common.loading': 'Loading…',
  'common.anonymous': 'Anonymous',
  'common.notConfigured':
    'This component does not know which community to work with. Set the endpoint and community attributes, or place it inside a <plein-community>.',
  'common.expert': 'Expert',
  'common.status.OPEN': 'Open',
  'common.status.ANSWERED': 'Answered',
  'common.status.RESOLVED': 'Resolved',
  'common.answers': (count) => (count === 1 ? '1 answer' : `${count} answers`),
  'common.askedBy': (name) => `Asked by ${name}`,
  'common.charactersLeft': (left) =>
    left >= 0
      ? `${left} ${left === 1 ? 'character' : 'characters'} left`
      : `${-left} ${left === -1 ? 'character' : 'characters'} too many`,
  'common.charactersNeeded': (needed) => `At least ${needed} more ${needed === 1 ? 'character' : 'characters'} needed`,
  'common.optional': '(optional)',
};
