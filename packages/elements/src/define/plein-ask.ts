import { PleinAsk } from '../components/ask/ask.ts';
import { defineElement } from '../define-element.ts';

defineElement('plein-ask', PleinAsk);

declare global {
  interface HTMLElementTagNameMap {
    'plein-ask': PleinAsk;
  }
}
