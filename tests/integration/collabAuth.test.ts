import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { apiCall } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient } from '../helpers/yClient';
import { CloseCode } from '../../client/shared/collab/closeCodes';

/** Opens a raw socket and resolves with its close code (or the HTTP status of a refused upgrade). */
function rawConnect(url: string, headers: Record<string, string> = {}): Promise<{ code?: number; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('close', (code) => resolve({ code }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.on('error', () => undefined);
  });
}

describe('who may open the collaboration socket', () => {
  let server!: TestServer;
  let token!: string;
  let docId: string;
  withServerAndAdmin((s, t) => {
    server = s;
    token = t;
  });
  beforeAll(async () => {
    docId = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', {})).body.id;
  });
  const wsUrl = (path: string) => server.url.replace(/^http/, 'ws') + path;

  it('closes a connection without a token with 4401', async () => {
    const client = connectClient(server.url, docId, null);
    expect((await client.closeEvent()).code).toBe(CloseCode.Unauthenticated);
    client.destroy();
  });

  it('closes a connection with an invalid token with 4401', async () => {
    expect(await rawConnect(wsUrl(`/collab/${docId}?token=not-a-session`))).toEqual({ code: CloseCode.Unauthenticated });
  });

  it('closes a connection to an unknown document with 4404', async () => {
    expect(await rawConnect(wsUrl(`/collab/00000000-0000-4000-8000-000000000000?token=${token}`))).toEqual({ code: CloseCode.NotFound });
    expect(await rawConnect(wsUrl(`/collab/..%2F..%2Fetc%2Fpasswd?token=${token}`))).toEqual({ code: CloseCode.NotFound });
  });

  it('accepts the session cookie instead of a token', async () => {
    const ws = new WebSocket(wsUrl(`/collab/${docId}`), { headers: { Cookie: `puente_session=${token}` } });
    const first = await new Promise<Buffer>((resolve, reject) => {
      ws.once('message', (data) => resolve(data as Buffer));
      ws.once('close', (code) => reject(new Error(`closed ${code}`)));
    });
    expect(first[0]).toBe(0); // sync step 1 from the server
    ws.close();
  });

  it('refuses an upgrade from another site', async () => {
    expect(await rawConnect(wsUrl(`/collab/${docId}?token=${token}`), { Origin: 'https://evil.example' })).toEqual({ status: 403 });
  });

  it('refuses upgrades on other paths', async () => {
    expect(await rawConnect(wsUrl(`/elsewhere?token=${token}`))).toEqual({ status: 404 });
  });
});
