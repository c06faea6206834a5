/** Classes without registration: import a `define/plein-*.js` module (or the embed script) to register tags. */
export { PleinElement } from './base/plein-element.ts';
export { PleinAsk } from './components/ask/ask.ts';
export { PleinCommunity } from './components/community/community.ts';
export { PleinMyQuestions } from './components/my-questions/my-questions.ts';
export { PleinQuestion } from './components/question/question.ts';
export { PleinQuestions } from './components/questions/questions.ts';
export { PleinTopics } from './components/topics/topics.ts';
export { pleinClientContext } from './context.ts';
export { setDefaultEndpoint } from './default-endpoint.ts';
export { defineElement } from './define-element.ts';
export { PleinAnswerPostedEvent } from './events/answer-posted.ts';
export { PleinQuestionAskedEvent } from './events/question-asked.ts';
export { PleinQuestionDeletedEvent } from './events/question-deleted.ts';
export { PleinQuestionOpenEvent } from './events/question-open.ts';
export { PleinTopicOpenEvent } from './events/topic-open.ts';
