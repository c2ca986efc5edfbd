/**
 * `npm run build`: validate content → astro build → search index. Each step is timed and logged;
 * the first failure stops the build with a non-zero exit code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const outDir = process.env.ASTRO_OUT_DIR || 'dist';

// A caller running under Vite/Vitest leaks its own import.meta.env values (BASE_URL="/", MODE="test"…)
// into process.env, and Astro would take them over our config: build from a clean slate.
for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST']) {
  delete process.env[key];
}

function step(name: string, cmd: string, args: string[]): void {
  const t0 = performance.now();
  console.log(`\n▶ ${name}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ms = Math.round(performance.now() - t0);
  if (res.status !== 0) {
    console.error(`✗ ${name} thất bại (${ms} ms)`);
    process.exit(res.status ?? 1);
  }
  console.log(`✓ ${name} (${ms} ms)`);
}

step('Kiểm tra nội dung', process.execPath, ['scripts/validate-content.ts']);
step('Astro build', process.execPath, ['node_modules/astro/bin/astro.mjs', 'build']);
if (existsSync('scripts/lib/pagefind.ts')) {
  step('Lập chỉ mục tìm kiếm (Pagefind)', process.execPath, ['scripts/lib/pagefind.ts', outDir]);
} else {
  step('Lập chỉ mục tìm kiếm (Pagefind CLI)', process.execPath, ['node_modules/pagefind/lib/runner/bin.cjs', '--site', outDir]);
}
step('Chuẩn bị đọc offline (service worker, danh sách tệp)', process.execPath, ['scripts/lib/offline.ts', outDir]);
