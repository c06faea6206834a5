/**
 * Cross-site scripting payloads for the element tests: classic and modern ones, for HTML, attribute, URL, CSS,
 * template and Lit contexts. Each payload calls the canary `xss(n)` (n is its index) in every way it can run, so a
 * test sees which payload ran, if any. The canary is installed by `installCanary()` in xss-inspect.ts; payloads that
 * run in a frame call `parent.xss(n)`.
 *
 * Sources of inspiration: the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet, the DOMPurify and
 * Lit issue trackers (mutation XSS, template markers). All are inert text unless something renders them as markup.
 */

export interface XssPayload {
  /** Its place in the list: the number the canary receives. */
  readonly index: number;
  /** A short name for reports: "img onerror, unquoted". */
  readonly name: string;
  readonly text: string;
}

/** Every character as a decimal entity: `&#120;&#115;&#115;`. */
const decimalEntities = (text: string, semicolon = true) =>
  [...text].map((char) => `&#${char.codePointAt(0)}${semicolon ? ';' : ''}`).join('');
/** Every character as a hexadecimal entity: `&#x78;&#x73;`. */
const hexEntities = (text: string, semicolon = true) =>
  [...text].map((char) => `&#x${char.codePointAt(0)!.toString(16)}${semicolon ? ';' : ''}`).join('');
/** Every character percent-encoded: `%78%73%73`. */
const percentEncoded = (text: string) =>
  [...text].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
const base64 = (text: string) => btoa(text);

type Build = (call: string, n: number) => string;

/** [name, build]: `call` is `xss(n)` for this payload. */
const builders: [string, Build][] = [
  // Script elements.
  ['script tag', (call) => `<script>${call}</script>`],
  ['script tag, upper case', (call) => `<SCRIPT>${call}</SCRIPT>`],
  ['module script', (call) => `<script type="module">${call}</script>`],
  ['script with data: src', (call) => `<script src="data:text/javascript,${call}"></script>`],
  ['script after closing a quote and a tag', (call) => `"><script>${call}</script>`],
  ['script after a single quote', (call) => `'><script>${call}</script>`],
  ['script after closing a paragraph', (call) => `</p><script>${call}</script><p>`],
  ['nested script to survive a naive filter', (call) => `<scr<script>ipt>${call}</scr</script>ipt>`],
  ['script with a NUL inside the tag name', (call) => `<scr\u0000ipt>${call}</scr\u0000ipt>`],
  ['script with slash attributes', (call) => `<script/src=data:,${call}></script>`],
  ['double open bracket', (call) => `<<script>${call}//<</script>`],
  ['script, line separator', (call) => `<script>\u2028${call}\u2029</script>`],
  // Event handler attributes, every way of quoting.
  ['img onerror, unquoted', (call) => `<img src=x onerror=${call}>`],
  ['img onerror, double quotes', (call) => `<img src="x" onerror="${call}">`],
  ['img onerror, single quotes', (call) => `<img src='x' onerror='${call}'>`],
  ['img onerror, backticks', (call) => `<img src=x onerror=\`${call}\`>`],
  ['img onerror, mixed case', (call) => `<IMG SRC=x OnErRoR=${call}>`],
  ['img onerror, slashes for spaces', (call) => `<img/src/onerror=${call}>`],
  ['img onerror, new lines for spaces', (call) => `<img\nsrc=x\nonerror=${call}>`],
  ['img onerror, unclosed tag', (call) => `<img src=x onerror=${call}//`],
  ['img onerror, hex entities', (call) => `<img src=x onerror="${hexEntities(call)}">`],
  ['img onerror, decimal entities', (call) => `<img src=x onerror="${decimalEntities(call)}">`],
  ['img onerror, entities without semicolons', (call) => `<img src=x onerror="${decimalEntities(call, false)}">`],
  ['img onerror, JS unicode escape', (_, n) => `<img src=x onerror=\\u0078ss(${n})>`],
  ['img onerror, eval of base64', (call) => `<img src=x onerror=eval(atob('${base64(call)}'))>`],
  ['img onerror, property lookup', (_, n) => `<img src=x onerror=window['x'+'ss'](${n})>`],
  ['img onerror, javascript: label', (call) => `<img src=x onerror="javascript:${call}">`],
  ['image tag (parsed as img)', (call) => `<image src=x onerror=${call}>`],
  ['input type=image onerror', (call) => `<input type=image src=x onerror=${call}>`],
  ['svg onload', (call) => `<svg onload=${call}>`],
  ['svg/onload, unclosed', (call) => `<svg/onload=${call}//`],
  ['body onload', (call) => `<body onload=${call}>`],
  ['body onpageshow', (call) => `<body onpageshow=${call}>`],
  ['frameset onload', (call) => `<frameset onload=${call}>`],
  ['details ontoggle', (call) => `<details open ontoggle=${call}>`],
  ['input autofocus onfocus', (call) => `<input autofocus onfocus=${call}>`],
  ['select autofocus onfocus', (call) => `<select autofocus onfocus=${call}></select>`],
  ['textarea autofocus onfocus', (call) => `<textarea autofocus onfocus=${call}></textarea>`],
  ['video source onerror', (call) => `<video><source onerror=${call}></video>`],
  ['audio onerror', (call) => `<audio src=x onerror=${call}>`],
  ['marquee onstart', (call) => `<marquee onstart=${call}>xss</marquee>`],
  ['div onmouseover', (call) => `<div onmouseover="${call}">wijs hier</div>`],
  [
    'animation start handler',
    (call) => `<style>@keyframes x{}</style><div style="animation-name:x" onanimationstart="${call}"></div>`,
  ],
  ['popover onbeforetoggle', (call) => `<div popover id=p onbeforetoggle=${call}>x</div>`],
  ['unknown element onclick', (call) => `<x onclick=${call}>klik</x>`],
  ['a Plein element with a handler', (call) => `<plein-question question-id="q1" onclick=${call}></plein-question>`],
  ['slot with a handler', (call) => `<slot name=x onclick=${call}></slot>`],
  // javascript:, data: and vbscript: URLs in links and frames, in many encodings.
  ['a href javascript:', (call) => `<a href="javascript:${call}">klik</a>`],
  ['a href javascript:, unquoted', (call) => `<a href=javascript:${call}>klik</a>`],
  ['a href javascript:, mixed case', (call) => `<a href="JaVaScRiPt:${call}">klik</a>`],
  ['a href javascript:, leading space', (call) => `<a href=" javascript:${call}">klik</a>`],
  ['a href javascript:, leading control character', (call) => `<a href="\u0001javascript:${call}">klik</a>`],
  ['a href javascript:, tab entity', (call) => `<a href="java&#x09;script:${call}">klik</a>`],
  ['a href javascript:, literal tab', (call) => `<a href="java\tscript:${call}">klik</a>`],
  ['a href javascript:, new line entity', (call) => `<a href="jav&#x0A;ascript:${call}">klik</a>`],
  ['a href javascript:, decimal entities', (call) => `<a href="${decimalEntities(`javascript:${call}`)}">klik</a>`],
  [
    'a href javascript:, hex entities without semicolons',
    (call) => `<a href="${hexEntities(`javascript:${call}`, false)}">klik</a>`,
  ],
  ['a href javascript:, padded entity colon', (call) => `<a href="javascript&#0000058;${call}">klik</a>`],
  ['a href javascript:, named entity colon', (call) => `<a href="javascript&colon;${call}">klik</a>`],
  ['a href javascript:, percent-encoded call', (call) => `<a href="javascript:${percentEncoded(call)}">klik</a>`],
  ['a href javascript:, with onclick', (call) => `<a href="javascript:void(0)" onclick="${call}">klik</a>`],
  ['a href data: text/html', (call) => `<a href="data:text/html,<script>${call}</script>">klik</a>`],
  [
    'a href data: base64',
    (call) => `<a href="data:text/html;base64,${base64(`<script>parent.${call}</script>`)}">klik</a>`,
  ],
  ['a href vbscript:', (call) => `<a href="vbscript:${call}">klik</a>`],
  ['iframe javascript:', (call) => `<iframe src="javascript:parent.${call}"></iframe>`],
  ['iframe javascript:, mixed case', (call) => `<iframe src="jaVasCript:parent.${call}"></iframe>`],
  ['iframe srcdoc', (call) => `<iframe srcdoc="<script>parent.${call}</script>"></iframe>`],
  ['iframe srcdoc, entities', (call) => `<iframe srcdoc="&lt;img src=x onerror=parent.${call}&gt;"></iframe>`],
  ['iframe data:', (call) => `<iframe src="data:text/html,<script>${call}</script>"></iframe>`],
  ['object data javascript:', (call) => `<object data="javascript:${call}"></object>`],
  [
    'object data: base64',
    (call) => `<object data="data:text/html;base64,${base64(`<script>parent.${call}</script>`)}"></object>`,
  ],
  ['embed javascript:', (call) => `<embed src="javascript:${call}">`],
  ['form action javascript:', (call) => `<form action="javascript:${call}"><button>Verstuur</button></form>`],
  ['button formaction javascript:', (call) => `<form><button formaction=javascript:${call}>x</button></form>`],
  ['img src javascript:', (call) => `<img src="javascript:${call}">`],
  ['video poster javascript:', (call) => `<video poster=javascript:${call}//></video>`],
  ['table background javascript:', (call) => `<table background="javascript:${call}"></table>`],
  ['base href javascript:', (call) => `<base href="javascript:${call}//">`],
  ['meta refresh javascript:', (call) => `<meta http-equiv="refresh" content="0;url=javascript:${call}">`],
  ['link import data:', (call) => `<link rel=import href="data:text/html,<script>${call}</script>">`],
  // SVG and MathML.
  ['svg script', (call) => `<svg><script>${call}</script></svg>`],
  ['svg script href data:', (call) => `<svg><script href="data:,${call}" /></svg>`],
  ['svg script xlink:href data:', (call) => `<svg><script xlink:href="data:,${call}"></script></svg>`],
  ['svg animate onbegin', (call) => `<svg><animate onbegin=${call} attributeName=x dur=1s>`],
  [
    'svg animate href to javascript:',
    (call) => `<svg><a><animate attributeName=href values=javascript:${call} /><text x=20 y=20>klik</text></a></svg>`,
  ],
  [
    'svg a xlink:href javascript:',
    (call) => `<svg><a xlink:href="javascript:${call}"><rect width=100 height=100 /></a></svg>`,
  ],
  ['svg foreignObject img', (call) => `<svg><foreignObject><img src=x onerror=${call}></foreignObject></svg>`],
  ['svg style mutation', (call) => `<svg><style><img src=x onerror=${call}></style></svg>`],
  ['svg paragraph style mutation', (call) => `<svg></p><style><a id="</style><img src=x onerror=${call}>">`],
  ['math href javascript:', (call) => `<math href="javascript:${call}">klik</math>`],
  [
    'math maction xlink:href',
    (call) => `<math><maction actiontype="statusline#" xlink:href="javascript:${call}">klik</maction></math>`,
  ],
  ['math mglyph style mutation', (call) => `<math><mtext><table><mglyph><style><img src=x onerror=${call}>`],
  // Templates, styles and elements whose content is parsed differently.
  ['template content', (call) => `<template><img src=x onerror=${call}></template>`],
  ['declarative shadow root', (call) => `<template shadowrootmode="open"><img src=x onerror=${call}></template>`],
  ['noscript attribute mutation', (call) => `<noscript><p title="</noscript><img src=x onerror=${call}>">`],
  ['xmp raw text', (call) => `<xmp><img src=x onerror=${call}></xmp>`],
  ['style import javascript:', (call) => `<style>@import 'javascript:${call}';</style>`],
  ['style url javascript:', (call) => `<style>*{background:url("javascript:${call}")}</style>`],
  ['style attribute url javascript:', (call) => `<div style="background-image:url(javascript:${call})">x</div>`],
  ['style attribute expression()', (call) => `<div style="width:expression(${call})">x</div>`],
  ['stylesheet link data:', (call) => `<link rel=stylesheet href="data:text/css,*{x:expression(${call})}">`],
  ['style that closes a style', (call) => `</style><style>body{background:red}</style><img src=x onerror=${call}>`],
  // Breaking out of containers.
  ['closes a textarea', (call) => `</textarea><script>${call}</script>`],
  ['closes a title', (call) => `</title><script>${call}</script>`],
  ['closes a style', (call) => `</style><script>${call}</script>`],
  ['closes a noscript', (call) => `</noscript><img src=x onerror=${call}>`],
  ['closes a comment', (call) => `--><img src=x onerror=${call}>`],
  ['comment inside an attribute', (call) => `<!--<img src="--><img src=x onerror=${call}//">`],
  ['CDATA section', (call) => `<![CDATA[<img src=x onerror=${call}>]]>`],
  ['closes a select', (call) => `</option></select><img src=x onerror=${call}>`],
  ['closes a button', (call) => `</button><img src=x onerror=${call}>`],
  // Attribute breaking: meant for text that is put into an attribute.
  ['double quote, onmouseover', (call) => `" onmouseover="${call}`],
  ['single quote, onmouseover', (call) => `' onmouseover='${call}`],
  ['double quote, autofocus onfocus', (call) => `" autofocus onfocus="${call}" x="`],
  ['quote, onerror', (call) => `x" onerror="${call}`],
  ['backtick, onmouseover', (call) => `\` onmouseover=${call} \``],
  ['quote, closes the tag', (call) => `"><img src=x onerror=${call}>`],
  // HTML entities and encodings meant to be decoded twice.
  ['escaped markup as entities', (call) => `&lt;img src=x onerror=${call}&gt;`],
  ['decimal entity tags', (call) => `&#60;script&#62;${call}&#60;/script&#62;`],
  ['hex entity tags', (call) => `&#x3C;img src=x onerror=${call}&#x3E;`],
  ['percent-encoded markup', (call) => `%3Cscript%3E${call}%3C%2Fscript%3E`],
  ['JS escaped markup', (call) => `\\u003cimg src=x onerror=${call}\\u003e`],
  ['JS hex escaped markup', (call) => `\\x3cimg src=x onerror=${call}\\x3e`],
  // Unicode tricks.
  ['fullwidth brackets', (call) => `＜script＞${call}＜/script＞`],
  ['right-to-left override', (call) => `\u202E>gmi< <img src=x onerror=${call}>`],
  ['zero-width space in the handler', (call) => `<img src=x onerror=${call}\u200B>`],
  ['zero-width space in javascript:', (call) => `java\u200Bscript:${call}`],
  ['combining characters', (call) => `Z̷̢͚a̶l̸g̷o̵ <img src=x onerror=${call}>`],
  ['Cyrillic homoglyph link', (call) => `https://еxample.org/<img src=x onerror=${call}>`],
  ['line separators around javascript:', (call) => `\u2028javascript:${call}\u2029`],
  ['emoji around an img', (call) => `👋🏽<img src=x onerror=${call}>🙂`],
  // Bare URLs with a dangerous scheme: only a linkifier could make these live.
  ['bare javascript:', (call) => `javascript:${call}`],
  ['bare javascript:, mixed case', (call) => `JaVaScRiPt:${call}`],
  ['bare javascript: with a comment and new line', (call) => `javascript://%0a${call}`],
  ['bare javascript: hiding an https URL', (call) => `javascript:/*https://example.org/*/${call}`],
  ['bare data: text/html', (call) => `data:text/html;base64,${base64(`<script>${call}</script>`)}`],
  ['bare vbscript:', (call) => `vbscript:${call}`],
  // http(s) URLs combined with an attack: a linkifier must keep the attack out of the href and out of the markup.
  ['https URL, quote and onmouseover', (call) => `https://example.org/"onmouseover="${call}"`],
  ['https URL, script tag', (call) => `https://example.org/<script>${call}</script>`],
  ['https URL, query breaks out', (call) => `https://example.org/?q="><img src=x onerror=${call}>`],
  ['https URL, fragment with svg', (call) => `https://example.org/#<svg/onload=${call}>`],
  ['http URL, single quote onclick', (call) => `http://example.org/'onclick='${call}'`],
  ['https URL, then javascript:', (call) => `https://example.org/ javascript:${call}`],
  ['https URL, closes the anchor', (call) => `https://example.org/</a><a href="javascript:${call}">klik</a>`],
  ['https URL, img in the host', (call) => `https://exa<img src=x onerror=${call}>mple.org/`],
  ['www address with an img', (call) => `www.example.org/<img src=x onerror=${call}>`],
  ['https URL, NUL then script', (call) => `https://example.org/\u0000<script>${call}</script>`],
  ['anchor with a valid href and a handler', (call) => `<a href="https://example.org/" onclick="${call}">link</a>`],
  ['anchor with autofocus onfocus', (call) => `<a href="https://example.org" onfocus="${call}" autofocus>link</a>`],
  ['markdown link javascript:', (call) => `[klik](javascript:${call})`],
  ['markdown link https with quote', (call) => `[klik](https://example.org/"onclick="${call}")`],
  // Template injection and Lit-specific attempts.
  ['Lit expression syntax', (call) => `\${${call}}`],
  ['Lit marker comment', (call) => `<!--?lit$123456789$--><img src=x onerror=${call}>`],
  ['Lit marker processing instruction', (call) => `<?lit$1234$><img src=x onerror=${call}>`],
  ['Lit marker attribute', (call) => `<div lit$1234$=x onclick=${call}>x</div>`],
  ['Lit bound attribute marker', (call) => `<img src$lit$=x onerror$lit$=${call}>`],
  ['constructor template injection', (call) => `{{constructor.constructor('${call}')()}}`],
  ['Angular sandbox escape', (call) => `{{$on.constructor('${call}')()}}`],
  ['Vue v-html', (call) => `<div v-html="'<img src=x onerror=${call}>'"></div>`],
  ['template literal', (call) => `\`\${${call}}\``],
  ['Ruby and ERB templates', (call) => `#{${call}} <%= ${call} %>`],
  ['JSON breaking', (call) => `"}]);${call};//`],
  ['JS string breaking', (call) => `';${call};//";${call};//`],
  // DOM clobbering.
  ['clobbers a form', (call) => `<form name=xss><input name=parentNode autofocus onfocus=${call}></form>`],
  ['clobbers by id', (call) => `<img id=xss name=xss><a id=__xss href="javascript:${call}">x</a>`],
  // Long strings.
  ['long text then an img', (call) => `${'A'.repeat(5000)}<img src=x onerror=${call}>`],
  ['deeply nested bold', (call) => `${'<b>'.repeat(1000)}<script>${call}</script>`],
  ['many imgs', (call) => `<img src=x onerror=${call}>`.repeat(200)],
];

/** The payloads, in order; `xss(n)` in payload n reports that payload n ran. */
export const xssPayloads: readonly XssPayload[] = builders.map(([name, build], index) => ({
  index,
  name,
  text: build(`xss(${index})`, index),
}));
