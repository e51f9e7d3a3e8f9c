import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiCall } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient, eventually } from '../helpers/yClient';
import { provisionText } from '../helpers/billText';
import { readBilingualContent, META_MAP } from '../../client/shared/bill/yBill';
import { ALIGNMENT_KEY, EDITS_KEY, alignmentStatus, confirmInStep, recordEdit, sectionTexts, type AlignmentStatus, type Baseline, type LastEdits } from '../../client/shared/bill/alignment';

/** The flags a client computes from its copy of the shared document. */
function flags(doc: Y.Doc): Map<string, AlignmentStatus> {
  const content = readBilingualContent(doc);
  const meta = doc.getMap(META_MAP);
  return alignmentStatus(
    content.en,
    content.es,
    ((meta.get(ALIGNMENT_KEY) as Y.Map<unknown>).toJSON() ?? {}) as Record<string, Baseline>,
    ((meta.get(EDITS_KEY) as Y.Map<unknown> | undefined)?.toJSON() ?? {}) as Record<string, LastEdits>,
  );
}
const flagged = (m: Map<string, AlignmentStatus>) => [...m].filter(([, s]) => s.state !== 'inStep').map(([id, s]) => [id, s.state === 'outdated' ? `${s.outdated} outdated` : s.state]);

describe('outdated-counterpart flags in the shared document', () => {
  let server!: TestServer;
  let token!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    token = t;
  });

  it('flag exactly the edited section, in the other language, for every client; confirming clears them', async () => {
    const docId = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
    const a = connectClient(server.url, docId, token);
    const b = connectClient(server.url, docId, token);
    await Promise.all([a.synced(), b.synced()]);
    expect(flagged(flags(a.doc))).toEqual([]);

    // A edits the English of the first section ("short-title").
    provisionText(a.doc, 'en').insert(0, 'Amended: ');
    recordEdit(a.doc, 'short-title', 'en', 'A');
    await a.allAcked();
    await eventually(() => flagged(flags(b.doc)).length === 1, 'b sees the flag');
    expect(flagged(flags(b.doc))).toEqual([['short-title', 'es outdated']]);
    expect(flagged(flags(a.doc))).toEqual([['short-title', 'es outdated']]);

    // B confirms the Spanish is still accurate: the flag clears for both.
    const content = readBilingualContent(b.doc);
    confirmInStep(b.doc, 'short-title', sectionTexts(content.en).get('short-title') ?? '', sectionTexts(content.es).get('short-title') ?? '', 'B');
    await b.allAcked();
    await eventually(() => flagged(flags(a.doc)).length === 0, 'a sees it cleared');

    // The reverse: B edits the Spanish, the English is flagged.
    provisionText(b.doc, 'es').insert(0, 'Reformado: ');
    await b.allAcked();
    await eventually(() => flagged(flags(a.doc)).length === 1, 'a sees the reverse flag');
    expect(flagged(flags(a.doc))).toEqual([['short-title', 'en outdated']]);

    // Flags survive a reload: a new client sees the same.
    const c = connectClient(server.url, docId, token);
    await c.synced();
    expect(flagged(flags(c.doc))).toEqual([['short-title', 'en outdated']]);
    for (const x of [a, b, c]) x.destroy();
  });
});
