import { describe, expect, it } from 'vitest';
import { apiCall } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient, eventually } from '../helpers/yClient';
import { provisionText } from '../helpers/billText';
import { openEvents } from '../helpers/sseClient';

interface Version { id: string; name: string; kind: string; restoredVersion: string | null; createdByName: string }

describe('restoring a version is safe', () => {
  let server!: TestServer;
  let admin!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    admin = t;
  });

  it('keeps the current text as a version first, in the restorer’s language, and restoring that version undoes the restore', async () => {
    const doc = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', {})).body.id;
    const c = connectClient(server.url, doc, admin);
    await c.synced();
    const set = async (text: string) => {
      const t = provisionText(c.doc, 'en');
      c.doc.transact(() => {
        t.delete(0, t.length);
        t.insert(0, text);
      });
      await c.allAcked();
    };
    await set('Introduced text.');
    const introduced = (await apiCall<Version>(server, admin, 'POST', `/api/documents/${doc}/versions`, { name: 'Introduced' })).body;
    expect(introduced).toMatchObject({ name: 'Introduced', kind: 'named', restoredVersion: null });
    await set('Unsaved work of the afternoon.');

    const events = await openEvents(server, admin, `/api/documents/${doc}/events`);
    const restored = await apiCall<{ ok: boolean; before: Version }>(server, admin, 'POST', `/api/documents/${doc}/versions/${introduced.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.before).toMatchObject({ name: 'Before restoring “Introduced”', kind: 'beforeRestore', restoredVersion: introduced.id });
    await eventually(() => provisionText(c.doc, 'en').toString() === 'Introduced text.', 'the restore reaches the client');
    expect(((await events.next('versions', 3000, 0)).data as { id: string }).id).toBe(restored.body.before.id);
    const kept = await apiCall<{ en: unknown }>(server, admin, 'GET', `/api/documents/${doc}/versions/${restored.body.before.id}/content`);
    expect(JSON.stringify(kept.body.en)).toContain('Unsaved work of the afternoon.');

    // Undo: restore the version kept before; the text of the afternoon is back, and that step is kept too.
    const undone = await apiCall<{ before: Version }>(server, admin, 'POST', `/api/documents/${doc}/versions/${restored.body.before.id}/restore`);
    expect(undone.body.before).toMatchObject({ name: 'Before undoing the restore of “Introduced”', kind: 'beforeRestore', restoredVersion: restored.body.before.id });
    await eventually(() => provisionText(c.doc, 'en').toString() === 'Unsaved work of the afternoon.', 'the undo reaches the client');

    // In Spanish, the names are the restorer's.
    await apiCall(server, admin, 'POST', `/api/documents/${doc}/versions/${introduced.id}/restore?ui=es`);
    const list = (await apiCall<Version[]>(server, admin, 'GET', `/api/documents/${doc}/versions`)).body;
    expect(list.map((v) => [v.name, v.kind])).toEqual([
      ['Introduced', 'named'],
      ['Before restoring “Introduced”', 'beforeRestore'],
      ['Before undoing the restore of “Introduced”', 'beforeRestore'],
      ['Antes de restaurar «Introduced»', 'beforeRestore'],
    ]);
    // The automatic first version (the text before anyone's edits) is listed on request.
    const all = (await apiCall<Version[]>(server, admin, 'GET', `/api/documents/${doc}/versions?include=automatic&ui=es`)).body;
    expect(all.map((v) => v.name)).toEqual(['Versión automática', 'Introduced', 'Before restoring “Introduced”', 'Before undoing the restore of “Introduced”', 'Antes de restaurar «Introduced»']);
    expect((await apiCall(server, admin, 'GET', `/api/documents/${doc}/versions?include=everything`)).status).toBe(400);
    events.close();
    c.destroy();
  });
});
