/**
 * Retry rules: at most `maxPerDay` attempts per calendar day and a pause of `spacingMinutes`
 * after each finished attempt. Days are counted in Vietnam time (UTC+7) whatever the device's
 * time zone, so a day means the same thing on every phone and on the receipt code.
 */

/** Retry rules of one quiz. */
export interface AttemptPolicy {
  maxPerDay: number;
  spacingMinutes: number;
}

/** A finished attempt as kept in the device history. */
export interface AttemptRecord {
  quizId: string;
  startedAt: string;
  finishedAt: string;
  percent: number;
  passed: boolean;
}

/** Whether a new attempt may start now, and if not, when. */
export type AttemptGate =
  | { allowed: true; usedToday: number }
  | { allowed: false; reason: 'spacing' | 'daily-limit'; nextAt: Date; usedToday: number };

const VN_OFFSET_MS = 7 * 3600_000;

/** The calendar date (YYYY-MM-DD) in Vietnam at instant `d`. */
export function vnDate(d: Date): string {
  return new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant the next Vietnam calendar day starts after `d`. */
export function nextVnMidnight(d: Date): Date {
  const day = vnDate(d);
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000 - VN_OFFSET_MS);
}

/**
 * Decides whether a new attempt of `quizId` may start at `now`, given the device history.
 * Attempts are counted by the day they started.
 */
export function attemptGate(history: readonly AttemptRecord[], quizId: string, policy: AttemptPolicy, now: Date): AttemptGate {
  const mine = history.filter((h) => h.quizId === quizId);
  const today = vnDate(now);
  const usedToday = mine.filter((h) => vnDate(new Date(h.startedAt)) === today).length;
  if (usedToday >= policy.maxPerDay) return { allowed: false, reason: 'daily-limit', nextAt: nextVnMidnight(now), usedToday };
  const lastEnd = Math.max(...mine.map((h) => Date.parse(h.finishedAt)).filter((t) => Number.isFinite(t)), -Infinity);
  const readyAt = lastEnd + policy.spacingMinutes * 60_000;
  if (Number.isFinite(lastEnd) && now.getTime() < readyAt) {
    return { allowed: false, reason: 'spacing', nextAt: new Date(readyAt), usedToday };
  }
  return { allowed: true, usedToday };
}
