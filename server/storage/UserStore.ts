import { randomUUID } from 'node:crypto';
import type { Db } from './openDatabase';

/** Roles of ../shared/CONTRACT.md. */
export type Role = 'admin' | 'drafter' | 'reviewer';

/** Narrows an untrusted value to a role. */
export function isRole(value: unknown): value is Role {
  return value === 'admin' || value === 'drafter' || value === 'reviewer';
}

/** An account as the rest of the server sees it (never with its password hash). */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  jurisdictions: string[];
  disabled: boolean;
  createdAt: number;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  jurisdictions: string;
  disabled: number;
  created_at: number;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    jurisdictions: JSON.parse(row.jurisdictions) as string[],
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  };
}

/** Accounts in SQLite. */
export class UserStore {
  constructor(private readonly db: Db) {}

  create(input: { email: string; name: string; passwordHash: string; role: Role; jurisdictions: string[] }): User {
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO users (id, email, name, password_hash, role, jurisdictions, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.email.trim(), input.name.trim(), input.passwordHash, input.role, JSON.stringify(input.jurisdictions), Date.now());
    const user = this.byId(id);
    if (!user) throw new Error('user vanished after insert');
    return user;
  }

  byId(id: string): User | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  /** The user and their password hash, for sign-in. */
  credentialsByEmail(email: string): { user: User; passwordHash: string } | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ?').get(email.trim()) as UserRow | undefined;
    return row && { user: toUser(row), passwordHash: row.password_hash };
  }

  list(): User[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY email').all() as UserRow[]).map(toUser);
  }

  update(id: string, patch: { name?: string; role?: Role; jurisdictions?: string[]; disabled?: boolean; passwordHash?: string }): User | undefined {
    const user = this.byId(id);
    if (!user) return undefined;
    const current = this.db.prepare('SELECT password_hash FROM users WHERE id = ?').get(id) as { password_hash: string };
    this.db
      .prepare('UPDATE users SET name = ?, role = ?, jurisdictions = ?, disabled = ?, password_hash = ? WHERE id = ?')
      .run(
        patch.name ?? user.name,
        patch.role ?? user.role,
        JSON.stringify(patch.jurisdictions ?? user.jurisdictions),
        (patch.disabled ?? user.disabled) ? 1 : 0,
        patch.passwordHash ?? current.password_hash,
        id,
      );
    return this.byId(id);
  }
}
