import { PleinExpertInbox } from '../components/expert-inbox/expert-inbox.ts';
import { defineElement } from '../define-element.ts';

defineElement('plein-expert-inbox', PleinExpertInbox);

declare global {
  interface HTMLElementTagNameMap {
    'plein-expert-inbox': PleinExpertInbox;
  }
}
