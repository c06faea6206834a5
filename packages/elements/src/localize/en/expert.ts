import type { TranslationOf } from '../translation-types.ts';
import type { expert as dutch, expertCard as dutchCard } from '../nl/expert.ts';

export const expertCard: TranslationOf<typeof dutchCard> = {
  'expert.independence.INDEPENDENT': 'Independent: does not work for UWV or the municipality',
  'expert.independence.MUNICIPALITY': 'Works for the municipality',
  'expert.independence.UWV': 'Works for UWV',
  'expert.independence.OTHER': (note: string) => (note ? `Works for ${note}` : 'Works for another organisation'),
  'expert.verified': 'Verified expert',
  'expert.verifiedUntil': (date: string) => `Checked until ${date}`,
  'expert.answerCount': (count: number) => (count === 1 ? '1 answer given' : `${count} answers given`),
  'expert.responseTime.hour': 'Usually answers within an hour',
  'expert.responseTime.hours': (hours: number) => `Usually answers within ${hours} hours`,
  'expert.responseTime.days': (days: number) =>
    days === 1 ? 'Usually answers within 1 day' : `Usually answers within ${days} days`,
  'expert.responseTime.weeks': (weeks: number) =>
    weeks === 1 ? 'Usually answers within 1 week' : `Usually answers within ${weeks} weeks`,
  'expert.topics': 'Topics',
  'expert.profileOf': (name: string) => `Profile of ${name}`,
};

export const expert: TranslationOf<typeof dutch> = {
  'expert.loading': 'Loading profile…',
  'expert.noId': 'This component does not know which expert to show. Set the expert-id attribute.',
  'expert.notFound': 'We cannot find this expert. The profile may have been removed.',
  'expert.loadFailed': 'The profile could not be loaded. Please try again.',
  'expert.bio': 'About me',
  'expert.edit': 'Edit profile',
  'expert.edit.heading': 'Edit your profile',
  'expert.edit.intro':
    'Your organisation, your topics and whether you are independent are changed by the administrator.',
  'expert.edit.displayName': 'Your name',
  'expert.edit.displayNameHint': 'Everyone sees this name with your answers.',
  'expert.edit.title': 'Your job title',
  'expert.edit.titleHint': 'For example: labour advisor or case manager.',
  'expert.edit.bio': 'About you',
  'expert.edit.bioHint': 'Say in a few sentences who you are and how you help people.',
  'expert.edit.photoUrl': 'Address of your photo',
  'expert.edit.photoUrlHint': 'A web address that starts with https://. Without a photo we show your initials.',
  'expert.edit.photoAlt': 'Description of your photo',
  'expert.edit.photoAltHint':
    'For people who cannot see the photo. For example: photo of Geert Heikens in a blue shirt.',
  'expert.edit.photoAltRequiredNote': '(required with a photo)',
  'expert.edit.save': 'Save profile',
  'expert.edit.saving': 'Saving…',
  'expert.edit.cancel': 'Cancel',
  'expert.edit.saved': 'Your profile has been updated.',
  'expert.edit.failed': 'Your profile was not saved. Please try again.',
  'expert.edit.kept': 'Your text has been kept. You can try again in a moment.',
  'expert.edit.errorSummary': 'Please check your profile:',
  'expert.edit.displayNameRequired': 'Enter your name.',
  'expert.edit.tooLong': (max: number) => `Use at most ${max} characters.`,
  'expert.edit.photoUrlInvalid': 'This address is not right. It must start with https://.',
  'expert.edit.photoAltRequired': 'Describe your photo. This is required when you show a photo.',
};
