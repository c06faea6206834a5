import { expect, fixture, html } from '@open-wc/testing';
import { renderUserText, splitUserText, type UserTextPart } from './user-text.ts';

// The one renderer for user text: text stays text, and only http(s) addresses become links.

/** The parts in short: plain strings for text, `[text → href]` for links. */
const parts = (text: string) =>
  splitUserText(text).map((part: UserTextPart) => (part.kind === 'link' ? `[${part.text} → ${part.href}]` : part.text));

/** Renders into a div and reports what is there: its text, its elements and the links' attributes. */
async function rendered(text: string) {
  const host = await fixture<HTMLDivElement>(html`<div>${renderUserText(text)}</div>`);
  const links = [...host.querySelectorAll('a')];
  return {
    text: host.textContent,
    elements: [...host.querySelectorAll('*')].map((element) => element.localName),
    links: links.map((link) => ({
      href: link.getAttribute('href'),
      rel: link.getAttribute('rel'),
      target: link.getAttribute('target'),
      text: link.textContent,
    })),
  };
}

describe('renderUserText', () => {
  it('leaves text without an address alone, line breaks and all', () => {
    const text = 'Eerste regel.\n\nTweede regel met <b>vet</b> & "quotes".';
    expect(parts(text)).to.deep.equal([text]);
    expect(renderUserText(text)).to.equal(text);
    expect(renderUserText('')).to.equal('');
    expect(renderUserText(null)).to.equal('');
  });

  it('turns http and https addresses into links marked as user content, in the same tab', async () => {
    const result = await rendered('Kijk op https://www.uwv.nl/ww of http://example.nl/a?b=1&c=2#d en bel dan.');
    expect(result.links).to.deep.equal([
      { href: 'https://www.uwv.nl/ww', rel: 'nofollow ugc noopener', target: null, text: 'https://www.uwv.nl/ww' },
      {
        href: 'http://example.nl/a?b=1&c=2#d',
        rel: 'nofollow ugc noopener',
        target: null,
        text: 'http://example.nl/a?b=1&c=2#d',
      },
    ]);
    expect(result.text).to.equal('Kijk op https://www.uwv.nl/ww of http://example.nl/a?b=1&c=2#d en bel dan.');
    expect(result.elements).to.deep.equal(['a', 'a']);
  });

  it('leaves sentence punctuation and closing brackets of the text around an address out of the link', () => {
    expect(parts('Zie https://www.uwv.nl.')).to.deep.equal(['Zie ', '[https://www.uwv.nl → https://www.uwv.nl/]', '.']);
    expect(parts('Echt? https://uwv.nl/ww?!')).to.deep.equal([
      'Echt? ',
      '[https://uwv.nl/ww → https://uwv.nl/ww]',
      '?!',
    ]);
    expect(parts('(zie https://nl.wikipedia.org/wiki/WW_(uitkering))')).to.deep.equal([
      '(zie ',
      '[https://nl.wikipedia.org/wiki/WW_(uitkering) → https://nl.wikipedia.org/wiki/WW_(uitkering)]',
      ')',
    ]);
    expect(parts('[https://uwv.nl], {https://uwv.nl}; „https://uwv.nl”…')).to.deep.equal([
      '[',
      '[https://uwv.nl → https://uwv.nl/]',
      '], {',
      '[https://uwv.nl → https://uwv.nl/]',
      '}; „',
      '[https://uwv.nl → https://uwv.nl/]',
      '”…',
    ]);
  });

  it('ends an address at a quote, an angle bracket or a backtick, so nothing can break out of it', async () => {
    expect(parts('"https://example.nl/a"onmouseover="alert(1)"')).to.deep.equal([
      '"',
      '[https://example.nl/a → https://example.nl/a]',
      '"onmouseover="alert(1)"',
    ]);
    expect(parts("<a href='https://example.nl/x'>klik</a>")).to.deep.equal([
      "<a href='",
      '[https://example.nl/x → https://example.nl/x]',
      "'>klik</a>",
    ]);
    expect(parts('`https://example.nl/`')).to.deep.equal(['`', '[https://example.nl/ → https://example.nl/]', '`']);
    const result = await rendered('<img src=x onerror=alert(1)> https://example.nl/"><script>alert(1)</script>');
    expect(result.elements).to.deep.equal(['a']);
    expect(result.links.map((link) => link.href)).to.deep.equal(['https://example.nl/']);
    expect(result.text).to.equal('<img src=x onerror=alert(1)> https://example.nl/"><script>alert(1)</script>');
  });

  it('never links other schemes, however they are disguised', async () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      'java\tscript:alert(1)',
      'jav&#x09;ascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'mailto:iemand@voorbeeld.nl',
      'file:///etc/passwd',
      'xhttps://example.nl',
      'https//example.nl',
      'https:/example.nl',
      'http://',
      'https://uwv.nl@evil.example/inloggen',
      'https://gebruiker:wachtwoord@example.nl',
    ];
    for (const text of hostile) {
      expect(parts(text), text).to.deep.equal([text]);
      const result = await rendered(text);
      expect([result.elements, result.text], text).to.deep.equal([[], text]);
    }
  });

  it('links only the http(s) part after another scheme, so its target is always a web address', () => {
    expect(parts('javascript:alert(1)//https://example.nl')).to.deep.equal([
      'javascript:alert(1)//',
      '[https://example.nl → https://example.nl/]',
    ]);
  });

  it('stops at invisible and direction characters that could disguise where a link goes', () => {
    expect(parts('https://uwv.nl\u202Egnp.exe')).to.deep.equal(['[https://uwv.nl → https://uwv.nl/]', '\u202Egnp.exe']);
    expect(parts('https://uwv.nl\u200B.evil.example')).to.deep.equal([
      '[https://uwv.nl → https://uwv.nl/]',
      '\u200B.evil.example',
    ]);
    expect(parts('https://uwv.nl\u00a0en verder')).to.deep.equal([
      '[https://uwv.nl → https://uwv.nl/]',
      '\u00a0en verder',
    ]);
  });

  it('keeps unicode text as typed and links international addresses by their encoded form', () => {
    expect(parts('Café 😀 https://bücher.example/straße?q=één — klaar')).to.deep.equal([
      'Café 😀 ',
      '[https://bücher.example/straße?q=één → https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%A9%C3%A9n]',
      ' — klaar',
    ]);
    expect(parts('ééhttps://example.nl')).to.deep.equal(['ééhttps://example.nl']);
    expect(parts('HTTPS://WWW.UWV.NL/WW')).to.deep.equal(['[HTTPS://WWW.UWV.NL/WW → https://www.uwv.nl/WW]']);
  });

  it('links addresses on their own lines and next to each other, and gives the text back unchanged', () => {
    const text = 'Links:\nhttps://a.example\nhttps://b.example, https://c.example/x.\n\nEinde';
    const split = splitUserText(text);
    expect(split.filter((part) => part.kind === 'link').map((part) => part.text)).to.deep.equal([
      'https://a.example',
      'https://b.example',
      'https://c.example/x',
    ]);
    expect(split.map((part) => part.text).join('')).to.equal(text);
  });
});
