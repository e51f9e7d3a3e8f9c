import {
  AlignmentType, Document, Footer, Header, LineNumberRestartFormat, Packer, PageNumber, Paragraph, Table, TableCell,
  TableRow, TextRun, WidthType, BorderStyle, type ParagraphChild,
} from 'docx';
import type { PrintBlock, PrintModel, Run } from './PrintModel';

const FONT = 'Times New Roman';
const INDENT = 720; // twips per provision level (half an inch)

function textRuns(run: Run, extra: { bold?: boolean; italics?: boolean; allCaps?: boolean } = {}): TextRun[] {
  const style = {
    ...extra,
    underline: run.style === 'ins' ? {} : undefined,
    strike: run.style === 'del' ? true : undefined,
    color: run.style === 'ins' ? '1A7F37' : run.style === 'del' ? 'B42318' : run.style === 'unfilled' ? 'B35900' : undefined,
    bold: run.style === 'unfilled' ? true : extra.bold,
    highlight: run.style === 'unfilled' ? ('yellow' as const) : undefined,
  };
  // A "\n" inside a run is a line break within the paragraph.
  return run.text.split('\n').map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined, ...style }));
}

function paragraph(block: PrintBlock): Paragraph {
  const children: ParagraphChild[] = [];
  const emphasis = block.kind === 'enacting' ? { italics: true } : block.kind === 'sectionHeading' || block.kind === 'title' || block.kind === 'heading' || block.kind === 'head' ? { bold: true } : {};
  if (block.label) children.push(new TextRun({ text: `${block.label}\t`, bold: true }));
  for (const run of block.runs) children.push(...textRuns(run, { ...emphasis, allCaps: block.kind === 'heading' || block.kind === 'head' ? true : undefined }));
  const centered = block.kind === 'title' || block.kind === 'heading' || block.kind === 'head';
  const level = block.kind === 'provision' ? block.level : 0;
  return new Paragraph({
    children,
    alignment: centered ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: block.kind === 'sectionHeading' ? 240 : block.kind === 'signature' ? 480 : 60, after: block.kind === 'title' ? 240 : 60, line: 360 },
    indent: block.kind === 'provision' && level > 0 ? { left: INDENT * (level + 1), hanging: INDENT } : undefined,
    keepNext: block.kind === 'sectionHeading',
    keepLines: block.kind === 'signature',
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** Renders a bill as DOCX: numbered lines restarting on each page, running header, "Page X of Y" footer. */
export async function renderDocx(model: PrintModel): Promise<Buffer> {
  const [before, after] = model.pageLabel.split('{page}');
  const [between, end] = (after ?? '').split('{pages}');
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: before ?? '' }),
          new TextRun({ children: [PageNumber.CURRENT] }),
          new TextRun({ text: between ?? '' }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
          new TextRun({ text: end ?? '' }),
        ],
      }),
    ],
  });
  const header = new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: model.header, size: 16, color: '666666' })] })] });

  let children: (Paragraph | Table)[];
  if (model.langs.length === 1) {
    const lang = model.langs[0];
    children = model.rows.flatMap((row) => (lang ? (row.cells[lang] ?? []) : []).map(paragraph));
    if (children.length === 0) children = [new Paragraph({ children: [] })];
  } else {
    const widths = model.langs.map(() => Math.floor(100 / model.langs.length));
    const cell = (blocks: PrintBlock[], width: number) =>
      new TableCell({
        width: { size: width, type: WidthType.PERCENTAGE },
        borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
        margins: { left: 120, right: 120 },
        children: blocks.length ? blocks.map(paragraph) : [new Paragraph({ children: [] })],
      });
    const headingRow = new TableRow({
      tableHeader: true,
      children: model.langs.map((lang, i) => cell([{ kind: 'heading', level: 0, label: null, runs: [{ text: model.columnHeadings[lang] ?? lang, style: 'normal' }] }], widths[i] ?? 50)),
    });
    children = [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: { style: BorderStyle.SINGLE, size: 2, color: 'BBBBBB' } },
        rows: [headingRow, ...model.rows.map((row) => new TableRow({ cantSplit: false, children: model.langs.map((lang, i) => cell(row.cells[lang] ?? [], widths[i] ?? 50)) }))],
      }),
    ];
  }

  const doc = new Document({
    title: model.title,
    creator: 'Puente',
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          page: { size: { width: 12240, height: 15840 }, margin: { top: 1440, bottom: 1440, left: 1800, right: 1200 } },
          lineNumbers: { countBy: 1, restart: LineNumberRestartFormat.NEW_PAGE, distance: 360 },
        },
        headers: { default: header },
        footers: { default: footer },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
