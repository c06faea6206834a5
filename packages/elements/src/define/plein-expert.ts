import { PleinExpert } from '../components/expert/expert.ts';
import { defineElement } from '../define-element.ts';

defineElement('plein-expert', PleinExpert);

declare global {
  interface HTMLElementTagNameMap {
    'plein-expert': PleinExpert;
  }
}
