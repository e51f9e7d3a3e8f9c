/** ProseMirror JSON as stored and served. */
export interface PMJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMJSON[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

/** A bill's content in both languages. */
export interface BilingualContent {
  en: PMJSON;
  es: PMJSON;
}

/** Name of the Y.Map holding document-wide settings (numbering style, parameter values, flags). */
export const META_MAP = 'meta';

export { readBilingualContent, writeBilingualContent } from '../layout';
