/** Tops of the visual lines of the text inside `root`, relative to `root`, in reading order. */
export function measureLines(root: HTMLElement): number[] {
  const base = root.getBoundingClientRect().top;
  const tops: number[] = [];
  const blocks = root.querySelectorAll<HTMLElement>('.bill-title, .enacting-clause, .front-heading, p, .section-heading, .signature-block');
  const range = document.createRange();
  for (const block of blocks) {
    range.selectNodeContents(block);
    const rects = [...range.getClientRects()].filter((r) => r.height > 0 && r.width > 0);
    if (rects.length === 0) {
      // An empty line still takes a line.
      const r = block.getBoundingClientRect();
      if (r.height > 0) tops.push(r.top - base);
      continue;
    }
    for (const r of rects) {
      const top = r.top - base;
      // Pieces of one line (text, a parameter, a label) start within a few pixels of each other.
      if (!tops.some((t) => Math.abs(t - top) < r.height / 2)) tops.push(top);
    }
  }
  return tops.sort((a, b) => a - b);
}
