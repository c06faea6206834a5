import { html, type TemplateResult } from 'lit';

/**
 * Styles a careless host page might have: a global reset that reaches every element it can, and buttons stripped of
 * everything, placed in the light DOM around the element. The elements must stay readable and usable under it (16px
 * text, visible buttons and focus).
 */
export function onHostileHostPage(content: TemplateResult): TemplateResult {
  // Literal CSS in the template, as a host page writes its own stylesheet.
  return html`<div class="host-page">
    <style>
      * {
        box-sizing: content-box;
        font-size: 13px;
        line-height: 1;
      }
      button {
        all: unset;
      }
    </style>
    <p>Tekst van de gastpagina, met de stijlen van die pagina.</p>
    ${content}
  </div>`;
}

/** The element on a right-to-left page. */
export function onRtlPage(content: TemplateResult): TemplateResult {
  return html`<div dir="rtl">${content}</div>`;
}

/** The element on an English page: the elements take the nearest `lang` above them. */
export function onEnglishPage(content: TemplateResult): TemplateResult {
  return html`<div lang="en">${content}</div>`;
}
