import type { PMJSON } from '../../client/shared/bill/yBill';

/** All text of a document, parameters as their values (or ⟨key⟩ when unfilled), blocks on separate lines. */
export function docText(doc: PMJSON): string {
  const inline = (n: PMJSON): string => {
    if (n.type === 'text') return n.text ?? '';
    if (n.type === 'parameter') return (n.attrs?.value as string | null) ?? `⟨${String(n.attrs?.key)}⟩`;
    if (n.type === 'hardBreak') return '\n';
    if (n.type === 'crossRef') return `[→${String(n.attrs?.target)}]`;
    return (n.content ?? []).map(inline).join('');
  };
  const lines: string[] = [];
  const visit = (n: PMJSON) => {
    if (n.content && n.content.some((c) => c.type === 'text' || c.type === 'parameter' || c.type === 'crossRef' || c.type === 'hardBreak')) lines.push(inline(n));
    else if (n.content) n.content.forEach(visit);
  };
  visit(doc);
  return lines.join('\n');
}

/** Every parameter node of a document. */
export function parameterNodes(doc: PMJSON): { key: string; value: string | null }[] {
  const out: { key: string; value: string | null }[] = [];
  const visit = (n: PMJSON) => {
    if (n.type === 'parameter') out.push({ key: String(n.attrs?.key), value: (n.attrs?.value as string | null) ?? null });
    n.content?.forEach(visit);
  };
  visit(doc);
  return out;
}
