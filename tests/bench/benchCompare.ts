import { diffWords } from 'diff';
import type { BilingualContent, PMJSON } from '../../client/shared/bill/yBill';
import { compareDocuments } from '../../client/shared/compare/compareDocuments';
import { sectionTokens } from '../../client/shared/compare/sectionTokens';
import { mutateWords } from './generateBill';
import { percentile, summary, timeRuns } from './stats';

const plain = (doc: PMJSON) => sectionTokens(doc).map((s) => s.paragraphs.map((p) => p.map((t) => t.text).join('')).join('\n')).join('\n');

/** The states map for `variants` variants of a 100-page act, and one pair at 2 % and 30 %, against a whole-text word diff. */
export async function benchCompare(act: BilingualContent, variants = 50) {
  const model = act.en;
  const docs = Array.from({ length: variants }, (_, i) => mutateWords(model, 0.01 + (i % 10) * 0.01, 100 + i));
  const map = await timeRuns(5, () => docs.map((d) => compareDocuments(model, d)));
  const pairs: Record<string, unknown> = {};
  for (const share of [0.02, 0.3]) {
    const right = mutateWords(model, share, 99);
    const ours = await timeRuns(20, () => compareDocuments(model, right));
    const left = plain(model);
    const rightText = plain(right);
    const started = performance.now();
    const whole = diffWords(left, rightText, { timeout: 20_000 });
    const wholeMs = performance.now() - started;
    pairs[`${share * 100}%`] = {
      ours: summary(ours),
      oursP95: percentile(ours, 95),
      wholeTextDiffWords: whole ? wholeMs : `> ${(wholeMs / 1000).toFixed(0)} s (gave up)`,
      speedup: wholeMs / percentile(ours, 50),
      speedupIsLowerBound: !whole,
    };
  }
  return { variants, mapMs: summary(map), pairs };
}
