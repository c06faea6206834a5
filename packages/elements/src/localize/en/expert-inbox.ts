import type { expertInbox as source } from '../nl/expert-inbox.ts';
import type { TranslationOf } from '../translation-types.ts';

export const expertInbox: TranslationOf<typeof source> = {
  'expertInbox.heading': 'Open questions in your topics',
  'expertInbox.intro':
    'The oldest question is at the top. When you pick up a question, other experts see for 2 hours that you work on it.',
  'expertInbox.signInFirst': 'Sign in as an expert to see your questions.',
  'expertInbox.notExpert': 'You are signed in, but not as an expert. Only experts see questions here.',
  'expertInbox.loading': 'Loading questions…',
  'expertInbox.empty': 'There are no open questions in your topics right now. Well done!',
  'expertInbox.failed': 'The questions could not be loaded. Please try again.',
  'expertInbox.count': (count: number) =>
    count === 1 ? '1 question is waiting for an expert.' : `${count} questions are waiting for an expert.`,
  'expertInbox.askedAgo': (relative: string) => `Asked ${relative}`,
  'expertInbox.waitingLong': 'Waiting for more than 2 days',
  'expertInbox.claimedByOther': (name: string, time: string) => `${name} is working on this until ${time}`,
  'expertInbox.claimedByMe': (time: string) => `You are working on this until ${time}`,
  'expertInbox.claimedByOtherNote': 'Another expert is working on this. You can still read the question.',
  'expertInbox.claim': 'I will take this one',
  'expertInbox.claiming': 'Picking it up…',
  'expertInbox.release': 'Give it back',
  'expertInbox.releasing': 'Giving it back…',
  'expertInbox.claimed': (time: string) =>
    `You are now working on this question, until ${time}. Write your answer below.`,
  'expertInbox.released': 'You gave the question back. Other experts can pick it up now.',
  'expertInbox.actionFailed': 'That did not work. Please try again.',
  'expertInbox.more': 'Load more questions',
  'expertInbox.moreLoading': 'Loading more questions…',
  'expertInbox.moreFailed': 'More questions could not be loaded. Please try again.',
  'expertInbox.answered': (title: string) =>
    `Your answer is posted. The question “${title}” is no longer in your list.`,
  'expertInbox.form.heading': 'Write your answer',
  'expertInbox.form.body': 'Your answer',
  'expertInbox.form.bodyHint':
    'Write in plain words. Your answer shows a note that it is general information, not personal legal advice.',
  'expertInbox.form.bodyRequired': 'Write your answer.',
  'expertInbox.form.bodyTooShort': (min: number) => `Write at least ${min} characters.`,
  'expertInbox.form.bodyTooLong': (max: number) => `Your answer is too long. Use at most ${max} characters.`,
  'expertInbox.form.source': 'Source (link)',
  'expertInbox.form.sourceHint': 'For example an article on wetten.overheid.nl. The link starts with https://.',
  'expertInbox.form.sourceInvalid': 'Enter a link that starts with https://, for example https://wetten.overheid.nl.',
  'expertInbox.form.reviewedOn': 'Checked on',
  'expertInbox.form.reviewedOnHint': 'The day you last checked the information.',
  'expertInbox.form.reviewedOnFuture': 'This day is in the future. Choose today or an earlier day.',
  'expertInbox.form.errorSummary': 'Please check your answer:',
  'expertInbox.form.submit': 'Post answer',
  'expertInbox.form.submitting': 'Sending answer…',
  'expertInbox.form.notPosted': 'Your answer was not posted. Please try again.',
  'expertInbox.form.kept': 'Your text is kept. You can try again in a moment.',
};
