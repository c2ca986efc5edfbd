import { afterEach, describe, expect, it } from 'vitest';
import { ensureSystemPrograms, which } from '../../../scripts/lib/browsers.ts';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('ensureSystemPrograms', () => {
  it('names what is missing, and the apt-get line that installs it, in one line', () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    process.env.JAVA_PATH = '/nonexistent/java';
    const line = ensureSystemPrograms({ install: false, log: () => {} });
    expect(line).not.toBeNull();
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^npm test needs Chromium(, .+)?, Java \(Nu HTML Checker\)(, .+)?: install with `sudo apt-get install -y chromium( .+)? default-jre-headless( .+)?`/);
  });

  it('finds programs by absolute path or on PATH', () => {
    expect(which(process.execPath)).toBe(process.execPath);
    expect(which('/nonexistent/x')).toBe('');
    process.env.PATH = '/nonexistent';
    expect(which('sh')).toBe('');
  });
});
