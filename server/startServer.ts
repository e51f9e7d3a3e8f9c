import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloseCode } from '@shared/collab/closeCodes';
import type { Config } from './config';
import { createServices, type Services } from './services';
import { createApp } from './http/createApp';
import { attachCollab } from './collab/attachCollab';

/** A running Puente server. */
export interface RunningServer {
  url: string;
  port: number;
  services: Services;
  close(): Promise<void>;
}

/** Starts HTTP and the collaboration socket on `config.host:config.port` (0 picks a free port). */
export async function startServer(config: Config, log: (line: string) => void = (l) => console.log(l)): Promise<RunningServer> {
  const services = createServices(config, log);
  const server = http.createServer(createApp(services));
  server.requestTimeout = 60_000;
  const { wss } = attachCollab(server, services);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${hostForUrl}:${port}`;
  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    services,
    close() {
      closing ??= (async () => {
        // Let every socket's close handler run (it writes the audit log) before the database closes.
        const socketsClosed = [...services.connections].map((conn) => new Promise<void>((done) => {
          conn.ws.once('close', () => done());
          conn.ws.close(CloseCode.GoingAway, 'server shutting down');
          setTimeout(() => {
            conn.ws.terminate();
            done();
          }, 1000).unref();
        }));
        await Promise.all(socketsClosed);
        wss.close();
        services.events.closeAll();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        // The edits of a burst still open are kept as an automatic version while the rooms are loaded.
        services.history.flushAll();
        services.rooms.closeAll();
        await services.exports.close();
        await services.stopCheckpoints();
        services.db.close();
      })();
      return closing;
    },
  };
}
