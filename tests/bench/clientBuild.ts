import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Whether dist/ is older than any client source, locale or build setting. */
function distIsStale(): boolean {
  const index = path.join(root, 'dist', 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return ['client', 'locales', 'vite.config.ts', 'package.json'].some((p) => newestMtime(path.join(root, p)) > built);
}

/** Builds the client into dist/ (the bundle the server serves) when a source is newer than the build; returns whether it built. */
export function ensureClientBuilt(): boolean {
  if (!distIsStale()) return false;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  return true;
}

/**
 * An unminified build of the same sources in `outDir`, so CPU profiles name functions. Only profiles
 * use it (the page is routed to it); every timing is taken on dist/.
 */
export function buildUnminified(outDir: string): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--minify', 'false', '--outDir', outDir, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
}
