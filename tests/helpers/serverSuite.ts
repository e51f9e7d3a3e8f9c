import { afterAll, beforeAll } from 'vitest';
import { createUser, startTestServer } from './testServer';

/** A started test server. */
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * Starts a real server with an admin account before the suite's tests and stops it after; `ready`
 * receives the server and the admin's session token.
 */
export function withServerAndAdmin(ready: (server: TestServer, adminToken: string) => void): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    ready(server, (await createUser(server, 'admin')).token);
  });
  afterAll(() => server?.close());
}
