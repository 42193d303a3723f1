/** The build's template minifier: only static text of `html`/`css` templates changes. */
import { describe, expect, it } from 'vitest';
import { minifyCss, minifyHtml, minifyTemplates } from '../build/minify-templates.js';

describe('minifyTemplates', () => {
  it('collapses indentation in html templates, nested ones too, and leaves expressions', () => {
    const src = [
      'const a = html`<div>',
      '    ${cond ? html`<b>',
      '      x</b>` : nothing}',
      '  </div>`;',
      'const s = `keep\n   this`;',
      "const t = '  and   this  ';",
    ].join('\n');
    expect(minifyTemplates(src, 'x.ts')).toBe(
      [
        'const a = html`<div> ${cond ? html`<b> x</b>` : nothing} </div>`;',
        'const s = `keep\n   this`;',
        "const t = '  and   this  ';",
      ].join('\n'),
    );
  });

  it('keeps the single spaces HTML renders', () => {
    expect(minifyHtml('<b>a</b> <i>b</i>')).toBe('<b>a</b> <i>b</i>');
    expect(minifyHtml('a\n   b')).toBe('a b');
  });

  it('minifies css: comments, whitespace, but not what changes meaning', () => {
    expect(
      minifyCss(`
      /* buttons */
      :host([narrow]) .a > .b,
      .c:hover {
        margin: 0 auto;
        width: calc(100% - 8px);
      }`),
    ).toBe(':host([narrow]) .a>.b,.c:hover{margin:0 auto;width:calc(100% - 8px)}');
  });
});
