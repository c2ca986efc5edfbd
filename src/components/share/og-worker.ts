/**
 * A render worker for share cards (started by og-render.ts with node:worker_threads): renders the
 * cards it is sent and writes each PNG to its cache file (write, then rename), answering with the id.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { renderPng } from './og-png.ts';
import type { CardInput } from '../../lib/share/card.ts';

parentPort!.on('message', async (job: { id: number; input: CardInput; file: string }) => {
  try {
    const png = await renderPng(job.input);
    const tmp = `${job.file}.${process.pid}.${job.id}.tmp`;
    writeFileSync(tmp, png);
    renameSync(tmp, job.file);
    parentPort!.postMessage({ id: job.id });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: String((e as Error).stack ?? e) });
  }
});
