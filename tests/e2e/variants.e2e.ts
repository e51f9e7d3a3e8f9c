import { test, expect, signedInPage } from './fixtures';

test('a drafter creates a model act and a Mexican variant; numbering follows inserts in both browsers', async ({ browser, server }) => {
  const drafter = await signedInPage(browser, server, 'drafter', 'Lucía Ramírez', ['MX-CHH']);
  const reviewer = await signedInPage(browser, server, 'reviewer', 'Rita Reviewer');

  await drafter.getByTestId('template-select').selectOption('tco-civil-forfeiture');
  await drafter.getByTestId('create-model').click();
  await expect(drafter).toHaveURL(/\/documents\//);
  await expect(drafter.getByTestId('editor-en').locator('.section-heading').first()).toHaveAttribute('data-label', 'Section 1.');
  const modelId = drafter.url().split('/').pop() as string;

  await drafter.goto(server.url);
  await drafter.getByTestId(`variant-jurisdiction-${modelId}`).selectOption('MX-CHH');
  await drafter.getByTestId(`create-variant-${modelId}`).click();
  await expect(drafter).toHaveURL(/\/documents\//);
  const variantUrl = drafter.url();

  const es = drafter.getByTestId('editor-es');
  const en = drafter.getByTestId('editor-en');
  await expect(es.locator('.section-heading').first()).toHaveAttribute('data-label', 'Artículo 1.-');
  await expect(en.locator('.section-heading').first()).toHaveAttribute('data-label', 'Section 1.');
  await expect(drafter.getByTestId('authoritative-es')).toBeVisible();
  await expect(es).toContainText('Chihuahua');
  await expect(es.locator('.section-heading[data-label="Primero.-"]')).toHaveCount(1);

  await reviewer.goto(variantUrl);
  await expect(reviewer.getByTestId('read-only')).toBeVisible();
  await expect(reviewer.getByTestId('editor-es').locator('.section-heading[data-label="Primero.-"]')).toHaveCount(1);
  const before = await reviewer.getByTestId('editor-es').locator('.bill-section[data-kind="section"]').count();
  const secondHeadingText = await es.locator('.bill-section[data-kind="section"] .section-heading').nth(1).textContent();

  // Insert a section after the first: every later number moves, in both languages, in both browsers.
  await es.locator('.section-heading').first().click();
  await drafter.getByTestId('insert-section').click();
  await expect(reviewer.getByTestId('editor-es').locator('.bill-section[data-kind="section"]')).toHaveCount(before + 1);
  await expect(reviewer.getByTestId('editor-es').locator('.bill-section[data-kind="section"] .section-heading').nth(2)).toHaveText(secondHeadingText ?? '');
  await expect(reviewer.getByTestId('editor-es').locator('.bill-section[data-kind="section"] .section-heading').nth(2)).toHaveAttribute('data-label', 'Artículo 3.-');
  await expect(reviewer.getByTestId('editor-en').locator('.bill-section[data-kind="section"] .section-heading').nth(2)).toHaveAttribute('data-label', 'Section 3.');
  await expect(drafter.getByTestId('outline')).toContainText('Section 3.');

  // A parameter value with markup is shown as text, never as HTML.
  await drafter.getByTestId('param-reportingThreshold-es').fill('<img src=x onerror="window.__pwned=1">500 000');
  await drafter.getByTestId('param-reportingThreshold-es').press('Enter');
  await expect(reviewer.getByTestId('editor-es').locator('.param[data-key="reportingThreshold"]').first()).toHaveText('<img src=x onerror="window.__pwned=1">500 000');
  await expect(reviewer.getByTestId('editor-es').locator('img:not(.ProseMirror-separator)')).toHaveCount(0);
  expect(await reviewer.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await drafter.screenshot({ path: 'test-results/variant-mx.png', fullPage: false });
});
