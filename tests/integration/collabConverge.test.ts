import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createUser, startTestServer } from '../helpers/testServer';
import { connectClient, eventually, type TestClient } from '../helpers/yClient';
import { provisionStrings, provisionText, typeText } from '../helpers/billText';
import type { BilingualContent } from '../../client/shared/bill/yBill';

describe('two real y-websocket clients on one document', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  let docId: string;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    ({ token } = await createUser(server, 'admin'));
    const created = await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { title: { en: 'Test Act', es: 'Ley de Prueba' } });
    expect(created.status).toBe(201);
    docId = created.body.id;
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server.close();
  });

  it('converge on the same text in both languages, and a late joiner receives all of it', async () => {
    const a = connectClient(server.url, docId, token);
    const b = connectClient(server.url, docId, token);
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);

    typeText(a.doc, 'en', 'The Attorney General may bring an action.');
    await a.allAcked();
    await eventually(() => provisionText(b.doc, 'en').toString() === 'The Attorney General may bring an action.', 'b sees a');
    typeText(b.doc, 'es', 'El Fiscal General podrá ejercitar la acción.');
    await b.allAcked();
    await eventually(() => provisionText(a.doc, 'es').toString() === 'El Fiscal General podrá ejercitar la acción.', 'a sees b');

    // Concurrent typing into the same paragraph from both sides.
    provisionText(a.doc, 'en').insert(0, 'A: ');
    provisionText(b.doc, 'en').insert(provisionText(b.doc, 'en').length, ' (B)');
    await Promise.all([a.allAcked(), b.allAcked()]);
    await eventually(() => provisionText(a.doc, 'en').toString() === provisionText(b.doc, 'en').toString() && provisionText(a.doc, 'en').toString().includes('(B)') && provisionText(b.doc, 'en').toString().startsWith('A: '), 'convergence');
    expect(provisionText(a.doc, 'en').toString()).toBe('A: The Attorney General may bring an action. (B)');

    const late = connectClient(server.url, docId, token);
    clients.push(late);
    await late.synced();
    expect(provisionText(late.doc, 'en').toString()).toBe('A: The Attorney General may bring an action. (B)');
    expect(provisionText(late.doc, 'es').toString()).toBe('El Fiscal General podrá ejercitar la acción.');

    const content = await apiCall<BilingualContent>(server, token, 'GET', `/api/documents/${docId}/content`);
    expect(content.status).toBe(200);
    expect(provisionStrings(content.body.en)).toEqual(['A: The Attorney General may bring an action. (B)']);
    expect(provisionStrings(content.body.es)).toEqual(['El Fiscal General podrá ejercitar la acción.']);
    const enSection = content.body.en.content?.[1];
    const esSection = content.body.es.content?.[1];
    expect(enSection?.type).toBe('section');
    expect(enSection?.attrs?.sectionId).toBe(esSection?.attrs?.sectionId);
  });
});
