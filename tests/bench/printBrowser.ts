import type { benchBrowser } from './benchBrowser';
import { ms } from './stats';

type BrowserResult = Awaited<ReturnType<typeof benchBrowser>>;

/** Figures from before the block layout (README of 2026-11-23, and the issue) and the targets. */
export const BROWSER_BASELINE = { editable: '3.3 s', keystroke: '30–60 ms', move: '—' };
export const BROWSER_TARGETS = { editable: '≤ 1.0 s (median of 5)', keystroke: 'p95 ≤ 16 ms', move: '≤ 50 ms' };

const range = (s: { median: number; min: number; max: number }) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;

/** Prints the browser measurements as a table beside the previous figures and the targets. */
export function printBrowser(r: BrowserResult, log: (line: string) => void): void {
  const o = r.open;
  const k = r.keystroke.farRemote;
  const n = r.keystroke.nearRemote;
  const rows: [string, string, string, string][] = [
    ['open: navigation → first section editable (typed x seen)', `${range(o.editable)}, ${o.editable.runs} fresh contexts`, BROWSER_BASELINE.editable, BROWSER_TARGETS.editable],
    ['— first rows painted / first editor painted / FCP', `${ms(o.rowsPainted.median)} / ${ms(o.firstEditorPainted.median)} / ${ms(o.firstContentfulPaint.median)}`, '', ''],
    ['— first open (room loaded from SQLite) / warm reload', `${ms(o.serverColdFirstOpen)} / ${ms(o.warmReloadEditorMs)} to editor`, '', ''],
    [`keystroke → painted, colleague typing off screen (${k.measured} keys)`, `p50 ${ms(k.p50)} / p95 ${ms(k.p95)} / p99 ${ms(k.p99)} / max ${ms(k.max)}`, BROWSER_BASELINE.keystroke, BROWSER_TARGETS.keystroke],
    [`— colleague typing in the section above (${n.measured} keys)`, `p50 ${ms(n.p50)} / p95 ${ms(n.p95)} / p99 ${ms(n.p99)} / max ${ms(n.max)}`, '', ''],
    ['— Event Timing: keystrokes ≥ 16 ms (far / near)', `${k.eventTimingOver16ms} of ${k.keys} / ${n.eventTimingOver16ms} of ${n.keys}`, '', ''],
    [`move section down → both languages painted (${r.move.times}×)`, `median ${ms(r.move.painted.median)} / p95 ${ms(r.move.painted.p95)} / max ${ms(r.move.painted.max)} (in DOM ${ms(r.move.dom.median)})`, BROWSER_BASELINE.move, BROWSER_TARGETS.move],
    ['page after open: JS heap (after GC) / DOM nodes', `${r.memory.jsHeapUsedMB.toFixed(1)} MB (${r.memory.jsHeapUsedAfterGcMB.toFixed(1)} MB) / ${r.memory.domNodes}`, '', ''],
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0), ['measurement', 'result', 'previous'][i]?.length ?? 0));
  const pad = (s: string, i: number) => s.padEnd(w[i] ?? 0);
  log(`\nBrowser: Chromium, ${r.viewport}, ${r.sections} sections side by side in both languages${r.glossary ? '' : ', glossary answered empty (diagnostic)'}; load average ${r.loadAverage.before.toFixed(1)} before, ${r.loadAverage.after.toFixed(1)} after${r.loadAverage.before > 1.5 ? ' (machine busy: figures skewed)' : ''}`);
  log(`${pad('measurement', 0)}  ${pad('result', 1)}  ${pad('previous', 2)}  target`);
  for (const row of rows) log(`${pad(row[0], 0)}  ${pad(row[1], 1)}  ${pad(row[2], 2)}  ${row[3]}`);
  log(`remote typist: ${k.remoteSent} letters sent, ${k.remoteSeenInBrowser} seen in the browser (far); ${n.remoteSent} / ${n.remoteSeenInBrowser} (near); section moved ${r.move.sectionMovedPlaces} places`);
  for (const [phase, p] of Object.entries(r.profiles ?? {})) {
    log(`\nCPU profile, ${phase}: ${p.busyMs.toFixed(0)} ms busy, ${p.idleMs.toFixed(0)} ms idle; top self time:`);
    for (const f of p.functions.slice(0, 12)) log(`  ${f.ms.toFixed(1).padStart(8)} ms ${f.percent.toFixed(1).padStart(5)} %  ${f.name}  ${f.where}`);
    log('  app code by inclusive time: ' + p.clientInclusive.slice(0, 10).map((f) => `${f.name} (${f.where}) ${f.percent.toFixed(0)} %`).join(', '));
    log('  by module: ' + p.modules.slice(0, 8).map((m) => `${m.name} ${m.percent.toFixed(0)} %`).join(', '));
  }
}
