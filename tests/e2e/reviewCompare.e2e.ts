import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, signedInPage, cell, sectionRowIds } from './fixtures';
import { apiCall, createUser } from '../helpers/testServer';
import { connectClient } from '../helpers/yClient';
import { provisionText } from '../helpers/billText';
import { deleteBlock, insertBlock } from '../../client/shared/layout';

const SHOTS = '/tmp/shots-compare';
fs.mkdirSync(SHOTS, { recursive: true });

type Server = Parameters<typeof createUser>[0];

/** Applies edits to a document through a real collaboration client, waiting until the server has them. */
async function edit(server: Server, token: string, docId: string, change: (doc: import('yjs').Doc) => void): Promise<void> {
  const c = connectClient(server.url, docId, token);
  await c.synced();
  change(c.doc);
  await c.allAcked();
  c.destroy();
}

const create = async (server: Server, token: string, body: unknown) => (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', body)).body.id;
const stats = async (server: Server, token: string, left: string, right: string, lang: 'en' | 'es') =>
  (await apiCall<{ stats: { words: number; wordsChanged: number } }>(server, token, 'GET', `/api/compare?left=${left}&right=${right}&lang=${lang}`)).body.stats;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

test('a reviewer chooses two versions from the interface and reads a redline with section numbers, provision labels and the versions’ names, in English and in Spanish', async ({ browser, server }) => {
  const { token } = await createUser(server, 'admin');
  const model = await create(server, token, { templateId: 'tco-civil-forfeiture' });
  const variant = await create(server, token, { modelId: model, jurisdiction: 'US-NM' });
  const introduced = (await apiCall<{ id: string }>(server, token, 'POST', `/api/documents/${variant}/versions`, { name: 'Introduced' })).body.id;
  // After "Introduced", Section 6 (Seizure: (a) (b) (1) (2) (c) (d)) gets new words in its provision (1), in both languages.
  await edit(server, token, variant, (doc) => {
    provisionText(doc, 'en', 'seizure', 2).insert(0, 'Promptly, ');
    provisionText(doc, 'es', 'seizure', 2).insert(0, 'Sin demora, ');
  });

  const rita = await signedInPage(browser, server, 'reviewer', 'Rita Reviewer');
  await rita.getByTestId('open-compare').click();
  await expect(rita).toHaveURL(`${server.url}/compare`);
  await expect(rita.getByTestId('compare-need-both')).toHaveText('Choose two documents or versions to compare.');
  await rita.getByTestId('choose-left-doc').selectOption(variant);
  await rita.getByTestId('choose-left-version').selectOption(introduced);
  await rita.getByTestId('choose-right-doc').selectOption(variant);
  await expect(rita.getByTestId('choose-right-version')).toHaveValue('');
  await rita.getByTestId('choose-run').click();
  await expect(rita.getByTestId('cmp-stats')).toBeVisible();
  await shot(rita, 'compare-top-en');
  await expect(rita).toHaveURL(`${server.url}/compare?left=${encodeURIComponent(`${variant}@${introduced}`)}&right=${variant}&lang=en`);
  const title = 'Uniform Transnational Criminal Organization Civil Forfeiture Act (New Mexico)';
  await expect(rita.getByTestId('cmp-left')).toHaveText(`${title} · version “Introduced”`);
  await expect(rita.getByTestId('cmp-right')).toHaveText(`${title} · current text`);
  const en = await stats(server, token, `${variant}@${introduced}`, variant, 'en');
  expect(en.wordsChanged).toBe(1);
  await expect(rita.getByTestId('cmp-stats')).toHaveText(`1 section differs; 1 of ${en.words} words changed.`);
  const seizure = rita.locator('[data-testid="cmp-section"][data-section-id="seizure"]');
  await expect(seizure).toHaveAttribute('data-status', 'changed');
  await expect(seizure.getByTestId('cmp-label')).toHaveText('Section 6.');
  await expect(seizure.locator('header strong')).toHaveText('Seizure');
  await expect(seizure.locator('.cmp-provision-label')).toHaveText(['(a)', '(b)', '(1)', '(2)', '(c)', '(d)']);
  await expect(seizure.locator('.cmp-p').nth(3).locator('ins.rl-ins')).toHaveText('Promptly,');
  await expect(rita.locator('[data-testid="cmp-section"][data-section-id="notice"] [data-testid="cmp-label"]')).toHaveText('Section 8.');
  await seizure.scrollIntoViewIfNeeded();
  await shot(rita, 'compare-en');

  // The same choice made in Spanish: the redline in Spanish, numbered as a Mexican drafter reads it.
  const rosa = await signedInPage(browser, server, 'reviewer', 'Rosa Revisora', [], 'es-MX');
  await rosa.getByTestId('open-compare').click();
  await expect(rosa.getByTestId('compare-need-both')).toHaveText('Elija dos documentos o versiones para comparar.');
  await rosa.getByTestId('choose-left-doc').selectOption(variant);
  await rosa.getByTestId('choose-left-version').selectOption(introduced);
  await rosa.getByTestId('choose-right-doc').selectOption(variant);
  await rosa.getByTestId('choose-run').click();
  await expect(rosa.getByTestId('cmp-stats')).toBeVisible();
  await shot(rosa, 'compare-top-es');
  const titulo = 'Ley Uniforme de Extinción de Dominio contra Organizaciones Criminales Transnacionales (Nuevo México)';
  await expect(rosa.getByTestId('cmp-left')).toHaveText(`${titulo} · versión «Introduced»`);
  await expect(rosa.getByTestId('cmp-right')).toHaveText(`${titulo} · texto actual`);
  const es = await stats(server, token, `${variant}@${introduced}`, variant, 'es');
  expect(es.wordsChanged).toBe(2);
  await expect(rosa.getByTestId('cmp-stats')).toHaveText(`1 artículo difiere; se modificaron 2 de ${es.words} palabras.`);
  const articulo = rosa.locator('[data-testid="cmp-section"][data-section-id="seizure"]');
  await expect(articulo.getByTestId('cmp-label')).toHaveText('Artículo 6.-');
  await expect(articulo.locator('header strong')).toHaveText('Aseguramiento');
  await expect(articulo.locator('.cmp-provision-label')).toHaveText(['I.', 'II.', 'a)', 'b)', 'III.', 'IV.']);
  await expect(articulo.locator('.cmp-p').nth(3).locator('ins.rl-ins')).toHaveText('Sin demora,');
  // Swapping the sides compares the other way round.
  await rosa.getByTestId('choose-swap').click();
  await rosa.getByTestId('choose-run').click();
  await expect(rosa.getByTestId('cmp-left')).toHaveText(`${titulo} · texto actual`);
  await expect(rosa.getByTestId('cmp-right')).toHaveText(`${titulo} · versión «Introduced»`);
  await expect(rosa.locator('[data-testid="cmp-section"][data-section-id="seizure"] .cmp-p').nth(3).locator('del.rl-del')).toHaveText('Sin demora,');
  await rosa.getByTestId('choose-swap').click();
  await rosa.getByTestId('choose-run').click();
  await articulo.scrollIntoViewIfNeeded();
  await shot(rosa, 'compare-es');
});

test('the states map explains its marks, tells a country’s form from a state’s deletion, numbers its rows as printed, names its CSV, and a cell opens its section highlighted', async ({ browser, server }) => {
  const { token } = await createUser(server, 'admin');
  const model = await create(server, token, { templateId: 'tco-civil-forfeiture' });
  const nm = await create(server, token, { modelId: model, jurisdiction: 'US-NM' });
  await create(server, token, { modelId: model, jurisdiction: 'MX-SON' });
  // New Mexico deletes Exemptions (Section 5) and adds to Notice (Section 8, now its 7).
  await edit(server, token, nm, (doc) => {
    deleteBlock(doc, 'exemptions', 'Nora Drafter');
    const t = provisionText(doc, 'en', 'notice');
    t.insert(t.length, ' Tribal courts are notified too.');
    const s = provisionText(doc, 'es', 'notice');
    s.insert(s.length, ' También se notifica a los tribunales tribales.');
  });

  const rita = await signedInPage(browser, server, 'reviewer', 'Rita Map');
  await rita.goto(`${server.url}/documents/${model}/map`);
  const legend = rita.getByTestId('map-legend');
  await expect(legend.locator('h2')).toHaveText('How to read the map');
  await expect(legend.locator('dd')).toHaveText([
    'share of the model’s words the state changed in that section (the darker, the more)',
    'only filled-in values differ (the state’s name, its court…): not a change of policy',
    'the state removed this section from its bill',
    'not part of this country’s legal form (for example, Mexican transitory articles in a US bill): not a departure',
    'in the last row: sections the state added',
  ]);
  await expect(legend.locator('dt')).toHaveText(['12 %', '≈', 'Removed', '—', '+2']);
  await expect(rita.getByTestId('state-map').locator('thead th')).toHaveText(['Section', 'MX-SON', 'US-NM']);
  await expect(rita.getByTestId('map-row-label')).toHaveText([...Array.from({ length: 21 }, (_, i) => `Section ${i + 1}.`), 'First.', 'Second.', 'Third.']);
  await expect(rita.locator('tr[data-section-id="entrada-en-vigor"] th')).toHaveText('First. Entry into Force');
  await expect(rita.getByTestId('cell-exemptions-US-NM')).toHaveText('Removed');
  await expect(rita.getByTestId('cell-exemptions-US-NM')).toHaveAttribute('data-status', 'removed');
  await expect(rita.getByTestId('cell-exemptions-MX-SON')).toHaveText('≈');
  for (const [id, code] of [['entrada-en-vigor', 'US-NM'], ['reglamento', 'US-NM'], ['severability', 'MX-SON'], ['effective-date', 'MX-SON']]) {
    const c = rita.getByTestId(`cell-${id}-${code}`);
    await expect(c).toHaveText('—');
    await expect(c).toHaveAttribute('data-status', 'notInForm');
    await expect(c).toHaveAttribute('title', 'Not in this country’s legal form');
    await expect(c.locator('button')).toHaveCount(0);
  }
  await shot(rita, 'map-en');
  const [csvEn] = await Promise.all([rita.waitForEvent('download'), rita.getByTestId('map-csv').click()]);
  expect(csvEn.suggestedFilename()).toBe('Uniform-Transnational-Criminal-Organization-Civil-Forfeiture-map-en.csv');

  // A cell opens the redline at its section, highlighted.
  await rita.getByTestId('cell-notice-US-NM').locator('button').click();
  await expect(rita).toHaveURL(`${server.url}/compare?left=${model}&right=${nm}&lang=en&section=notice`);
  const notice = rita.locator('[data-testid="cmp-section"][data-section-id="notice"]');
  await expect(notice).toHaveClass(/\bcmp-focus\b/);
  await expect(notice).toHaveAttribute('aria-current', 'true');
  await expect(notice).toBeInViewport();
  await expect(rita.locator('.cmp-focus')).toHaveCount(1);
  await expect(notice.getByTestId('cmp-label')).toHaveText('Section 7.');
  await expect(notice.getByTestId('cmp-formerly')).toHaveText('was Section 8');
  await expect(notice.locator('ins.rl-ins')).toHaveText(' Tribal courts are notified too.');
  const en = await stats(server, token, model, nm, 'en');
  await expect(rita.getByTestId('cmp-stats')).toContainText(`2 sections differ; ${en.wordsChanged} of ${en.words} words changed.`);
  await shot(rita, 'map-cell-en');

  const rosa = await signedInPage(browser, server, 'reviewer', 'Rosa Mapa', [], 'es-MX');
  await rosa.goto(`${server.url}/documents/${model}/map`);
  const leyenda = rosa.getByTestId('map-legend');
  await expect(leyenda.locator('h2')).toHaveText('Cómo leer el mapa');
  await expect(leyenda.locator('dd')).toHaveText([
    'proporción de las palabras de la ley modelo que el estado modificó en ese artículo (cuanto más oscuro, más)',
    'solo difieren los valores de parámetros (el nombre del estado, su tribunal…): no es un cambio de fondo',
    'el estado suprimió este artículo de su iniciativa',
    'no forma parte de la estructura legislativa de ese país (por ejemplo, los artículos transitorios en una ley de un estado de EE. UU.): no es una desviación',
    'en la última fila: artículos que el estado adicionó',
  ]);
  await expect(leyenda.locator('dt')).toHaveText(['12 %', '≈', 'Suprimido', '—', '+2']);
  await expect(rosa.getByTestId('state-map').locator('thead th')).toHaveText(['Artículo', 'MX-SON', 'US-NM']);
  await expect(rosa.getByTestId('map-row-label')).toHaveText([...Array.from({ length: 21 }, (_, i) => `Artículo ${i + 1}.-`), 'Primero.-', 'Segundo.-', 'Tercero.-']);
  await expect(rosa.locator('tr[data-section-id="entrada-en-vigor"] th')).toHaveText('Primero.- Entrada en vigor');
  await expect(rosa.getByTestId('cell-exemptions-US-NM')).toHaveText('Suprimido');
  await expect(rosa.getByTestId('cell-severability-MX-SON')).toHaveAttribute('title', 'No previsto en la estructura legislativa de este país');
  await shot(rosa, 'map-es');
  const [csvEs] = await Promise.all([rosa.waitForEvent('download'), rosa.getByTestId('map-csv').click()]);
  expect(csvEs.suggestedFilename()).toBe('Ley-Uniforme-de-Extincion-de-Dominio-contra-Organizaciones-map-es.csv');
  await rosa.getByTestId('cell-notice-US-NM').locator('button').click();
  const notificacion = rosa.locator('[data-testid="cmp-section"][data-section-id="notice"]');
  await expect(notificacion).toHaveClass(/\bcmp-focus\b/);
  await expect(notificacion).toBeInViewport();
  await expect(notificacion.getByTestId('cmp-label')).toHaveText('Artículo 7.-');
  await expect(notificacion.getByTestId('cmp-formerly')).toHaveText('antes artículo 8');
  const es = await stats(server, token, model, nm, 'es');
  await expect(rosa.getByTestId('cmp-stats')).toContainText(`2 artículos difieren; se modificaron ${es.wordsChanged} de ${es.words} palabras.`);
  await shot(rosa, 'map-cell-es');
});

test('a drafter sees each change of the model by number and heading, takes every clean one in one step and undoes it, in English and in Spanish', async ({ browser, server }) => {
  const { token } = await createUser(server, 'admin');
  const model = await create(server, token, { templateId: 'tco-civil-forfeiture' });
  const nm = await create(server, token, { modelId: model, jurisdiction: 'US-NM' });
  const son = await create(server, token, { modelId: model, jurisdiction: 'MX-SON' });
  const heading = (text: string) => ({ type: 'sectionHeading', content: [{ type: 'text', text }] });
  const provision = (text: string) => ({ type: 'provision', attrs: { level: 0 }, content: [{ type: 'text', text }] });
  // The model: new words in Notice and Claims, a new section after Purpose; New Mexico has its own Claims.
  await edit(server, token, model, (doc) => {
    provisionText(doc, 'en', 'notice').insert(0, 'Promptly, ');
    provisionText(doc, 'es', 'notice').insert(0, 'Sin demora, ');
    provisionText(doc, 'en', 'claims').insert(0, 'Model: ');
    provisionText(doc, 'es', 'claims').insert(0, 'Modelo: ');
    insertBlock(doc, { kind: 'section', id: 'asset-registry', afterId: 'purpose', content: { en: [heading('Asset Registry'), provision('A registry is kept.')], es: [heading('Registro de bienes'), provision('Se lleva un registro.')] } });
  });
  await edit(server, token, nm, (doc) => provisionText(doc, 'en', 'claims').insert(0, 'New Mexico: '));

  const nora = await signedInPage(browser, server, 'drafter', 'Nora Drafter', ['US-NM']);
  await nora.goto(`${server.url}/documents/${nm}`);
  const panel = nora.getByTestId('upstream-panel');
  await expect(panel.getByTestId('upstream-name')).toHaveText(['Section 3. Asset Registry', 'Section 8. Notice to Owners and Interest Holders', 'Section 9. Claims and Answers']);
  await expect(panel.locator('[data-state] .cmp-badge')).toHaveText(['New in the model', 'Model changed', 'Changed in both']);
  await expect(panel.getByTestId('upstream-take-all')).toHaveText('Take all 2 clean changes');
  await panel.getByTestId('upstream-take-all').scrollIntoViewIfNeeded();
  await expect(panel.getByTestId('upstream-take-all')).toBeInViewport();
  await expect(panel.locator('#upstream-title')).toBeInViewport();
  await shot(nora, 'document-en');
  await panel.getByTestId('upstream-take-all').click();
  await expect(panel.getByTestId('upstream-taken')).toHaveText('Took the model’s text of 2 sections. The text before is saved as the version “Before taking the model’s changes”. Undo');
  // The new section took its place after Purpose: Claims is now Section 10 of the variant.
  await expect(panel.getByTestId('upstream-name')).toHaveText(['Section 10. Claims and Answers']);
  await expect.poll(() => sectionRowIds(nora)).toContain('asset-registry');
  const ids = await sectionRowIds(nora);
  expect(ids.slice(ids.indexOf('purpose'), ids.indexOf('purpose') + 3)).toEqual(['purpose', 'asset-registry', 'definitions']);
  await expect(cell(nora, 'notice', 'en').locator('.provision').first()).toContainText('Promptly, Within thirty days');
  const versions = (await apiCall<{ name: string }[]>(server, token, 'GET', `/api/documents/${nm}/versions`)).body.map((v) => v.name);
  expect(versions).toContain('Before taking the model’s changes');
  await panel.scrollIntoViewIfNeeded();
  await shot(nora, 'document-taken-en');
  await panel.getByTestId('upstream-undo').click();
  await expect(panel.getByTestId('upstream-undone')).toHaveText('Undone: the 2 sections are as they were.');
  await expect.poll(() => sectionRowIds(nora)).not.toContain('asset-registry');
  await expect(cell(nora, 'notice', 'en').locator('.provision').first()).not.toContainText('Promptly');
  await expect(panel.getByTestId('upstream-name')).toHaveText(['Section 3. Asset Registry', 'Section 8. Notice to Owners and Interest Holders', 'Section 9. Claims and Answers']);

  // Sonora did not touch Claims: three clean changes, in Spanish.
  const sofia = await signedInPage(browser, server, 'drafter', 'Sofía Redactora', ['MX-SON'], 'es-MX');
  await sofia.goto(`${server.url}/documents/${son}`);
  const panelEs = sofia.getByTestId('upstream-panel');
  await expect(panelEs.getByTestId('upstream-name')).toHaveText(['Artículo 3.- Registro de bienes', 'Artículo 8.- Notificación a propietarios y titulares de derechos', 'Artículo 9.- Comparecencia de los interesados']);
  await expect(panelEs.locator('[data-state] .cmp-badge')).toHaveText(['Nuevo en la ley modelo', 'Modificado en la ley modelo', 'Modificado en la ley modelo']);
  await expect(panelEs.getByTestId('upstream-take-all')).toHaveText('Incorporar los 3 cambios sin conflicto');
  await panelEs.getByTestId('upstream-take-all').scrollIntoViewIfNeeded();
  await expect(panelEs.getByTestId('upstream-take-all')).toBeInViewport();
  await expect(panelEs.locator('#upstream-title')).toBeInViewport();
  await shot(sofia, 'document-es');
  await panelEs.getByTestId('upstream-take-all').click();
  await expect(panelEs.getByTestId('upstream-taken')).toHaveText('Se incorporó el texto de la ley modelo en 3 artículos. El texto anterior quedó guardado como la versión «Antes de incorporar los cambios de la ley modelo». Deshacer');
  await expect(panelEs.locator('[data-state]')).toHaveCount(0);
  await expect(panelEs).toContainText('La ley modelo no ha cambiado desde que se creó esta variante, o sus cambios ya se incorporaron.');
  await expect(cell(sofia, 'claims', 'es').locator('.provision').first()).toContainText('Modelo: ');
  await panelEs.scrollIntoViewIfNeeded();
  await shot(sofia, 'document-taken-es');
  await panelEs.getByTestId('upstream-undo').click();
  await expect(panelEs.getByTestId('upstream-undone')).toHaveText('Deshecho: los 3 artículos volvieron a su texto anterior.');
  await expect.poll(() => sectionRowIds(sofia)).not.toContain('asset-registry');
  await expect(panelEs.getByTestId('upstream-take-all')).toHaveText('Incorporar los 3 cambios sin conflicto');
});
