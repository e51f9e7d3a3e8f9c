import type { Db } from './openDatabase';
import type { GlossaryEntry } from '@shared/bill/glossary';

interface Row { id: string; en: string; es: string; note: string | null; checked: number }

/** The shared bilingual glossary, seeded from templates/glossary.json and edited by administrators. */
export class GlossaryStore {
  constructor(private readonly db: Db) {}

  list(): GlossaryEntry[] {
    return (this.db.prepare('SELECT id, en, es, note, checked FROM glossary ORDER BY id').all() as Row[]).map((r) => ({
      id: r.id,
      en: JSON.parse(r.en) as string[],
      es: JSON.parse(r.es) as string[],
      ...(r.note ? { note: JSON.parse(r.note) as { en: string; es: string } } : {}),
      ...(r.checked ? {} : { check: false }),
    }));
  }

  get(id: string): GlossaryEntry | undefined {
    return this.list().find((e) => e.id === id);
  }

  upsert(entry: GlossaryEntry, userId: string | null): void {
    this.db
      .prepare(
        `INSERT INTO glossary (id, en, es, note, checked, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET en = excluded.en, es = excluded.es, note = excluded.note, checked = excluded.checked, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      )
      .run(entry.id, JSON.stringify(entry.en), JSON.stringify(entry.es), entry.note ? JSON.stringify(entry.note) : null, entry.check === false ? 0 : 1, userId, Date.now());
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM glossary WHERE id = ?').run(id).changes > 0;
  }

  /** Fills an empty glossary from the seed file's entries. */
  seedIfEmpty(entries: GlossaryEntry[]): number {
    const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM glossary').get() as { n: number };
    if (n > 0) return 0;
    this.db.transaction(() => entries.forEach((e) => this.upsert(e, null)))();
    return entries.length;
  }
}
