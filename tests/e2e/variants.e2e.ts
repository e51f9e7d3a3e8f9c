import { test, expect, signedInPage, cell, cellsOf, sectionRows } from './fixtures';

test('a drafter creates a model act and a Mexican variant; numbering follows inserts in both browsers', async ({ browser, server }) => {
  const drafter = await signedInPage(browser, server, 'drafter', 'Lucía Ramírez', ['MX-CHH']);
  const reviewer = await signedInPage(browser, server, 'reviewer', 'Rita Reviewer');

  await drafter.getByTestId('template-select').selectOption('tco-civil-forfeiture');
  await drafter.getByTestId('create-model').click();
  await expect(drafter).toHaveURL(/\/documents\//);
  await expect(cell(drafter, 'short-title', 'en').locator('.section-heading')).toHaveAttribute('data-label', 'Section 1.');
  const modelId = drafter.url().split('/').pop() as string;

  await drafter.goto(server.url);
  await drafter.getByTestId(`variant-jurisdiction-${modelId}`).selectOption('MX-CHH');
  await drafter.getByTestId(`create-variant-${modelId}`).click();
  await expect(drafter).toHaveURL(/\/documents\//);
  const variantUrl = drafter.url();

  const esHeadings = (page: typeof drafter) => sectionRows(page).locator('.cell-es .section-heading');
  const enHeadings = (page: typeof drafter) => sectionRows(page).locator('.cell-en .section-heading');
  await expect(cell(drafter, 'short-title', 'es').locator('.section-heading')).toHaveAttribute('data-label', 'Artículo 1.-');
  await expect(cell(drafter, 'short-title', 'en').locator('.section-heading')).toHaveAttribute('data-label', 'Section 1.');
  await expect(drafter.getByTestId('authoritative-es')).toBeVisible();
  // The state's name is filled in: the Spanish title names Chihuahua.
  await expect(drafter.getByTestId('bill-rows').locator('.block-row.kind-title .cell-es')).toContainText('Chihuahua');
  await expect(cellsOf(drafter, 'es').locator('.section-heading[data-label="Primero.-"]')).toHaveCount(1);

  await reviewer.goto(variantUrl);
  await expect(reviewer.getByTestId('read-only')).toBeVisible();
  await expect(cellsOf(reviewer, 'es').locator('.section-heading[data-label="Primero.-"]')).toHaveCount(1);
  const before = await esHeadings(reviewer).count();
  expect(before).toBeGreaterThan(2);
  await expect(enHeadings(reviewer)).toHaveCount(before);
  const secondHeadingText = await esHeadings(drafter).nth(1).textContent();

  // Insert a section after the first: every later number moves, in both languages, in both browsers.
  await cell(drafter, 'short-title', 'es').locator('.section-heading').click();
  await drafter.getByTestId('insert-section').click();
  await expect(esHeadings(reviewer)).toHaveCount(before + 1);
  await expect(enHeadings(reviewer)).toHaveCount(before + 1);
  await expect(esHeadings(reviewer).nth(2)).toHaveText(secondHeadingText ?? '');
  await expect(esHeadings(reviewer).nth(2)).toHaveAttribute('data-label', 'Artículo 3.-');
  await expect(enHeadings(reviewer).nth(2)).toHaveAttribute('data-label', 'Section 3.');
  await expect(drafter.getByTestId('outline')).toContainText('Section 3.');

  // A parameter value with markup is shown as text, never as HTML.
  await drafter.getByTestId('param-reportingThreshold-es').fill('<img src=x onerror="window.__pwned=1">500 000');
  await drafter.getByTestId('param-reportingThreshold-es').press('Enter');
  await expect(cellsOf(reviewer, 'es').locator('.param[data-key="reportingThreshold"]').first()).toHaveText('<img src=x onerror="window.__pwned=1">500 000');
  await expect(cellsOf(reviewer, 'es').locator('img:not(.ProseMirror-separator)')).toHaveCount(0);
  expect(await reviewer.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await drafter.screenshot({ path: 'test-results/variant-mx.png', fullPage: false });
});
