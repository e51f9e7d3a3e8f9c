import { describe, expect, it } from 'vitest';
import { apiCall, createUser } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import type { GlossaryEntry } from '../../client/shared/bill/glossary';

describe('the shared glossary', () => {
  let server!: TestServer;
  let admin!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    admin = t;
  });

  it('is seeded from templates/glossary.json with at least 80 accurate pairs', async () => {
    const { body } = await apiCall<GlossaryEntry[]>(server, admin, 'GET', '/api/glossary');
    expect(body.length).toBeGreaterThanOrEqual(80);
    const pair = (id: string) => body.find((e) => e.id === id);
    expect(pair('civil-forfeiture')?.es).toContain('extinción de dominio');
    expect(pair('human-trafficking')?.es).toContain('trata de personas');
    expect(pair('money-laundering')?.es).toContain('operaciones con recursos de procedencia ilícita');
    expect(pair('innocent-owner')?.es).toContain('tercero de buena fe');
  });

  it('lets administrators add and edit pairs, and nobody else', async () => {
    const { token: drafter } = await createUser(server, 'drafter');
    const entry = { id: 'bulk-invoice-fraud', en: ['invoice fraud'], es: ['facturación falsa', 'facturas apócrifas'] };
    expect((await apiCall(server, drafter, 'POST', '/api/glossary', entry)).status).toBe(403);
    expect((await apiCall(server, admin, 'POST', '/api/glossary', entry)).status).toBe(201);
    expect((await apiCall(server, admin, 'POST', '/api/glossary', entry)).status).toBe(400);
    expect((await apiCall(server, admin, 'PUT', '/api/glossary/bulk-invoice-fraud', { en: ['invoice fraud', 'false invoicing'], es: ['facturación falsa'] })).status).toBe(200);
    const bad = await apiCall<{ error: { code: string } }>(server, admin, 'PUT', '/api/glossary/bulk-invoice-fraud', { en: [], es: ['x'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_glossary_entry');
    const { body } = await apiCall<GlossaryEntry[]>(server, drafter, 'GET', '/api/glossary');
    expect(body.find((e) => e.id === 'bulk-invoice-fraud')).toEqual({ id: 'bulk-invoice-fraud', en: ['invoice fraud', 'false invoicing'], es: ['facturación falsa'] });
  });
});
