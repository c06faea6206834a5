import { PleinContact } from '../components/contact/contact.ts';
import { defineElement } from '../define-element.ts';

defineElement('plein-contact', PleinContact);

declare global {
  interface HTMLElementTagNameMap {
    'plein-contact': PleinContact;
  }
}
