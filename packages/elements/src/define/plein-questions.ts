import { PleinQuestions } from '../components/questions/questions.ts';
import { defineElement } from '../define-element.ts';

defineElement('plein-questions', PleinQuestions);

declare global {
  interface HTMLElementTagNameMap {
    'plein-questions': PleinQuestions;
  }
}
