import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The locales folder of the project. */
export const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');

function flatten(value: unknown, prefix: string, out: Set<string>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.add(prefix);
  }
}

/** Every key of every namespace of one language, as "namespace:dotted.key". */
export function localeKeys(lang: string, dir = LOCALES_DIR): Set<string> {
  const out = new Set<string>();
  for (const file of fs.readdirSync(path.join(dir, lang)).filter((f) => f.endsWith('.json')).sort()) {
    const keys = new Set<string>();
    flatten(JSON.parse(fs.readFileSync(path.join(dir, lang, file), 'utf8')), '', keys);
    for (const k of keys) out.add(`${file.slice(0, -5)}:${k}`);
  }
  return out;
}

/** Keys present in one language and not the other. */
export function localeDifferences(dir = LOCALES_DIR): { onlyEn: string[]; onlyEs: string[] } {
  const en = localeKeys('en', dir);
  const es = localeKeys('es', dir);
  return { onlyEn: [...en].filter((k) => !es.has(k)), onlyEs: [...es].filter((k) => !en.has(k)) };
}
