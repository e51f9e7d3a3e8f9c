import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { createUser, startTestServer } from '../helpers/testServer';
import type { Role } from '../../server/storage/UserStore';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Lang = 'en' | 'es';

/** Contexts opened by `signedInPage` during the current test, closed when it ends. */
const openContexts = new Set<BrowserContext>();

/** Signs a new browser context in through the real sign-in form. */
export async function signedInPage(browser: Browser, server: Server, role: Role, name: string, jurisdictions: string[] = [], locale = 'en-US'): Promise<Page> {
  const { user, password } = await createUser(server, role, { name, jurisdictions });
  const context = await browser.newContext({ locale });
  openContexts.add(context);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('input[name=email]').fill(user.email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('current-user')).toContainText(name);
  return page;
}

/** A Playwright test with a real Puente server (port 0, temporary data directory) per worker. */
export const test = base.extend<{ closeContexts: void }, { server: Server }>({
  server: [
    async ({}, use) => {
      const server = await startTestServer({ unloadGraceMs: 1000 });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // People of one test leave before the next test starts (their live editors would keep working).
  closeContexts: [
    async ({}, use) => {
      await use();
      for (const context of openContexts) await context.close();
      openContexts.clear();
    },
    { auto: true },
  ],
});

export { expect };

/** One language of one block: its cell in the row of the block (live editor or static rendering inside). */
export function cell(page: Page, blockId: string, lang: Lang): Locator {
  return page.getByTestId(`cell-${blockId}-${lang}`);
}

/** Every cell of a language, in reading order. */
export function cellsOf(page: Page, lang: Lang): Locator {
  return page.getByTestId('bill-rows').locator(`.block-row > .block-cell.cell-${lang}`);
}

/** The rows of sections (numbered "Section n." / "Artículo n.-"), in reading order. */
export function sectionRows(page: Page): Locator {
  return page.getByTestId('bill-rows').locator('.block-row[data-kind="section"]');
}

/** The block ids of the section rows, in reading order. */
export function sectionRowIds(page: Page): Promise<string[]> {
  return sectionRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-block-id') ?? ''));
}

/** The id of the first section row. */
export async function firstSectionId(page: Page): Promise<string> {
  await expect(sectionRows(page).first()).toBeAttached();
  return (await sectionRows(page).first().getAttribute('data-block-id')) ?? '';
}

/** Scrolls a block's row into view and waits for the live editor of one language to be mounted there. */
export async function liveEditor(page: Page, blockId: string, lang: Lang): Promise<Locator> {
  const c = cell(page, blockId, lang);
  await c.scrollIntoViewIfNeeded();
  const editor = c.locator(`.ProseMirror[data-testid="editor-${lang}"][data-block="${blockId}"]`);
  await expect(editor).toBeVisible();
  return editor;
}

/** The text of an element of one language of one block, without remote carets (their name labels sit inside the text). */
export function textWithoutCarets(page: Page, blockId: string, lang: Lang, selector: string, index = 0): Promise<string> {
  return cell(page, blockId, lang)
    .locator(selector)
    .nth(index)
    .evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
      return copy.textContent ?? '';
    });
}
