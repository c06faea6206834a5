import type { personalData as source } from '../nl/personal-data.ts';
import type { TranslationOf } from '../translation-types.ts';

export const personalData: TranslationOf<typeof source> = {
  'personalData.heading': 'Please note: this looks like personal information',
  'personalData.why.question':
    'Everyone can read your question. Do not add details that would let someone recognise you.',
  'personalData.why.answer':
    'Everyone can read your answer. Do not add details that would let someone recognise you or someone else.',
  'personalData.kind.bsn': 'a citizen service number (BSN)',
  'personalData.kind.iban': 'a bank account number (IBAN)',
  'personalData.kind.phone': 'a phone number',
  'personalData.kind.email': 'an e-mail address',
  'personalData.kind.postcode': 'a postcode',
  'personalData.kind.date-of-birth': 'a date of birth',
  'personalData.kind.street-address': 'an address',
  'personalData.kind.name': 'a name',
  'personalData.kind.other': 'personal information',
  'personalData.maybe': (kind) => `maybe ${kind}`,
  'personalData.remove': 'Remove this for me',
  'personalData.removeAll': 'Remove all',
  'personalData.removed': 'Removed',
  'personalData.found': (count) =>
    count === 1
      ? 'Please note: your text may contain personal information.'
      : `Please note: your text may contain ${count} pieces of personal information.`,
  'personalData.health.question': 'You do not need to share medical details. Only say what your question needs.',
  'personalData.health.answer': 'You do not need to share medical details. Only say what your answer needs.',
};
