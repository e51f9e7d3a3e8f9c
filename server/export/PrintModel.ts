import type { Lang } from '@shared/bill/Lang';

/** How a run of text is printed. */
export type RunStyle = 'normal' | 'ins' | 'del' | 'param' | 'unfilled';

/** A run of text with one style. */
export interface Run {
  text: string;
  style: RunStyle;
}

/** Kinds of printed blocks. */
export type BlockKind = 'head' | 'title' | 'enacting' | 'heading' | 'paragraph' | 'sectionHeading' | 'provision' | 'signature';

/** One printed paragraph. `label` is its number ("Section 3.", "(a)", "Artículo 3.-"), printed before it. */
export interface PrintBlock {
  kind: BlockKind;
  /** Indentation level of provisions (0–3). */
  level: number;
  label: string | null;
  runs: Run[];
}

/**
 * One row of the printed bill: a unit (front block, section, back block) in each printed language.
 * With two languages the row's cells are printed side by side in parallel columns.
 */
export interface PrintRow {
  key: string;
  cells: Partial<Record<Lang, PrintBlock[]>>;
}

/** Everything a renderer needs; renderers make no decisions about content, only layout. */
export interface PrintModel {
  /** Printed languages, in column order: ['en'], ['es'] or ['en', 'es']. */
  langs: Lang[];
  /** Language of the furniture (header, footer, page numbers). */
  uiLang: Lang;
  /** Document title in the furniture language, for the running header and file metadata. */
  title: string;
  /** Running header text, e.g. "Uniform … Act (New Mexico) — version of 23 November 2026". */
  header: string;
  /** Footer page label with {page} and {pages} placeholders, e.g. "Page {page} of {pages}". */
  pageLabel: string;
  /** Column headings when two languages are printed ("English — authoritative text"). */
  columnHeadings: Partial<Record<Lang, string>>;
  rows: PrintRow[];
  /** True when printed as a redline (insertions underlined, deletions struck through). */
  redline: boolean;
  /** Number of unfilled parameters (printed visibly marked). */
  unfilled: number;
}
