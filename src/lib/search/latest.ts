/**
 * Only the latest query counts. While someone types, each keystroke would start a whole search;
 * on a phone that is wasted work and, on a slow network, a queue of round trips in front of the
 * one that matters. {@link latestOnly} wraps a search so that:
 * - a keystroke after a pause runs at once (no added delay for the query people wait on);
 * - a keystroke that follows another within `typingMs` waits until the typing pauses for `quietMs`;
 * - a newer call aborts the one in flight (its signal), and a stale answer is never returned, so the
 *   results shown are always those of the last keystroke, whatever order the answers arrive in.
 */

/** Options of {@link latestOnly}. */
export interface LatestOptions {
  /** How long typing must pause before a keystroke made while typing is searched, ms. */
  quietMs?: number;
  /** Two calls closer than this are "typing", ms. */
  typingMs?: number;
  /** Clock, ms (tests pass their own). */
  now?: () => number;
  /** Timer (tests pass their own). */
  sleep?: (ms: number) => Promise<void>;
}

/** True for the error an aborted search throws. */
const isAbort = (err: unknown): boolean => err instanceof Error && /abort/i.test(err.name);

/**
 * Wraps `work(signal, ...args)`; the wrapper resolves to null when a newer call (or `cancel()`)
 * superseded this one (its result must not be shown) and rethrows any other error of the latest call.
 * @example const run = latestOnly((signal, q: string) => search(pf, q, { signal }));
 */
export function latestOnly<A extends unknown[], T>(
  work: (signal: AbortSignal, ...args: A) => Promise<T>,
  options: LatestOptions = {},
): ((...args: A) => Promise<T | null>) & { cancel(): void } {
  const quietMs = options.quietMs ?? 150;
  const typingMs = options.typingMs ?? 300;
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let seq = 0;
  let lastCall = Number.NEGATIVE_INFINITY;
  let inFlight: AbortController | null = null;
  const call = async (...args: A): Promise<T | null> => {
    const mine = ++seq;
    inFlight?.abort();
    inFlight = null;
    const t = now();
    const typing = t - lastCall < typingMs;
    lastCall = t;
    if (typing) {
      await sleep(quietMs);
      if (mine !== seq) return null;
    }
    const ctl = new AbortController();
    inFlight = ctl;
    try {
      const out = await work(ctl.signal, ...args);
      return mine === seq ? out : null;
    } catch (err) {
      if (mine !== seq || isAbort(err)) return null;
      throw err;
    } finally {
      if (inFlight === ctl) inFlight = null;
    }
  };
  /** Drops the call in flight (the box was emptied): its answer must not appear. */
  const cancel = () => {
    seq++;
    inFlight?.abort();
    inFlight = null;
  };
  return Object.assign(call, { cancel });
}
