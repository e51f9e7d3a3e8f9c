import * as Y from 'yjs';

/** Decodes a base64 relative position, or throws. */
export function decodeAnchor(b64: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(b64, 'base64'));
  Y.decodeRelativePosition(bytes); // throws on garbage
  return bytes;
}

function plain(text: Y.XmlText): string {
  return (text.toDelta() as { insert?: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/**
 * The text a comment's anchor covers now, resolved against the live document; null when the passage
 * was deleted or spans several paragraphs.
 */
export function currentQuote(ydoc: Y.Doc, start: Uint8Array | null, end: Uint8Array | null): string | null {
  if (!start || !end) return null;
  const s = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(start), ydoc);
  const e = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(end), ydoc);
  if (!s || !e || s.type !== e.type || !(s.type instanceof Y.XmlText)) return null;
  const text = plain(s.type);
  return s.index <= e.index ? text.slice(s.index, e.index) : null;
}
