import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { apiCall, createUser, emptyTemplatesDir, startTestServer } from '../helpers/testServer';
import { eventually } from '../helpers/yClient';
import { CloseCode } from '../../client/shared/collab/closeCodes';

/** Opens a collaboration socket; resolves once it is in the room (greeted) or with how it was closed. */
function open(server: { url: string }, docId: string, token: string): Promise<{ ws: WebSocket; closed: { code: number; reason: string } | null }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/${docId}?token=${token}`);
    ws.once('message', () => resolve({ ws, closed: null }));
    ws.once('close', (code, reason) => resolve({ ws, closed: { code, reason: reason.toString() } }));
  });
}

describe('connection limits', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: string;
  const docs: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({ maxConnectionsPerUser: 4, maxDocumentsPerUser: 2, maxConnectionsPerAddress: 6, templatesDir: emptyTemplatesDir() });
    admin = (await createUser(server, 'admin')).token;
    for (let i = 0; i < 3; i++) docs.push((await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', {})).body.id);
  });
  afterAll(() => server.close());

  const openCount = () => server.services.connections.count();

  it('refuses a user more documents, then more sockets, than allowed with 4529, and admits again once one closes', async () => {
    const [a, b, c] = docs as [string, string, string];
    const first = await Promise.all([open(server, a, admin), open(server, a, admin), open(server, b, admin)]);
    expect(first.map((r) => r.closed)).toEqual([null, null, null]);

    // A third document is one too many; more sockets on the two open ones are fine up to four.
    expect((await open(server, c, admin)).closed).toEqual({ code: CloseCode.TooManyConnections, reason: 'too many documents open' });
    const fourth = await open(server, b, admin);
    expect(fourth.closed).toBeNull();
    expect((await open(server, a, admin)).closed).toEqual({ code: CloseCode.TooManyConnections, reason: 'too many connections for this user' });

    // Closing every socket on document b frees a document and two sockets.
    first[2]?.ws.close();
    fourth.ws.close();
    await eventually(() => openCount() === 2, 'the server to drop the closed sockets');
    const again = await open(server, c, admin);
    expect(again.closed).toBeNull();
    for (const r of [...first, again]) r.ws.close();
    await eventually(() => openCount() === 0, 'every socket closed');
  });

  it('refuses more sockets from one address than allowed, whoever opens them', async () => {
    const users = [admin, (await createUser(server, 'admin')).token, (await createUser(server, 'admin')).token];
    const opened = [];
    for (let i = 0; i < 6; i++) opened.push(await open(server, docs[0] as string, users[i % 3] as string));
    expect(opened.map((r) => r.closed)).toEqual(Array(6).fill(null));
    expect((await open(server, docs[0] as string, users[0] as string)).closed).toEqual({ code: CloseCode.TooManyConnections, reason: 'too many connections from this address' });
    for (const r of opened) r.ws.close();
    await eventually(() => openCount() === 0, 'every socket closed');
  });
});
