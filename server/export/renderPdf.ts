import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { PrintModel, RunStyle } from './PrintModel';
import { layoutBlock, type FontFace, type Fragment, type LaidBlock, type Line, type Measure } from './pdfLayout';

const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES: Record<FontFace, string> = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
};
// Read once per process: the export worker renders many documents and the files never change.
let fontData: [FontFace, Buffer][] | null = null;
const FACES: readonly FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];
const fonts = () => (fontData ??= FACES.map((face): [FontFace, Buffer] => [face, readFileSync(path.join(FONT_DIR, FONT_FILES[face]))]));

/** Letter, with a wide left margin for the line numbers. */
const PAGE = { width: 612, height: 792, top: 72, bottom: 72, left: 80, right: 60 };
const GUTTER = 18;
/** Where a line's baseline sits in its slot: DejaVu's em box (≈1.16 em) centred in a 1.5 em slot. */
const BASELINE = 0.73;
const LINE_NUMBER = { size: 7.5, color: '#8a8a8a', right: PAGE.left - 14 };
const FURNITURE = { size: 8, color: '#6b6b6b', headerBaseline: 44, footerBaseline: PAGE.height - 40 };
const INK: Record<RunStyle, string> = { normal: '#000000', param: '#000000', ins: '#1a6b30', del: '#a11d1d', unfilled: '#b35900' };
const PARAM_BACKGROUND = '#e4ebf2';

/** One printed line position: the line each column prints there (if any), and its height. */
interface Slot {
  lines: (Line | undefined)[];
  height: number;
}

function slotsOf(blocks: (LaidBlock | undefined)[]): Slot[] {
  const count = Math.max(0, ...blocks.map((b) => b?.lines.length ?? 0));
  const slots: Slot[] = [];
  for (let i = 0; i < count; i++) {
    const lines = blocks.map((b) => b?.lines[i]);
    slots.push({ lines, height: Math.max(...lines.map((l) => l?.height ?? 0)) });
  }
  return slots;
}

const sum = (slots: Slot[]) => slots.reduce((total, s) => total + s.height, 0);

/** Widths measured once per word, face and size; pdfkit's own per-word layout cache sits underneath. */
function createMeasure(doc: PDFKit.PDFDocument): Measure {
  const caches = new Map<string, Map<string, number>>();
  return (text, face, size) => {
    const key = `${face}/${size}`;
    let cache = caches.get(key);
    if (!cache) caches.set(key, (cache = new Map()));
    let width = cache.get(text);
    if (width === undefined) {
      width = doc.font(face).fontSize(size).widthOfString(text);
      cache.set(text, width);
    }
    return width;
  };
}

/** Flows laid-out blocks down the pages, numbering every line position, one or two columns. */
class BillPrinter {
  private readonly columns: { x: number; width: number }[];
  private readonly bottom = PAGE.height - PAGE.bottom;
  private pageTop = PAGE.top;
  private y = PAGE.top;
  private lineNo = 0;

  constructor(private readonly doc: PDFKit.PDFDocument, count: number) {
    const usable = PAGE.width - PAGE.left - PAGE.right;
    const width = count > 1 ? (usable - GUTTER * (count - 1)) / count : usable;
    this.columns = Array.from({ length: Math.max(1, count) }, (_, i) => ({ x: PAGE.left + i * (width + GUTTER), width }));
  }

  columnWidth(i: number): number {
    return this.columns[i]?.width ?? 0;
  }

  /** Column headings over the parallel columns of the first page; furniture, so not numbered. */
  headings(texts: string[]): void {
    const { doc } = this;
    texts.forEach((text, i) => {
      const col = this.columns[i];
      if (!col) return;
      doc.font('bold').fontSize(9);
      const w = doc.widthOfString(text);
      doc.fillColor('#333333').text(text, col.x + Math.max(0, (col.width - w) / 2), this.y + 10, { lineBreak: false, baseline: 'alphabetic' });
      doc.moveTo(col.x, this.y + 16).lineTo(col.x + col.width, this.y + 16).lineWidth(0.5).strokeColor('#999999').stroke();
    });
    this.y = this.pageTop = this.y + 28;
  }

  /**
   * Prints the i-th block of every column side by side, starting level. Lines split across pages
   * except a signature (kept whole) and a section heading (kept with the first line that follows).
   */
  place(blocks: (LaidBlock | undefined)[], next: (LaidBlock | undefined)[] | undefined): void {
    const slots = slotsOf(blocks);
    const first = slots[0];
    if (!first) return;
    const space = Math.max(...blocks.map((b) => b?.spaceBefore ?? 0));
    let need = first.height;
    if (blocks.some((b) => b?.keepTogether)) need = sum(slots);
    if (next && blocks.some((b) => b?.keepWithNext)) {
      const following = slotsOf(next)[0];
      need = sum(slots) + (following ? Math.max(...next.map((b) => b?.spaceBefore ?? 0)) + following.height : 0);
    }
    if (!this.atTop() && this.y + space + need > this.bottom) this.newPage();
    if (!this.atTop()) this.y += space;
    for (const slot of slots) {
      if (!this.atTop() && this.y + slot.height > this.bottom) this.newPage();
      this.drawSlot(slot);
    }
  }

  private atTop(): boolean {
    return this.y === this.pageTop;
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = this.pageTop = PAGE.top;
    this.lineNo = 0;
  }

  private drawSlot(slot: Slot): void {
    const baseline = this.y + slot.height * BASELINE;
    // A line position is numbered when either column prints something on it.
    if (slot.lines.some((l) => l && l.frags.length > 0)) {
      const label = String(++this.lineNo);
      this.doc.font('regular').fontSize(LINE_NUMBER.size).fillColor(LINE_NUMBER.color);
      this.doc.text(label, LINE_NUMBER.right - this.doc.widthOfString(label), baseline, { lineBreak: false, baseline: 'alphabetic' });
    }
    slot.lines.forEach((line, i) => {
      const x = this.columns[i]?.x ?? PAGE.left;
      for (const frag of line?.frags ?? []) this.drawFragment(frag, x, baseline);
    });
    this.y += slot.height;
  }

  private drawFragment(frag: Fragment, left: number, baseline: number): void {
    const { doc } = this;
    const x = left + frag.x;
    if (frag.style === 'param') doc.rect(x - 1, baseline - frag.size * 0.85, frag.width + 2, frag.size * 1.15).fill(PARAM_BACKGROUND);
    doc.font(frag.face).fontSize(frag.size).fillColor(INK[frag.style]);
    doc.text(frag.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    // Drawn here rather than with pdfkit's underline/strike options, which assume a top-anchored line.
    const rule = frag.style === 'ins' ? baseline + 1.6 : frag.style === 'del' ? baseline - frag.size * 0.28 : null;
    if (rule !== null) doc.moveTo(x, rule).lineTo(x + frag.width, rule).lineWidth(0.6).strokeColor(INK[frag.style]).stroke();
  }
}

/** Shortens `text` with an ellipsis until it fits `width` in the current font. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let chars = Array.from(text);
  while (chars.length > 0 && doc.widthOfString(`${chars.join('')}…`) > width) chars = chars.slice(0, -Math.max(1, Math.floor(chars.length / 20)));
  return `${chars.join('').trimEnd()}…`;
}

/** Running header and "Page X of Y" footer on every page, once the page count is known. */
function addFurniture(doc: PDFKit.PDFDocument, model: PrintModel): void {
  const width = PAGE.width - PAGE.left - PAGE.right;
  const range = doc.bufferedPageRange();
  doc.font('regular').fontSize(FURNITURE.size);
  const header = fit(doc, model.header, width);
  const headerX = PAGE.left + width - doc.widthOfString(header);
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const label = model.pageLabel.replaceAll('{page}', String(i + 1)).replaceAll('{pages}', String(range.count));
    doc.font('regular').fontSize(FURNITURE.size).fillColor(FURNITURE.color);
    doc.text(header, headerX, FURNITURE.headerBaseline, { lineBreak: false, baseline: 'alphabetic' });
    doc.text(label, PAGE.left + (width - doc.widthOfString(label)) / 2, FURNITURE.footerBaseline, { lineBreak: false, baseline: 'alphabetic' });
  }
}

function print(doc: PDFKit.PDFDocument, model: PrintModel): void {
  const printer = new BillPrinter(doc, model.langs.length);
  const measure = createMeasure(doc);
  if (model.langs.length > 1) printer.headings(model.langs.map((lang) => model.columnHeadings[lang] ?? lang));
  for (const row of model.rows) {
    const columns = model.langs.map((lang, i) => (row.cells[lang] ?? []).map((block) => layoutBlock(block, printer.columnWidth(i), lang, measure)));
    const count = Math.max(0, ...columns.map((c) => c.length));
    // Blocks pair up by position (heading with heading, provision with provision) so both columns stay level.
    for (let i = 0; i < count; i++) printer.place(columns.map((c) => c[i]), i + 1 < count ? columns.map((c) => c[i + 1]) : undefined);
  }
  addFurniture(doc, model);
}

/**
 * Renders a bill as a Letter-size PDF the way legislatures print bills: DejaVu Serif embedded (every
 * Spanish character prints), line numbers down the left margin restarting on each page, a running
 * header and "Page X of Y" footer, and for two languages parallel columns whose rows start level.
 */
export function renderPdf(model: PrintModel): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'LETTER',
      margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
      bufferPages: true,
      info: { Title: model.title, Creator: 'Puente' },
      displayTitle: true,
      lang: (model.langs[0] ?? model.uiLang) === 'es' ? 'es-MX' : 'en-US',
    });
    for (const [face, data] of fonts()) doc.registerFont(face, data);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      print(doc, model);
      doc.end();
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
