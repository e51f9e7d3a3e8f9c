/** A fresh stable section id: short, URL-safe, unique for practical purposes. */
export function newSectionId(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  let out = 's-';
  for (const b of bytes) out += 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36];
  return out;
}

/** Section ids are lowercase words, digits and dashes. */
export const SECTION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
