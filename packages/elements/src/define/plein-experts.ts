import { PleinExperts } from '../components/experts/experts.ts';
import { defineElement } from '../define-element.ts';

defineElement('plein-experts', PleinExperts);

declare global {
  interface HTMLElementTagNameMap {
    'plein-experts': PleinExperts;
  }
}
