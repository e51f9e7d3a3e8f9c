/** Someone who can be named in a comment. */
export interface Mentionable {
  id: string;
  name: string;
}

/** Where a comment names someone: the "@Name" from `start` to `end`. */
export interface Mention<P extends Mentionable = Mentionable> {
  start: number;
  end: number;
  person: P;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The places where `body` names one of `people` as "@Name" (case-insensitive; the "@" not inside a
 * word, as in an e-mail address, and the name not running on into a longer word), in text order.
 * Longer names are matched first, so "@Ana María" names Ana María and not Ana.
 */
export function findMentions<P extends Mentionable>(body: string, people: readonly P[]): Mention<P>[] {
  const found: Mention<P>[] = [];
  const taken: boolean[] = [];
  const sorted = people.filter((p) => p.name.trim() !== '').sort((a, b) => b.name.length - a.name.length);
  for (const person of sorted) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])@${escape(person.name.trim())}(?![\\p{L}\\p{N}_])`, 'giu');
    for (const m of body.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      found.push({ start, end, person });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
