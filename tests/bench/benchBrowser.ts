import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { chromium, type Browser, type BrowserContext, type Cookie, type Page } from '@playwright/test';
import type { BilingualContent } from '../../client/shared/bill/yBill';
import { blockFragment, visibleBlocks } from '../../client/shared/layout';
import { createDocument } from '../../server/documents/createDocument';
import { connectClient, type TestClient } from '../helpers/yClient';
import { createUser, startTestServer } from '../helpers/testServer';
import { buildUnminified, ensureClientBuilt } from './clientBuild';
import { FIRST_EDITABLE, OPEN_MARKS, countX, keyProbe, moveProbe } from './browserProbes';
import { bundleModules, summarizeProfile, type CpuProfile, type ProfileSummary } from './cpuProfile';
import { percentile, summary } from './stats';

/** How many times each browser measurement runs. */
export interface BrowserBenchOptions {
  openRuns: number;
  keys: number;
  moves: number;
  /** Also take CPU profiles (on an unminified build of the same sources) of each phase. */
  profile: boolean;
  /** False (a diagnostic): the page is told the glossary is empty, so no glossary notes are drawn. */
  glossary: boolean;
}

/** How one page is set up: an unminified build to route to, a profiler to start before navigating, the glossary. */
interface PageSetup {
  build?: string;
  profile?: (page: Page) => Promise<() => Promise<CpuProfile>>;
  glossary: boolean;
}

type Server = Awaited<ReturnType<typeof startTestServer>>;
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const spread = (v: number[]) => ({ ...summary(v), p50: percentile(v, 50), p95: percentile(v, 95), p99: percentile(v, 99) });

/** Signs in through the real form once; later contexts get only its session cookie (no cache, no IndexedDB). */
async function signIn(browser: Browser, server: Server, email: string, password: string): Promise<Cookie[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('current-user').waitFor();
  const cookies = await context.cookies();
  await context.close();
  return cookies;
}

/**
 * Serves the page's script and stylesheet from an unminified build (for readable profiles only).
 * The document itself still comes from the server: a routed document would be a different address
 * space, and Chromium's local network checks would then block its WebSocket.
 */
async function routeToBuild(context: BrowserContext, server: Server, dir: string): Promise<void> {
  const assets = fs.readdirSync(path.join(dir, 'assets'));
  await context.route(`${server.url}/assets/**`, async (route) => {
    const ext = path.extname(new URL(route.request().url()).pathname);
    const file = assets.find((f) => path.extname(f) === ext);
    if (file) await route.fulfill({ path: path.join(dir, 'assets', file) });
    else await route.continue();
  });
}

/**
 * One navigation in a fresh context: ms from navigation start (the page's time origin) until the
 * first section's English provision, a mounted editor, took a typed "x" (seen in a frame).
 */
async function openOnce(browser: Browser, server: Server, cookies: Cookie[], docId: string, setup: PageSetup) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  await context.addInitScript({ content: OPEN_MARKS });
  if (setup.build) await routeToBuild(context, server, setup.build);
  if (!setup.glossary) await context.route(`${server.url}/api/glossary`, (route) => route.fulfill({ json: [] }));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const stopProfile = setup.profile ? await setup.profile(page) : null;
  const wall0 = performance.now();
  await page.goto(`${server.url}/documents/${docId}`, { waitUntil: 'commit' });
  const provision = page.locator(FIRST_EDITABLE).first();
  await provision.waitFor({ timeout: 120_000 }).catch((e: unknown) => {
    throw new Error(`no editable provision after 120 s; page errors: ${errors.join(' | ') || 'none'}`, { cause: e });
  });
  const before = (await page.evaluate(countX)) as number;
  await provision.click();
  await page.keyboard.type('x');
  const typed = await page.waitForFunction(`${countX} > ${before} ? performance.now() : false`, undefined, { polling: 'raf', timeout: 30_000 });
  const editable = (await typed.jsonValue()) as number;
  const wall = performance.now() - wall0;
  const marks = (await page.evaluate('window.__benchMarks')) as Record<string, number>;
  const fcp = (await page.evaluate(`(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null`)) as number | null;
  const cpu = stopProfile ? await stopProfile() : null;
  return { context, page, editable, wall, fcp, rowsPainted: marks.rowsPainted ?? NaN, rowCount: marks.rowCount ?? 0, editorPainted: marks.editorPainted ?? NaN, cpu };
}

/** Page metrics from CDP: JS heap before and after a forced GC, DOM nodes, event listeners. */
async function pageMetrics(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await read();
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await read();
  await cdp.detach();
  const mb = (v: number | undefined) => (v ?? NaN) / 2 ** 20;
  return {
    jsHeapUsedMB: mb(before.JSHeapUsedSize), jsHeapUsedAfterGcMB: mb(after.JSHeapUsedSize), jsHeapTotalMB: mb(after.JSHeapTotalSize),
    domNodes: after.Nodes ?? NaN, jsEventListeners: after.JSEventListeners ?? NaN,
  };
}

/** A CPU profiler on `page` (CDP), started now; the returned function stops it. */
async function startProfiler(page: Page): Promise<() => Promise<CpuProfile>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    return profile as CpuProfile;
  };
}

/** A second person: a Node y-websocket client typing one letter every 100 ms into a section's first provision. */
function remoteTypist(client: TestClient, blockId: string): { stop: () => number } {
  const fragment = blockFragment(client.doc, blockId, 'en');
  const provision = fragment?.toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'provision');
  const text = provision?.toArray().find((n): n is Y.XmlText => n instanceof Y.XmlText);
  if (!text) throw new Error(`no provision text in ${blockId}`);
  let sent = 0;
  // Untracked origin: these are someone else's edits, as they reach the browser.
  const timer = setInterval(() => {
    client.doc.transact(() => text.insert(Math.min(text.length, 10 + (sent % 40)), 'e'), 'bench-remote');
    sent++;
  }, 100);
  return { stop: () => { clearInterval(timer); return sent; } };
}

const TYPED = 'the court shall determine whether the property is subject to forfeiture ';

/**
 * Types `keys` characters (about 9 a second) into block `local`'s second English provision while the
 * remote client types into block `remote`; returns per-key latency from keydown to painted.
 */
async function typeKeys(page: Page, client: TestClient, local: string, remote: string, keys: number) {
  const editor = `[data-testid="cell-${local}-en"] .ProseMirror[contenteditable="true"]`;
  await page.locator(editor).waitFor();
  await page.locator(`${editor} .provision`).nth(1).click();
  await page.keyboard.press('End');
  const remoteCell = page.getByTestId(`cell-${remote}-en`);
  const remoteBefore = ((await remoteCell.textContent()) ?? '').length;
  const typist = remoteTypist(client, remote);
  await sleep(500);
  await page.evaluate(keyProbe(editor));
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(TYPED[i % TYPED.length] as string);
    await sleep(100);
  }
  await sleep(300);
  const sent = typist.stop();
  await page.evaluate('window.__keyProbeOff(); window.__slowEventsOff()');
  const entries = (await page.evaluate('window.__keys')) as { start: number; seen?: number; painted?: number; lost?: boolean }[];
  const slow = (await page.evaluate('window.__slowEvents')) as { name: string; duration: number; id: number }[];
  await sleep(1000);
  const remoteSeen = ((await remoteCell.textContent()) ?? '').length - remoteBefore;
  const latencies = entries.filter((e) => e.painted !== undefined).map((e) => (e.painted as number) - e.start);
  const slowInteractions = new Map<number, number>();
  for (const e of slow) slowInteractions.set(e.id, Math.max(slowInteractions.get(e.id) ?? 0, e.duration));
  return {
    local, remote, keys, measured: latencies.length, lost: entries.filter((e) => e.lost).length,
    ...spread(latencies), remoteSent: sent, remoteSeenInBrowser: remoteSeen,
    eventTimingOver16ms: [...slowInteractions.values()].length, eventTimingMax: Math.max(0, ...slowInteractions.values()),
  };
}

/** Moves block `id` down `times` times with the toolbar button; per move, ms from click to both languages painted in place. */
async function moveDown(page: Page, id: string, times: number) {
  await page.locator(`[data-testid="cell-${id}-en"] .provision`).first().click();
  const dom: number[] = [];
  const painted: number[] = [];
  for (let i = 0; i < times; i++) {
    await page.evaluate(moveProbe(id));
    await page.getByTestId('move-down').click();
    const r = (await page.evaluate('window.__move')) as { start: number; dom: number; painted: number };
    dom.push(r.dom - r.start);
    painted.push(r.painted - r.start);
    await sleep(300);
  }
  return { times, dom: spread(dom), painted: spread(painted) };
}

/** The browser measurements: opening the bill, keystroke latency with a second person typing, moving a section. */
export async function benchBrowser(bill: BilingualContent, opts: BrowserBenchOptions) {
  const rebuilt = ensureClientBuilt();
  // Other work on the two cores skews every figure: the load average is kept beside them.
  const loadBefore = os.loadavg()[0] ?? NaN;
  const server = await startTestServer({ unloadGraceMs: 30_000 });
  const owner = await createUser(server, 'admin', { name: 'Bench Drafter' });
  const other = await createUser(server, 'admin', { name: 'Bench Colleague' });
  const doc = createDocument(server.services, owner.user, { kind: 'model', docType: 'act', templateId: null, title: { en: 'Bench bill', es: 'Proyecto de prueba' }, jurisdiction: null, modelId: null, modelVersion: null, content: bill });
  const client = connectClient(server.url, doc.id, other.token);
  await client.synced();
  const sections = visibleBlocks(client.doc).filter((b) => b.kind === 'section').map((b) => b.id);
  const at = (i: number) => sections[i] as string;

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: LAUNCH_ARGS });
  try {
    const cookies = await signIn(browser, server, owner.user.email, owner.password);
    // The first open also loads the room from SQLite on the server; the timed runs find it loaded (as within 30 s of a colleague).
    const first = await openOnce(browser, server, cookies, doc.id, { glossary: opts.glossary });
    await first.context.close();
    const runs = [];
    for (let i = 0; i < opts.openRuns; i++) {
      const r = await openOnce(browser, server, cookies, doc.id, { glossary: opts.glossary });
      runs.push(r);
      if (i < opts.openRuns - 1) await r.context.close();
    }
    const last = runs[runs.length - 1] ?? first;
    await sleep(2000);
    const memory = await pageMetrics(last.page);
    // Reopening in the same context: HTTP cache, IndexedDB copy and service worker in place.
    const warmStart = performance.now();
    await last.page.reload({ waitUntil: 'commit' });
    await last.page.locator(FIRST_EDITABLE).first().waitFor({ timeout: 120_000 });
    const warmEditorMs = performance.now() - warmStart;
    const page = last.page;

    const farId = at(Math.floor(sections.length * 0.7));
    const far = await typeKeys(page, client, at(1), farId, opts.keys);
    const near = await typeKeys(page, client, at(1), at(0), Math.ceil(opts.keys / 2));
    const move = await moveDown(page, at(3), opts.moves);
    const order = visibleBlocks(client.doc).map((b) => b.id);
    const movedTo = order.indexOf(at(3)) - order.indexOf(at(0));
    await last.context.close();

    let profiles: Record<string, ProfileSummary> | null = null;
    if (opts.profile) profiles = await profileRun(browser, server, cookies, doc.id, client, at(1), farId, at(5), opts.glossary);

    return {
      glossary: opts.glossary, rebuiltClient: rebuilt, sections: sections.length, viewport: '1280×720', loadAverage: { before: loadBefore, after: os.loadavg()[0] ?? NaN },
      open: {
        editable: summary(runs.map((r) => r.editable)), wallClock: summary(runs.map((r) => r.wall)),
        rowsPainted: summary(runs.map((r) => r.rowsPainted)), firstEditorPainted: summary(runs.map((r) => r.editorPainted)),
        firstContentfulPaint: summary(runs.map((r) => r.fcp ?? NaN)), rowsInFirstPaint: runs[0]?.rowCount ?? 0,
        serverColdFirstOpen: first.editable, warmReloadEditorMs: warmEditorMs,
      },
      memory,
      keystroke: { farRemote: far, nearRemote: near },
      move: { ...move, sectionMovedPlaces: movedTo - 3 },
      profiles,
    };
  } finally {
    await browser.close();
    client.destroy();
    // The figures do not wait on a shutdown that hangs (seen while the server was mid-change).
    const closed = await Promise.race([server.close().then(() => true), sleep(10_000).then(() => false)]);
    if (!closed) console.warn('benchBrowser: the server did not close within 10 s');
  }
}

/** CPU profiles of the three phases, on an unminified build so functions keep their names. */
async function profileRun(browser: Browser, server: Server, cookies: Cookie[], docId: string, client: TestClient, local: string, farId: string, moved: string, glossary: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'puente-bench-unminified-'));
  buildUnminified(dir);
  const bundle = fs.readdirSync(path.join(dir, 'assets')).find((f) => f.endsWith('.js')) as string;
  const moduleOfLine = bundleModules(fs.readFileSync(path.join(dir, 'assets', bundle), 'utf8'));
  // The page keeps dist/'s asset URL (routed to the unminified file), so any app script URL is this bundle.
  const moduleOf = (url: string, line: number) => (new URL(url, server.url).pathname.startsWith('/assets/') ? moduleOfLine(line) : '');
  const out = path.join(os.tmpdir(), 'puente-bench-profiles');
  fs.mkdirSync(out, { recursive: true });
  const open = await openOnce(browser, server, cookies, docId, { build: dir, profile: startProfiler, glossary });
  const save = (name: string, p: CpuProfile) => fs.writeFileSync(path.join(out, `${name}.cpuprofile`), JSON.stringify(p));
  save('open', open.cpu as CpuProfile);
  const result: Record<string, ProfileSummary> = { open: summarizeProfile(open.cpu as CpuProfile, moduleOf) };
  let stop = await startProfiler(open.page);
  await typeKeys(open.page, client, local, farId, 100);
  let p = await stop();
  save('keystroke', p);
  result.keystroke = summarizeProfile(p, moduleOf);
  stop = await startProfiler(open.page);
  await moveDown(open.page, moved, 10);
  p = await stop();
  save('move', p);
  result.move = summarizeProfile(p, moduleOf);
  await open.context.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`CPU profiles written to ${out} (open them in Chrome DevTools > Performance)`);
  return result;
}
