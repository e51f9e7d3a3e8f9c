import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { Lang } from '../../client/shared/bill/Lang';
import type { BilingualContent } from '../../client/shared/bill/yBill';
import { isSectionKind } from '../../client/shared/schema/blockSchemas';
import {
  blockInfo, blocksOf, deletedBlocks, insertBlock, normalizeOrder, orderOf, readBilingualContent, visibleBlocks, visibleOrder,
} from '../../client/shared/layout';
import { apiCall } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { prng } from '../helpers/prng';
import { connectPeer, settle, type StructurePeer } from '../helpers/structurePeer';
import { randomEdits, zeroCounts, type FuzzOp, type FuzzRun, type TypedToken } from '../helpers/structureFuzz';
import { blockText, nodeText, occurrences, rawBlockText, sectionsOf } from '../helpers/blockText';

// FUZZ_SEED=… FUZZ_FROM=<trial> FUZZ_TRIALS=1 replays one trial's choices (the network's timing aside).
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const TRIALS = Number(process.env.FUZZ_TRIALS ?? 1000);
const FIRST = Number(process.env.FUZZ_FROM ?? 0);
const SETUP_ORIGIN = 'test:setup';
const NEXT_WRITER_ORIGIN = 'test:next-writer';

/** Each trial has its own generator, so one trial can be replayed without the ones before it. */
function trialSeed(trial: number): number {
  return (Math.imul(SEED ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(trial + 1, 0x85ebca6b)) >>> 0;
}

const sectionIds = (json: BilingualContent[Lang]) => sectionsOf(json).map((s) => s.id);

/** What is wrong with the settled layout: clients against /content, the raw order, lost blocks, the two languages. */
function layoutProblems(peers: readonly StructurePeer[], content: BilingualContent): string[] {
  const problems: string[] = [];
  const served = JSON.stringify(content);
  for (const p of peers) {
    const mine = readBilingualContent(p.doc);
    if (JSON.stringify(mine) !== served) problems.push(`${p.name}: content differs from /content (sections [${sectionIds(mine.en)}] vs [${sectionIds(content.en)}])`);
    const raw = orderOf(p.doc).toArray();
    const shown = visibleOrder(p.doc);
    if (new Set(raw).size !== raw.length) problems.push(`${p.name}: after the next writer, order still holds an id twice: [${raw}]`);
    // A deleted block's id may linger in order (a move crossing the delete puts it there); it is never shown.
    const live = raw.filter((id) => blockInfo(p.doc, id) && !blockInfo(p.doc, id)?.deleted);
    if (live.join() !== shown.join()) problems.push(`${p.name}: order [${raw}] shows [${shown}], not its blocks that are not deleted`);
    for (const id of blocksOf(p.doc).keys()) {
      const info = blockInfo(p.doc, id);
      if (!info) problems.push(`${p.name}: block ${id} is malformed`);
      else if (!info.deleted && !shown.includes(id)) problems.push(`${p.name}: block ${id} is neither shown nor deleted (lost)`);
    }
  }
  const en = sectionIds(content.en);
  const es = sectionIds(content.es);
  if (en.join() !== es.join()) problems.push(`/content sections differ between languages: en [${en}], es [${es}]`);
  if (new Set(en).size !== en.length) problems.push(`/content shows a section twice: [${en}]`);
  const first = peers[0];
  const shownSections = first ? visibleBlocks(first.doc).filter((b) => isSectionKind(b.kind)).map((b) => b.id) : [];
  if (en.join() !== shownSections.join()) problems.push(`/content sections [${en}] are not the shown sections [${shownSections}]`);
  return problems;
}

/** Every typed token exactly once: in its section as shown, or in its deleted block; never in the other language. */
function tokenProblems(doc: Y.Doc, content: BilingualContent, tokens: readonly TypedToken[]): string[] {
  const problems: string[] = [];
  const shown = new Set(visibleOrder(doc));
  const texts = [...blocksOf(doc).keys()].map((id) => ({ id, en: blockText(doc, id, 'en'), es: blockText(doc, id, 'es') }));
  const whole: Record<Lang, string> = { en: nodeText(content.en), es: nodeText(content.es) };
  const sections: Record<Lang, Map<string, string>> = {
    en: new Map(sectionsOf(content.en).map((s) => [s.id, s.text])),
    es: new Map(sectionsOf(content.es).map((s) => [s.id, s.text])),
  };
  for (const t of tokens) {
    const other: Lang = t.lang === 'en' ? 'es' : 'en';
    const where = `${t.token} (typed into ${t.blockId} ${t.lang})`;
    const holders = texts.flatMap((b) => Array.from({ length: occurrences(b[t.lang], t.token) }, () => b.id));
    if (holders.join() !== t.blockId) {
      problems.push(`${where} is held by [${holders}]; the raw text of its block has it ${occurrences(rawBlockText(doc, t.blockId, t.lang), t.token)}×`);
    }
    const elsewhere = occurrences(whole[other], t.token) + texts.reduce((n, b) => n + occurrences(b[other], t.token), 0);
    if (elsewhere !== 0) problems.push(`${where} appears ${elsewhere}× in ${other}`);
    const served = occurrences(whole[t.lang], t.token);
    if (shown.has(t.blockId)) {
      const inSection = occurrences(sections[t.lang].get(t.blockId) ?? '', t.token);
      if (served !== 1 || inSection !== 1) problems.push(`${where}: its section is shown, but /content has it ${served}× (${inSection}× in that section)`);
    } else {
      if (!blockInfo(doc, t.blockId)?.deleted) problems.push(`${where}: its block is neither shown nor deleted`);
      if (served !== 0) problems.push(`${where}: its section is deleted, yet /content shows it ${served}×`);
    }
  }
  return problems;
}

function stateDump(peers: readonly StructurePeer[]): string[] {
  return peers.map((p) => `${p.name}: order [${orderOf(p.doc).toArray()}] shown [${visibleOrder(p.doc)}] deleted [${deletedBlocks(p.doc).map((b) => b.id)}]`);
}

/** Trials that ended with an id twice in `order`, or a deleted block's id still in it, before the next writer. */
const coverage = { duplicates: 0, deletedInOrder: 0 };

describe('concurrent structure edits by 3 to 5 real clients', () => {
  let server!: TestServer;
  let token!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    token = t;
  });

  async function runTrial(trial: number, totals: Record<FuzzOp, number>): Promise<number> {
    const rng = prng(trialSeed(trial));
    const created = await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { title: { en: `Fuzz ${trial}`, es: `Prueba ${trial}` } });
    expect(created.status).toBe(201);
    const docId = created.body.id;
    const peers = Array.from({ length: 3 + Math.floor(rng() * 3) }, (_, i) => connectPeer(server.url, docId, token, `c${i}`));
    const run: FuzzRun = { rng, peers, prefix: `f${trial}`, tokens: [], log: [], counts: zeroCounts(), serial: 0 };
    let problems: string[] = [];
    let dump: string[] = [];
    try {
      await settle(peers, 'first sync');
      const first = peers[0]!;
      // Three sections to start with (the blank document's, and two more nobody will undo).
      for (const n of [1, 2]) insertBlock(first.doc, { kind: 'section', id: `${run.prefix}s${n}` }, SETUP_ORIGIN);
      await settle(peers, 'setup');
      await randomEdits(run, 10 + Math.floor(rng() * 21));
      await settle(peers, 'after the edits');
      const before = JSON.stringify(readBilingualContent(first.doc));
      const raw = orderOf(first.doc).toArray();
      if (new Set(raw).size < raw.length) coverage.duplicates++;
      if (raw.some((id) => blockInfo(first.doc, id)?.deleted)) coverage.deletedInOrder++;
      first.doc.transact(() => normalizeOrder(first.doc), NEXT_WRITER_ORIGIN);
      run.log.push(`${first.name} normalizeOrder (the next writer) on order [${raw}]`);
      await settle(peers, 'after the next writer');
      const content = await apiCall<BilingualContent>(server, token, 'GET', `/api/documents/${docId}/content`);
      // Cleaning up duplicates keeps every block where it was shown: the first occurrence is the place.
      const moved = JSON.stringify(readBilingualContent(first.doc)) === before ? [] : ['the next writer changed what is shown'];
      problems = content.status === 200
        ? [...moved, ...layoutProblems(peers, content.body), ...tokenProblems(first.doc, content.body, run.tokens)]
        : [`/content answered ${content.status}`];
    } catch (err) {
      problems = [err instanceof Error ? err.message : String(err)];
    } finally {
      dump = stateDump(peers);
      peers.forEach((p) => p.client.destroy());
    }
    const replay = `FUZZ_SEED=${SEED} FUZZ_FROM=${trial} FUZZ_TRIALS=1`;
    expect(problems, [`trial ${trial} failed (${replay}; ${peers.length} clients, ${run.tokens.length} tokens)`, ...problems, 'op log:', ...run.log, 'final state:', ...dump].join('\n')).toEqual([]);
    for (const op of Object.keys(totals) as FuzzOp[]) totals[op] += run.counts[op];
    return run.tokens.length;
  }

  it(`converge on the same bill and lose no typed character over ${TRIALS} random trials (FUZZ_SEED=${SEED})`, async () => {
    const totals = zeroCounts();
    let tokens = 0;
    const started = Date.now();
    for (let trial = FIRST; trial < FIRST + TRIALS; trial++) tokens += await runTrial(trial, totals);
    console.log(`${TRIALS} trials, seed ${SEED}, ${tokens} tokens checked, ${((Date.now() - started) / 1000).toFixed(1)} s; ops: ${JSON.stringify(totals)}; before the next writer: ${JSON.stringify(coverage)}`);
    // Every kind of edit took part, and concurrent edits left work for the next writer (else this proves
    // little); a replay of a few trials need not cover everything.
    if (TRIALS >= 100) {
      for (const op of Object.keys(totals) as FuzzOp[]) expect(totals[op], op).toBeGreaterThan(0);
      expect(coverage.duplicates).toBeGreaterThan(0);
      expect(coverage.deletedInOrder).toBeGreaterThan(0);
    }
  }, 900_000);
});
