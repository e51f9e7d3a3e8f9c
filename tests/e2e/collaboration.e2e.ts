import { test, expect, signedInPage, textWithoutCarets, cell, cellsOf, firstSectionId } from './fixtures';

test('two people edit one bill live, see each other, reload and switch to Spanish', async ({ browser, server }) => {
  const ana = await signedInPage(browser, server, 'admin', 'Ana Torres');
  const ben = await signedInPage(browser, server, 'drafter', 'Ben Ortiz');

  await ana.getByTestId('new-document').click();
  await expect(ana).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
  const docUrl = ana.url();
  await ben.goto(docUrl);

  await expect(ana.getByTestId('connection')).toHaveAttribute('data-connection', 'connected');
  await expect(ben.getByTestId('connection')).toHaveAttribute('data-connection', 'connected');
  // A blank bill: one section, the same block in both languages.
  const first = await firstSectionId(ana);
  expect(await firstSectionId(ben)).toBe(first);
  await expect(cellsOf(ana, 'en').locator('.section-heading')).toHaveCount(1);
  await expect(cell(ana, first, 'en').locator('.section-heading')).toHaveAttribute('data-label', 'Section 1.');
  await expect(cell(ben, first, 'es').locator('.section-heading')).toHaveAttribute('data-label', 'Artículo 1.-');

  // Ana types in the first provision of the English text; Ben sees it.
  await cell(ana, first, 'en').locator('.provision').first().click();
  await ana.keyboard.type('The Attorney General may commence an action in rem.');
  await expect.poll(() => textWithoutCarets(ben, first, 'en', '.provision')).toBe('The Attorney General may commence an action in rem.');

  // Ben types Spanish; Ana sees it, with Ben's caret labelled with his name.
  await cell(ben, first, 'es').locator('.provision').first().click();
  await ben.keyboard.type('El Fiscal General podrá ejercitar la acción de extinción de dominio.');
  await expect.poll(() => textWithoutCarets(ana, first, 'es', '.provision')).toBe('El Fiscal General podrá ejercitar la acción de extinción de dominio.');
  await expect(cell(ana, first, 'es').locator('.collaboration-carets__label')).toHaveText('Ben Ortiz');

  // Presence lists both, and the save indicator settles on saved.
  await expect(ana.getByTestId('presence')).toContainText('Ben Ortiz');
  await expect(ben.getByTestId('presence')).toContainText('Ana Torres');
  await expect(ben.getByTestId('connection')).toHaveAttribute('data-save', 'saved');

  // Undo undoes only one's own typing.
  await ana.keyboard.press('Control+z');
  await expect.poll(() => textWithoutCarets(ben, first, 'es', '.provision')).toBe('El Fiscal General podrá ejercitar la acción de extinción de dominio.');
  // Ana's quick typing was one undo step: her English is gone, Ben's Spanish untouched; redo brings it back.
  await expect.poll(() => textWithoutCarets(ben, first, 'en', '.provision')).toBe('');
  await ana.keyboard.press('Control+Shift+z');
  await expect.poll(() => textWithoutCarets(ben, first, 'en', '.provision')).toBe('The Attorney General may commence an action in rem.');

  // Inserting a section renumbers both languages in both browsers.
  await ben.getByTestId('insert-section').click();
  await expect(cellsOf(ana, 'en').locator('.section-heading')).toHaveCount(2);
  await expect(cellsOf(ana, 'es').locator('.section-heading')).toHaveCount(2);
  await expect(cellsOf(ana, 'es').locator('.section-heading').nth(1)).toHaveAttribute('data-label', 'Artículo 2.-');
  await expect(cellsOf(ana, 'en').locator('.section-heading').nth(1)).toHaveAttribute('data-label', 'Section 2.');

  // A reload shows everything.
  await ben.reload();
  await expect.poll(() => textWithoutCarets(ben, first, 'es', '.provision')).toBe('El Fiscal General podrá ejercitar la acción de extinción de dominio.');

  // Switching the interface to Spanish changes the interface text, and is remembered.
  await ben.getByTestId('ui-lang-es').click();
  await expect(ben.getByTestId('connection')).toContainText('Conectado');
  await expect(ben.getByTestId('insert-section')).toHaveText('Insertar artículo');
  await ben.reload();
  await expect(ben.getByTestId('insert-section')).toHaveText('Insertar artículo');
  await ben.screenshot({ path: 'test-results/collaboration-es.png', fullPage: true });
});
