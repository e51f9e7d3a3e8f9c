import { describe, expect, it } from 'vitest';
import { apiCall } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient } from '../helpers/yClient';
import { provisionText } from '../helpers/billText';
import { deleteBlock } from '../../client/shared/layout';
import type { LabelledComparison } from '../../client/shared/compare/labelComparison';

interface Side { id: string; versionId: string | null; versionName: string | null; docType: string }
type CompareBody = LabelledComparison & { left: Side; right: Side };

describe('the redline names sections, provisions and versions as people read them', () => {
  let server!: TestServer;
  let admin!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    admin = t;
  });

  const create = async (body: unknown) => (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', body)).body.id;
  const compare = async (left: string, right: string, lang: 'en' | 'es') => {
    const res = await apiCall<CompareBody>(server, admin, 'GET', `/api/compare?left=${left}&right=${right}&lang=${lang}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('puts each side’s section numbers and provision labels on the sections compared, in the language compared', async () => {
    const model = await create({ templateId: 'tco-civil-forfeiture' });
    const nm = await create({ modelId: model, jurisdiction: 'US-NM' });
    const son = await create({ modelId: model, jurisdiction: 'MX-SON' });
    // New Mexico deletes Section 5 and amends the first level-2 provision of Section 6 (Seizure, (a)(b)(1)(2)(c)(d)).
    const c = connectClient(server.url, nm, admin);
    await c.synced();
    deleteBlock(c.doc, 'exemptions', 'Nora');
    provisionText(c.doc, 'en', 'seizure', 2).insert(0, 'Promptly, ');
    await c.allAcked();
    c.destroy();
    const s = connectClient(server.url, son, admin);
    await s.synced();
    provisionText(s.doc, 'es', 'seizure', 2).insert(0, 'Sin demora, ');
    await s.allAcked();
    s.destroy();

    const en = await compare(model, nm, 'en');
    const removed = en.sections.find((x) => x.id === 'exemptions');
    expect([removed?.status, removed?.label, removed?.leftLabel]).toEqual(['removed', 'Section 5.', 'Section 5.']);
    const seizure = en.sections.find((x) => x.id === 'seizure');
    expect([seizure?.status, seizure?.label, seizure?.leftLabel]).toEqual(['changed', 'Section 5.', 'Section 6.']);
    expect(seizure?.paragraphs.map((p) => p.label)).toEqual([null, '(a)', '(b)', '(1)', '(2)', '(c)', '(d)']);
    expect(seizure?.paragraphs[3]?.changes[0]).toEqual({ type: 'insert', text: 'Promptly, ' });
    expect(en.sections.find((x) => x.id === 'effective-date')?.label).toBe('Section 20.');

    // References renumbered along with their sections are not drafting changes; they read as the variant numbers them.
    const claims = en.sections.find((x) => x.id === 'claims');
    expect(claims?.status).toBe('same');
    expect(claims?.changes.map((ch) => ch.text).join('')).toContain('under Section 7 ');
    expect(en.stats.sectionsChanged).toBe(2);

    const es = await compare(model, son, 'es');
    const articulo = es.sections.find((x) => x.id === 'seizure');
    expect([articulo?.label, articulo?.leftLabel]).toEqual(['Artículo 6.-', 'Artículo 6.-']);
    expect(articulo?.paragraphs.map((p) => p.label)).toEqual([null, 'I.', 'II.', 'a)', 'b)', 'III.', 'IV.']);
    expect(es.sections.filter((x) => x.kind === 'transitory').map((x) => x.label)).toEqual(['Primero.-', 'Segundo.-', 'Tercero.-']);
    expect(es.sections.find((x) => x.kind === 'front')?.label).toBeNull();
  });

  it('names the versions compared, and says which side is the current text', async () => {
    const model = await create({ templateId: 'binational-mou' });
    const v = (await apiCall<{ id: string }>(server, admin, 'POST', `/api/documents/${model}/versions`, { name: 'Introduced' })).body.id;
    const body = await compare(`${model}@${v}`, model, 'es');
    expect(body.left).toMatchObject({ id: model, versionId: v, versionName: 'Introduced', docType: 'mou' });
    expect(body.right).toMatchObject({ id: model, versionId: null, versionName: null, docType: 'mou' });
    expect(body.sections.find((x) => x.kind === 'section')?.label).toBe('Cláusula 1.-');
    expect(body.stats.sectionsChanged).toBe(0);
  });
});
