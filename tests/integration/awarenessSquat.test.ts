import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { apiCall, createUser, startTestServer } from '../helpers/testServer';
import { connectClient, eventually, type TestClient } from '../helpers/yClient';
import { MessageType } from '../../client/shared/collab/closeCodes';
import { encodeAwarenessUpdate, type AwarenessEntry } from '../../server/collab/awarenessIdentity';
import type { User } from '../../server/storage/UserStore';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** A y-websocket awareness message carrying exactly these entries, whatever their clocks and ids. */
function awarenessMessage(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(entries));
  return encoding.toUint8Array(encoder);
}

/** A raw socket that speaks for whatever awareness ids it likes. */
async function rawSocket(server: Server, docId: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/${docId}?token=${token}`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

interface SeenState { cursor?: { at: string }; user?: { id: string; name: string } }
const seen = (client: TestClient, clientId: number) => client.provider.awareness.getStates().get(clientId) as SeenState | undefined;

describe('an awareness client id belongs to the user who first claimed it', () => {
  let server: Server;
  let admin: { user: User; token: string };
  let reviewer: { user: User; token: string };
  let watcherToken: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await createUser(server, 'admin', { name: 'Ana Admin' });
    reviewer = await createUser(server, 'reviewer', { name: 'Rita Reviewer' });
    watcherToken = (await createUser(server, 'drafter', { name: 'Luis Redactor' })).token;
  });
  afterAll(() => server.close());

  it("refuses a reviewer's claim on the id of an admin who briefly disconnected; the admin takes it back on reconnecting", async () => {
    const docId = (await apiCall<{ id: string }>(server, admin.token, 'POST', '/api/documents', {})).body.id;
    const a = connectClient(server.url, docId, admin.token);
    const watcher = connectClient(server.url, docId, watcherToken);
    await Promise.all([a.synced(), watcher.synced()]);
    const adminId = a.doc.clientID;
    a.provider.awareness.setLocalStateField('cursor', { at: 'admin' });
    await eventually(() => seen(watcher, adminId)?.cursor?.at === 'admin', "the admin's presence");

    a.provider.disconnect();
    await eventually(() => seen(watcher, adminId) === undefined, "the admin's presence to go");

    // The reviewer speaks for the admin's id with a clock far ahead, then for its own id, which
    // tells when the server has handled the first message.
    const squatter = await rawSocket(server, docId, reviewer.token);
    const reviewerId = adminId + 1;
    squatter.send(awarenessMessage([{ clientId: adminId, clock: 1000, state: { cursor: { at: 'reviewer' } } }]));
    squatter.send(awarenessMessage([{ clientId: reviewerId, clock: 1, state: { cursor: { at: 'reviewer, own id' } } }]));
    await eventually(() => seen(watcher, reviewerId)?.cursor?.at === 'reviewer, own id', "the reviewer's own presence");
    expect(seen(watcher, adminId)).toBeUndefined();
    expect(seen(watcher, reviewerId)?.user).toEqual({ id: reviewer.user.id, name: 'Rita Reviewer', color: expect.any(String), role: 'reviewer' });
    // A removal far ahead would make the server ignore the admin's own clock: refused too.
    squatter.send(awarenessMessage([{ clientId: adminId, clock: 2000, state: null }]));

    // Back from the disconnect, with the clock it left with: the admin's presence is back at once.
    a.provider.connect();
    await eventually(() => seen(watcher, adminId)?.cursor?.at === 'admin', "the admin's presence to come back", 3000);
    expect(seen(watcher, adminId)?.user).toEqual({ id: admin.user.id, name: 'Ana Admin', color: expect.any(String), role: 'admin' });

    // While the admin is here, the claim is refused just the same.
    squatter.send(awarenessMessage([{ clientId: adminId, clock: 5000, state: { cursor: { at: 'reviewer again' } } }]));
    squatter.send(awarenessMessage([{ clientId: reviewerId, clock: 2, state: { cursor: { at: 'reviewer, second try' } } }]));
    await eventually(() => seen(watcher, reviewerId)?.cursor?.at === 'reviewer, second try', "the reviewer's second update");
    expect(seen(watcher, adminId)).toEqual({ cursor: { at: 'admin' }, user: { id: admin.user.id, name: 'Ana Admin', color: expect.any(String), role: 'admin' } });
    squatter.close();
    a.destroy();
    watcher.destroy();
  });

  it('lets one connection speak for at most 8 ids', async () => {
    const docId = (await apiCall<{ id: string }>(server, admin.token, 'POST', '/api/documents', {})).body.id;
    const watcher = connectClient(server.url, docId, watcherToken);
    await watcher.synced();
    const flooder = await rawSocket(server, docId, reviewer.token);
    const ids = Array.from({ length: 20 }, (_, i) => 900_000 + i);
    flooder.send(awarenessMessage(ids.map((clientId) => ({ clientId, clock: 1, state: { cursor: { at: `id ${clientId}` } } }))));
    await eventually(() => seen(watcher, ids[7] as number) !== undefined, 'the first ids');
    await new Promise((r) => setTimeout(r, 200));
    expect(ids.filter((id) => seen(watcher, id) !== undefined)).toEqual(ids.slice(0, 8));
    flooder.close();
    watcher.destroy();
  });
});
