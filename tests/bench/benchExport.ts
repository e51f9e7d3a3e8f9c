import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summary } from './stats';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A 200-page bilingual bill to DOCX and to PDF, each run in a fresh process: time and peak memory. */
export function benchExport(runs = 3) {
  const out: Record<string, unknown> = {};
  for (const format of ['docx', 'pdf']) {
    const results: { ms: number; maxRssMB: number; bytes: number }[] = [];
    for (let i = 0; i < runs; i++) {
      try {
        const line = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'exportOnce.ts'), format, '200'], { encoding: 'utf8', cwd: path.resolve(here, '../..'), stdio: ['ignore', 'pipe', 'pipe'] });
        results.push(JSON.parse(line.trim().split('\n').pop() as string) as { ms: number; maxRssMB: number; bytes: number });
      } catch (err) {
        out[format] = { error: err instanceof Error ? err.message.split('\n')[0] : String(err) };
        break;
      }
    }
    if (results.length) out[format] = { ms: summary(results.map((r) => r.ms)), peakRssMB: Math.max(...results.map((r) => r.maxRssMB)), bytes: results[0]?.bytes };
  }
  return out;
}
