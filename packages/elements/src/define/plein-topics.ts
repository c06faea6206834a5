import { PleinTopics } from '../components/topics/topics.ts';
import { defineElement } from '../define-element.ts';

defineElement('plein-topics', PleinTopics);

declare global {
  interface HTMLElementTagNameMap {
    'plein-topics': PleinTopics;
  }
}
