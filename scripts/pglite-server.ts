/**
 * The demo's last resort (`npm run demo` on a laptop with no PostgreSQL server, no Docker engine
 * and no PostgreSQL binaries): PGlite — PostgreSQL itself compiled to WebAssembly — served on a
 * local port through pglite-socket, so that the records service talks to it with the same `pg`
 * driver and the same SQL. In memory: nothing survives the process. Never used by the tests.
 *   node -r @swc-node/register scripts/pglite-server.ts <port>
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Connections the records and casework pools (10 each by default) and the demo driver open at once. */
const MAX_CONNECTIONS = 32;

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? 54329);
  const db = await PGlite.create({ extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: MAX_CONNECTIONS });
  await server.start();
  process.stdout.write(`pglite: PostgreSQL (WebAssembly build) on 127.0.0.1:${port}\n`);
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`pglite: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
