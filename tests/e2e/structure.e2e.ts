import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test, expect, signedInPage, cell, cellsOf } from './fixtures';
import { apiCall, createUser } from '../helpers/testServer';

type Lang = 'en' | 'es';
type Server = Parameters<typeof signedInPage>[1];

/** The sections of the civil forfeiture template, in template order: id, kind and both headings. */
interface TemplateSection { id: string; kind: 'section' | 'transitory'; heading: Record<Lang, string> }
const TEMPLATE: TemplateSection[] = (
  JSON.parse(fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates/tco-civil-forfeiture/template.json'), 'utf8')) as {
    sections: { id: string; kind?: string; heading: Record<Lang, string> }[];
  }
).sections.map((s) => ({ id: s.id, kind: s.kind === 'transitory' ? 'transitory' : 'section', heading: s.heading }));
const TEMPLATE_IDS = TEMPLATE.map((s) => s.id);
const headingOf = (id: string, lang: Lang = 'en') => TEMPLATE.find((s) => s.id === id)?.heading[lang] ?? '';
const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth'];

/** What the English outline shows for a reading order of template sections ("Section 1. Short Title", "First. Entry into Force"). */
function outlineFor(order: string[], headings: Record<string, string> = {}): string[] {
  let n = 0;
  let t = 0;
  return order.map((id) => {
    const kind = TEMPLATE.find((s) => s.id === id)?.kind ?? 'section';
    const label = kind === 'transitory' ? `${ORDINALS[t++]}.` : `Section ${++n}.`;
    return `${label} ${headings[id] ?? headingOf(id)}`;
  });
}

/** `order` with `id` taken out and put back at `index`. */
function placed(order: string[], id: string, index: number): string[] {
  const rest = order.filter((x) => x !== id);
  return [...rest.slice(0, index), id, ...rest.slice(index)];
}

type PM = { type?: string; text?: string; attrs?: Record<string, unknown>; content?: PM[] };
const textOf = (n: PM): string => n.text ?? (n.content ?? []).map(textOf).join('');

/** One language of the stored document as the server serves it: its sections in order, heading and provision texts. */
async function storedSections(server: Server, token: string, doc: string): Promise<Record<Lang, { id: string; heading: string; provisions: string[] }[]>> {
  const body = (await apiCall<Record<Lang, PM>>(server, token, 'GET', `/api/documents/${doc}/content`)).body;
  const read = (lang: Lang) => (body[lang].content ?? []).filter((n) => n.type === 'section').map((s) => ({
    id: String(s.attrs?.sectionId ?? ''),
    heading: textOf((s.content ?? []).find((c) => c.type === 'sectionHeading') ?? {}),
    provisions: (s.content ?? []).filter((c) => c.type === 'provision').map(textOf),
  }));
  return { en: read('en'), es: read('es') };
}

/** The stored reading order of sections in both languages. */
async function storedOrder(server: Server, token: string, doc: string): Promise<Record<Lang, string[]>> {
  const s = await storedSections(server, token, doc);
  return { en: s.en.map((x) => x.id), es: s.es.map((x) => x.id) };
}

/** A new model act from the civil forfeiture template, made over the API by an admin. */
async function newModelAct(server: Server): Promise<{ doc: string; token: string }> {
  const { token } = await createUser(server, 'admin');
  const doc = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
  return { doc, token };
}

/** Opens a document and waits until its outline lists every template section. */
async function open(page: Page, server: Server, doc: string): Promise<void> {
  await page.goto(`${server.url}/documents/${doc}`);
  await expect(page.getByTestId('outline').locator('.outline-link')).toHaveCount(TEMPLATE.length);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'connected');
}

/** The block ids of the numbered rows (sections and transitory articles), in reading order. */
function sectionRowIds(page: Page): Promise<string[]> {
  return page.getByTestId('bill-rows').locator('.block-row[data-kind="section"], .block-row[data-kind="transitory"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-block-id') ?? ''));
}

/** The texts of the elements a locator matches, without colleagues' carets (their name labels sit inside the text). */
function texts(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((els) => els.map((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
    return copy.textContent ?? '';
  }));
}

const outlineLinks = (page: Page) => page.getByTestId('outline').locator('.outline-link');
const headingIn = (page: Page, id: string, lang: Lang) => cell(page, id, lang).locator('.section-heading');

/** Runs `action`, answering the confirmation it raises; returns the confirmation's text. */
async function confirming(page: Page, accept: boolean, action: () => Promise<void>): Promise<string> {
  let message = '';
  const handler = async (d: import('@playwright/test').Dialog) => {
    message = `${d.type()}: ${d.message()}`;
    await (accept ? d.accept() : d.dismiss());
  };
  page.once('dialog', handler);
  await action();
  await expect.poll(() => message).not.toBe('');
  return message;
}

/** Dispatches a real paste event on the focused editor, carrying the given clipboard data. */
async function paste(page: Page, data: Record<string, string>): Promise<void> {
  // ProseMirror takes the selection from the DOM on 'selectionchange', which fires after the click:
  // wait for it, as a person's Ctrl+V always comes later than that.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  const handled = await page.evaluate((entries) => {
    const target = document.activeElement;
    if (!target?.classList.contains('ProseMirror')) throw new Error(`paste target is not an editor: ${target?.outerHTML.slice(0, 80)}`);
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(entries)) dt.setData(type, value);
    const event = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    return event.defaultPrevented;
  }, data);
  expect(handled, 'the editor handled the paste').toBe(true);
}

/**
 * Scrolls the whole bill in steps; at each step measures, for every section row on screen, the top
 * of its English and Spanish cells and of their headings. Returns the largest difference seen per row.
 */
async function measureLevels(page: Page): Promise<Map<string, number>> {
  const worst = new Map<string, number>();
  const rowsSelector = '[data-testid="bill-rows"] > .block-row.kind-section, [data-testid="bill-rows"] > .block-row.kind-transitory';
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let step = 0; step < 200; step++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const onScreen = await page.locator(rowsSelector).evaluateAll((rows) => rows
      .filter((r) => { const b = r.getBoundingClientRect(); return b.top >= 0 && b.top < window.innerHeight - 60; })
      .map((r) => r.getAttribute('data-block-id') ?? ''));
    for (const id of onScreen) {
      const boxes = await Promise.all([
        cell(page, id, 'en').boundingBox(), cell(page, id, 'es').boundingBox(),
        headingIn(page, id, 'en').boundingBox(), headingIn(page, id, 'es').boundingBox(),
      ]);
      const [en, es, hEn, hEs] = boxes;
      if (!en || !es || !hEn || !hEs) throw new Error(`row ${id} has no box`);
      const dy = Math.max(Math.abs(en.y - es.y), Math.abs(hEn.y - hEs.y));
      worst.set(id, Math.max(worst.get(id) ?? 0, dy));
    }
    const atEnd = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, Math.round(window.innerHeight * 0.6));
      return window.scrollY === before;
    });
    if (atEnd) break;
  }
  return worst;
}

test('move up three times moves the same section three places, live for a colleague; typing goes on in the moved section', async ({ browser, server }) => {
  const { doc, token } = await newModelAct(server);
  const ana = await signedInPage(browser, server, 'admin', 'Ana Admin');
  const ben = await signedInPage(browser, server, 'drafter', 'Ben Drafter');
  await open(ana, server, doc);
  await open(ben, server, doc);
  expect(await sectionRowIds(ana)).toEqual(TEMPLATE_IDS);
  await expect(headingIn(ana, 'property-subject', 'en')).toHaveAttribute('data-label', 'Section 4.');

  // The cursor at the end of Section 4's heading, then Move up three times.
  await headingIn(ana, 'property-subject', 'en').click();
  await ana.keyboard.press('End');
  for (let i = 0; i < 3; i++) await ana.getByTestId('move-up').click();

  const moved = placed(TEMPLATE_IDS, 'property-subject', 0);
  for (const page of [ana, ben]) {
    await expect(outlineLinks(page)).toHaveText(outlineFor(moved));
    await expect.poll(() => sectionRowIds(page)).toEqual(moved);
    await expect(headingIn(page, 'property-subject', 'en')).toHaveAttribute('data-label', 'Section 1.');
    await expect(headingIn(page, 'property-subject', 'es')).toHaveAttribute('data-label', 'Artículo 1.-');
    await expect(headingIn(page, 'short-title', 'en')).toHaveAttribute('data-label', 'Section 2.');
    await expect(headingIn(page, 'short-title', 'es')).toHaveAttribute('data-label', 'Artículo 2.-');
    await expect(headingIn(page, 'definitions', 'es')).toHaveAttribute('data-label', 'Artículo 4.-');
  }
  await expect.poll(() => storedOrder(server, token, doc)).toEqual({ en: moved, es: moved });

  // The cursor moved with the section: typing goes on at the end of its heading.
  await ana.keyboard.type(' (Moved)');
  await expect.poll(() => texts(headingIn(ben, 'property-subject', 'en'))).toEqual(['Property Subject to Forfeiture (Moved)']);
  await expect.poll(() => texts(headingIn(ben, 'short-title', 'en'))).toEqual(['Short Title']);
  await expect(outlineLinks(ben)).toHaveText(outlineFor(moved, { 'property-subject': 'Property Subject to Forfeiture (Moved)' }));
  await expect.poll(async () => (await storedSections(server, token, doc)).en[0]?.heading).toBe('Property Subject to Forfeiture (Moved)');
  // The first section cannot go higher than the enacting clause: a fourth Move up changes nothing.
  await ana.getByTestId('move-up').click();
  await expect(outlineLinks(ben)).toHaveText(outlineFor(moved, { 'property-subject': 'Property Subject to Forfeiture (Moved)' }));
});

test('Alt+Shift+ArrowDown moves a section, Ctrl+Z puts it back in both languages for everyone, Ctrl+Y again', async ({ browser, server }) => {
  const { doc, token } = await newModelAct(server);
  const ana = await signedInPage(browser, server, 'admin', 'Ana Admin');
  const ben = await signedInPage(browser, server, 'drafter', 'Ben Drafter');
  await open(ana, server, doc);
  await open(ben, server, doc);

  // The shortcuts are listed for the person.
  await ana.getByTestId('shortcuts').click();
  await expect(ana.locator('#shortcut-list kbd')).toHaveText(['Ctrl+Alt+Enter', 'Alt+Shift+↑', 'Alt+Shift+↓', 'Alt+Shift+Delete', 'Ctrl+Z', 'Ctrl+Y / Ctrl+Shift+Z', 'Tab / Shift+Tab', '↑ ↓ ← →']);
  await ana.getByTestId('shortcuts').click();
  await expect(ana.locator('#shortcut-list')).toHaveCount(0);

  // Cursor in the Spanish text of Section 3 (Definiciones); down twice.
  await headingIn(ana, 'definitions', 'es').click();
  await ana.keyboard.press('Alt+Shift+ArrowDown');
  await ana.keyboard.press('Alt+Shift+ArrowDown');
  const down = placed(TEMPLATE_IDS, 'definitions', 4);
  for (const page of [ana, ben]) {
    await expect(outlineLinks(page)).toHaveText(outlineFor(down));
    await expect(headingIn(page, 'definitions', 'es')).toHaveAttribute('data-label', 'Artículo 5.-');
    await expect(headingIn(page, 'definitions', 'en')).toHaveAttribute('data-label', 'Section 5.');
    await expect(headingIn(page, 'property-subject', 'es')).toHaveAttribute('data-label', 'Artículo 3.-');
  }
  await expect.poll(() => storedOrder(server, token, doc)).toEqual({ en: down, es: down });

  // One undo takes back one move; a second takes back the other. Both languages follow.
  await ana.keyboard.press('Control+z');
  const once = placed(TEMPLATE_IDS, 'definitions', 3);
  await expect(outlineLinks(ben)).toHaveText(outlineFor(once));
  await ana.keyboard.press('Control+z');
  for (const page of [ana, ben]) {
    await expect(outlineLinks(page)).toHaveText(outlineFor(TEMPLATE_IDS));
    await expect.poll(() => sectionRowIds(page)).toEqual(TEMPLATE_IDS);
    await expect(headingIn(page, 'definitions', 'es')).toHaveAttribute('data-label', 'Artículo 3.-');
    await expect(headingIn(page, 'definitions', 'en')).toHaveAttribute('data-label', 'Section 3.');
    await expect(headingIn(page, 'exemptions', 'es')).toHaveAttribute('data-label', 'Artículo 5.-');
  }
  await expect.poll(() => storedOrder(server, token, doc)).toEqual({ en: TEMPLATE_IDS, es: TEMPLATE_IDS });
  // Nothing else was undone: every heading is the template's, in both languages.
  const stored = await storedSections(server, token, doc);
  expect(stored.en.map((s) => s.heading)).toEqual(TEMPLATE.map((s) => s.heading.en));
  expect(stored.es.map((s) => s.heading)).toEqual(TEMPLATE.map((s) => s.heading.es));

  // Redo moves it down again.
  await ana.keyboard.press('Control+y');
  await expect(outlineLinks(ben)).toHaveText(outlineFor(once));
});

test('delete asks about the section holding the cursor, deletes it in both languages, lists it, and restores it with its text', async ({ browser, server }) => {
  const { doc, token } = await newModelAct(server);
  const ana = await signedInPage(browser, server, 'admin', 'Ana Admin');
  const ben = await signedInPage(browser, server, 'drafter', 'Ben Drafter');
  await open(ana, server, doc);
  await open(ben, server, doc);
  expect(headingOf('purpose')).toBe('Purpose and Findings');

  // Ana adds words at the end of Section 2, then asks to delete it, and changes her mind.
  await cell(ana, 'purpose', 'en').locator('.provision').first().click();
  await ana.keyboard.press('Control+End');
  await ana.keyboard.type(' Drafted before deletion.');
  await expect(cell(ben, 'purpose', 'en').locator('.provision').last()).toContainText('good faith. Drafted before deletion.');
  expect(await confirming(ana, false, () => ana.getByTestId('delete-section').click())).toBe('confirm: Delete Section 2, Purpose and Findings, in both languages?');
  await expect(outlineLinks(ben)).toHaveText(outlineFor(TEMPLATE_IDS));
  await expect(ana.getByTestId('deleted-sections')).toHaveCount(0);

  // Asked again, she confirms: the section is gone in both languages, for both people.
  expect(await confirming(ana, true, () => ana.getByTestId('delete-section').click())).toBe('confirm: Delete Section 2, Purpose and Findings, in both languages?');
  const without = TEMPLATE_IDS.filter((id) => id !== 'purpose');
  for (const page of [ana, ben]) {
    await expect(outlineLinks(page)).toHaveText(outlineFor(without));
    await expect(page.getByTestId('row-purpose')).toHaveCount(0);
    await expect(headingIn(page, 'definitions', 'en')).toHaveAttribute('data-label', 'Section 2.');
    await expect(headingIn(page, 'definitions', 'es')).toHaveAttribute('data-label', 'Artículo 2.-');
    // Listed under Deleted sections, with who deleted it.
    await expect(page.getByTestId('deleted-sections').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('deleted-purpose')).toContainText('Purpose and Findings');
    await expect(page.getByTestId('deleted-purpose')).toContainText('Deleted by Ana Admin');
  }
  await expect.poll(() => storedOrder(server, token, doc)).toEqual({ en: without, es: without });

  // Ben restores it: back in its place, with Ana's words, in both languages.
  await ben.getByTestId('restore-purpose').click();
  for (const page of [ana, ben]) {
    await expect(outlineLinks(page)).toHaveText(outlineFor(TEMPLATE_IDS));
    await expect(headingIn(page, 'purpose', 'en')).toHaveAttribute('data-label', 'Section 2.');
    await expect(headingIn(page, 'purpose', 'es')).toHaveAttribute('data-label', 'Artículo 2.-');
    await expect.poll(() => texts(headingIn(page, 'purpose', 'es'))).toEqual(['Objeto']);
    await expect(cell(page, 'purpose', 'en').locator('.provision').last()).toContainText('good faith. Drafted before deletion.');
    await expect(page.getByTestId('deleted-sections')).toHaveCount(0);
  }
  await expect.poll(() => storedOrder(server, token, doc)).toEqual({ en: TEMPLATE_IDS, es: TEMPLATE_IDS });
  const purpose = (await storedSections(server, token, doc)).en.find((s) => s.id === 'purpose');
  expect(purpose?.provisions).toHaveLength(2);
  expect(purpose?.provisions[1]).toMatch(/ in good faith\. Drafted before deletion\.$/);
});

test('the Spanish interface asks “¿Eliminar en ambos idiomas: Artículo 2, Objeto?” and Alt+Shift+Delete deletes', async ({ browser, server }) => {
  const { doc, token } = await newModelAct(server);
  const luis = await signedInPage(browser, server, 'drafter', 'Luis Redactor', [], 'es-MX');
  await open(luis, server, doc);
  await expect(luis.getByTestId('delete-section')).toHaveText('Eliminar artículo');
  await headingIn(luis, 'purpose', 'es').click();
  expect(await confirming(luis, true, () => luis.keyboard.press('Alt+Shift+Delete'))).toBe('confirm: ¿Eliminar en ambos idiomas: Artículo 2, Objeto?');
  await expect(luis.getByTestId('row-purpose')).toHaveCount(0);
  await expect(luis.getByTestId('deleted-sections').locator('h2')).toHaveText('Artículos eliminados');
  await expect(luis.getByTestId('deleted-purpose')).toContainText('Objeto');
  await expect(luis.getByTestId('deleted-purpose')).toContainText('Eliminado por Luis Redactor');
  await expect(luis.getByTestId('restore-purpose')).toHaveText('Restaurar');
  const without = TEMPLATE_IDS.filter((id) => id !== 'purpose');
  await expect.poll(() => storedOrder(server, token, doc)).toEqual({ en: without, es: without });
});

test('pasting three lines into an empty provision makes three provisions', async ({ browser, server }) => {
  const { doc, token } = await newModelAct(server);
  const ana = await signedInPage(browser, server, 'admin', 'Ana Admin');
  const ben = await signedInPage(browser, server, 'drafter', 'Ben Drafter');
  await open(ana, server, doc);
  await open(ben, server, doc);

  // A new section after Section 1, headed by Ana; then three lines pasted into its empty provision.
  await headingIn(ana, 'short-title', 'en').click();
  await ana.getByTestId('insert-section').click();
  await expect(outlineLinks(ana)).toHaveCount(TEMPLATE.length + 1);
  const id = (await sectionRowIds(ana))[1] ?? '';
  expect(id).toMatch(/^s-[a-z0-9]+$/);
  await ana.keyboard.type('Pasted Provisions');
  await cell(ana, id, 'en').locator('.provision').click();
  await paste(ana, { 'text/plain': 'First pasted line.\nSecond pasted line.\r\nThird pasted line.' });

  const lines = ['First pasted line.', 'Second pasted line.', 'Third pasted line.'];
  for (const page of [ana, ben]) {
    await expect.poll(() => texts(cell(page, id, 'en').locator('.provision'))).toEqual(lines);
    await expect.poll(() => texts(headingIn(page, id, 'en'))).toEqual(['Pasted Provisions']);
    await expect(headingIn(page, id, 'en')).toHaveAttribute('data-label', 'Section 2.');
    await expect(outlineLinks(page)).toHaveCount(TEMPLATE.length + 1);
  }
  // The section before keeps its single provision.
  await expect(cell(ana, 'short-title', 'en').locator('.provision')).toHaveCount(1);
  await expect.poll(async () => (await storedSections(server, token, doc)).en[1]).toEqual({ id, heading: 'Pasted Provisions', provisions: lines });
});

test('pasting HTML with two headings makes two sections after the current one, Spanish empty and flagged missing; rows stay level', async ({ browser, server }) => {
  const { doc, token } = await newModelAct(server);
  const ana = await signedInPage(browser, server, 'admin', 'Ana Admin');
  const ben = await signedInPage(browser, server, 'drafter', 'Ben Drafter');
  await open(ana, server, doc);
  await open(ben, server, doc);

  await cell(ana, 'purpose', 'en').locator('.provision').first().click();
  await paste(ana, {
    'text/html': '<meta charset="utf-8"><h2>Victim Compensation Fund</h2><p>The fund is created.</p><p>The fund pays victims first.</p><h3>Annual Audit</h3><p>The fund is audited each year.</p>',
    'text/plain': 'Victim Compensation Fund\nThe fund is created.\nThe fund pays victims first.\nAnnual Audit\nThe fund is audited each year.',
  });

  await expect(outlineLinks(ana)).toHaveCount(TEMPLATE.length + 2);
  const ids = await sectionRowIds(ana);
  const [fund, audit] = [ids[2] ?? '', ids[3] ?? ''];
  expect(fund).toMatch(/^s-[a-z0-9]+$/);
  expect(audit).toMatch(/^s-[a-z0-9]+$/);
  const order = [...TEMPLATE_IDS.slice(0, 2), fund, audit, ...TEMPLATE_IDS.slice(2)];
  expect(ids).toEqual(order);
  const headings = { [fund]: 'Victim Compensation Fund', [audit]: 'Annual Audit' };
  for (const page of [ana, ben]) {
    await expect(outlineLinks(page)).toHaveText(outlineFor(order, headings));
    await expect.poll(() => texts(headingIn(page, fund, 'en'))).toEqual(['Victim Compensation Fund']);
    await expect(headingIn(page, fund, 'en')).toHaveAttribute('data-label', 'Section 3.');
    await expect.poll(() => texts(cell(page, fund, 'en').locator('.provision'))).toEqual(['The fund is created.', 'The fund pays victims first.']);
    await expect.poll(() => texts(headingIn(page, audit, 'en'))).toEqual(['Annual Audit']);
    await expect(headingIn(page, audit, 'en')).toHaveAttribute('data-label', 'Section 4.');
    await expect.poll(() => texts(cell(page, audit, 'en').locator('.provision'))).toEqual(['The fund is audited each year.']);
    // The Spanish of the new sections is empty, numbered, and flagged missing; the English is not flagged.
    for (const [sid, label] of [[fund, 'Artículo 3.-'], [audit, 'Artículo 4.-']] as const) {
      await expect.poll(() => texts(cell(page, sid, 'es'))).toEqual(['']);
      await expect(headingIn(page, sid, 'es')).toHaveAttribute('data-label', label);
      await expect(cell(page, sid, 'es')).toHaveClass(/\bflag-missing\b/);
      await expect(cell(page, sid, 'es')).toHaveAttribute('data-flag', 'Only in one language');
      await expect(cell(page, sid, 'en')).not.toHaveClass(/\bflag-missing\b/);
    }
    await expect(cellsOf(page, 'es').and(page.locator('.flag-missing'))).toHaveCount(2);
    // The section pasted into is unchanged: the pasted text started new sections only.
    await expect(cell(page, 'purpose', 'en').locator('.provision')).toHaveCount(2);
    await expect(headingIn(page, 'definitions', 'es')).toHaveAttribute('data-label', 'Artículo 5.-');
  }
  await expect.poll(() => storedOrder(server, token, doc)).toEqual({ en: order, es: order });
  const stored = await storedSections(server, token, doc);
  expect(stored.en.slice(2, 4)).toEqual([
    { id: fund, heading: 'Victim Compensation Fund', provisions: ['The fund is created.', 'The fund pays victims first.'] },
    { id: audit, heading: 'Annual Audit', provisions: ['The fund is audited each year.'] },
  ]);
  expect(stored.es.slice(2, 4)).toEqual([{ id: fund, heading: '', provisions: [''] }, { id: audit, heading: '', provisions: [''] }]);

  // With empty Spanish beside full English, every row is still level.
  const levels = await measureLevels(ben);
  expect([...levels.keys()].sort()).toEqual([...order].sort());
  expect([...levels].filter(([, dy]) => dy > 2)).toEqual([]);
});

test('rows are level: the top of each Spanish section is within 2 px of its English row, end to end', async ({ browser, server }) => {
  const { doc } = await newModelAct(server);
  const ana = await signedInPage(browser, server, 'admin', 'Ana Admin');
  await open(ana, server, doc);
  const levels = await measureLevels(ana);
  // Every section and transitory article was measured on screen.
  expect([...levels.keys()].sort()).toEqual([...TEMPLATE_IDS].sort());
  expect([...levels].filter(([, dy]) => dy > 2)).toEqual([]);
  // And after scrolling back up, the first row is level too (editors mounted while scrolling).
  await ana.evaluate(() => window.scrollTo(0, 0));
  const [en, es] = await Promise.all([cell(ana, 'short-title', 'en').boundingBox(), cell(ana, 'short-title', 'es').boundingBox()]);
  expect(Math.abs((en?.y ?? 0) - (es?.y ?? 1e9))).toBeLessThanOrEqual(2);
});
