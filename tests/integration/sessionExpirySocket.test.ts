import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createUser, startTestServer } from '../helpers/testServer';
import { connectClient, eventually } from '../helpers/yClient';
import { typeText } from '../helpers/billText';
import { CloseCode } from '../../client/shared/collab/closeCodes';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const PASSWORD = 'correct horse battery';

async function signIn(server: Server, email: string): Promise<{ token: string; expiresAt: number }> {
  const res = await apiCall<{ token: string; expiresAt: string }>(server, null, 'POST', '/api/session', { email, password: PASSWORD });
  expect(res.status).toBe(200);
  return { token: res.body.token, expiresAt: Date.parse(res.body.expiresAt) };
}

/** The document's text as the server serves it, read with a fresh session. */
async function served(server: Server, email: string, docId: string): Promise<string> {
  const { token } = await signIn(server, email);
  const res = await apiCall(server, token, 'GET', `/api/documents/${docId}/content`);
  expect(res.status).toBe(200);
  return JSON.stringify(res.body);
}

describe('a session that expires closes its open sockets', () => {
  const LIFETIME_MS = 2000;
  let server: Server;
  let email: string;
  beforeAll(async () => {
    server = await startTestServer({ sessionTtlMs: LIFETIME_MS });
    email = (await createUser(server, 'admin')).user.email;
  });
  afterAll(() => server.close());

  it('closes the socket with 4401 when the session ends; what is typed afterwards never reaches the document', async () => {
    const creator = await signIn(server, email);
    const docId = (await apiCall<{ id: string }>(server, creator.token, 'POST', '/api/documents', {})).body.id;
    const session = await signIn(server, email);
    const client = connectClient(server.url, docId, session.token);
    await client.synced();
    typeText(client.doc, 'en', 'before expiry');
    await client.allAcked();

    const close = await client.closeEvent();
    const closedAt = Date.now();
    expect(close).toEqual({ code: CloseCode.Unauthenticated, reason: 'session expired' });
    expect(closedAt).toBeGreaterThanOrEqual(session.expiresAt);
    expect(closedAt - session.expiresAt).toBeLessThan(1000);
    expect((await apiCall(server, session.token, 'GET', '/api/me')).status).toBe(401);

    typeText(client.doc, 'en', ' after expiry');
    // A new socket with the expired token is refused too (y-websocket does not retry after 44xx: ask it to).
    client.provider.connect();
    await new Promise((r) => setTimeout(r, 500));
    const text = await served(server, email, docId);
    expect(text).toContain('before expiry');
    expect(text).not.toContain('after expiry');
    await eventually(() => server.services.connections.count() === 0, 'the server to drop the closed socket');
    client.destroy();
  });

  it('refuses a message sent on a socket after its session ended, even before the timer closes it', async () => {
    const creator = await signIn(server, email);
    const docId = (await apiCall<{ id: string }>(server, creator.token, 'POST', '/api/documents', {})).body.id;
    const session = await signIn(server, email);
    const client = connectClient(server.url, docId, session.token);
    await client.synced();
    const [conn] = [...server.services.connections].filter((c) => c.token === session.token);
    if (!conn) throw new Error('connection not tracked');
    // The session ends on the server's clock now; the socket's timer has not fired yet.
    conn.expiresAt = Date.now() - 1;
    typeText(client.doc, 'en', 'too late');
    expect(await client.closeEvent()).toEqual({ code: CloseCode.Unauthenticated, reason: 'session expired' });
    expect(await served(server, email, docId)).not.toContain('too late');
    client.destroy();
  });
});

describe('a session that is revoked closes its open sockets at once', () => {
  let server: Server;
  let adminToken: string;
  beforeAll(async () => {
    server = await startTestServer();
    adminToken = (await createUser(server, 'admin')).token;
  });
  afterAll(() => server.close());

  it('on sign-out: that session’s socket closes with 4401, the same user’s other session stays', async () => {
    const docId = (await apiCall<{ id: string }>(server, adminToken, 'POST', '/api/documents', {})).body.id;
    const { user } = await createUser(server, 'drafter');
    const leaving = await signIn(server, user.email);
    const staying = await signIn(server, user.email);
    const a = connectClient(server.url, docId, leaving.token);
    const b = connectClient(server.url, docId, staying.token);
    await Promise.all([a.synced(), b.synced()]);
    expect((await apiCall(server, leaving.token, 'DELETE', '/api/session')).status).toBe(200);
    expect(await a.closeEvent()).toEqual({ code: CloseCode.Unauthenticated, reason: 'session ended' });
    await eventually(() => server.services.connections.count() === 1, 'the server to drop the closed socket');
    expect([...server.services.connections].map((c) => c.token)).toEqual([staying.token]);
    expect(b.provider.wsconnected).toBe(true);
    a.destroy();
    b.destroy();
  });

  it('on a password change by an admin: every socket of that user closes with 4401', async () => {
    const docId = (await apiCall<{ id: string }>(server, adminToken, 'POST', '/api/documents', {})).body.id;
    const { user, token } = await createUser(server, 'drafter');
    const client = connectClient(server.url, docId, token);
    await client.synced();
    const res = await apiCall<{ closedConnections: number }>(server, adminToken, 'PATCH', `/api/users/${user.id}`, { password: 'a brand new passphrase' });
    expect(res.body.closedConnections).toBe(1);
    expect((await client.closeEvent()).code).toBe(CloseCode.Unauthenticated);
    client.destroy();
  });
});
