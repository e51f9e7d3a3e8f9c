// Runs one export in a fresh process and prints its time and peak memory (for npm run bench).
import i18next from 'i18next';
import fs from 'node:fs';
import path from 'node:path';
import { generateBill } from './generateBill';
import { buildPrintModel } from '../../server/export/buildPrintModel';

const format = process.argv[2] === 'pdf' ? 'pdf' : 'docx';
const pages = Number(process.argv[3] ?? 200);
const locales = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../locales');
await i18next.init({ lng: 'en', resources: { en: { common: JSON.parse(fs.readFileSync(`${locales}/en/common.json`, 'utf8')) } }, defaultNS: 'common', initAsync: false });
const bill = generateBill(pages);
const t0 = performance.now();
const model = buildPrintModel({ title: { en: 'Bench Act', es: 'Ley' }, docType: 'act', kind: 'model', content: bill, langs: ['en', 'es'], uiLang: 'en', jurisdiction: null, versionDate: new Date(), t: i18next.t.bind(i18next) });
const { renderDocx } = await import('../../server/export/renderDocx');
const render = format === 'docx' ? renderDocx : (await import('../../server/export/renderPdf')).renderPdf;
const buf = await render(model);
const ms = performance.now() - t0;
console.log(JSON.stringify({ format, ms, bytes: buf.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
