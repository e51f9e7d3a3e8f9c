import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { createUser, startTestServer } from '../helpers/testServer';
import type { Role } from '../../server/storage/UserStore';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** Signs a new browser context in through the real sign-in form. */
export async function signedInPage(browser: Browser, server: Server, role: Role, name: string, jurisdictions: string[] = [], locale = 'en-US'): Promise<Page> {
  const { user, password } = await createUser(server, role, { name, jurisdictions });
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('input[name=email]').fill(user.email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('current-user')).toContainText(name);
  return page;
}

/** A Playwright test with a real Puente server (port 0, temporary data directory) per worker. */
export const test = base.extend<{}, { server: Server }>({
  server: [
    async ({}, use) => {
      const server = await startTestServer({ unloadGraceMs: 1000 });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** The text of an editor element without remote carets (their name labels sit inside the text). */
export function textWithoutCarets(page: Page, lang: 'en' | 'es', selector: string, index = 0): Promise<string> {
  return page
    .getByTestId(`editor-${lang}`)
    .locator(selector)
    .nth(index)
    .evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
      return copy.textContent ?? '';
    });
}
