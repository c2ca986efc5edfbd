/**
 * Client helpers shared by the copy and share actions: copying text (with a fallback where the
 * async clipboard is unavailable: plain http, old WebViews), sharing through the Web Share API,
 * and the "Đã sao chép" cue on the button plus its live-region announcement.
 */

/** What an action did: true/false for a copy, or the outcome of a share. */
export type Outcome = boolean | 'shared' | 'cancelled';

/** Copies text; true on success. */
export async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.cssText = 'position:fixed;opacity:0';
    document.body.append(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {}
    ta.remove();
    return ok;
  }
}

/**
 * Hands a link to the device's share sheet (Android and iOS offer Zalo there) or, where the browser
 * has no Web Share API, copies "text url". A dismissed sheet is "cancelled" and nothing else happens.
 */
export async function shareOrCopy(data: { title: string; text: string; url: string }): Promise<Outcome> {
  if (navigator.share) {
    try {
      await navigator.share(data);
      return 'shared';
    } catch (e) {
      if ((e as Error).name === 'AbortError') return 'cancelled';
      // NotAllowedError and the like (policy, no user activation): copy instead.
    }
  }
  return copy(`${data.text} ${data.url}`);
}

/**
 * Shows the outcome on the button (the element's data-t-copied / -shared / -failed strings) and in the
 * element's role=status region, then restores the label after 2.5 s.
 */
export function cue(b: HTMLButtonElement, r: Outcome, strings: DOMStringMap, detail: string): void {
  if (r === 'cancelled') return;
  const label = b.dataset.label ?? (b.dataset.label = b.textContent!);
  const msg = r === 'shared' ? strings.tShared! : r ? strings.tCopied! : strings.tFailed!;
  b.textContent = r ? `✓ ${msg}` : msg;
  b.dataset.state = r ? 'ok' : 'fail';
  const status = b.closest('[data-t-copied]')?.querySelector('[role=status]');
  if (status) status.textContent = `${msg}: ${detail}`;
  setTimeout(() => {
    b.textContent = label;
    delete b.dataset.state;
  }, 2500);
}
