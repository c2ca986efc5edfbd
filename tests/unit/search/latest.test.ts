import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../../src/lib/search/latest.ts';

/** A controllable clock and timer: time only moves when the test says so. */
function clock() {
  let t = 1000;
  const timers: { at: number; fire: () => void }[] = [];
  return {
    now: () => t,
    sleep: (ms: number) => new Promise<void>((r) => timers.push({ at: t + ms, fire: r })),
    async advance(ms: number) {
      t += ms;
      for (const x of timers.filter((x) => x.at <= t)) {
        timers.splice(timers.indexOf(x), 1);
        x.fire();
      }
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

/** A search whose answers the test releases one by one, in any order. */
function deferredWork() {
  const calls: { q: string; signal: AbortSignal; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const work = (signal: AbortSignal, q: string) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ q, signal, resolve, reject });
    });
  return { calls, work };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('latestOnly', () => {
  it('a keystroke after a pause searches at once', async () => {
    const c = clock();
    const d = deferredWork();
    const run = latestOnly(d.work, { now: c.now, sleep: c.sleep });
    const p = run('dang');
    await tick();
    expect(d.calls.map((x) => x.q)).toEqual(['dang']);
    d.calls[0]!.resolve('A');
    await expect(p).resolves.toBe('A');
  });

  it('typing a word costs one search: keystrokes 120 ms apart wait for the pause', async () => {
    const c = clock();
    const d = deferredWork();
    const run = latestOnly(d.work, { now: c.now, sleep: c.sleep, quietMs: 150, typingMs: 300 });
    const outs: Promise<string | null>[] = [];
    for (const q of ['d', 'da', 'dan', 'dang']) {
      outs.push(run(q));
      await c.advance(120);
    }
    await c.advance(200);
    // "d" ran at once (after a pause); the rest waited, and only the last of them ran.
    expect(d.calls.map((x) => x.q)).toEqual(['d', 'dang']);
    expect(d.calls[0]!.signal.aborted).toBe(true);
    d.calls[1]!.resolve('final');
    d.calls[0]!.resolve('stale');
    expect(await Promise.all(outs)).toEqual([null, null, null, 'final']);
  });

  it('a stale answer that arrives after a newer one never overwrites it', async () => {
    const c = clock();
    const d = deferredWork();
    const run = latestOnly(d.work, { now: c.now, sleep: c.sleep, typingMs: 300 });
    const first = run('dang');
    await c.advance(1000);
    const second = run('dang uy');
    await tick();
    expect(d.calls.map((x) => x.q)).toEqual(['dang', 'dang uy']);
    d.calls[1]!.resolve('new');
    d.calls[0]!.resolve('old');
    await expect(second).resolves.toBe('new');
    await expect(first).resolves.toBeNull();
  });

  it('cancel() drops the search in flight (the box was emptied)', async () => {
    const d = deferredWork();
    const run = latestOnly(d.work);
    const p = run('dang');
    await tick();
    run.cancel();
    expect(d.calls[0]!.signal.aborted).toBe(true);
    d.calls[0]!.resolve('late');
    await expect(p).resolves.toBeNull();
  });

  it('an aborted search resolves to null; another error of the latest search is thrown', async () => {
    const d = deferredWork();
    const run = latestOnly(d.work, { typingMs: 0 });
    const p = run('dang');
    await tick();
    const abort = new Error('search aborted');
    abort.name = 'SearchAborted';
    d.calls[0]!.reject(abort);
    await expect(p).resolves.toBeNull();
    const q = run('x');
    await tick();
    d.calls[1]!.reject(new Error('offline'));
    await expect(q).rejects.toThrow('offline');
  });
});
