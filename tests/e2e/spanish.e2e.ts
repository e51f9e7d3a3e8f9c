import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, signedInPage } from './fixtures';
import { apiCall, createUser } from '../helpers/testServer';

/** English interface strings whose Spanish differs: none may appear on a page shown in Spanish. */
function englishOnlyStrings(): string[] {
  const read = (lang: string) => JSON.parse(fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), `../../locales/${lang}/common.json`), 'utf8')) as Record<string, unknown>;
  const flat = (o: unknown, p = ''): [string, string][] =>
    o && typeof o === 'object' ? Object.entries(o).flatMap(([k, v]) => flat(v, p ? `${p}.${k}` : k)) : [[p, String(o)]];
  const es = new Map(flat(read('es')));
  return flat(read('en'))
    .filter(([k, v]) => es.get(k) !== v && !v.includes('{{') && v.length > 3 && !k.startsWith('documents.untitled'))
    .map(([, v]) => v);
}

/** Whether `s` stands in `text` as whole words ("Variant" is not in "Variante"). */
function appears(s: string, text: string): boolean {
  const escaped = s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'u').test(text);
}

/** The page's interface text, without the documents' own text (titles, bill text, redlines). */
async function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.bill-editor, .doc-title, [data-testid="document-link"], .cmp-body, .cmp-section header strong, .cmp-sides, .state-map th[scope=row], .outline-link, .mini-redline, .version-list strong, td.small, option').forEach((n) => n.remove());
    return copy.innerText;
  });
}

test('the whole app in Spanish shows no untranslated interface text', async ({ browser, server }) => {
  const { token } = await createUser(server, 'admin');
  const model = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
  const variant = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { modelId: model, jurisdiction: 'MX-JAL' })).body.id;
  const page = await signedInPage(browser, server, 'admin', 'Adriana Administradora', [], 'es-MX');
  const english = englishOnlyStrings();
  expect(english.length).toBeGreaterThan(100);
  const pages = ['/', `/documents/${variant}`, `/documents/${model}/map`, `/compare?left=${model}&right=${variant}`, '/admin'];
  for (const p of pages) {
    await page.goto(`${server.url}${p}`);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main')).not.toContainText('Cargando…');
    const text = await interfaceText(page);
    const leaks = english.filter((s) => appears(s, text));
    expect(leaks, `untranslated on ${p}`).toEqual([]);
    await page.screenshot({ path: `test-results/es${p.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}.png`, fullPage: false });
  }
  await page.goto(`${server.url}/documents/${variant}`);
  await page.getByTestId('open-export').click();
  const dialogText = await page.getByTestId('export-dialog').innerText();
  expect(english.filter((s) => appears(s, dialogText))).toEqual([]);
});
