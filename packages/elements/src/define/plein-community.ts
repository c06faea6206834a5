import { PleinCommunity } from '../components/community/community.ts';
import { defineElement } from '../define-element.ts';

defineElement('plein-community', PleinCommunity);

declare global {
  interface HTMLElementTagNameMap {
    'plein-community': PleinCommunity;
  }
}
