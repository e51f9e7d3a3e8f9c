import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeDifferences, localeKeys, LOCALES_DIR } from '../helpers/localeKeys';

describe('locales', () => {
  it('en and es have exactly the same keys', () => {
    expect(localeDifferences()).toEqual({ onlyEn: [], onlyEs: [] });
    expect(localeKeys('en').size).toBeGreaterThan(50);
  });

  it('the check notices a key missing from es', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'locales-'));
    for (const lang of ['en', 'es']) fs.cpSync(path.join(LOCALES_DIR, lang), path.join(dir, lang), { recursive: true });
    const file = path.join(dir, 'es', 'common.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { auth: Record<string, string> };
    delete data.auth.signOut;
    fs.writeFileSync(file, JSON.stringify(data));
    expect(localeDifferences(dir)).toEqual({ onlyEn: ['common:auth.signOut'], onlyEs: [] });
  });

  it('Spanish strings are not English copies', () => {
    const read = (lang: string) => JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'common.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    const en = read('en');
    const es = read('es');
    expect(es.auth?.signIn).toBe('Iniciar sesión');
    expect(es.collab?.saved).not.toBe(en.collab?.saved);
  });
});
