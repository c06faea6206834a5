import { PleinMyQuestions } from '../components/my-questions/my-questions.ts';
import { defineElement } from '../define-element.ts';

defineElement('plein-my-questions', PleinMyQuestions);

declare global {
  interface HTMLElementTagNameMap {
    'plein-my-questions': PleinMyQuestions;
  }
}
