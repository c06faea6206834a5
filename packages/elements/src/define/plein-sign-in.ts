import { PleinSignIn } from '../components/sign-in/sign-in.ts';
import { defineElement } from '../define-element.ts';

defineElement('plein-sign-in', PleinSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'plein-sign-in': PleinSignIn;
  }
}
