import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { openDatabase } from './storage/openDatabase';
import { UserStore, isRole } from './storage/UserStore';
import { AuditLog } from './storage/AuditLog';
import { hashPassword } from './auth/password';

const USAGE = `Usage:
  npm run cli -- user add --email E --name N --password P --role admin|drafter|reviewer [--jurisdictions US-CA,MX-SON]
  npm run cli -- user list
  npm run cli -- backup FILE`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** The administrator's command line; it works on DATA_DIR directly, with or without the server running. */
async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  const [group, command, ...rest] = argv;
  if (group === 'user' && command === 'add') {
    const { values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, jurisdictions: { type: 'string' } },
      strict: true,
    });
    const { email, name, password, role } = values;
    if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) fail('--email must be an email address');
    if (!name?.trim()) fail('--name is required');
    if (!password || password.length < 8) fail('--password must be at least 8 characters');
    if (!isRole(role)) fail('--role must be admin, drafter or reviewer');
    const jurisdictions = (values.jurisdictions ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    for (const j of jurisdictions) if (!/^(US|MX)-[A-Z]{2,3}$/.test(j)) fail(`not a jurisdiction code: ${j}`);
    const db = openDatabase(config.dbFile);
    const users = new UserStore(db);
    if (users.credentialsByEmail(email)) fail(`a user with email ${email} already exists`);
    const user = users.create({ email, name, passwordHash: await hashPassword(password), role, jurisdictions });
    new AuditLog(db).record('user.create', null, null, { userId: user.id, email: user.email, role, jurisdictions, via: 'cli' });
    db.close();
    console.log(`created ${user.role} ${user.email} (${user.id})${jurisdictions.length ? ` for ${jurisdictions.join(', ')}` : ''}`);
    return;
  }
  if (group === 'user' && command === 'list') {
    const db = openDatabase(config.dbFile);
    for (const u of new UserStore(db).list()) {
      console.log(`${u.email}\t${u.name}\t${u.role}\t${u.jurisdictions.join(',')}${u.disabled ? '\tdisabled' : ''}`);
    }
    db.close();
    return;
  }
  if (group === 'backup' && command) {
    const db = openDatabase(config.dbFile);
    await db.backup(command);
    db.close();
    console.log(`backed up ${config.dbFile} to ${command}`);
    return;
  }
  fail(USAGE);
}

main(process.argv.slice(2)).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
