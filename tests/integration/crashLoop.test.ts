import { describe, expect, it } from 'vitest';
import { apiCall, tempDataDir } from '../helpers/testServer';
import { spawnServer } from '../helpers/spawnServer';
import { connectClient } from '../helpers/yClient';
import { provisionStrings, provisionText } from '../helpers/billText';
import { prng } from '../helpers/prng';
import { openDatabase } from '../../server/storage/openDatabase';
import { UserStore } from '../../server/storage/UserStore';
import { hashPassword } from '../../server/auth/password';
import type { BilingualContent } from '../../client/shared/bill/yBill';

const ROUNDS = 20;

describe('SIGKILL at random moments while clients type', () => {
  it(`loses nothing acknowledged or seen by another client, over ${ROUNDS} kills`, async () => {
    const rand = prng(424242);
    const dataDir = tempDataDir();
    const db = openDatabase(`${dataDir}/puente.sqlite`);
    new UserStore(db).create({ email: 'a@example.org', name: 'A', passwordHash: await hashPassword('correct horse battery'), role: 'admin', jurisdictions: [] });
    db.close();
    // Compact often so that kills also land during snapshot writes.
    const env = { PUENTE_COMPACT_EVERY: '7', PUENTE_UNLOAD_GRACE_MS: '50' };
    let proc = await spawnServer(dataDir, env);
    const token = (await apiCall<{ token: string }>(proc, null, 'POST', '/api/session', { email: 'a@example.org', password: 'correct horse battery' })).body.token;
    const docId = (await apiCall<{ id: string }>(proc, token, 'POST', '/api/documents', {})).body.id;
    let durable = ''; // what must survive: acknowledged to the writer, or seen by the watcher

    for (let round = 0; round < ROUNDS; round++) {
      const writer = connectClient(proc.url, docId, token);
      const watcher = connectClient(proc.url, docId, token);
      await Promise.all([writer.synced(), watcher.synced()]);
      expect(provisionText(writer.doc, 'en').toString().startsWith(durable)).toBe(true);
      const typedAt: { seq: number; text: string }[] = [];
      const typing = setInterval(() => {
        const t = provisionText(writer.doc, 'en');
        t.insert(t.length, String.fromCharCode(97 + (round % 26)));
        typedAt.push({ seq: writer.counters().expected, text: t.toString() });
      }, 2);
      await new Promise((r) => setTimeout(r, 20 + rand() * 150));
      await proc.kill('SIGKILL');
      clearInterval(typing);
      const { acked } = writer.counters();
      const ackedText = [...typedAt].reverse().find((e) => e.seq <= acked)?.text ?? durable;
      const seen = provisionText(watcher.doc, 'en').toString();
      durable = ackedText.length > seen.length ? ackedText : seen;
      writer.destroy();
      watcher.destroy();

      proc = await spawnServer(dataDir, env);
      const content = (await apiCall<BilingualContent>(proc, token, 'GET', `/api/documents/${docId}/content`)).body;
      const onServer = provisionStrings(content.en)[0] ?? '';
      expect(onServer.startsWith(durable), `round ${round}: server has "${onServer.length}" chars, durable ${durable.length}`).toBe(true);
      durable = onServer;
    }
    expect(durable.length).toBeGreaterThan(ROUNDS);
    await proc.kill('SIGTERM');
  }, 180_000);
});
