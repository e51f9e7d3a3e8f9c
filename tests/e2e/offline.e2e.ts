import { test as base, expect } from '@playwright/test';
import { createUser, startTestServer, tempDataDir } from '../helpers/testServer';
import { apiCall } from '../helpers/testServer';
import { provisionStrings } from '../helpers/billText';
import type { BilingualContent } from '../../client/shared/bill/yBill';
import { cell, firstSectionId, textWithoutCarets } from './fixtures';

base('edits made while the server is down survive a reload and reach the server when it is back', async ({ browser }) => {
  const dataDir = tempDataDir();
  let server = await startTestServer({}, dataDir);
  const port = server.port;
  const { user, password, token } = await createUser(server, 'admin', { name: 'Olga Offline' });
  const doc = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', {})).body;

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('input[name=email]').fill(user.email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('current-user')).toContainText('Olga Offline');
  await page.goto(`${server.url}/documents/${doc.id}`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-save', 'saved');
  const first = await firstSectionId(page);
  await cell(page, first, 'en').locator('.provision').first().click();
  await page.keyboard.type('Online part.');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-save', 'saved');

  await server.close();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'offline');
  await page.keyboard.type(' Offline part.');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-save', 'unsaved');
  await expect(page.getByTestId('connection')).toContainText('your changes will be sent');

  // Reload with the server still down: the app and the text come back from this browser. (IndexedDB
  // writes are asynchronous; a reload in the same instant as the last keystroke could abort its write.)
  await page.waitForTimeout(500);
  await page.reload();
  await expect.poll(() => textWithoutCarets(page, first, 'en', '.provision')).toBe('Online part. Offline part.');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-save', 'unsaved');

  // The server returns on the same address: the offline edits are sent and saved.
  server = await startTestServer({ port }, dataDir);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'connected', { timeout: 15_000 });
  await expect(page.getByTestId('connection')).toHaveAttribute('data-save', 'saved');
  const content = (await apiCall<BilingualContent>(server, token, 'GET', `/api/documents/${doc.id}/content`)).body;
  expect(provisionStrings(content.en)).toEqual(['Online part. Offline part.']);
  await context.close();
  await server.close();
});
