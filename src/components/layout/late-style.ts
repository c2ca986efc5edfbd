/**
 * Styles that only client-built UI needs are not inlined into every page (the inline CSS is part
 * of the first round trip, #11): a module loads them with `lateStyle(url)` before it builds that
 * UI, so nothing shows unstyled. One <link> per URL; `style-src 'self'` allows it. Resolves when the
 * sheet has loaded, or failed (the UI is still built: plain beats missing).
 */
const pending = new Map<string, Promise<void>>();

export function lateStyle(url: string): Promise<void> {
  let p = pending.get(url);
  if (!p) {
    p = new Promise<void>((done) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = url;
      link.onload = link.onerror = () => done();
      document.head.append(link);
    });
    pending.set(url, p);
  }
  return p;
}
