import { beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createUser } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { docText, parameterNodes } from '../helpers/docText';
import type { BilingualContent, PMJSON } from '../../client/shared/bill/yBill';
import type { Jurisdiction, Template } from '../../client/shared/bill/templateFormat';

describe('model acts and state variants', () => {
  let server!: TestServer;
  let admin!: string;
  let jurisdictions: Map<string, Jurisdiction>;
  let forfeiture: Template;
  withServerAndAdmin((s, t) => {
    server = s;
    admin = t;
  });
  beforeAll(async () => {
    jurisdictions = server.services.library.jurisdictions;
    forfeiture = server.services.library.templates.get('tco-civil-forfeiture') as Template;
  });

  const sectionIds = (doc: PMJSON) => (doc.content ?? []).filter((n) => n.type === 'section').map((n) => n.attrs?.sectionId);

  it('serves templates and every jurisdiction', async () => {
    const templates = await apiCall<{ id: string; title: { en: string; es: string }; parameters: { key: string }[] }[]>(server, admin, 'GET', '/api/templates');
    expect(templates.body.map((t) => t.id).sort()).toEqual(['binational-mou', 'tco-civil-forfeiture']);
    const list = await apiCall<Jurisdiction[]>(server, admin, 'GET', '/api/jurisdictions');
    expect(list.body.filter((j) => j.country === 'US')).toHaveLength(56);
    expect(list.body.filter((j) => j.country === 'MX')).toHaveLength(32);
    expect(list.body.find((j) => j.code === 'MX-CMX')?.name).toEqual({ en: 'Mexico City', es: 'Ciudad de México' });
    expect(list.body.find((j) => j.code === 'US-NM')?.name).toEqual({ en: 'New Mexico', es: 'Nuevo México' });
  });

  it('creates a model act from a template with the same section ids in both languages', async () => {
    const res = await apiCall<{ id: string; kind: string; templateId: string }>(server, admin, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' });
    expect(res.status).toBe(201);
    expect(res.body.kind).toBe('model');
    const content = (await apiCall<BilingualContent>(server, admin, 'GET', `/api/documents/${res.body.id}/content`)).body;
    expect(sectionIds(content.en)).toEqual(forfeiture.sections.map((s) => s.id));
    expect(sectionIds(content.es)).toEqual(forfeiture.sections.map((s) => s.id));
    expect(parameterNodes(content.en).every((p) => p.value === null)).toBe(true);
  });

  for (const code of ['US-NM', 'MX-CHH']) {
    it(`creates a ${code} variant filled from jurisdiction data in both languages`, async () => {
      const model = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body;
      const res = await apiCall<{ id: string; kind: string; modelId: string; modelVersion: string; jurisdiction: string }>(server, admin, 'POST', '/api/documents', { modelId: model.id, jurisdiction: code });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'variant', modelId: model.id, jurisdiction: code });
      const versions = server.services.versions.list(model.id);
      expect(versions.map((v) => v.id)).toContain(res.body.modelVersion);

      const j = jurisdictions.get(code) as Jurisdiction;
      const content = (await apiCall<BilingualContent>(server, admin, 'GET', `/api/documents/${res.body.id}/content`)).body;
      const jurisdictionKeys = new Set(forfeiture.parameters.filter((p) => p.source === 'jurisdiction').map((p) => p.key));
      for (const lang of ['en', 'es'] as const) {
        const text = docText(content[lang]);
        expect(text).toContain(j.parameters.stateName?.[lang]);
        for (const p of parameterNodes(content[lang]).filter((n) => jurisdictionKeys.has(n.key))) {
          expect(p.value, `${code} ${lang} ${p.key}`).toBe(j.parameters[p.key]?.[lang]);
          expect(p.value, `${code} ${lang} ${p.key} is filled`).not.toBeNull();
        }
      }
      const kinds = (content.es.content ?? []).filter((n) => n.type === 'section').map((n) => n.attrs?.kind);
      if (code === 'MX-CHH') {
        expect(kinds).toContain('transitory');
        expect((content.en.content ?? []).some((n) => n.type === 'enactingClause' && n.attrs?.form === 'us')).toBe(false);
        expect(docText(content.es)).toContain('Chihuahua');
      } else {
        expect(kinds).not.toContain('transitory');
        expect(docText(content.en)).toContain('Be it enacted by the Legislature of the State of New Mexico');
        expect(docText(content.en)).toContain('district court');
      }
    });
  }

  it('refuses an unknown template, jurisdiction or model', async () => {
    const model = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { templateId: 'binational-mou' })).body;
    const t = await apiCall<{ error: { code: string; message: string } }>(server, admin, 'POST', '/api/documents', { templateId: 'no-such-act' });
    expect(t.status).toBe(404);
    expect(t.body.error).toEqual({ code: 'template_not_found', message: 'There is no template with the id “no-such-act”.' });
    const j = await apiCall<{ error: { code: string } }>(server, admin, 'POST', '/api/documents', { modelId: model.id, jurisdiction: 'US-XX' });
    expect(j.status).toBe(404);
    expect(j.body.error.code).toBe('jurisdiction_not_found');
    const variant = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { modelId: model.id, jurisdiction: 'MX-SON', counterpart: 'US-AZ' })).body;
    const nested = await apiCall<{ error: { code: string } }>(server, admin, 'POST', '/api/documents', { modelId: variant.id, jurisdiction: 'MX-SON' });
    expect(nested.status).toBe(400);
    expect(nested.body.error.code).toBe('not_a_model');
  });

  it('fills both parties of an MOU when a counterpart is named', async () => {
    const model = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { templateId: 'binational-mou' })).body;
    const variant = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { modelId: model.id, jurisdiction: 'MX-SON', counterpart: 'US-AZ' })).body;
    const content = (await apiCall<BilingualContent>(server, admin, 'GET', `/api/documents/${variant.id}/content`)).body;
    const values = new Map(parameterNodes(content.es).map((p) => [p.key, p.value]));
    expect(values.get('mxAgencyName')).toBe(jurisdictions.get('MX-SON')?.parameters.attorneyGeneralOffice?.es);
    expect(values.get('usAgencyName')).toBe(jurisdictions.get('US-AZ')?.parameters.attorneyGeneralOffice?.es);
  });

  it('lets a drafter create variants only for their jurisdictions', async () => {
    const { token } = await createUser(server, 'drafter', { jurisdictions: ['MX-SON'] });
    const model = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body;
    expect((await apiCall(server, token, 'POST', '/api/documents', { modelId: model.id, jurisdiction: 'MX-SON' })).status).toBe(201);
    expect((await apiCall(server, token, 'POST', '/api/documents', { modelId: model.id, jurisdiction: 'US-CA' })).status).toBe(403);
    const { token: reviewer } = await createUser(server, 'reviewer');
    expect((await apiCall(server, reviewer, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).status).toBe(403);
  });
});
