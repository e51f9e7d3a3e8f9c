import { describe, expect, it } from 'vitest';
import { apiCall } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient } from '../helpers/yClient';
import { deleteBlock } from '../../client/shared/layout';
import type { StateMap } from '../../server/documents/stateMap';
import { stateMapFileName } from '../../server/documents/stateMap';

describe('the states map tells a country’s legal form apart from a state’s deletions', () => {
  let server!: TestServer;
  let admin!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    admin = t;
  });

  it('marks sections of the other country’s form, labels rows as printed, and names its CSV after the model and language', async () => {
    const model = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
    const nm = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { modelId: model, jurisdiction: 'US-NM' })).body.id;
    await apiCall(server, admin, 'POST', '/api/documents', { modelId: model, jurisdiction: 'MX-SON' });
    const c = connectClient(server.url, nm, admin);
    await c.synced();
    deleteBlock(c.doc, 'exemptions', 'Nora');
    await c.allAcked();
    c.destroy();

    const map = (await apiCall<StateMap>(server, admin, 'GET', `/api/documents/${model}/map?lang=es`)).body;
    expect(map.variants.map((v) => v.jurisdiction)).toEqual(['MX-SON', 'US-NM']);
    expect(map.sections.map((s) => s.label)).toEqual([
      ...Array.from({ length: 21 }, (_, i) => `Artículo ${i + 1}.-`),
      'Primero.-', 'Segundo.-', 'Tercero.-',
    ]);
    expect(map.sections.slice(-3).map((s) => [s.label, s.refLabel, s.heading, s.form])).toEqual([
      ['Primero.-', 'artículo Primero transitorio', 'Entrada en vigor', 'mx'],
      ['Segundo.-', 'artículo Segundo transitorio', 'Derogación', 'mx'],
      ['Tercero.-', 'artículo Tercero transitorio', 'Reglamentación', 'mx'],
    ]);
    // Filled-in values only are not a departure: shown as such, not as changed.
    const statusOf = (id: string) => map.cells[map.sections.findIndex((s) => s.id === id)]?.map((cell) => (cell.parameterOnly ? 'parameterOnly' : cell.status));
    expect(statusOf('exemptions')).toEqual(['parameterOnly', 'removed']);
    expect(statusOf('severability')).toEqual(['notInForm', 'same']);
    expect(statusOf('effective-date')).toEqual(['notInForm', 'same']);
    expect(statusOf('entrada-en-vigor')).toEqual(['same', 'notInForm']);
    expect(statusOf('reglamento')).toEqual(['same', 'notInForm']);

    const csv = async (lang: 'en' | 'es') => fetch(`${server.url}/api/documents/${model}/map?lang=${lang}&format=csv`, { headers: { Authorization: `Bearer ${admin}` } });
    const es = await csv('es');
    expect(es.headers.get('content-disposition')).toBe('attachment; filename="Ley-Uniforme-de-Extincion-de-Dominio-contra-Organizaciones-map-es.csv"');
    const lines = (await es.text()).split('\r\n');
    expect(lines[0]).toBe('Artículo,Epígrafe,MX-SON,US-NM');
    expect(lines[5]).toBe('Artículo 5.-,Bienes excluidos,0.0,suprimido');
    expect(lines[20]).toBe('Artículo 20.-,Divisibilidad,no previsto en su estructura,0.0');
    expect(lines[22]).toBe('Primero.-,Entrada en vigor,0.0,no previsto en su estructura');
    const en = await csv('en');
    expect(en.headers.get('content-disposition')).toBe('attachment; filename="Uniform-Transnational-Criminal-Organization-Civil-Forfeiture-map-en.csv"');
    const enLines = (await en.text()).split('\r\n');
    expect(enLines[0]).toBe('Section,Heading,MX-SON,US-NM');
    expect(enLines[5]).toBe('Section 5.,Exemptions,0.0,removed');
    expect(enLines[22]).toBe('First.,Entry into Force,0.0,not in this country’s form');
  });

  it('cuts a long title at a word, and keeps only ASCII letters and digits', () => {
    expect(stateMapFileName('Ley Uniforme de Extinción de Dominio contra Organizaciones Criminales Transnacionales', 'es')).toBe('Ley-Uniforme-de-Extincion-de-Dominio-contra-Organizaciones-map-es.csv');
    expect(stateMapFileName('Memorándum de Entendimiento', 'es')).toBe('Memorandum-de-Entendimiento-map-es.csv');
    expect(stateMapFileName('Supercalifragilisticexpialidocious'.repeat(3), 'en')).toBe(`${'Supercalifragilisticexpialidocious'.repeat(3).slice(0, 60)}-map-en.csv`);
    expect(stateMapFileName('¿?', 'en')).toBe('model-map-en.csv');
  });
});
