import { PleinReport } from '../components/report/report.ts';
import { defineElement } from '../define-element.ts';

defineElement('plein-report', PleinReport);

declare global {
  interface HTMLElementTagNameMap {
    'plein-report': PleinReport;
  }
}
