import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBill } from './generateBill';
import { compareCollab } from './benchCollab';
import { benchFuzz } from './benchFuzz';
import { benchOpen } from './benchOpen';
import { benchMemory } from './benchMemory';
import { benchCompare } from './benchCompare';
import { benchExport } from './benchExport';
import { benchBrowser } from './benchBrowser';
import { printBrowser } from './printBrowser';
import { ms } from './stats';

// `npm run bench` (BENCH_QUICK=1 for a short smoke run): prints a table and writes results/latest.json.
const quick = process.env.BENCH_QUICK === '1';
const here = path.dirname(fileURLToPath(import.meta.url));
const only = (process.env.BENCH_ONLY ?? 'collab,fuzz,open,memory,compare,export,browser').split(',');
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  quick,
};
const log = (line: string) => console.log(line);

const bill200 = generateBill(200);
log(`200-page bill: ${(bill200.en.content ?? []).length - 1} sections per language`);

if (only.includes('collab')) {
  const [clients, typists] = quick ? [20, 10] : [100, 50];
  results.collab = await compareCollab(bill200, clients, typists, quick ? 5 : 60, log);
}

if (only.includes('fuzz')) {
  const r = await benchFuzz(bill200, quick ? 2000 : 10_000);
  results.fuzz = r;
  log(`\nFuzz: ${r.frames} hostile frames on ${r.sockets} sockets in ${r.seconds.toFixed(1)} s (${r.refused} refused): worst /healthz wait ${ms(r.healthMaxMs)} over ${r.healthPolls} polls (target < 100 ms); ${r.typed} keystrokes typed meanwhile, ${r.lost} lost`);
}

if (only.includes('open')) {
  const r = await benchOpen(bill200, quick ? 20_000 : 200_000, quick ? 1 : 3);
  results.open = r;
  log(`\nOpening the 200-page bill after ${r.edits} edits (state ${(r.stateBytes / 1024).toFixed(0)} KB, first message ${(r.firstMessageBytes / 1024).toFixed(0)} KB)`);
  log(`server load ${ms(r.serverLoad.median)} (${ms(r.serverLoad.min)}–${ms(r.serverLoad.max)}); Node client synced ${ms(r.nodeSync.median)} (${ms(r.nodeSync.min)}–${ms(r.nodeSync.max)}); Chromium editable ${ms(r.browserEditable.median)} (${ms(r.browserEditable.min)}–${ms(r.browserEditable.max)})`);
}

if (only.includes('memory')) {
  const r = await benchMemory(bill200, quick ? 100 : 1000, quick ? 3 : 10);
  results.memory = r;
  log(`\nMemory: ${r.documents} documents opened and closed, twice: RSS ${r.rssColdMB.toFixed(0)} MB cold, ${r.rssStartMB.toFixed(0)} MB after the first pass, ${r.rssAfterMB.toFixed(0)} MB after the second (${r.growthPercent.toFixed(1)} %); per open 200-page document ${r.perOpen200PageDocMB.toFixed(1)} MB`);
}

if (only.includes('compare')) {
  const r = await benchCompare(generateBill(100, 3), quick ? 10 : 50);
  results.compare = r;
  log(`\nComparison: map of ${r.variants} variants of a 100-page act ${ms(r.mapMs.median)} (${ms(r.mapMs.min)}–${ms(r.mapMs.max)})`);
  for (const [share, p] of Object.entries(r.pairs)) {
    const v = p as { ours: { median: number }; oursP95: number; wholeTextDiffWords: number | string; speedup: number; speedupIsLowerBound: boolean };
    log(`  one pair at ${share}: ${ms(v.ours.median)} (p95 ${ms(v.oursP95)}); whole-text diffWords ${typeof v.wholeTextDiffWords === 'number' ? ms(v.wholeTextDiffWords) : v.wholeTextDiffWords}; ${v.speedupIsLowerBound ? '≥ ' : ''}${v.speedup.toFixed(0)}× faster`);
  }
}

if (only.includes('export')) {
  const r = benchExport(quick ? 1 : 3);
  results.export = r;
  log(`\nExport of the 200-page bilingual bill: ${JSON.stringify(r)}`);
}

if (only.includes('browser')) {
  // BENCH_PROFILE=1 also takes CPU profiles of each phase (on an unminified build of the same client);
  // BENCH_NO_GLOSSARY=1 (a diagnostic) gives the page an empty glossary, to see what glossary notes cost.
  const r = await benchBrowser(bill200, { openRuns: quick ? 2 : 5, keys: quick ? 40 : 200, moves: quick ? 5 : 20, profile: process.env.BENCH_PROFILE === '1', glossary: process.env.BENCH_NO_GLOSSARY !== '1' });
  results.browser = r;
  printBrowser(r, log);
}

fs.mkdirSync(path.join(here, 'results'), { recursive: true });
// Only a full run replaces latest.json (the figures the README quotes); a diagnostic run is partial too.
const file = path.join(here, 'results', quick ? 'quick.json' : process.env.BENCH_ONLY || process.env.BENCH_NO_GLOSSARY === '1' ? 'partial.json' : 'latest.json');
fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
log(`\nWrote ${path.relative(process.cwd(), file)}`);
process.exit(0);
