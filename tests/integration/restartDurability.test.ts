import { describe, expect, it } from 'vitest';
import { apiCall, createUser, startTestServer, tempDataDir } from '../helpers/testServer';
import { connectClient } from '../helpers/yClient';
import { provisionStrings, provisionText, typeText } from '../helpers/billText';
import type { BilingualContent } from '../../client/shared/bill/yBill';

describe('restarting the server', () => {
  it('keeps every acknowledged update after a clean stop, including compaction into a snapshot', async () => {
    const dataDir = tempDataDir();
    let server = await startTestServer({ compactEvery: 25 }, dataDir);
    const { token } = await createUser(server, 'admin', { email: 'ana@example.org' });
    const { body: doc } = await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', {});
    const client = connectClient(server.url, doc.id, token);
    await client.synced();
    typeText(client.doc, 'en', 'Sixty characters of statutory text typed one key at a time..');
    typeText(client.doc, 'es', 'Texto en español con acentos: extinción, artículo, año.');
    await client.allAcked();
    client.destroy();
    await server.close();

    server = await startTestServer({ compactEvery: 25 }, dataDir);
    // The same account and session survive the restart.
    const content = await apiCall<BilingualContent>(server, token, 'GET', `/api/documents/${doc.id}/content`);
    expect(content.status).toBe(200);
    expect(provisionStrings(content.body.en)).toEqual(['Sixty characters of statutory text typed one key at a time..']);
    expect(provisionStrings(content.body.es)).toEqual(['Texto en español con acentos: extinción, artículo, año.']);
    const snapshots = server.services.db.prepare('SELECT COUNT(*) AS n FROM doc_snapshots WHERE doc_id = ?').get(doc.id) as { n: number };
    expect(snapshots.n).toBe(1);
    const late = connectClient(server.url, doc.id, token);
    await late.synced();
    expect(provisionText(late.doc, 'es').toString()).toBe('Texto en español con acentos: extinción, artículo, año.');
    late.destroy();
    await server.close();
  });
});
