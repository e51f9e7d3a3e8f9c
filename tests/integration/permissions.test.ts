import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { apiCall, createUser } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient, eventually } from '../helpers/yClient';
import { provisionText, typeText } from '../helpers/billText';
import { CloseCode, MessageType } from '../../client/shared/collab/closeCodes';
import type { BilingualContent } from '../../client/shared/bill/yBill';

describe('permissions on the collaboration socket', () => {
  let server!: TestServer;
  let admin!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    admin = t;
  });

  async function variantFor(code: string): Promise<string> {
    const model = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body;
    return (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { modelId: model.id, jurisdiction: code })).body.id;
  }

  it("drops a reviewer's and another state's drafter's edits; the document is unchanged for everyone", async () => {
    const docId = await variantFor('MX-SON');
    const { token: reviewer } = await createUser(server, 'reviewer', { name: 'Rita Reviewer' });
    const { token: otherDrafter } = await createUser(server, 'drafter', { jurisdictions: ['US-CA'] });
    const { token: sonoraDrafter } = await createUser(server, 'drafter', { jurisdictions: ['MX-SON'] });
    const before = (await apiCall<BilingualContent>(server, admin, 'GET', `/api/documents/${docId}/content`)).body;

    const honest = connectClient(server.url, docId, sonoraDrafter);
    const r = connectClient(server.url, docId, reviewer);
    const o = connectClient(server.url, docId, otherDrafter);
    await Promise.all([honest.synced(), r.synced(), o.synced()]);
    const originalEs = provisionText(honest.doc, 'es').toString();

    typeText(r.doc, 'es', ' (texto del revisor)');
    typeText(o.doc, 'en', ' (California edit)');
    await Promise.all([r.allAcked(), o.allAcked()]);
    // The readers stay connected and still receive the honest drafter's edits.
    typeText(honest.doc, 'es', ' Fin.');
    await honest.allAcked();
    await eventually(() => provisionText(r.doc, 'es').toString().includes('Fin.'), 'reviewer receives updates');
    expect(provisionText(honest.doc, 'es').toString()).toBe(`${originalEs} Fin.`);
    expect(provisionText(honest.doc, 'en').toString()).not.toContain('California');

    const after = (await apiCall<BilingualContent>(server, admin, 'GET', `/api/documents/${docId}/content`)).body;
    expect(JSON.stringify(after.en)).toBe(JSON.stringify(before.en));
    expect(JSON.stringify(after.es)).not.toContain('revisor');
    for (const c of [honest, r, o]) c.destroy();
  });

  it("stamps the server's identity on a reader's presence", async () => {
    const docId = await variantFor('MX-CHH');
    const { token: reviewer, user } = await createUser(server, 'reviewer', { name: 'Rita Reviewer' });
    const r = connectClient(server.url, docId, reviewer);
    const watcher = connectClient(server.url, docId, admin);
    await Promise.all([r.synced(), watcher.synced()]);
    r.provider.awareness.setLocalStateField('user', { name: 'The Administrator', color: '#000', id: 'forged' });
    await eventually(() => [...watcher.provider.awareness.getStates().values()].some((s) => (s.user as { id?: string } | undefined)?.id === user.id), 'presence arrives');
    const seen = [...watcher.provider.awareness.getStates().values()].map((s) => s.user as { id: string; name: string; role: string } | undefined).find((u) => u?.id === user.id);
    expect(seen).toMatchObject({ id: user.id, name: 'Rita Reviewer', role: 'reviewer' });
    r.destroy();
    watcher.destroy();
  });

  it('turns an open socket read-only at once when a permission is revoked mid-session, and closes it when the account is disabled', async () => {
    const docId = await variantFor('US-NM');
    const { token, user } = await createUser(server, 'drafter', { jurisdictions: ['US-NM'] });
    const client = connectClient(server.url, docId, token);
    const access: { canWrite: boolean; reason: string | null }[] = [];
    client.provider.messageHandlers[MessageType.Access] = (_e, d) => { access.push(JSON.parse(decoding.readVarString(d)) as { canWrite: boolean; reason: string | null }); };
    await client.synced();
    typeText(client.doc, 'en', 'x');
    await client.allAcked();
    const res = await apiCall<{ closedConnections: number }>(server, admin, 'PATCH', `/api/users/${user.id}`, { jurisdictions: ['US-AZ'] });
    expect(res.status).toBe(200);
    expect(res.body.closedConnections).toBe(0);
    await eventually(() => access.length === 1, 'access message', 1000);
    expect(access).toEqual([{ canWrite: false, reason: 'jurisdiction' }]);
    typeText(client.doc, 'en', 'QQQ');
    await client.allAcked();
    expect(JSON.stringify((await apiCall(server, admin, 'GET', `/api/documents/${docId}/content`)).body)).not.toContain('QQQ');
    client.destroy();

    // Disabling the account ends its session: the next connection is refused as unauthenticated.
    const again = connectClient(server.url, docId, token);
    await again.synced();
    await apiCall(server, admin, 'PATCH', `/api/users/${user.id}`, { disabled: true });
    expect((await again.closeEvent()).code).toBe(CloseCode.Unauthenticated);
    again.destroy();
    expect((await apiCall(server, token, 'GET', '/api/documents')).status).toBe(401);
  });

  it('refuses user administration to non-admins', async () => {
    const { token } = await createUser(server, 'drafter');
    expect((await apiCall(server, token, 'GET', '/api/users')).status).toBe(403);
    expect((await apiCall(server, token, 'GET', '/api/audit')).status).toBe(403);
    const audit = await apiCall<{ action: string }[]>(server, admin, 'GET', '/api/audit');
    expect(audit.body.map((a) => a.action)).toEqual(expect.arrayContaining(['session.create', 'document.create', 'user.update', 'document.edit']));
  });
});
