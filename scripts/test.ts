/**
 * `npm test`: every suite, in CI order, then one plain line `N passed, M failed`.
 *   1. unit      (Vitest, pure code and schemas)
 *   1b. check    (astro check: TypeScript and content types), counted as one test
 *   2. build     (npm run build: content validation, Astro, Pagefind), counted as one test
 *   3. dist      (Vitest, checks over the built site)
 *   4. e2e       (Vitest + real Chromium against the built site)
 * A suite that cannot start counts as failed. Exit code 1 when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Tally {
  name: string;
  passed: number;
  failed: number;
}

const tallies: Tally[] = [];
mkdirSync('.tmp', { recursive: true });

function vitest(project: string): Tally {
  const out = `.tmp/vitest-${project}.json`;
  rmSync(out, { force: true });
  const res = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`],
    { stdio: 'inherit', env: process.env },
  );
  if (!existsSync(out)) return { name: project, passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numFailedTestSuites: number;
    testResults: { assertionResults: unknown[]; status: string }[];
  };
  // A test file that fails to load has no assertions but a failed status: count it once.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  const failed = report.numFailedTests + brokenFiles + (res.status !== 0 && report.numFailedTests + brokenFiles === 0 ? 1 : 0);
  return { name: project, passed: report.numPassedTests, failed };
}

tallies.push(vitest('unit'));

// Types and content schemas (astro check), counted as one test.
{
  const res = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'check'], { stdio: 'inherit', env: process.env });
  tallies.push({ name: 'check', passed: res.status === 0 ? 1 : 0, failed: res.status === 0 ? 0 : 1 });
}

let built = true;
if (process.env.SKIP_BUILD !== '1') {
  const res = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit', env: process.env });
  built = res.status === 0;
  tallies.push({ name: 'build', passed: built ? 1 : 0, failed: built ? 0 : 1 });
}
if (built) {
  tallies.push(vitest('dist'));
  tallies.push(vitest('e2e'));
} else {
  console.error('Build failed: dist and e2e suites not run (counted as failed).');
  tallies.push({ name: 'dist+e2e', passed: 0, failed: 1 });
}

console.log('\nSuites:');
for (const t of tallies) console.log(`  ${t.name.padEnd(8)} ${t.passed} passed, ${t.failed} failed`);
const passed = tallies.reduce((s, t) => s + t.passed, 0);
const failed = tallies.reduce((s, t) => s + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
