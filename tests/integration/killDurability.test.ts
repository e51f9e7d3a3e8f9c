import { describe, expect, it } from 'vitest';
import { apiCall, tempDataDir } from '../helpers/testServer';
import { spawnServer } from '../helpers/spawnServer';
import { connectClient, eventually } from '../helpers/yClient';
import { provisionStrings, provisionText, typeText } from '../helpers/billText';
import { openDatabase } from '../../server/storage/openDatabase';
import { UserStore } from '../../server/storage/UserStore';
import { hashPassword } from '../../server/auth/password';
import type { BilingualContent } from '../../client/shared/bill/yBill';

describe('a server killed with SIGKILL mid-edit', () => {
  it('has every update it acknowledged after restart', async () => {
    const dataDir = tempDataDir();
    const db = openDatabase(`${dataDir}/puente.sqlite`);
    new UserStore(db).create({ email: 'drafter@example.org', name: 'Dana', passwordHash: await hashPassword('correct horse battery'), role: 'admin', jurisdictions: [] });
    db.close();

    let proc = await spawnServer(dataDir);
    const login = await apiCall<{ token: string }>(proc, null, 'POST', '/api/session', { email: 'drafter@example.org', password: 'correct horse battery' });
    expect(login.status).toBe(200);
    const token = login.body.token;
    const { body: doc } = await apiCall<{ id: string }>(proc, token, 'POST', '/api/documents', {});

    const writer = connectClient(proc.url, doc.id, token);
    const watcher = connectClient(proc.url, doc.id, token);
    await Promise.all([writer.synced(), watcher.synced()]);
    typeText(writer.doc, 'en', 'Proceeds of trafficking are subject to forfeiture.');
    await writer.allAcked();
    // Everything the watcher saw came after the server had it on disk.
    await eventually(() => provisionText(watcher.doc, 'en').toString() === 'Proceeds of trafficking are subject to forfeiture.', 'watcher');
    // Keep typing while the server dies: what was acknowledged must survive.
    typeText(writer.doc, 'es', 'Los productos');
    await writer.allAcked();
    const acknowledged = provisionText(writer.doc, 'es').toString();
    await proc.kill('SIGKILL');
    typeText(writer.doc, 'es', ' del delito'); // typed while the server is down: kept by the client
    writer.provider.disconnect();
    watcher.destroy();

    proc = await spawnServer(dataDir);
    const after = await apiCall<BilingualContent>(proc, token, 'GET', `/api/documents/${doc.id}/content`);
    expect(provisionStrings(after.body.en)).toEqual(['Proceeds of trafficking are subject to forfeiture.']);
    expect(provisionStrings(after.body.es)).toEqual([acknowledged]);

    // The client reconnects to the new server and sends what it typed while it was down.
    (writer.provider as unknown as { serverUrl: string }).serverUrl = proc.url.replace(/^http/, 'ws') + '/collab';
    writer.provider.connect();
    await writer.synced();
    await writer.allAcked();
    const final = await apiCall<BilingualContent>(proc, token, 'GET', `/api/documents/${doc.id}/content`);
    expect(provisionStrings(final.body.es)).toEqual(['Los productos del delito']);
    writer.destroy();
    await proc.kill('SIGTERM');
  });
});
