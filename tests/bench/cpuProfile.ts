/** The parts of a V8 CPU profile (CDP `Profiler.stop`) that a summary needs. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** One line of a self-time summary. */
export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  percent: number;
}

/** Self times of a profile: the busiest functions, the busiest modules, and the whole (ms, idle excluded). */
export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  functions: SelfTime[];
  modules: SelfTime[];
  /** Functions of the app's own code (client/) by inclusive time: which of its paths the time is spent under. */
  clientInclusive: SelfTime[];
}

const IDLE = new Set(['(idle)']);

/**
 * Maps a line of an unminified Vite/rolldown bundle to the source module it came from, using the
 * `// path/to/module.js` comments the bundler writes before each module.
 */
export function bundleModules(source: string): (line: number) => string {
  const starts: { line: number; module: string }[] = [];
  source.split('\n').forEach((text, i) => {
    const m = /^\/\/ ((?:node_modules|client)\/\S+|\\0\S+)$/.exec(text);
    if (m?.[1]) starts.push({ line: i, module: m[1].replace(/^node_modules\//, '') });
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = '';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = starts[mid] as { line: number; module: string };
      if (s.line <= line) {
        found = s.module;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/**
 * Self time per function and per module: each sample's time (the delta to the next sample) goes to
 * the function on top of the stack. `moduleOf` names the module of a bundle line.
 */
export function summarizeProfile(profile: CpuProfile, moduleOf: (url: string, line: number) => string = () => '', top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, { name: string; where: string; us: number }>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const fn = new Map<string, { name: string; where: string; us: number }>();
  const mod = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (let i = 0; i < samples.length; i++) {
    const frame = byId.get(samples[i] as number);
    const us = deltas[i + 1] ?? 0;
    if (!frame) continue;
    if (IDLE.has(frame.functionName)) {
      idle += us;
      continue;
    }
    busy += us;
    // Each client function on the stack counts once per sample, however deep the recursion.
    const seen = new Set<string>();
    for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id);
      if (!f?.url) continue;
      const m = moduleOf(f.url, f.lineNumber);
      if (!m.startsWith('client/')) continue;
      const k = `${f.functionName}@${m}:${f.lineNumber + 1}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const e = incl.get(k) ?? { name: f.functionName || '(anonymous)', where: m, us: 0 };
      e.us += us;
      incl.set(k, e);
    }
    const file = frame.url.split('/').pop() ?? '';
    const module = frame.url ? moduleOf(frame.url, frame.lineNumber) || file : frame.functionName;
    const where = frame.url ? `${module}:${frame.lineNumber + 1}` : '';
    const name = (frame.functionName || '(anonymous)').slice(0, 60);
    const k = `${name}@${where}`;
    const entry = fn.get(k) ?? { name, where, us: 0 };
    entry.us += us;
    fn.set(k, entry);
    mod.set(module.slice(0, 60), (mod.get(module.slice(0, 60)) ?? 0) + us);
  }
  const pct = (us: number) => (busy ? (100 * us) / busy : 0);
  return {
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    functions: [...fn.values()].sort((a, b) => b.us - a.us).slice(0, top).map((e) => ({ name: e.name, where: e.where, ms: e.us / 1000, percent: pct(e.us) })),
    clientInclusive: [...incl.values()].sort((a, b) => b.us - a.us).slice(0, top).map((e) => ({ name: e.name, where: e.where, ms: e.us / 1000, percent: pct(e.us) })),
    modules: [...mod.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, where: '', ms: us / 1000, percent: pct(us) })),
  };
}
