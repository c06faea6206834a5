import type { ask as source } from '../nl/ask.ts';
import type { TranslationOf } from '../translation-types.ts';

export const ask: TranslationOf<typeof source> = {
  'ask.heading': 'Ask your question',
  'ask.intro': 'You do not need an account. Your question is public, so do not write personal data.',
  'ask.topic': 'Topic',
  'ask.topicChoose': 'Choose a topic',
  'ask.topicsFailed': 'We cannot load the topics right now.',
  'ask.title': 'Your question in one sentence',
  'ask.titleHint': 'For example: May my employer dismiss me while I am ill?',
  'ask.body': 'Explain your question',
  'ask.bodyHint': 'Tell what is going on. Do not mention names, BSN, address or phone number.',
  'ask.displayName': 'Name or pseudonym',
  'ask.displayNameHint': 'Leave empty to stay anonymous.',
  'ask.notifyEmail': 'Send me an e-mail when there is an answer',
  'ask.notifyEmailHint':
    'Then fill in your e-mail address. We never show this address. We only use it to tell you there is an answer, and delete it later.',
  'ask.submit': 'Post question',
  'ask.submitting': 'Sending question…',
  'ask.errorSummary': 'Something is wrong. Please check these fields:',
  'ask.required': 'Please fill in this field.',
  'ask.topicRequired': 'Please choose a topic.',
  'ask.tooShort': (min) => `Write at least ${min} characters.`,
  'ask.tooLong': (max) => `Use no more than ${max} characters.`,
  'ask.invalidEmail': 'This e-mail address is not right. For example: name@example.com.',
  'ask.kept': 'Your text has been kept. You can try again in a moment.',
  'ask.notPosted': 'Your question has not been posted yet. Please try again.',
  'ask.draftRestored': 'We have put back your earlier text.',
  'ask.draftDiscard': 'Clear this text',
  'ask.similar.heading': 'Perhaps your answer is already here',
  'ask.similar.found': (count) =>
    count === 1 ? 'There is 1 question like yours.' : `There are ${count} questions like yours.`,
  'ask.similar.back': 'Back to your question',
  'ask.success.heading': 'Your question is online',
  'ask.success.text': 'Other residents and experts can now reply. Come back later to read the answers.',
  'ask.success.heldHeading': 'Your question has been received',
  'ask.success.heldText':
    'A moderator looks at your question first. After that, everyone can read it. Until then only you see it, on this device.',
  'ask.success.editNote':
    'You can change your question on this device for 15 more minutes. You will also find it under ‘My questions’.',
  'ask.success.emailNote':
    'We have sent you an e-mail. Click the link in that e-mail to confirm. After that you will get a message when there is an answer.',
  'ask.success.view': 'View your question',
  'ask.success.another': 'Ask another question',
};
