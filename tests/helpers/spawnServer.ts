import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The server as a separate process (`tsx server/index.ts`), so a test can SIGKILL it. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

let built = false;

/** Builds the server as `npm start` runs it (dist-server/), once per process. */
function buildServer(): string {
  if (!built) execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' });
  built = true;
  return path.join(root, 'dist-server/index.mjs');
}

/**
 * Starts the server on a free port over `dataDir` and waits for its "listening" line: from source
 * (`server/index.ts` through tsx), or with `built` as `npm start` runs it (the bundle, plain node),
 * which is what benchmarks measure.
 */
export function spawnServer(dataDir: string, env: Record<string, string> = {}, options: { built?: boolean; nodeArgs?: string[] } = {}): Promise<ServerProcess> {
  // PUENTE_SPAWN_NODE_ARGS passes extra flags to the server's node (e.g. --cpu-prof when profiling a benchmark).
  const extra = [...(process.env.PUENTE_SPAWN_NODE_ARGS ?? '').split(' ').filter(Boolean), ...(options.nodeArgs ?? [])];
  const entry = options.built ? [buildServer()] : ['--import', 'tsx', path.join(root, 'server/index.ts')];
  const child = spawn(process.execPath, [...extra, ...entry], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          child,
          kill: (signal = 'SIGKILL') =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill(signal);
            }),
        });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}
