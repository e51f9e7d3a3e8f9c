import { test as base, expect, signedInPage, cell, liveEditor } from './fixtures';
import { apiCall, createUser, startTestServer } from '../helpers/testServer';
import type { Page } from '@playwright/test';

// Automatic versions after half a second without edits, so that a test can watch them being kept.
const test = base.extend<object, { server: Awaited<ReturnType<typeof startTestServer>> }>({
  server: [
    async ({}, use) => {
      const server = await startTestServer({ unloadGraceMs: 1000, autoVersionQuietMs: 500, autoVersionMaxMs: 5000 });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

async function newModel(server: { url: string }, templateId = 'tco-civil-forfeiture'): Promise<string> {
  const { token } = await createUser(server as never, 'admin');
  return (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { templateId })).body.id;
}

/** Types at the end of a section's first English provision. */
async function typeAtEnd(page: Page, sectionId: string, text: string): Promise<void> {
  await liveEditor(page, sectionId, 'en');
  await cell(page, sectionId, 'en').locator('.provision').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

for (const [locale, texts] of [
  ['en-US', { name: 'Introduced', before: 'Before restoring “Introduced”', undo: 'Undo restore', undone: 'Before undoing the restore of “Introduced”', notice: '“Introduced” is now the current text; the text before it is kept in the list below. Undo restore' }],
  ['es-MX', { name: 'Presentada', before: 'Antes de restaurar «Presentada»', undo: 'Deshacer la restauración', undone: 'Antes de deshacer la restauración de «Presentada»', notice: '«Presentada» es ahora el texto actual; el texto anterior se conserva en la lista. Deshacer la restauración' }],
] as const) {
  test(`restoring a version keeps the unsaved text as a version first, and the restore can be undone (${locale})`, async ({ browser, server }) => {
    const doc = await newModel(server);
    const page = await signedInPage(browser, server, 'drafter', 'Vera Versions', [], locale);
    await page.goto(`${server.url}/documents/${doc}`);
    const versions = page.getByTestId('versions-panel');
    await versions.locator('input').fill(texts.name);
    await versions.locator('form button[type=submit]').click();
    await expect(versions.getByTestId('version-item')).toHaveCount(1);
    await typeAtEnd(page, 'short-title', ' Unsaved work.');
    const provision = cell(page, 'short-title', 'en').locator('.provision').first();
    await expect(provision).toContainText('Unsaved work.');

    page.once('dialog', (d) => void d.accept());
    await versions.getByTestId('version-item').filter({ hasText: texts.name }).getByTestId('restore-version').click();
    await expect(provision).not.toContainText('Unsaved work.');
    await expect(page.getByTestId('restore-notice')).toHaveText(texts.notice);
    await expect(versions.getByTestId('version-item').locator('strong')).toHaveText([texts.before, texts.name]);
    await expect(versions.getByTestId('version-item').first().getByTestId('undo-restore')).toHaveText(texts.undo);
    await page.screenshot({ path: `test-results/restore-safe-${locale}.png` });

    page.once('dialog', (d) => void d.accept());
    await versions.getByTestId('version-item').first().getByTestId('undo-restore').click();
    await expect(provision).toContainText('Unsaved work.');
    await expect(versions.getByTestId('version-item').locator('strong')).toHaveText([texts.undone, texts.before, texts.name]);
  });
}

test('a reviewer’s comment and mention reach the drafter at once: card naming its section, unread count, notification that opens the thread', async ({ browser, server }) => {
  const doc = await newModel(server);
  const reviewer = await signedInPage(browser, server, 'reviewer', 'Rita Reviewer');
  const drafter = await signedInPage(browser, server, 'drafter', 'Luis Español', [], 'es-MX');
  await reviewer.goto(`${server.url}/documents/${doc}`);
  await drafter.goto(`${server.url}/documents/${doc}`);
  // The comments panel is the first thing in the side bar.
  await expect(drafter.locator('.sidebar > .side-panel').first()).toHaveAttribute('data-testid', 'comments-panel');
  await expect(reviewer.locator('.sidebar > .side-panel').first()).toHaveAttribute('data-testid', 'comments-panel');
  await expect(drafter.getByTestId('notification-bell')).toHaveAttribute('aria-label', 'Notificaciones (0 sin leer)');
  // One event stream per page: the document's carries the bell's notifications too.
  await expect.poll(() => server.services.events.count()).toBe(2);

  const heading = (await liveEditor(reviewer, 'purpose', 'en')).locator('.section-heading');
  await expect(heading).toHaveText('Purpose and Findings');
  await heading.click({ clickCount: 3 });
  const box = reviewer.getByTestId('comment-body');
  await box.click();
  await box.pressSequentially('Please align the Spanish heading, @Lu');
  await expect(reviewer.getByTestId('mention-list').getByRole('option')).toHaveText(['Luis Español']);
  await reviewer.keyboard.press('Enter');
  await expect(box).toHaveValue('Please align the Spanish heading, @Luis Español ');
  await reviewer.getByTestId('comment-add').click();

  // The drafter's panel shows it without reloading, naming its section in the drafter's language, as new.
  const card = drafter.getByTestId('comments-panel').locator('.thread');
  await expect(card).toHaveCount(1, { timeout: 1500 });
  await expect(card.getByTestId('thread-section')).toHaveText('Artículo 2 · Objeto');
  await expect(card.getByTestId('thread-new')).toHaveText('Nuevo');
  await expect(drafter.getByTestId('comments-unread')).toHaveText('1 nuevo');
  await expect(card.locator('.mention')).toHaveText('@Luis Español');
  await expect(reviewer.getByTestId('comments-panel').getByTestId('thread-section')).toHaveText('Section 2 · Purpose and Findings');
  await expect(reviewer.getByTestId('comments-unread')).toHaveCount(0);

  // The mention: a count on the bell, and the notification in the list.
  await expect(drafter.getByTestId('notification-count')).toHaveText('1');
  await drafter.getByTestId('notification-bell').click();
  await expect(drafter.getByTestId('notification-text')).toHaveText(['Rita Reviewer le mencionó en Artículo 2 · Objeto']);
  await expect(drafter.getByTestId('notification-item')).toContainText('Please align the Spanish heading, @Luis Español');
  await drafter.screenshot({ path: 'test-results/notifications-es.png' });
  await drafter.getByTestId('notification-item').click();
  await expect(drafter).toHaveURL(/\?thread=/);
  await expect(card).toHaveClass(/\bfocused\b/);
  await expect(drafter.getByTestId('notification-count')).toHaveCount(0);
  await expect(drafter.getByTestId('comments-unread')).toHaveCount(0);
  await drafter.screenshot({ path: 'test-results/comments-es.png' });

  // The drafter replies naming the reviewer: it reaches the reviewer at once, with a notification in English.
  await card.locator('input').fill('Hecho, @Rita Reviewer.');
  await card.locator('form button').click();
  const reviewerCard = reviewer.getByTestId('comments-panel').locator('.thread');
  await expect(reviewerCard.locator('.comment')).toHaveCount(2, { timeout: 1500 });
  await expect(reviewer.getByTestId('comments-unread')).toHaveText('1 new');
  await reviewer.getByTestId('notification-bell').click();
  await expect(reviewer.getByTestId('notification-text')).toHaveText(['Luis Español mentioned you in Section 2 · Purpose and Findings']);
  await reviewer.screenshot({ path: 'test-results/comments-en.png' });
});

test('the server keeps automatic versions after a burst of edits; a section’s history lists who changed it, when, with a redline', async ({ browser, server }) => {
  const doc = await newModel(server);
  const ana = await signedInPage(browser, server, 'drafter', 'Ana Drafter');
  const luis = await signedInPage(browser, server, 'drafter', 'Luis Redactor', [], 'es-MX');
  await ana.goto(`${server.url}/documents/${doc}`);
  await luis.goto(`${server.url}/documents/${doc}`);
  await typeAtEnd(ana, 'purpose', ' Amended by Ana.');
  // The cursor is in Section 2: its history fills in once the burst is kept as a version.
  const history = ana.getByTestId('section-history-panel');
  await expect(history.getByTestId('section-history-name')).toHaveText('History of Section 2 · Purpose and Findings');
  const entry = history.getByTestId('history-entry').first();
  await expect(entry.getByTestId('history-status')).toHaveText('Text changed', { timeout: 5000 });
  await expect(entry.getByTestId('history-by')).toHaveText('Ana Drafter');
  await expect(entry).toContainText('in “Automatic version”');
  await expect(entry.getByTestId('history-en').locator('ins')).toHaveText('Amended by Ana.');
  await expect(entry.getByTestId('history-es')).toHaveCount(0);
  await ana.getByTestId('toggle-automatic').click();
  await expect(ana.getByTestId('versions-panel').locator('[data-kind="automatic"]').first()).toContainText('Automatic version edits by Ana Drafter');
  await history.screenshot({ path: 'test-results/section-history-en.png' });

  // The same history for a Spanish-speaking colleague with the cursor in the same section.
  await liveEditor(luis, 'purpose', 'es');
  await cell(luis, 'purpose', 'es').locator('.provision').first().click();
  const luisHistory = luis.getByTestId('section-history-panel');
  await expect(luisHistory.getByTestId('section-history-name')).toHaveText('Historial de Artículo 2 · Objeto');
  const luisEntry = luisHistory.getByTestId('history-entry').first();
  await expect(luisEntry.getByTestId('history-status')).toHaveText('Texto modificado');
  await expect(luisEntry).toContainText('en «Versión automática»');
  await expect(luisEntry.getByTestId('history-en').locator('ins')).toHaveText('Amended by Ana.');
  await luisHistory.screenshot({ path: 'test-results/section-history-es.png' });
});
