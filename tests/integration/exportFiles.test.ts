import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createUser, startTestServer } from '../helpers/testServer';
import { connectClient } from '../helpers/yClient';
import { provisionText } from '../helpers/billText';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'puente-export-'));
const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Downloads an export, returns its bytes and headers. */
async function download(server: { url: string }, token: string, query: string): Promise<{ status: number; type: string | null; disposition: string | null; body: Buffer }> {
  const res = await fetch(`${server.url}${query}`, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': 'es' } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
}

function pdfText(buf: Buffer): string {
  const file = path.join(tmp, `f-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function docxText(buf: Buffer): string {
  const file = path.join(tmp, `f-${Math.random().toString(36).slice(2)}.docx`);
  fs.writeFileSync(file, buf);
  return execFileSync('pandoc', [file, '-t', 'plain', '--wrap=none'], { encoding: 'utf8' });
}

/** Text without line numbers and with white space folded, to read across line breaks. */
const squash = (s: string) => s.replace(/^\s*\d+\s+/gm, '').replace(/\s+/g, ' ');

describe('export to DOCX and PDF', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: string;
  let model: string;
  let variant: string;
  beforeAll(async () => {
    server = await startTestServer();
    ({ token: admin } = await createUser(server, 'admin'));
    model = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
    variant = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { modelId: model, jurisdiction: 'MX-CHH' })).body.id;
    const c = connectClient(server.url, variant, admin);
    await c.synced();
    const t = provisionText(c.doc, 'es');
    t.insert(t.length, ' Añadido por Chihuahua: niñas, niños y adolescentes.');
    const second = provisionText(c.doc, 'es');
    second.delete(0, 'La presente '.length); // a deletion, for the redline
    await c.allAcked();
    c.destroy();
  }, 60_000);
  afterAll(() => server.close());

  it('exports a Spanish PDF whose text is the document text, with numbers, line numbers and page numbers', async () => {
    const res = await download(server, admin, `/api/documents/${variant}/export?format=pdf&lang=es`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.disposition).toMatch(/^attachment; filename=".*-MX-CHH-es\.pdf"$/);
    const text = pdfText(res.body);
    expect(text).toContain('Artículo 1.-');
    expect(text).toContain('Primero.-');
    for (const words of ['Añadido por Chihuahua: niñas,', 'niños y adolescentes.']) expect(squash(text)).toContain(words);
    expect(text).toMatch(/Página 1 de \d+/);
    expect(text).toMatch(/^\s*1\s+\S/m);
    expect(text.indexOf('Artículo 1.-')).toBeLessThan(text.indexOf('Artículo 2.-'));
  });

  it('exports an English DOCX that pandoc reads back with the sections in order', async () => {
    const res = await download(server, admin, `/api/documents/${variant}/export?format=docx&lang=en`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const text = docxText(res.body);
    expect(text).toContain('Section 1.');
    expect(text.indexOf('Section 1.')).toBeLessThan(text.indexOf('Section 2.'));
    expect(text).toContain('Chihuahua');
    const xml = execFileSync('unzip', ['-p', path.join(tmp, fs.readdirSync(tmp).filter((f) => f.endsWith('.docx')).pop() as string), 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('<w:lnNumType');
    expect(xml).toContain('w:restart="newPage"');
  });

  it('exports both languages in parallel columns, and a redline with insertions and deletions marked', async () => {
    const both = await download(server, admin, `/api/documents/${variant}/export?format=pdf&lang=both`);
    const text = pdfText(both.body);
    expect(text).toContain('Artículo 1.-');
    expect(text).toContain('Section 1.');
    const redline = await download(server, admin, `/api/documents/${variant}/export?format=docx&lang=es&against=${model}`);
    expect(redline.status).toBe(200);
    expect(redline.disposition).toContain('-redline.docx');
    const file = path.join(tmp, 'redline.docx');
    fs.writeFileSync(file, redline.body);
    const md = execFileSync('pandoc', [file, '-t', 'markdown', '--wrap=none'], { encoding: 'utf8' });
    // Insertions are underlined, deletions struck through, as pandoc reads them back.
    expect(md).toMatch(/\[Añadido por Chihuahua: niñas, niños y adolescentes\.\s*\]\{\.underline\}/);
    expect(md).toContain('~~La presente~~ ley podrá citarse');
  });

  it.runIf(hasSoffice)('produces a DOCX that LibreOffice opens and converts', async () => {
    const res = await download(server, admin, `/api/documents/${variant}/export?format=docx&lang=both`);
    const file = path.join(tmp, 'both.docx');
    fs.writeFileSync(file, res.body);
    execFileSync('soffice', ['--headless', '--convert-to', 'txt:Text', '--outdir', tmp, file], { stdio: 'ignore', timeout: 120_000 });
    expect(fs.readFileSync(path.join(tmp, 'both.txt'), 'utf8')).toContain('Artículo 1.-');
  }, 150_000);

  it('answers bad export requests clearly, and exports an empty document as a valid file', async () => {
    expect((await download(server, admin, `/api/documents/${variant}/export?format=odt&lang=es`)).status).toBe(400);
    expect((await download(server, admin, `/api/documents/${variant}/export?format=pdf&lang=fr`)).status).toBe(400);
    expect((await download(server, admin, `/api/documents/${variant}/export?format=pdf&lang=es&against=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const blank = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', {})).body.id;
    const pdf = await download(server, admin, `/api/documents/${blank}/export?format=pdf&lang=en`);
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await download(server, admin, `/api/documents/${blank}/export?format=docx&lang=both`);
    expect(docx.status).toBe(200);
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
  });
});
