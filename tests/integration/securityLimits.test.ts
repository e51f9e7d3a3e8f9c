import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import Database from 'better-sqlite3';
import { apiCall, createUser, startTestServer } from '../helpers/testServer';
import { CloseCode } from '../../client/shared/collab/closeCodes';

describe('limits and checks', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: string;
  let email: string;
  beforeAll(async () => {
    server = await startTestServer({ messageRate: 5, messageBurst: 20 });
    const created = await createUser(server, 'admin', { email: 'limits@example.org' });
    admin = created.token;
    email = created.user.email;
  });
  afterAll(() => server.close());

  it('sends security headers, a Content-Security-Policy among them, on pages and API answers', async () => {
    for (const p of ['/', '/healthz', '/api/documents']) {
      const res = await fetch(`${server.url}${p}`);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('sets an HttpOnly session cookie and refuses cookie-authenticated writes from another site', async () => {
    const res = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery' }) });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^puente_session=[^;]+; HttpOnly; SameSite=Lax; Path=\/; Max-Age=\d+/);
    const session = cookie.split(';')[0] as string;
    const cross = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: { Cookie: session, Origin: 'https://evil.example', 'Content-Type': 'application/json' }, body: '{}' });
    expect(cross.status).toBe(403);
    expect(((await cross.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const form = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: { Cookie: session, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=b' });
    expect(form.status).toBe(403);
    const same = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: { Cookie: session, Origin: server.url, 'Content-Type': 'application/json' }, body: '{}' });
    expect(same.status).toBe(201);
  });

  it('ends a session on sign-out', async () => {
    const { token } = await createUser(server, 'drafter');
    expect((await apiCall(server, token, 'GET', '/api/me')).status).toBe(200);
    expect((await apiCall(server, token, 'DELETE', '/api/session')).status).toBe(200);
    expect((await apiCall(server, token, 'GET', '/api/me')).status).toBe(401);
  });

  it('rate-limits failed sign-ins', async () => {
    const { user } = await createUser(server, 'reviewer', { email: 'victim@example.org' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await apiCall(server, null, 'POST', '/api/session', { email: user.email, password: `guess ${i}` })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Even the right password is refused while the limit holds.
    expect((await apiCall(server, null, 'POST', '/api/session', { email: user.email, password: 'correct horse battery' })).status).toBe(429);
  });

  it('closes a socket that floods messages with 4429', async () => {
    const doc = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', {})).body.id;
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/${doc}?token=${admin}`);
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.once('close', (c) => r(c)));
    for (let i = 0; i < 100; i++) ws.send(Uint8Array.from([3])); // query awareness: harmless alone, not a hundred at once
    expect(await closed).toBe(CloseCode.RateLimited);
  });

  it('refuses path tricks and unknown routes with JSON errors', async () => {
    expect((await apiCall(server, admin, 'GET', '/api/documents/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await apiCall(server, admin, 'GET', '/api/nothing-here')).status).toBe(404);
    expect((await apiCall(server, admin, 'PATCH', '/api/documents')).status).toBe(405);
    const res = await fetch(`${server.url}/../../etc/passwd`);
    expect(await res.text()).not.toContain('root:');
  });

  it('backs up a consistent copy of the database while the server runs', async () => {
    const file = path.join(server.dataDir, 'backup.sqlite');
    execFileSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'backup', file], { cwd: path.resolve(__dirname, '../..'), env: { ...process.env, DATA_DIR: server.dataDir } });
    expect(fs.existsSync(file)).toBe(true);
    const copy = new Database(file, { readonly: true });
    const docs = copy.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number };
    const users = copy.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number };
    copy.close();
    expect(docs.n).toBe(server.services.documents.list().length);
    expect(users.n).toBe(server.services.users.list().length);
  });
});
