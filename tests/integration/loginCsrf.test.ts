import { describe, expect, it } from 'vitest';
import { createUser, startTestServer } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';

const ATTACKER = { email: 'attacker@example.org', password: 'the attacker passphrase' };

/** A sign-in attempt as a browser or a script would send it. */
async function signIn(server: { url: string }, headers: Record<string, string>, body: string) {
  const res = await fetch(`${server.url}/api/session`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, cookie: res.headers.get('set-cookie'), body: JSON.parse(text) as { error?: { code: string; message: string }; token?: string } };
}

const sessionCount = (server: TestServer) => (server.services.db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n;

describe('sign-in refuses what another site could send (login CSRF)', () => {
  let server!: TestServer;
  withServerAndAdmin((s) => {
    server = s;
  });
  const json = JSON.stringify(ATTACKER);

  it("refuses another site's HTML form, urlencoded or text/plain, with 403 and signs nobody in", async () => {
    await createUser(server, 'reviewer', ATTACKER);
    const before = sessionCount(server);
    const urlencoded = await signIn(server, { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' }, new URLSearchParams(ATTACKER).toString());
    // <form enctype="text/plain"> with one field named `{"email":…,"x":"` and the value `"}` sends valid JSON.
    const textPlain = await signIn(server, { Origin: 'https://evil.example', 'Content-Type': 'text/plain' }, `${json.slice(0, -1)},"x":"="}`);
    const multipart = await signIn(server, { Origin: 'https://evil.example', 'Content-Type': 'multipart/form-data; boundary=x' }, `--x\r\nContent-Disposition: form-data; name="email"\r\n\r\n${ATTACKER.email}\r\n--x--\r\n`);
    // A page with Referrer-Policy: no-referrer sends "Origin: null".
    const opaque = await signIn(server, { Origin: 'null', 'Content-Type': 'application/x-www-form-urlencoded' }, new URLSearchParams(ATTACKER).toString());
    for (const res of [urlencoded, textPlain, multipart, opaque]) {
      expect(res).toEqual({ status: 403, cookie: null, body: { error: { code: 'forbidden', message: 'This request came from another site and was refused.' } } });
    }
    expect(sessionCount(server)).toBe(before);
  });

  it('refuses JSON from another origin with 403', async () => {
    const res = await signIn(server, { Origin: 'https://evil.example', 'Content-Type': 'application/json' }, json);
    expect(res).toEqual({ status: 403, cookie: null, body: { error: { code: 'forbidden', message: 'This request came from another site and was refused.' } } });
  });

  it('refuses a body that is not JSON with 415, in the caller’s language, even without an Origin', async () => {
    const before = sessionCount(server);
    const plain = await signIn(server, { 'Content-Type': 'text/plain', 'Accept-Language': 'es-MX' }, json);
    expect(plain).toEqual({ status: 415, cookie: null, body: { error: { code: 'unsupported_media_type', message: 'Esta solicitud debe enviarse en formato JSON (Content-Type: application/json).' } } });
    // A no-cors fetch may send this (its essence is text/plain), so "contains application/json" is not enough.
    const disguised = await signIn(server, { 'Content-Type': 'text/plain; charset=application/json' }, json);
    expect(disguised.status).toBe(415);
    expect(disguised.body.error).toEqual({ code: 'unsupported_media_type', message: 'This request must be sent as JSON (Content-Type: application/json).' });
    expect((await signIn(server, {}, json)).status).toBe(415);
    expect(sessionCount(server)).toBe(before);
  });

  it('signs in JSON from this site, and from scripts that send no Origin', async () => {
    const same = await signIn(server, { Origin: server.url, 'Content-Type': 'application/json; charset=utf-8' }, json);
    expect(same.status).toBe(200);
    expect(same.cookie).toMatch(/^puente_session=[^;]+; HttpOnly; SameSite=Lax; Path=\/; Max-Age=\d+/);
    const script = await signIn(server, { 'Content-Type': 'application/json' }, json);
    expect(script.status).toBe(200);
    expect(typeof script.body.token).toBe('string');
  });

  it('refuses cookie writes whose content type only mentions application/json in a parameter', async () => {
    const signedIn = await signIn(server, { 'Content-Type': 'application/json' }, json);
    const cookie = (signedIn.cookie ?? '').split(';')[0] as string;
    const res = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'text/plain; charset=application/json' }, body: '{}' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: 'This request came from another site and was refused.' } });
  });
});

describe('sign-in from a configured extra origin', () => {
  it('is accepted', async () => {
    const server = await startTestServer({ allowedOrigins: ['https://puente.example.gob.mx'] });
    try {
      await createUser(server, 'drafter', ATTACKER);
      const res = await signIn(server, { Origin: 'https://puente.example.gob.mx', 'Content-Type': 'application/json' }, JSON.stringify(ATTACKER));
      expect(res.status).toBe(200);
      expect((await signIn(server, { Origin: 'https://elsewhere.example', 'Content-Type': 'application/json' }, JSON.stringify(ATTACKER))).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});
