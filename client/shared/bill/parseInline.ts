import type { PMJSON } from './yBill';

/** `{{key}}` is a parameter, `[[section-id]]` a cross-reference, a newline a hard break. */
const TOKEN = /\{\{([A-Za-z][A-Za-z0-9_]*)\}\}|\[\[([a-z0-9][a-z0-9-]*)\]\]|\n/g;

/** The parameter keys and cross-reference targets used in a text. */
export function inlineTokens(text: string): { parameters: string[]; refs: string[] } {
  const parameters: string[] = [];
  const refs: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m[1]) parameters.push(m[1]);
    if (m[2]) refs.push(m[2]);
  }
  return { parameters, refs };
}

/** Turns authored text into inline ProseMirror JSON; `values` fills parameters (missing = unfilled). */
export function parseInline(text: string, values: (key: string) => string | null = () => null): PMJSON[] {
  const out: PMJSON[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const index = m.index ?? 0;
    if (index > last) out.push({ type: 'text', text: text.slice(last, index) });
    if (m[1]) out.push({ type: 'parameter', attrs: { key: m[1], value: values(m[1]) } });
    else if (m[2]) out.push({ type: 'crossRef', attrs: { target: m[2] } });
    else out.push({ type: 'hardBreak' });
    last = index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}
