/**
 * Scripts the browser benchmark runs inside the page. They are plain JavaScript strings (not
 * functions handed to Playwright) because tsx wraps named functions in helpers the page lacks.
 *
 * "Painted" everywhere below means: the change is in the DOM when a requestAnimationFrame callback
 * runs (so that frame's rendering includes it), and the time is taken in a MessageChannel task posted
 * from that callback, which runs after the frame's style, layout and paint on the main thread. The
 * compositor's last few milliseconds to the screen are not visible to the page and not counted.
 */

/** The first mounted, editable English provision (the first section's first provision). */
export const FIRST_EDITABLE = '[data-testid^="cell-"][data-testid$="-en"] .ProseMirror[contenteditable="true"] .provision';

const PAINTED = `function painted(done) {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => done(performance.now());
  ch.port2.postMessage(null);
}`;

/**
 * Init script for opening: records (in `window.__benchMarks`, ms since navigation start) when the
 * first block row and the first editable English provision were first painted.
 */
export const OPEN_MARKS = `(() => {
  ${PAINTED}
  const marks = {};
  window.__benchMarks = marks;
  const frame = () => {
    if (marks.rowsPainted === undefined && !marks.rowsSeen && document.querySelector('[data-testid^="row-"]')) {
      marks.rowsSeen = performance.now();
      marks.rowCount = document.querySelectorAll('[data-testid^="row-"]').length;
      painted((t) => { marks.rowsPainted = t; });
    }
    if (!marks.editorSeen && document.querySelector(${JSON.stringify(FIRST_EDITABLE)})) {
      marks.editorSeen = performance.now();
      painted((t) => { marks.editorPainted = t; });
    }
    if (!marks.editorSeen) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

/** How many letters x the first editable provision holds (-1 before it exists). */
export const countX = `(() => {
  const el = document.querySelector(${JSON.stringify(FIRST_EDITABLE)});
  return el ? (el.textContent.match(/x/g) || []).length : -1;
})()`;

/**
 * Starts recording keystroke latency into `window.__keys`: for each printable keydown (time taken
 * from the event's own timeStamp, when the browser received the key), the editor element `selector`
 * is checked in every animation frame until its text has grown by one character; the entry holds
 * when that frame was painted.
 */
export function keyProbe(selector: string): string {
  return `(() => {
    ${PAINTED}
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) throw new Error('no editor at ' + ${JSON.stringify(selector)});
    const out = [];
    window.__keys = out;
    window.__keyProbeOff && window.__keyProbeOff();
    const onKey = (e) => {
      if (e.key.length !== 1 || e.ctrlKey || e.altKey || e.metaKey) return;
      const start = e.timeStamp;
      const want = el.textContent.length + 1;
      const frame = () => {
        if (!el.isConnected) { out.push({ start, lost: true }); return; }
        if (el.textContent.length >= want) {
          const seen = performance.now();
          painted((t) => out.push({ start, seen, painted: t }));
        } else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    };
    window.addEventListener('keydown', onKey, true);
    window.__keyProbeOff = () => window.removeEventListener('keydown', onKey, true);
    // Cross-check with the browser's own Event Timing (from the event to the next paint, 8 ms steps; only >= 16 ms reported).
    window.__slowEvents = [];
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.interactionId) window.__slowEvents.push({ name: e.name, duration: e.duration, id: e.interactionId });
    });
    po.observe({ type: 'event', durationThreshold: 16 });
    window.__slowEventsOff = () => po.disconnect();
  })()`;
}

/**
 * Arms a probe for one move of block `id` one place down: resolves with the click's time, when the
 * row first stood after the block that followed it with both languages' contents in it and the
 * heading labels the follower had (in the DOM, via MutationObserver), and when that was painted.
 */
export function moveProbe(id: string): string {
  return `(() => {
    ${PAINTED}
    const id = ${JSON.stringify(id)};
    const row = document.querySelector('[data-testid="row-' + id + '"]');
    const next = row && row.nextElementSibling;
    if (!next) throw new Error('nothing after ' + id);
    const nextId = next.getAttribute('data-block-id');
    const label = (r, lang) => { const h = r && r.querySelector('[data-testid$="-' + lang + '"] .section-heading'); return h ? h.getAttribute('data-label') : null; };
    const want = { en: label(next, 'en'), es: label(next, 'es') };
    const inPlace = () => {
      const r = document.querySelector('[data-testid="row-' + id + '"]');
      if (!r || !r.previousElementSibling || r.previousElementSibling.getAttribute('data-block-id') !== nextId) return false;
      for (const lang of ['en', 'es']) {
        const cell = r.querySelector('[data-testid="cell-' + id + '-' + lang + '"] [data-block="' + id + '"]');
        if (!cell || !cell.textContent || label(r, lang) !== want[lang]) return false;
      }
      return true;
    };
    window.__move = new Promise((resolve) => {
      let start = null;
      let dom = null;
      const parent = row.parentElement;
      const mo = new MutationObserver(() => { if (dom === null && inPlace()) dom = performance.now(); });
      mo.observe(parent, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-label'] });
      const frame = () => {
        if (inPlace()) {
          const seen = performance.now();
          mo.disconnect();
          painted((t) => resolve({ start, dom: dom === null ? seen : dom, seen, painted: t, want }));
        } else requestAnimationFrame(frame);
      };
      document.querySelector('[data-testid="move-down"]').addEventListener('click', (e) => { start = e.timeStamp; requestAnimationFrame(frame); }, { capture: true, once: true });
    });
  })()`;
}
