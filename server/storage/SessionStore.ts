import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './openDatabase';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Sign-in sessions. Only a hash of each token is stored, so a copy of the database grants no access. */
export class SessionStore {
  constructor(private readonly db: Db, private readonly ttlMs: number) {}

  /** Starts a session and returns its bearer token. */
  create(userId: string): { token: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const expiresAt = now + this.ttlMs;
    this.db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(hash(token), userId, now, expiresAt);
    return { token, expiresAt };
  }

  /** The user id of a live session, or undefined for an unknown, expired or revoked token. */
  userIdFor(token: string): string | undefined {
    return this.live(token)?.userId;
  }

  /** A live session's user and when it ends (ms since the epoch); undefined for an unknown, expired or revoked token. */
  live(token: string): { userId: string; expiresAt: number } | undefined {
    const row = this.db
      .prepare('SELECT user_id, expires_at FROM sessions WHERE token_hash = ? AND revoked = 0 AND expires_at > ?')
      .get(hash(token), Date.now()) as { user_id: string; expires_at: number } | undefined;
    return row && { userId: row.user_id, expiresAt: row.expires_at };
  }

  revoke(token: string): void {
    this.db.prepare('UPDATE sessions SET revoked = 1 WHERE token_hash = ?').run(hash(token));
  }

  revokeAllFor(userId: string): void {
    this.db.prepare('UPDATE sessions SET revoked = 1 WHERE user_id = ?').run(userId);
  }
}
