import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CLIENT = path.resolve(__dirname, '../../client');
/** Attributes people read. */
const READ_ATTRS = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label']);
/** Text that is not language: symbols, codes and example values. */
const ALLOWED = /^[\s\p{P}\p{S}\d%]*$|^(US|MX)-[A-Z]+(, (US|MX)-[A-Z]+)*$/u;

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'shared' ? [] : tsxFiles(p);
    return e.name.endsWith('.tsx') ? [p] : [];
  });
}

/** Literal words in JSX text and in readable attributes, which would escape translation. */
export function literalTexts(file: string, source = fs.readFileSync(file, 'utf8')): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.getText().trim();
      if (text && !ALLOWED.test(text)) found.push(text);
    }
    if (ts.isJsxAttribute(node) && READ_ATTRS.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const text = node.initializer.text.trim();
      if (text && !ALLOWED.test(text)) found.push(`${node.name.getText()}="${text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('every interface string comes from the locales', () => {
  it('no component renders literal text', () => {
    const offenders = tsxFiles(CLIENT).flatMap((f) => literalTexts(f).map((t) => `${path.relative(CLIENT, f)}: ${t}`));
    expect(offenders).toEqual([]);
  });

  it('the check catches a literal', () => {
    expect(literalTexts('x.tsx', 'export const A = () => <p title="Hello">Save changes {x} — <b>{t("ok")}</b> ↪</p>;')).toEqual(['title="Hello"', 'Save changes']);
  });
});
