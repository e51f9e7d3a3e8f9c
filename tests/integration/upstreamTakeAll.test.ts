import { describe, expect, it } from 'vitest';
import { apiCall, createUser } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient, eventually } from '../helpers/yClient';
import { provisionText } from '../helpers/billText';
import { deleteBlock, deletedBlocks, insertBlock, visibleOrder } from '../../client/shared/layout';

interface Listed { id: string; state: string; label: string; heading: string; variantChanged: boolean }

describe('taking every clean change of the model at once, and undoing it', () => {
  let server!: TestServer;
  let admin!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    admin = t;
  });

  const heading = (text: string) => ({ type: 'sectionHeading', content: [{ type: 'text', text }] });
  const provision = (text: string) => ({ type: 'provision', attrs: { level: 0 }, content: [{ type: 'text', text }] });
  const listed = async (doc: string, lang: 'en' | 'es') => (await apiCall<{ sections: Listed[] }>(server, admin, 'GET', `/api/documents/${doc}/upstream?lang=${lang}`)).body.sections;

  it('names each change by number and heading, takes the clean ones in one step after saving a version, and undoes only those', async () => {
    const model = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
    const variant = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { modelId: model, jurisdiction: 'US-NM' })).body.id;
    const m = connectClient(server.url, model, admin);
    const v = connectClient(server.url, variant, admin);
    await Promise.all([m.synced(), v.synced()]);
    // The model: new text in Notice, Claims and Commencement, a new section after Purpose, Exemptions removed.
    provisionText(m.doc, 'en', 'notice').insert(0, 'Promptly, ');
    provisionText(m.doc, 'es', 'notice').insert(0, 'Sin demora, ');
    provisionText(m.doc, 'en', 'claims').insert(0, 'Model: ');
    provisionText(m.doc, 'en', 'commencement').insert(0, 'Model: ');
    insertBlock(m.doc, { kind: 'section', id: 'asset-registry', afterId: 'purpose', content: { en: [heading('Asset Registry'), provision('A registry is kept.')], es: [heading('Registro de bienes'), provision('Se lleva un registro.')] } });
    deleteBlock(m.doc, 'exemptions', 'Model drafter');
    // The state: its own Claims in English, its own Commencement in Spanish only.
    provisionText(v.doc, 'en', 'claims').insert(0, 'New Mexico: ');
    provisionText(v.doc, 'es', 'commencement').insert(0, 'Nuevo México: ');
    await Promise.all([m.allAcked(), v.allAcked()]);

    const en = await listed(variant, 'en');
    expect(en.map((s) => [s.id, s.state, s.label, s.heading])).toEqual([
      ['asset-registry', 'added', 'Section 3.', 'Asset Registry'],
      ['commencement', 'conflict', 'Section 7.', 'Commencement of the Action'],
      ['notice', 'clean', 'Section 8.', 'Notice to Owners and Interest Holders'],
      ['claims', 'conflict', 'Section 9.', 'Claims and Answers'],
      ['exemptions', 'removed', 'Section 5.', 'Exemptions'],
    ]);
    expect((await listed(variant, 'es')).map((s) => [s.label, s.heading])).toEqual([
      ['Artículo 3.-', 'Registro de bienes'],
      ['Artículo 7.-', 'Ejercicio de la acción'],
      ['Artículo 8.-', 'Notificación a propietarios y titulares de derechos'],
      ['Artículo 9.-', 'Comparecencia de los interesados'],
      ['Artículo 5.-', 'Bienes excluidos'],
    ]);

    // A reviewer may not take anything.
    const { token: reviewer } = await createUser(server, 'reviewer', { name: 'Rita' });
    expect((await apiCall(server, reviewer, 'POST', `/api/documents/${variant}/upstream/apply-clean`)).status).toBe(403);

    const took = await apiCall<{ sections: string[]; version: { id: string; name: string } }>(server, admin, 'POST', `/api/documents/${variant}/upstream/apply-clean?ui=es`);
    expect(took.status).toBe(200);
    expect(took.body.sections).toEqual(['asset-registry', 'notice', 'exemptions']);
    expect(took.body.version.name).toBe('Antes de incorporar los cambios de la ley modelo');
    const versions = await apiCall<{ id: string; name: string }[]>(server, admin, 'GET', `/api/documents/${variant}/versions`);
    expect(versions.body.filter((x) => x.id === took.body.version.id).map((x) => x.name)).toEqual(['Antes de incorporar los cambios de la ley modelo']);
    // One step, seen live by the variant's client: the new section after Purpose, Notice taken, Exemptions deleted; conflicts untouched.
    await eventually(() => visibleOrder(v.doc).includes('asset-registry') && !visibleOrder(v.doc).includes('exemptions'), 'the variant client sees the take');
    const taken = visibleOrder(v.doc);
    expect(taken.slice(taken.indexOf('purpose'), taken.indexOf('purpose') + 3)).toEqual(['purpose', 'asset-registry', 'definitions']);
    expect(provisionText(v.doc, 'en', 'notice').toString().startsWith('Promptly, Within thirty days')).toBe(true);
    expect(provisionText(v.doc, 'es', 'notice').toString().startsWith('Sin demora, Dentro de los treinta días')).toBe(true);
    expect(provisionText(v.doc, 'en', 'claims').toString().startsWith('New Mexico: ')).toBe(true);
    expect(provisionText(v.doc, 'es', 'commencement').toString().startsWith('Nuevo México: ')).toBe(true);
    expect((await listed(variant, 'en')).map((s) => s.id)).toEqual(['commencement', 'claims']);

    // A colleague keeps drafting elsewhere; undoing the take leaves that alone.
    provisionText(v.doc, 'en', 'definitions').insert(0, 'Colleague: ');
    await v.allAcked();
    expect((await apiCall(server, admin, 'POST', `/api/documents/${variant}/upstream/undo`, { versionId: took.body.version.id, sections: 'notice' })).status).toBe(400);
    expect((await apiCall(server, admin, 'POST', `/api/documents/${variant}/upstream/undo`, { versionId: 'nope', sections: took.body.sections })).status).toBe(404);
    expect((await apiCall(server, admin, 'POST', `/api/documents/${variant}/upstream/undo`, { versionId: took.body.version.id, sections: took.body.sections })).status).toBe(200);
    await eventually(() => !visibleOrder(v.doc).includes('asset-registry') && visibleOrder(v.doc).includes('exemptions'), 'the variant client sees the undo');
    const order = visibleOrder(v.doc);
    expect(order.indexOf('exemptions')).toBe(order.indexOf('property-subject') + 1);
    expect(provisionText(v.doc, 'en', 'notice').toString().startsWith('Within thirty days')).toBe(true);
    expect(provisionText(v.doc, 'es', 'notice').toString().startsWith('Dentro de los treinta días')).toBe(true);
    expect(provisionText(v.doc, 'en', 'definitions').toString().startsWith('Colleague: ')).toBe(true);
    expect(deletedBlocks(v.doc).map((b) => b.id)).toEqual(['asset-registry']);
    expect((await listed(variant, 'en')).map((s) => [s.id, s.state])).toEqual([
      ['asset-registry', 'added'], ['commencement', 'conflict'], ['notice', 'clean'], ['claims', 'conflict'], ['exemptions', 'removed'],
    ]);
    m.destroy();
    v.destroy();
  });

  it('takes nothing, and saves no version, when no change is clean', async () => {
    const model = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { templateId: 'binational-mou' })).body.id;
    const variant = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { modelId: model, jurisdiction: 'US-AZ' })).body.id;
    const before = (await apiCall<unknown[]>(server, admin, 'GET', `/api/documents/${variant}/versions`)).body.length;
    const took = await apiCall<{ sections: string[]; version: null }>(server, admin, 'POST', `/api/documents/${variant}/upstream/apply-clean`);
    expect(took.body).toEqual({ sections: [], version: null });
    expect((await apiCall<unknown[]>(server, admin, 'GET', `/api/documents/${variant}/versions`)).body.length).toBe(before);
  });
});
