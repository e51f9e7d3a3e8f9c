import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../client/shared/bill/Lang';
import type { BlockKind, PrintBlock, PrintModel, PrintRow, Run, RunStyle } from '../../server/export/PrintModel';
import { renderPdf } from '../../server/export/renderPdf';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'puente-pdf-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (text: string, style: RunStyle = 'normal'): Run => ({ text, style });
const block = (kind: BlockKind, runs: Run[], label: string | null = null, level = 0): PrintBlock => ({ kind, level, label, runs });

function model(langs: Lang[], rows: PrintRow[], uiLang: Lang = langs[0] ?? 'en'): PrintModel {
  return {
    langs,
    uiLang,
    title: uiLang === 'es' ? 'Ley de Extinción de Dominio' : 'Civil Forfeiture Act',
    header: uiLang === 'es' ? 'Ley de Extinción de Dominio (Nuevo México) — versión del 23 de noviembre de 2026' : 'Civil Forfeiture Act (New Mexico) — version of 23 November 2026',
    pageLabel: uiLang === 'es' ? 'Página {page} de {pages}' : 'Page {page} of {pages}',
    columnHeadings: { en: 'English — authoritative text', es: 'Español — traducción' },
    rows,
    redline: true,
    unfilled: 1,
  };
}

const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });

/** Renders to a file and returns the PDF bytes and `pdftotext -layout` text (pages separated by form feeds). */
async function print(m: PrintModel, name: string): Promise<{ pdf: Buffer; text: string; file: string }> {
  const pdf = await renderPdf(m);
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return { pdf, text: pdftotext(file), file };
}

const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

/** The line numbers printed down the left margin of one page, in order. */
const lineNumbers = (page: string) => page.split('\n').flatMap((line) => /^\s{0,14}(\d+)\s{2,}\S/.exec(line)?.[1] ?? []).map(Number);

const spanishRows: PrintRow[] = [
  { key: 'front:0', cells: { es: [block('title', [run('Ley de Extinción de Dominio')])] } },
  { key: 'front:1', cells: { es: [block('enacting', [run('El Congreso del Estado decreta:')])] } },
  {
    key: 's-1',
    cells: {
      es: [
        block('sectionHeading', [run('Objeto de la extinción de dominio')], 'Artículo 1.-'),
        block('provision', [run('La acción protege a la niñez '), run('y a la adolescencia', 'ins'), run(' '), run('de los menores', 'del'), run(' frente a los bienes de origen ilícito.')], 'I.', 1),
        block('provision', [run('Conocerá de la acción el '), run('⟨trialCourt⟩', 'unfilled'), run(' del lugar donde se encuentren los bienes.')], 'a)', 2),
        block('provision', [run('¿En qué año? El plazo se cuenta desde el ¿año? de la notificación, según corresponda.')], '1.', 3),
      ],
    },
  },
  {
    key: 's-2',
    cells: {
      es: [
        block('sectionHeading', [run('Definiciones')], 'Artículo 2.-'),
        block('provision', [run('Bienes: todas las cosas materiales que no estén excluidas del comercio, muebles o inmuebles, y todo derecho real o personal, sus objetos, frutos y productos, susceptibles de apropiación.')], 'II.', 1),
      ],
    },
  },
  { key: 'back:0', cells: { es: [block('signature', [run('Dado en Santa Fe, Nuevo México.\n\nLa Presidenta del Congreso')])] } },
];

describe('renderPdf', () => {
  it('prints Spanish text intact, in order, with labels, line numbers and a Spanish footer', async () => {
    const { pdf, text } = await print(model(['es'], spanishRows), 'spanish');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const word of ['extinción de dominio', 'niñez', '¿año?', 'Artículo 1.-', 'Artículo 2.-', 'I.', 'a)', '⟨trialCourt⟩', 'y a la adolescencia', 'de los menores', 'La Presidenta del Congreso']) {
      expect(text).toContain(word);
    }
    // Each text after the one before it, past the running header on the first line.
    let at = text.indexOf('\n');
    for (const s of ['Ley de Extinción de Dominio', 'El Congreso del Estado decreta:', 'Artículo 1.- Objeto', 'I.', 'a)', '1.', 'Artículo 2.- Definiciones', 'II.', 'Dado en Santa Fe']) {
      const next = text.indexOf(s, at + 1);
      expect(next, s).toBeGreaterThan(at);
      at = next;
    }
    expect(text).toContain('Página 1 de 1');
    expect(text).toContain('Nuevo México) — versión del 23 de noviembre de 2026');
    // Every line position is numbered from 1, and numbers count lines, not paragraphs.
    const numbers = lineNumbers(text);
    expect(numbers.slice(0, 3)).toEqual([1, 2, 3]);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.length).toBeGreaterThan(spanishRows.length + 6);
    expect(text).toMatch(/^\s*1\s{2,}Ley de Extinción de Dominio/m);
  });

  it('prints two languages in parallel columns whose rows start level', async () => {
    const rows: PrintRow[] = [
      { key: 'front:0', cells: { en: [block('title', [run('Civil Forfeiture Act')])], es: [block('title', [run('Ley de Extinción de Dominio')])] } },
      {
        key: 's-1',
        cells: {
          en: [block('sectionHeading', [run('Purpose')], 'Section 1.'), block('provision', [run('This act protects children from the proceeds of crime.')], '(a)', 1)],
          es: [block('sectionHeading', [run('Objeto')], 'Artículo 1.-'), block('provision', [run('Esta ley protege a la niñez frente a los productos del delito, cualquiera que sea el año de su adquisición.')], 'I.', 1)],
        },
      },
    ];
    const { text } = await print(model(['en', 'es'], rows, 'en'), 'parallel');
    const lines = text.split('\n');
    expect(lines.some((l) => /English — authoritative text.*Español — traducción/.test(l))).toBe(true);
    expect(lines.some((l) => /Civil Forfeiture Act.*Ley de Extinción de Dominio/.test(l))).toBe(true);
    expect(lines.some((l) => /Section 1\. Purpose.*Artículo 1\.- Objeto/.test(l))).toBe(true);
    expect(lines.some((l) => /\(a\)\s+This act protects.*I\.\s+Esta ley protege/.test(l))).toBe(true);
    expect(text).toContain('niñez');
    expect(text).toContain('Page 1 of 1');
    // The Spanish provision is two lines longer; its extra lines are numbered too.
    expect(lineNumbers(text)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('prints an empty model as a valid one-page PDF', async () => {
    const { pdf, text, file } = await print(model(['en'], []), 'empty');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(file)).toBe(1);
    expect(text).toContain('Page 1 of 1');
  });

  it('renders 400 bilingual sections across many pages, numbering each page from 1', async () => {
    const en = 'the attorney general may commence an action in rem against proceeds and instrumentalities of a covered offense'.split(' ');
    const es = 'el fiscal general podrá ejercitar la acción de extinción de dominio respecto de los productos e instrumentos'.split(' ');
    const sentence = (words: string[], seed: number) => Array.from({ length: 30 }, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(' ');
    const rows: PrintRow[] = Array.from({ length: 400 }, (_, s) => ({
      key: `s-${s}`,
      cells: {
        en: [block('sectionHeading', [run('Scope')], `Section ${s + 1}.`), ...[1, 2, 3, 2].map((level, p) => block('provision', [run(sentence(en, s + p))], `(${p + 1})`, level))],
        es: [block('sectionHeading', [run('Ámbito')], `Artículo ${s + 1}.-`), ...[1, 2, 3, 2].map((level, p) => block('provision', [run(sentence(es, s + p))], `${p + 1}.`, level))],
      },
    }));
    const t0 = performance.now();
    const pdf = await renderPdf(model(['en', 'es'], rows, 'es'));
    const ms = performance.now() - t0;
    const file = path.join(dir, 'big.pdf');
    fs.writeFileSync(file, pdf);
    const text = pdftotext(file);
    const pages = pageCount(file);
    console.log(`400 bilingual sections × 4 provisions: ${pages} pages rendered in ${Math.round(ms)} ms`);
    expect(pages).toBeGreaterThan(20);
    expect(ms).toBeLessThan(10_000);
    const printed = text.split('\f').filter((p) => p.trim());
    expect(printed).toHaveLength(pages);
    printed.forEach((page, i) => {
      const numbers = lineNumbers(page);
      expect(numbers.length).toBeGreaterThan(25);
      expect(numbers).toEqual(numbers.map((_, n) => n + 1));
      expect(page).toContain(`Página ${i + 1} de ${pages}`);
      // A section heading is never the last line of a page.
      const numbered = page.split('\n').filter((line) => /^\s{0,14}\d+\s{2,}\S/.test(line));
      expect(numbered[numbered.length - 1]).not.toMatch(/Section \d+\./);
    });
    expect(text).toContain('Artículo 400.-');
    expect(text.indexOf('Section 399.')).toBeLessThan(text.indexOf('Section 400.'));
  });
});
