import { test, expect, signedInPage, cell, cellsOf, liveEditor } from './fixtures';
import { apiCall, createUser } from '../helpers/testServer';
import { connectClient } from '../helpers/yClient';
import { provisionText } from '../helpers/billText';

test('a reviewer opens the states map, clicks a cell and sees the redline with the insertion underlined', async ({ browser, server }) => {
  const { token } = await createUser(server, 'admin');
  const model = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
  const variants: Record<string, string> = {};
  for (const code of ['US-NM', 'MX-SON', 'US-AZ']) {
    variants[code] = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { modelId: model, jurisdiction: code })).body.id;
  }
  // New Mexico adds words to the first provision of its first section.
  const c = connectClient(server.url, variants['US-NM'] as string, token);
  await c.synced();
  const t = provisionText(c.doc, 'en');
  t.insert(t.length, ' New Mexico tribal courts are consulted.');
  await c.allAcked();
  c.destroy();

  const reviewer = await signedInPage(browser, server, 'reviewer', 'Rita Reviewer');
  await reviewer.goto(`${server.url}/documents/${model}/map`);
  await expect(reviewer.getByTestId('state-map').locator('thead th')).toHaveText(['Section', 'MX-SON', 'US-AZ', 'US-NM']);
  const cell = reviewer.locator('[data-testid^="cell-"][data-testid$="-US-NM"]').first();
  await expect(cell).not.toHaveText('0 %');
  // Arizona only filled in its parameters: shown as such, not as a deviation.
  await expect(reviewer.locator('[data-testid^="cell-"][data-testid$="-US-AZ"]').first()).toHaveText('≈');
  await cell.locator('button').click();
  await expect(reviewer).toHaveURL(/\/compare\?left=/);
  const changed = reviewer.locator('[data-testid="cmp-section"][data-section-id="short-title"]');
  await expect(changed).toHaveAttribute('data-status', 'changed');
  await expect(changed.locator('ins.rl-ins')).toHaveText('New Mexico tribal courts are consulted.');
  const decoration = await changed.locator('ins.rl-ins').evaluate((el) => getComputedStyle(el).textDecorationLine);
  expect(decoration).toContain('underline');
  await reviewer.screenshot({ path: 'test-results/redline.png' });

  // CSV download of the map.
  await reviewer.goto(`${server.url}/documents/${model}/map`);
  const [download] = await Promise.all([reviewer.waitForEvent('download'), reviewer.getByTestId('map-csv').click()]);
  expect(download.suggestedFilename()).toBe('Uniform-Transnational-Criminal-Organization-Civil-Forfeiture-map-en.csv');
});

test('export a variant from the dialog and receive a file of the expected type and name', async ({ browser, server }) => {
  const drafter = await signedInPage(browser, server, 'drafter', 'Diego Export', ['MX-SON']);
  const { token } = await createUser(server, 'admin');
  const model = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
  const variant = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { modelId: model, jurisdiction: 'MX-SON' })).body.id;
  await drafter.goto(`${server.url}/documents/${variant}`);
  await drafter.getByTestId('open-export').click();
  await expect(drafter.getByTestId('export-dialog')).toBeVisible();
  await expect(drafter.getByTestId('export-unfilled')).toBeVisible(); // drafter-chosen thresholds are still unfilled
  await drafter.locator('input[name=format][value=docx]').check();
  await drafter.locator('input[name=lang][value=es]').check();
  const [download] = await Promise.all([drafter.waitForEvent('download'), drafter.getByTestId('export-download').click()]);
  expect(download.suggestedFilename()).toMatch(/-MX-SON-es\.docx$/);
  const path = await download.path();
  const fs = await import('node:fs');
  expect(fs.readFileSync(path).subarray(0, 2).toString()).toBe('PK');
});

test('editing English flags the Spanish as outdated for another person within a second; confirming clears it', async ({ browser, server }) => {
  const { token } = await createUser(server, 'admin');
  const model = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
  const ana = await signedInPage(browser, server, 'drafter', 'Ana English');
  const luis = await signedInPage(browser, server, 'drafter', 'Luis Español', [], 'es-MX');
  await ana.goto(`${server.url}/documents/${model}`);
  await luis.goto(`${server.url}/documents/${model}`);
  await expect(luis.getByTestId('all-in-step')).toBeVisible();
  // The end of the only provision of Section 1 (Ctrl+End: End alone stops at the end of a wrapped line).
  await cell(ana, 'short-title', 'en').locator('.provision').first().click();
  await ana.keyboard.press('Control+End');
  await ana.keyboard.type(' Amended.');
  const flagged = cellsOf(luis, 'es').and(luis.locator('.flag-outdated'));
  await expect(flagged).toHaveCount(1, { timeout: 1500 });
  await expect(cell(luis, 'short-title', 'es')).toHaveClass(/\bflag-outdated\b/);
  await expect(cell(luis, 'short-title', 'es')).toHaveAttribute('data-flag', 'Desactualizado');
  await expect(cellsOf(luis, 'en').and(luis.locator('.flag-outdated'))).toHaveCount(0);
  await expect(luis.getByTestId('alignment-panel')).toContainText('Ana English');
  await expect(luis.getByTestId('alignment-panel').locator('ins')).toContainText('Amended.');
  await luis.screenshot({ path: 'test-results/outdated-es.png' });
  await luis.getByTestId('alignment-panel').getByRole('button', { name: 'Confirmar que sigue siendo exacto' }).click();
  await expect(cellsOf(ana, 'es').and(ana.locator('.flag-outdated'))).toHaveCount(0);
  await expect(ana.getByTestId('all-in-step')).toBeVisible();
});

test('a reviewer comments on a passage and the drafter sees it in the panel, highlighted', async ({ browser, server }) => {
  const { token } = await createUser(server, 'admin');
  const model = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { templateId: 'binational-mou' })).body.id;
  const reviewer = await signedInPage(browser, server, 'reviewer', 'Rosa Revisora', [], 'es-MX');
  const drafter = await signedInPage(browser, server, 'drafter', 'Dan Drafter');
  await reviewer.goto(`${server.url}/documents/${model}`);
  await drafter.goto(`${server.url}/documents/${model}`);
  // Select the heading of the first clause in the Spanish text, read-only as it is for a reviewer.
  const editor = await liveEditor(reviewer, 'purpose', 'es');
  await expect(editor).toHaveAttribute('contenteditable', 'false');
  const heading = editor.locator('.section-heading');
  await expect(heading).toHaveText('Objeto');
  await heading.click({ clickCount: 3 });
  await reviewer.getByTestId('comment-body').fill('¿«Objeto» o «Propósito»? Uniformar con el inglés.');
  await reviewer.getByTestId('comment-add').click();
  await expect(reviewer.getByTestId('comments-panel')).toContainText('¿«Objeto» o «Propósito»?');
  await expect(drafter.getByTestId('comments-panel')).toContainText('Rosa Revisora', { timeout: 10_000 });
  await expect(drafter.getByTestId('comments-panel')).toContainText('¿«Objeto» o «Propósito»? Uniformar con el inglés.');
  // The drafter scrolls to the clause: its Spanish heading is highlighted, nothing else is.
  await liveEditor(drafter, 'purpose', 'es');
  await expect(cell(drafter, 'purpose', 'es').locator('.comment-anchor')).toHaveText('Objeto');
  await expect(cellsOf(drafter, 'es').locator('.comment-anchor')).toHaveCount(1);
  await expect(cellsOf(drafter, 'en').locator('.comment-anchor')).toHaveCount(0);
});

test('one drafter suggests a change, the other sees it marked and accepts it', async ({ browser, server }) => {
  const { token } = await createUser(server, 'admin');
  const doc = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
  const ana = await signedInPage(browser, server, 'drafter', 'Ana Suggests');
  const ben = await signedInPage(browser, server, 'drafter', 'Ben Accepts');
  await ana.goto(`${server.url}/documents/${doc}`);
  await ben.goto(`${server.url}/documents/${doc}`);
  await ana.getByTestId('suggest-toggle').click();
  await expect(ana.getByTestId('suggest-toggle')).toHaveAttribute('aria-pressed', 'true');
  const first = cell(ana, 'short-title', 'en').locator('.provision').first();
  await first.click();
  await ana.keyboard.press('Control+End');
  await ana.keyboard.type(' Amended');
  await ana.keyboard.press('Backspace');
  await ana.keyboard.press('Backspace');
  // Ana's own suggested text simply shrinks; Ben sees the insertion marked, with its author.
  const marked = cellsOf(ben, 'en').locator('ins.suggestion-ins');
  await expect(marked).toHaveText(' Amend');
  await expect(marked).toHaveAttribute('data-author-name', 'Ana Suggests');
  await expect(ben.getByTestId('suggestions-panel')).toContainText('Ana Suggests');
  // Ben accepts once the panel lists the suggestion as it now reads (an entry listed before Ana's
  // last keys is not accepted: see the report on the stale suggestions list).
  await expect(ben.getByTestId('suggestion')).toHaveCount(1);
  await expect(ben.getByTestId('suggestion').locator('ins')).toHaveText('Amend');
  // A pending suggestion does not put the Spanish out of step; accepting it does.
  await ben.waitForTimeout(800);
  await expect(cell(ben, 'short-title', 'es')).not.toHaveClass(/\bflag-outdated\b/);
  await ben.getByTestId('accept-suggestion').click();
  await expect(cellsOf(ana, 'en').locator('ins.suggestion-ins')).toHaveCount(0);
  await expect(cell(ben, 'short-title', 'es')).toHaveClass(/\bflag-outdated\b/);
  await expect(first).toContainText('Amend');
  const content = (await apiCall<{ en: { content: unknown[] } }>(server, token, 'GET', `/api/documents/${doc}/content`)).body;
  expect(JSON.stringify(content.en)).not.toContain('suggestedInsertion');
  expect(JSON.stringify(content.en)).toContain(' Amend');
});

test('a saved version opens read-only and names who saved it', async ({ browser, server }) => {
  const page = await signedInPage(browser, server, 'drafter', 'Vera Versions');
  await page.getByTestId('template-select').selectOption('binational-mou');
  await page.getByTestId('create-model').click();
  await expect(cell(page, 'purpose', 'en').locator('.section-heading')).toHaveAttribute('data-label', 'Section 1.');
  await page.getByLabel('Version name').fill('Introduced');
  await page.getByRole('button', { name: 'Save version' }).click();
  await page.getByTestId('open-version').first().click();
  await expect(page.getByTestId('version-banner')).toContainText('Version “Introduced”');
  await expect(page.getByTestId('version-banner')).toContainText('Vera Versions');
  await expect(page.getByTestId('version-es').locator('.section-heading').first()).toHaveAttribute('data-label', 'Cláusula 1.-');
  await expect(page.getByTestId('version-en')).toHaveAttribute('contenteditable', 'false');
});
