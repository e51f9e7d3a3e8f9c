import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../server/config';
import { startServer, type RunningServer } from '../../server/startServer';
import { hashPassword } from '../../server/auth/password';
import type { Role, User } from '../../server/storage/UserStore';

/** A fresh temporary data directory. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'puente-test-'));
}

/** A templates folder with no templates and no jurisdictions, for tests that need neither. */
export function emptyTemplatesDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'puente-templates-'));
  fs.writeFileSync(path.join(dir, 'jurisdictions.json'), '[]');
  return dir;
}

/** Starts the real server on a free port with its own data directory. */
export async function startTestServer(overrides: Partial<Config> = {}, dataDir = tempDataDir()): Promise<RunningServer & { dataDir: string }> {
  const config = loadConfig({}, { port: 0, host: '127.0.0.1', dataDir, unloadGraceMs: 200, ...overrides });
  const server = await startServer(config, () => undefined);
  return Object.assign(server, { dataDir });
}

/** Creates an account directly in the server's database and signs it in over HTTP. */
export async function createUser(
  server: RunningServer,
  role: Role,
  opts: { email?: string; name?: string; jurisdictions?: string[]; password?: string } = {},
): Promise<{ user: User; token: string; password: string }> {
  const password = opts.password ?? 'correct horse battery';
  const email = opts.email ?? `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const user = server.services.users.create({
    email,
    name: opts.name ?? `${role[0]?.toUpperCase()}${role.slice(1)} ${email.slice(0, 4)}`,
    passwordHash: await hashPassword(password),
    role,
    jurisdictions: opts.jurisdictions ?? [],
  });
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { token: string };
  return { user, token: body.token, password };
}

/** Calls the JSON API with a bearer token. */
export async function apiCall<T = unknown>(server: { url: string }, token: string | null, method: string, urlPath: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${urlPath}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
