/** Classes without registration: import a `define/plein-*.js` module (or the embed script) to register tags. */
export { PleinElement } from './base/plein-element.ts';
export { PleinAsk } from './components/ask/ask.ts';
export { PleinCommunity } from './components/community/community.ts';
export { PleinContact } from './components/contact/contact.ts';
export { PleinExpertInbox } from './components/expert-inbox/expert-inbox.ts';
export { PleinExpert } from './components/expert/expert.ts';
export { PleinExperts } from './components/experts/experts.ts';
export { PleinModeration } from './components/moderation/moderation.ts';
export { PleinMyQuestions } from './components/my-questions/my-questions.ts';
export { PleinQuestion } from './components/question/question.ts';
export { PleinQuestions } from './components/questions/questions.ts';
export { PleinReport } from './components/report/report.ts';
export { PleinSignIn } from './components/sign-in/sign-in.ts';
export { PleinTopics } from './components/topics/topics.ts';
export { pleinClientContext } from './context.ts';
export { setDefaultEndpoint } from './default-endpoint.ts';
export { defineElement } from './define-element.ts';
export { PleinAnswerPostedEvent } from './events/answer-posted.ts';
export {
  type ContactRequestChannel,
  type ContactRequestDetail,
  PleinContactRequestEvent,
  requestContact,
} from './events/contact-request.ts';
export { PleinExpertOpenEvent } from './events/expert-open.ts';
export { PleinPortalSignInFailedEvent } from './events/portal-sign-in-failed.ts';
export { PleinQuestionAskedEvent } from './events/question-asked.ts';
export { PleinQuestionDeletedEvent } from './events/question-deleted.ts';
export { PleinQuestionOpenEvent } from './events/question-open.ts';
export { PleinSignedInEvent, type SignInMethod } from './events/signed-in.ts';
export { PleinSignedOutEvent } from './events/signed-out.ts';
export { PleinTopicOpenEvent } from './events/topic-open.ts';
