import type { PastedLine } from '@shared/bill/structurePasted';

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TD', 'TH', 'BLOCKQUOTE', 'PRE', 'DT', 'DD']);

function isHeading(el: Element): boolean {
  if (/^H[1-6]$/.test(el.tagName)) return true;
  // Word marks outline levels in the style attribute ("mso-outline-level:1") and classes like MsoHeading1 / Heading2.
  const style = el.getAttribute('style') ?? '';
  const cls = el.getAttribute('class') ?? '';
  return /mso-outline-level\s*:\s*\d/i.test(style) || /heading|titulo|título/i.test(cls);
}

/** Block-level elements of pasted HTML as lines, in document order (nested blocks give their own lines). */
function htmlLines(html: string): PastedLine[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out: PastedLine[] = [];
  const visit = (el: Element) => {
    const children = [...el.children];
    const hasBlockChild = children.some((c) => BLOCK_TAGS.has(c.tagName));
    if (BLOCK_TAGS.has(el.tagName) && !hasBlockChild) {
      out.push({ text: el.textContent ?? '', heading: isHeading(el) });
      return;
    }
    children.forEach(visit);
  };
  visit(doc.body);
  return out.filter((l) => l.text.trim() !== '');
}

/** The lines of what is being pasted: from its HTML when there is some, else from its plain text. */
export function clipboardLines(data: DataTransfer | null): PastedLine[] {
  if (!data) return [];
  const html = data.getData('text/html');
  if (html) {
    const lines = htmlLines(html);
    if (lines.length) return lines;
  }
  return data.getData('text/plain').split(/\r?\n/).filter((l) => l.trim() !== '').map((text) => ({ text, heading: false }));
}
