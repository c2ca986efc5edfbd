/**
 * `npm test`: every suite, in CI order, then one plain line `N passed, M failed`.
 *   1. unit      (Vitest, pure code and schemas)
 *   1b. check    (astro check: TypeScript and content types), counted as one test
 *   2. build     (npm run build: content validation, Astro, Pagefind), counted as one test
 *   3. dist      (Vitest, checks over the built site)
 *   4. e2e       (Vitest + real Chromium against the built site)
 *   5. journeys  (the core journeys, written once, in Chromium, Firefox ESR and WebKitGTK: one tally per engine)
 *   6. journeys-nginx (the same journeys served by the README's production recipe in Debian's nginx; one tally
 *      per engine)
 * Missing browsers (and Java for the Nu HTML Checker, nginx) are installed first when apt-get can; otherwise the run
 * stops with one line saying what to install. A suite that cannot start counts as failed. Exit code 1 when
 * anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureSystemPrograms } from './lib/browsers.ts';

interface Tally {
  name: string;
  passed: number;
  failed: number;
}

const tallies: Tally[] = [];
mkdirSync('.tmp', { recursive: true });

const lacking = ensureSystemPrograms();
if (lacking) {
  console.error(lacking);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/**
 * The longest any one step may take before it is stopped and counted as failed, so one hung browser cannot
 * use up CI's whole time (90 min) and leave no summary line. Generous: the longest suite (e2e, about 15 min
 * on an idle 2-core machine) took over 30 min in two fresh runs sharing the cores with each other and a build
 * loop, and 30 min was too short for that; a hung step still leaves CI time for the summary.
 */
const STEP_TIMEOUT_MS = 60 * 60_000;

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numFailedTestSuites: number;
  testResults: { assertionResults: { ancestorTitles: string[]; status: string }[]; status: string; name: string }[];
}

/** Runs one Vitest project; returns its tally (and the JSON report, when there is one). */
function vitestRun(project: string): { tally: Tally; report?: VitestReport } {
  const out = `.tmp/vitest-${project}.json`;
  rmSync(out, { force: true });
  const res = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`],
    { stdio: 'inherit', env: process.env, timeout: STEP_TIMEOUT_MS, killSignal: 'SIGKILL' },
  );
  if (res.error) console.error(`${project}: ${res.error.message}`);
  if (!existsSync(out)) return { tally: { name: project, passed: 0, failed: 1 } };
  const report = JSON.parse(readFileSync(out, 'utf8')) as VitestReport;
  // A test file that fails to load has no assertions but a failed status: count it once.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  const failed = report.numFailedTests + brokenFiles + (res.status !== 0 && report.numFailedTests + brokenFiles === 0 ? 1 : 0);
  return { tally: { name: project, passed: report.numPassedTests, failed }, report };
}

function vitest(project: string): Tally {
  return vitestRun(project).tally;
}

/**
 * A journeys project, one tally per engine: each journey sits in a `describe(<engine>)` block, so the
 * first ancestor title names the engine. Whatever the engine split misses (a file that did not load, a
 * crashed run) is reported as failed under the project's name.
 */
function journeys(project: string): Tally[] {
  const { tally, report } = vitestRun(project);
  if (!report) return [tally];
  const byEngine = new Map<string, Tally>();
  for (const file of report.testResults) {
    for (const a of file.assertionResults) {
      const name = `${project}:${a.ancestorTitles[0] ?? '?'}`;
      const t = byEngine.get(name) ?? { name, passed: 0, failed: 0 };
      if (a.status === 'passed') t.passed++;
      else if (a.status === 'failed') t.failed++;
      byEngine.set(name, t);
    }
  }
  const split = [...byEngine.values()];
  const rest = tally.failed - split.reduce((s, t) => s + t.failed, 0);
  if (rest > 0) split.push({ name: project, passed: 0, failed: rest });
  return split;
}

tallies.push(vitest('unit'));

// Types and content schemas (astro check), counted as one test.
{
  const res = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'check'], { stdio: 'inherit', env: process.env, timeout: STEP_TIMEOUT_MS });
  tallies.push({ name: 'check', passed: res.status === 0 ? 1 : 0, failed: res.status === 0 ? 0 : 1 });
}

let built = true;
if (process.env.SKIP_BUILD !== '1') {
  const res = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit', env: process.env, timeout: STEP_TIMEOUT_MS });
  built = res.status === 0;
  tallies.push({ name: 'build', passed: built ? 1 : 0, failed: built ? 0 : 1 });
}
if (built) {
  tallies.push(vitest('dist'));
  tallies.push(vitest('e2e'));
  tallies.push(...journeys('journeys'));
  tallies.push(...journeys('journeys-nginx'));
} else {
  console.error('Build failed: dist, e2e and journeys suites not run (counted as failed).');
  tallies.push({ name: 'dist+e2e', passed: 0, failed: 1 });
}

console.log('\nSuites:');
for (const t of tallies) console.log(`  ${t.name.padEnd(24)} ${t.passed} passed, ${t.failed} failed`);
const passed = tallies.reduce((s, t) => s + t.passed, 0);
const failed = tallies.reduce((s, t) => s + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
