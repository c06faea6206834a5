import { PleinQuestion } from '../components/question/question.ts';
import { defineElement } from '../define-element.ts';

defineElement('plein-question', PleinQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'plein-question': PleinQuestion;
  }
}
