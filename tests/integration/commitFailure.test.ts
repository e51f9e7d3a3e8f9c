import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createUser, emptyTemplatesDir, startTestServer } from '../helpers/testServer';
import { connectClient, eventually } from '../helpers/yClient';
import { provisionStrings, provisionText, typeText } from '../helpers/billText';
import { CloseCode } from '../../client/shared/collab/closeCodes';
import type { BilingualContent } from '../../client/shared/bill/yBill';

describe('an update SQLite refuses to store', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  let docId: string;
  beforeAll(async () => {
    server = await startTestServer({ templatesDir: emptyTemplatesDir() });
    token = (await createUser(server, 'admin')).token;
    docId = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', {})).body.id;
  });
  afterAll(() => server.close());

  it('reaches nobody and is not acknowledged; the clients reconnect and it is stored once SQLite accepts again', async () => {
    const writer = connectClient(server.url, docId, token);
    const reader = connectClient(server.url, docId, token);
    await Promise.all([writer.synced(), reader.synced()]);
    typeText(writer.doc, 'en', 'a');
    await writer.allAcked();
    await eventually(() => provisionText(reader.doc, 'en').toString() === 'a', 'the reader to see the first keystroke');

    server.services.db.exec("CREATE TRIGGER refuse_updates BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    let readerSawAtClose = '';
    reader.provider.once('connection-close', () => (readerSawAtClose = provisionText(reader.doc, 'en').toString()));
    typeText(writer.doc, 'en', 'b');
    expect((await writer.closeEvent()).code).toBe(CloseCode.ServerError);
    expect((await reader.closeEvent()).code).toBe(CloseCode.ServerError);
    expect(readerSawAtClose).toBe('a');
    expect(writer.counters().acked).toBeLessThan(writer.counters().expected);

    server.services.db.exec('DROP TRIGGER refuse_updates');
    await eventually(() => writer.provider.synced && reader.provider.synced, 'both clients to reconnect and sync', 10_000);
    await writer.allAcked();
    await eventually(() => provisionText(reader.doc, 'en').toString() === 'ab', 'the reader to get the keystroke sent again');
    const content = (await apiCall<BilingualContent>(server, token, 'GET', `/api/documents/${docId}/content`)).body;
    expect(provisionStrings(content.en)).toEqual(['ab']);
    writer.destroy();
    reader.destroy();
  }, 30_000);
});
