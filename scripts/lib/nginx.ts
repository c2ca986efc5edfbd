/**
 * Runs the README's production recipe with Debian's nginx, so tests prove the recipe as written (issue #19).
 *
 * The configuration comes from README.md itself: the first fenced ```nginx block. It is meant to be a file in
 * Debian's `sites-enabled/`, which Debian's `/etc/nginx/nginx.conf` includes inside its `http { }`. On a test
 * machine it runs with only what must differ, made by {@link forTestMachine} (and nothing else):
 *   1. every `listen …;` → one `listen 127.0.0.1:<free port>;` (no TLS, no privileged port);
 *   2. `ssl_*` directives are dropped (no certificate on a test machine);
 *   3. `root …;` → `root <the built dist/>;`.
 * {@link wrap} puts the result in an `http { }` that sets what Debian's stock nginx.conf sets there and that
 * changes responses (`include mime.types`, `default_type application/octet-stream`, `gzip on`, `sendfile`,
 * `types_hash_max_size`), plus what a private prefix needs: temp and log paths in the prefix, and, as root,
 * `user root` so the workers can read a checkout under /root.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { nginxPath } from './browsers.ts';
import { freePort } from './ports.ts';

/** The first fenced ```nginx block of a Markdown text, as written. */
export function readmeNginxBlock(markdown: string): string {
  const m = /^```nginx[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/m.exec(markdown);
  if (!m) throw new Error('README.md has no ```nginx block (the production recipe)');
  return m[1]!;
}

/** The substitutions a test machine needs (see the module comment); throws when the recipe lacks one. */
export function forTestMachine(block: string, opts: { root: string; port: number }): string {
  let listens = 0;
  let roots = 0;
  const out = block
    .split('\n')
    .map((line) => {
      if (/^\s*listen\s[^;]*;/.test(line)) return listens++ === 0 ? line.replace(/listen\s[^;]*;/, `listen 127.0.0.1:${opts.port};`) : '';
      if (/^\s*ssl_\w+\s[^;]*;/.test(line)) return '';
      if (/^\s*root\s[^;]*;/.test(line)) {
        roots++;
        return line.replace(/root\s[^;]*;/, `root ${resolve(opts.root)};`);
      }
      return line;
    })
    .join('\n');
  if (listens === 0 || roots === 0) throw new Error('the README nginx block needs a listen and a root directive');
  return out;
}

/** Where nginx keeps its configuration (for mime.types), from `nginx -V`; Debian: /etc/nginx. */
function confDir(): string {
  const v = spawnSync(nginxPath(), ['-V'], { encoding: 'utf8' });
  const m = /--conf-path=(\S+)/.exec(`${v.stdout}${v.stderr}`);
  return m ? dirname(m[1]!) : '/etc/nginx';
}

/** The whole nginx.conf for a private prefix around the (substituted) recipe. */
export function wrap(server: string, prefix: string, asRoot: boolean): string {
  const p = (name: string) => join(prefix, name);
  return [
    asRoot ? 'user root;' : '',
    'worker_processes 1;',
    'events { worker_connections 256; }',
    'http {',
    '    # As in Debian\'s /etc/nginx/nginx.conf:',
    '    sendfile on;',
    '    tcp_nopush on;',
    '    types_hash_max_size 2048;',
    '    include mime.types;',
    '    default_type application/octet-stream;',
    '    gzip on;',
    '    # A private prefix instead of /var/lib/nginx and /var/log/nginx:',
    `    access_log ${p('access.log')};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${p(`tmp-${t}`)};`),
    '',
    server,
    '}',
    '',
  ].join('\n');
}

/** Resolves once something accepts connections on the port, or rejects when the process ends first. */
function listening(port: number, proc: ChildProcess, log: () => string): Promise<void> {
  return new Promise((ok, bad) => {
    let done = false;
    const exited = () => {
      if (!done) (done = true), bad(new Error(`nginx exited before listening:\n${log()}`));
    };
    proc.once('exit', exited);
    proc.once('error', (err) => {
      if (!done) (done = true), bad(new Error(`could not start ${nginxPath()} (Debian package nginx; NGINX_PATH overrides): ${err.message}`));
    });
    const deadline = Date.now() + 60_000;
    const attempt = () => {
      if (done) return;
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        done = true;
        proc.off('exit', exited);
        ok();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > deadline) {
          done = true;
          bad(new Error(`nginx did not listen on ${port}:\n${log()}`));
        } else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** A running nginx. */
export interface RunningNginx {
  url: string;
  /** The nginx.conf it runs with (for failure messages). */
  conf: string;
  close(): Promise<void>;
}

/**
 * Starts Debian's nginx in the foreground with the README recipe serving `root` on a free loopback port.
 * A port taken between choosing and binding (another suite) is retried with a new one.
 */
export async function startNginx(opts: { root: string; readme?: string }): Promise<RunningNginx> {
  const block = readmeNginxBlock(readFileSync(opts.readme ?? 'README.md', 'utf8'));
  const asRoot = process.getuid?.() === 0;
  for (let attempt = 1; ; attempt++) {
    const prefix = mkdtempSync(join(tmpdir(), 'tt-nginx-'));
    mkdirSync(join(prefix, 'logs'));
    copyFileSync(join(confDir(), 'mime.types'), join(prefix, 'mime.types'));
    const port = await freePort();
    const conf = wrap(forTestMachine(block, { root: opts.root, port }), prefix, asRoot);
    const confFile = join(prefix, 'nginx.conf');
    writeFileSync(confFile, conf);
    const errorLog = join(prefix, 'error.log');
    const proc = spawn(nginxPath(), ['-p', prefix + '/', '-c', confFile, '-e', errorLog, '-g', `daemon off; pid ${join(prefix, 'nginx.pid')}; error_log ${errorLog};`], {
      stdio: 'ignore',
    });
    const log = () => {
      try {
        return readFileSync(errorLog, 'utf8');
      } catch {
        return '(no error log)';
      }
    };
    const close = () =>
      new Promise<void>((ok) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return ok(rmSync(prefix, { recursive: true, force: true }));
        proc.once('exit', () => ok(rmSync(prefix, { recursive: true, force: true })));
        // QUIT: graceful stop, so the workers end with the master.
        proc.kill('SIGQUIT');
      });
    try {
      await listening(port, proc, log);
      return { url: `http://127.0.0.1:${port}/`, conf, close };
    } catch (err) {
      const inUse = /Address already in use/.test(log());
      await close();
      if (!inUse || attempt >= 5) throw err;
    }
  }
}
