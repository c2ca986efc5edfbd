/** A TCP port free on 127.0.0.1 right now (the OS picks it); a caller that loses a race for it retries. */
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((ok, bad) => {
    const srv = createServer();
    srv.on('error', bad);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}
