import type { portalSignIn as portalSource, signIn as source } from '../nl/sign-in.ts';
import type { TranslationOf } from '../translation-types.ts';

export const signIn: TranslationOf<typeof source> = {
  'signIn.heading': 'Sign in for professionals',
  'signIn.intro':
    'For experts, moderators and municipal staff. Do you only want to ask a question? Then you do not need to sign in.',
  'signIn.email': 'E-mail address',
  'signIn.password': 'Password',
  'signIn.showPassword': 'Show password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.errorSummary': 'Please check the following:',
  'signIn.emailRequired': 'Enter your e-mail address.',
  'signIn.emailInvalid': 'Enter a valid e-mail address, such as name@example.com.',
  'signIn.passwordRequired': 'Enter your password.',
  'signIn.failed': 'Signing in did not work. Please try again.',
  'signIn.kept': 'Your details are still there. You can try again in a moment.',
  'signIn.linkHint': 'No password at hand? Enter your e-mail address. You will get a link to sign in.',
  'signIn.requestLink': 'Send me a sign-in link',
  'signIn.requestingLink': 'Asking for a sign-in link…',
  'signIn.linkSent': 'If we know this address, you will get an e-mail with a link. The link works for 15 minutes.',
  'signIn.linkFailed': 'Asking for a sign-in link did not work. Please try again.',
  'signIn.finishingSignIn': 'Signing you in…',
  'signIn.linkHeading': 'Sign in with the link from your e-mail',
  'signIn.linkIntro':
    'Click the button to sign in. The link works only once. That is why we sign you in only when you click the button yourself.',
  'signIn.linkSubmit': 'Sign in now',
  'signIn.linkOtherWay': 'Sign in another way',
  'signIn.organisation': (organisation: string) => `Sign in with your ${organisation} account`,
  'signIn.organisationHint': 'You go to the sign-in page of your organisation. After that you come back here.',
  'signIn.organisationCancelled': 'You stopped signing in at your organisation. You are not signed in.',
  'signIn.organisationUnknownAccount':
    'Your organisation knows you, but there is no account here with your e-mail address. Ask the community’s administrator for an account.',
  'signIn.organisationFailed':
    'Signing in through your organisation did not work. Please try again, or sign in with your e-mail address.',
  'signIn.signedInAs': (name: string) => `Signed in as ${name}`,
  'signIn.roles': (roles: string, count: number) => (count === 1 ? `Role: ${roles}` : `Roles: ${roles}`),
  'signIn.role.EXPERT': 'Expert',
  'signIn.role.MODERATOR': 'Moderator',
  'signIn.role.STAFF': 'Municipal staff',
  'signIn.role.ADMIN': 'Administrator',
  'signIn.portalCitizen': 'You are signed in through the website of your municipality.',
  'signIn.until': (time: string) => `You stay signed in until ${time}.`,
  'signIn.signOut': 'Sign out',
  'signIn.signingOut': 'Signing out…',
  'signIn.signedOut': 'You are signed out.',
};

export const portalSignIn: TranslationOf<typeof portalSource> = {
  'portalSignIn.failed':
    'Signing in through the website of your municipality did not work. You can simply go on anonymously.',
  'portalSignIn.dismiss': 'Close',
};
