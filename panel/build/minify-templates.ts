/**
 * A Vite plugin that shrinks the static text of Lit's `html` and `css` templates in our
 * sources: the minifier leaves template literals alone, and indentation is most of them.
 * HTML: whitespace runs spanning lines become one space (as the browser renders them; no
 * template here has static text inside <pre>). CSS: comments go, whitespace collapses.
 */
import ts from 'typescript';
import type { Plugin } from 'vite';

export const minifyHtml = (text: string) => text.replace(/\s*\n\s*/g, ' ');

export const minifyCss = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .trim();

/** The source with every `html`/`css` template's static parts minified. */
export function minifyTemplates(code: string, fileName: string): string {
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      (node.tag.text === 'html' || node.tag.text === 'css')
    ) {
      const minify = node.tag.text === 'css' ? minifyCss : minifyHtml;
      const t = node.template;
      const parts: ts.Node[] = ts.isNoSubstitutionTemplateLiteral(t)
        ? [t]
        : [t.head, ...t.templateSpans.map((s) => s.literal)];
      for (const part of parts) {
        // Between the opening ` or } and the closing ` or ${.
        const start = part.getStart(sf) + 1;
        const closesWithBacktick =
          ts.isNoSubstitutionTemplateLiteral(part) || ts.isTemplateTail(part);
        const end = part.getEnd() - (closesWithBacktick ? 1 : 2);
        const raw = code.slice(start, end);
        const text = minify(raw);
        if (text !== raw) edits.push({ start, end, text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
}

export function minifyTemplatesPlugin(): Plugin {
  return {
    name: 'llm-ops:minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/(panel|cards)\/src\/.+\.ts$/.test(id)) return null;
      return { code: minifyTemplates(code, id), map: null };
    },
  };
}
