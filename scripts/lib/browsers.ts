/**
 * The programs `npm test` needs beyond Node, all from Debian's packages (never a downloaded browser build):
 * the three browser engines, a virtual display for WebKitGTK, Java for the Nu HTML Checker, nginx for the
 * README's production recipe, and LibreOffice (Writer, Impress), poppler's PDF tools and the Liberation fonts
 * (metric twins of Times New Roman and Arial) that open the generated .docx/.pptx files in tests/dist/office.test.ts.
 * `ensureSystemPrograms()` installs the missing ones with apt-get when it can (root, or sudo without a
 * password) and otherwise returns the one line that says what to install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Path of a program: an absolute path as given, else the first match on PATH, else ''. */
export function which(name: string): string {
  if (name.startsWith('/')) return existsSync(name) ? name : '';
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return '';
}

/** MiniBrowser ships in libwebkit2gtk-4.1-0 (a dependency of webkit2gtk-driver), outside PATH. */
export const miniBrowserPath =
  process.env.MINIBROWSER_PATH ||
  ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/libexec', '/usr/lib'].map((d) => `${d}/webkit2gtk-4.1/MiniBrowser`).find((p) => existsSync(p)) ||
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Debian's nginx (package nginx), in /usr/sbin: not on a normal user's PATH (#19). */
export const nginxPath = (): string => process.env.NGINX_PATH || '/usr/sbin/nginx';

interface Need {
  /** Debian package that provides it. */
  pkg: string;
  /** What it is for, for the message. */
  what: string;
  /** Path or command name; overridable by the env variable. */
  path: () => string;
}

const needs: Need[] = [
  { pkg: 'chromium', what: 'Chromium', path: () => process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
  { pkg: 'firefox-esr', what: 'Firefox ESR', path: () => process.env.FIREFOX_PATH || '/usr/bin/firefox-esr' },
  { pkg: 'webkit2gtk-driver', what: 'WebKitWebDriver', path: () => process.env.WEBKITWEBDRIVER_PATH || 'WebKitWebDriver' },
  { pkg: 'webkit2gtk-driver', what: 'MiniBrowser', path: () => miniBrowserPath },
  { pkg: 'xvfb', what: 'xvfb-run', path: () => 'xvfb-run' },
  { pkg: 'default-jre-headless', what: 'Java (Nu HTML Checker)', path: () => process.env.JAVA_PATH || 'java' },
  { pkg: 'nginx', what: 'nginx (README production recipe)', path: nginxPath },
  { pkg: 'libreoffice-writer', what: 'LibreOffice Writer', path: () => '/usr/lib/libreoffice/program/swriter' },
  { pkg: 'libreoffice-impress', what: 'LibreOffice Impress', path: () => '/usr/lib/libreoffice/program/simpress' },
  { pkg: 'poppler-utils', what: 'pdfinfo, pdftotext', path: () => 'pdftotext' },
  { pkg: 'fonts-liberation', what: 'Liberation fonts', path: () => '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf' },
  // Liberation 2 has the Vietnamese letters (ố, ự…) the Word files' Times New Roman stands in for; with
  // Liberation 1 alone, LibreOffice takes them from another font and the header "ĐẢNG CỘNG SẢN VIỆT NAM" wraps.
  { pkg: 'fonts-liberation2', what: 'Liberation 2 fonts (Vietnamese)', path: () => '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf' },
];

function missing(): Need[] {
  return needs.filter((n) => !which(n.path()));
}

/** null when everything is there (possibly after installing it), else the one line saying what to install. */
export function ensureSystemPrograms(opts: { install?: boolean; log?: (line: string) => void } = {}): string | null {
  const log = opts.log ?? console.log;
  let lack = missing();
  if (lack.length === 0) return null;
  const pkgs = [...new Set(lack.map((n) => n.pkg))];
  const root = process.getuid?.() === 0;
  const sudo = !root && which('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (opts.install !== false && which('apt-get') && (root || sudo)) {
    log(`Installing with apt-get: ${pkgs.join(' ')}`);
    aptInstall(pkgs, root, log);
    lack = missing();
    if (lack.length === 0) return null;
  }
  const what = lack.map((n) => n.what).join(', ');
  const all = [...new Set(lack.map((n) => n.pkg))].join(' ');
  const elsewhere = which('apt-get') ? '' : ' (elsewhere: the same programs, with CHROMIUM_PATH, FIREFOX_PATH, WEBKITWEBDRIVER_PATH, MINIBROWSER_PATH, JAVA_PATH, NGINX_PATH)';
  return `npm test needs ${what}: install with \`sudo apt-get install -y ${all}\`${elsewhere} and run npm test again.`;
}

/** Blocks the (synchronous) installer for `ms` without a busy loop. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * apt-get update + install, made to survive a fresh or busy machine: it waits up to 10 minutes for a dpkg or
 * package-list lock another process holds (unattended-upgrades, a second job), and retries a failed step (a
 * mirror that drops the connection) three times, 15 s, then 30 s apart. A failed update does not stop the
 * install: the lists already on the machine may be enough.
 */
function aptInstall(pkgs: string[], root: boolean, log: (line: string) => void): void {
  const lock = ['-o', 'DPkg::Lock::Timeout=600', '-o', 'Acquire::Retries=3'];
  const apt = (args: string[]) =>
    spawnSync(root ? 'apt-get' : 'sudo', root ? [...lock, ...args] : ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...lock, ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  const retry = (what: string, args: string[]) => {
    for (const wait of [0, 15_000, 30_000]) {
      if (wait) {
        log(`apt-get ${what} failed: trying again in ${wait / 1000} s`);
        pause(wait);
      }
      if (apt(args)) return true;
    }
    return false;
  };
  retry('update', ['update', '-qq']);
  retry('install', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs]);
}
