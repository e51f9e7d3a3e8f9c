import type { Lang } from './Lang';
import type { BilingualContent, PMJSON } from './yBill';
import type { ParameterValue } from './templateFormat';
import type { BlockForm } from '../schema/FormAttribute';

/** Parameter values by key, in both languages. */
export type ParameterValues = Record<string, ParameterValue>;

function mapNode(node: PMJSON, fn: (n: PMJSON) => PMJSON): PMJSON {
  const mapped = fn(node);
  return mapped.content ? { ...mapped, content: mapped.content.map((c) => mapNode(c, fn)) } : mapped;
}

/** Sets every parameter node's value from `values` (a key absent or null leaves the node unfilled). */
export function fillParameters(content: BilingualContent, values: ParameterValues): BilingualContent {
  const fill = (lang: Lang) =>
    mapNode(content[lang], (n) => {
      if (n.type !== 'parameter') return n;
      const key = String(n.attrs?.key ?? '');
      const value = values[key]?.[lang];
      return { ...n, attrs: { ...n.attrs, key, value: value && value.trim() ? value : null } };
    });
  return { en: fill('en'), es: fill('es') };
}

/** Keeps the top-level blocks meant for `form` ('us' or 'mx') and those meant for any form. */
export function keepForm(content: BilingualContent, form: Exclude<BlockForm, 'any'>): BilingualContent {
  const keep = (doc: PMJSON): PMJSON => ({
    ...doc,
    content: (doc.content ?? []).filter((b) => {
      const f = b.attrs?.form;
      return f === undefined || f === 'any' || f === form;
    }),
  });
  return { en: keep(content.en), es: keep(content.es) };
}

/** Every parameter key used in a document, in order of first appearance. */
export function parameterKeys(doc: PMJSON): string[] {
  const keys: string[] = [];
  const visit = (n: PMJSON) => {
    if (n.type === 'parameter') {
      const key = String(n.attrs?.key ?? '');
      if (!keys.includes(key)) keys.push(key);
    }
    n.content?.forEach(visit);
  };
  visit(doc);
  return keys;
}
