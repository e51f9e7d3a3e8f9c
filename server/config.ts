import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything the server reads from the environment, parsed and checked once at start-up. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  dbFile: string;
  /** Built client (vite build output). */
  distDir: string;
  templatesDir: string;
  localesDir: string;
  sessionTtlMs: number;
  /** How long a document with no clients stays in memory. */
  unloadGraceMs: number;
  /** Largest WebSocket message accepted, in bytes. */
  maxMessageBytes: number;
  /** Largest HTTP request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Compact a document's update log into a snapshot after this many updates (it is also compacted when editing pauses and on unload). */
  compactEvery: number;
  /** Messages per second a collaboration connection may send on average, and its burst. */
  messageRate: number;
  messageBurst: number;
  /** Extra origins allowed on the WebSocket upgrade (comma-separated in PUENTE_ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** Cookies get the Secure flag (set PUENTE_SECURE_COOKIES=1 behind HTTPS). */
  secureCookies: boolean;
  /** Comments (threads and replies) one user may post per minute, over all documents. */
  commentsPerMinute: number;
  /** Comment threads one document may hold. */
  maxThreadsPerDocument: number;
  /** Replies one comment thread may hold. */
  maxRepliesPerThread: number;
  /** Unsent data a collaboration socket may hold before it is closed as too slow (4500). */
  maxBufferedBytes: number;
  /** Collaboration sockets one user may have open at once, over all documents. */
  maxConnectionsPerUser: number;
  /** Collaboration sockets that may be open at once from one address. */
  maxConnectionsPerAddress: number;
  /** Documents one user may have open at once over collaboration sockets. */
  maxDocumentsPerUser: number;
  /** Quiet time after a burst of edits before the server keeps an automatic version. */
  autoVersionQuietMs: number;
  /** Longest time edits may go on without an automatic version. */
  autoVersionMaxMs: number;
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

/** Reads the configuration from `env` (process.env by default); throws with a clear message on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(env.DATA_DIR || path.join(projectRoot, 'data'));
  const config: Config = {
    host: env.HOST || '127.0.0.1',
    port: intVar(env, 'PORT', 8080, 0, 65535),
    dataDir,
    dbFile: path.join(dataDir, 'puente.sqlite'),
    distDir: path.join(projectRoot, 'dist'),
    templatesDir: path.join(projectRoot, 'templates'),
    localesDir: path.join(projectRoot, 'locales'),
    sessionTtlMs: intVar(env, 'PUENTE_SESSION_HOURS', 12, 1, 24 * 90) * 3600_000,
    unloadGraceMs: intVar(env, 'PUENTE_UNLOAD_GRACE_MS', 30_000, 0, 3600_000),
    maxMessageBytes: intVar(env, 'PUENTE_MAX_MESSAGE_BYTES', 16 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    maxBodyBytes: intVar(env, 'PUENTE_MAX_BODY_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    compactEvery: intVar(env, 'PUENTE_COMPACT_EVERY', 20_000, 1, 1_000_000),
    messageRate: intVar(env, 'PUENTE_MESSAGE_RATE', 200, 1, 100_000),
    messageBurst: intVar(env, 'PUENTE_MESSAGE_BURST', 1000, 1, 1_000_000),
    allowedOrigins: (env.PUENTE_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    secureCookies: env.PUENTE_SECURE_COOKIES === '1',
    commentsPerMinute: intVar(env, 'PUENTE_COMMENTS_PER_MINUTE', 60, 1, 100_000),
    maxThreadsPerDocument: intVar(env, 'PUENTE_MAX_THREADS_PER_DOCUMENT', 5000, 1, 1_000_000),
    maxRepliesPerThread: intVar(env, 'PUENTE_MAX_REPLIES_PER_THREAD', 500, 1, 1_000_000),
    maxBufferedBytes: intVar(env, 'PUENTE_MAX_BUFFERED_BYTES', 16 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
    maxConnectionsPerUser: intVar(env, 'PUENTE_MAX_CONNECTIONS_PER_USER', 200, 1, 1_000_000),
    maxConnectionsPerAddress: intVar(env, 'PUENTE_MAX_CONNECTIONS_PER_ADDRESS', 400, 1, 1_000_000),
    maxDocumentsPerUser: intVar(env, 'PUENTE_MAX_DOCUMENTS_PER_USER', 50, 1, 1_000_000),
    autoVersionQuietMs: intVar(env, 'PUENTE_AUTO_VERSION_QUIET_MS', 120_000, 10, 24 * 3600_000),
    autoVersionMaxMs: intVar(env, 'PUENTE_AUTO_VERSION_MAX_MS', 600_000, 10, 24 * 3600_000),
  };
  return { ...config, ...overrides, dbFile: overrides.dbFile ?? path.join(overrides.dataDir ?? dataDir, 'puente.sqlite') };
}
