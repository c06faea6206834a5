import { PleinModeration } from '../components/moderation/moderation.ts';
import { defineElement } from '../define-element.ts';

defineElement('plein-moderation', PleinModeration);

declare global {
  interface HTMLElementTagNameMap {
    'plein-moderation': PleinModeration;
  }
}
