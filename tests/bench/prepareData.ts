import * as Y from 'yjs';
import { loadConfig } from '../../server/config';
import { createServices } from '../../server/services';
import { createDocument } from '../../server/documents/createDocument';
import { hashPassword } from '../../server/auth/password';
import type { BilingualContent } from '../../client/shared/bill/yBill';
import { tempDataDir } from '../helpers/testServer';

/** A data directory with an admin account and documents with the given contents; returns their ids. */
export async function prepareData(contents: BilingualContent[], extraUpdates: (Uint8Array | null)[] = []): Promise<{ dataDir: string; email: string; password: string; docIds: string[] }> {
  const dataDir = tempDataDir();
  const services = createServices(loadConfig({}, { dataDir }), () => undefined);
  const email = 'bench@example.org';
  const password = 'bench password 1';
  const user = services.users.create({ email, name: 'Bench', passwordHash: await hashPassword(password), role: 'admin', jurisdictions: [] });
  const docIds = contents.map((content, i) => {
    const doc = createDocument(services, user, { kind: 'model', docType: 'act', templateId: null, title: { en: `Bench ${i}`, es: `Prueba ${i}` }, jurisdiction: null, modelId: null, modelVersion: null, content });
    const extra = extraUpdates[i];
    if (extra) {
      // Fold the document and the extra edits into one snapshot, as compaction would.
      const stored = services.updates.load(doc.id);
      const ydoc = new Y.Doc();
      for (const u of stored.updates) Y.applyUpdate(ydoc, u);
      Y.applyUpdate(ydoc, extra);
      const id = services.updates.append(doc.id, extra, null);
      services.updates.compact(doc.id, Y.encodeStateAsUpdate(ydoc), id);
      ydoc.destroy();
    }
    return doc.id;
  });
  services.db.close();
  return { dataDir, email, password, docIds };
}
