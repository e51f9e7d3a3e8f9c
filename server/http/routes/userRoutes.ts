import type { Router } from '../Router';
import type { Services } from '../../services';
import type { User } from '../../storage/UserStore';
import { isRole } from '../../storage/UserStore';
import { badRequest, forbidden, invalidField, notFound } from '../../errors';
import { hashPassword } from '../../auth/password';
import { revalidateConnections } from '../../auth/revalidateConnections';
import { publicUser } from './sessionRoutes';

function requireAdmin(user: User): void {
  if (user.role !== 'admin') throw forbidden();
}

function jurisdictionList(services: Services, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !services.library.jurisdictions.has(v))) throw invalidField('jurisdictions');
  return [...new Set(value as string[])];
}

/** Account administration (admins only): list, create, change role, jurisdictions, password, disable. */
export function userRoutes(router: Router, services: Services): void {
  router.add('GET', '/api/users', (ctx) => {
    requireAdmin(ctx.user());
    return { status: 200, body: services.users.list().map((u) => ({ ...publicUser(u), disabled: u.disabled, createdAt: new Date(u.createdAt).toISOString() })) };
  });

  router.add('POST', '/api/users', async (ctx) => {
    const admin = ctx.user();
    requireAdmin(admin);
    const body = await ctx.json();
    if (typeof body.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(body.email) || body.email.length > 320) throw invalidField('email');
    if (typeof body.name !== 'string' || !body.name.trim() || body.name.length > 200) throw invalidField('name');
    if (typeof body.password !== 'string' || body.password.length < 8 || body.password.length > 1024) throw invalidField('password');
    if (!isRole(body.role)) throw invalidField('role');
    const jurisdictions = body.jurisdictions === undefined ? [] : jurisdictionList(services, body.jurisdictions);
    if (services.users.credentialsByEmail(body.email)) throw badRequest('email_taken', 'emailTaken');
    const user = services.users.create({ email: body.email, name: body.name, passwordHash: await hashPassword(body.password), role: body.role, jurisdictions });
    services.audit.record('user.create', admin.id, null, { userId: user.id, email: user.email, role: user.role, jurisdictions });
    return { status: 201, body: publicUser(user) };
  });

  router.add('PATCH', '/api/users/:id', async (ctx) => {
    const admin = ctx.user();
    requireAdmin(admin);
    const target = services.users.byId(ctx.params.id ?? '');
    if (!target) throw notFound();
    const body = await ctx.json();
    const patch: Parameters<typeof services.users.update>[1] = {};
    if (body.name !== undefined) {
      if (typeof body.name !== 'string' || !body.name.trim()) throw invalidField('name');
      patch.name = body.name.trim();
    }
    if (body.role !== undefined) {
      if (!isRole(body.role)) throw invalidField('role');
      patch.role = body.role;
    }
    if (body.jurisdictions !== undefined) patch.jurisdictions = jurisdictionList(services, body.jurisdictions);
    if (body.disabled !== undefined) {
      if (typeof body.disabled !== 'boolean') throw invalidField('disabled');
      if (body.disabled && target.id === admin.id) throw badRequest('cannot_disable_self', 'cannotDisableSelf');
      patch.disabled = body.disabled;
    }
    if (body.password !== undefined) {
      if (typeof body.password !== 'string' || body.password.length < 8) throw invalidField('password');
      patch.passwordHash = await hashPassword(body.password);
    }
    const updated = services.users.update(target.id, patch);
    if (patch.disabled || patch.passwordHash) services.sessions.revokeAllFor(target.id);
    const { passwordHash: _omit, ...auditable } = patch;
    services.audit.record('user.update', admin.id, null, { userId: target.id, ...auditable, passwordChanged: Boolean(patch.passwordHash) });
    const closed = revalidateConnections(services, (c) => c.userId === target.id);
    return { status: 200, body: { ...publicUser(updated ?? target), disabled: updated?.disabled ?? false, closedConnections: closed } };
  });

  router.add('GET', '/api/audit', (ctx) => {
    requireAdmin(ctx.user());
    const limit = Math.min(1000, Math.max(1, Number(ctx.url.searchParams.get('limit') ?? 200) || 200));
    return { status: 200, body: services.audit.recent(limit) };
  });
}
