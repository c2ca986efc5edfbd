/**
 * The page's declared settled state (#19): `<html data-modules="ready">` is set by the module loader
 * (src/integrations/defer-modules.ts) once every module has run and every piece of first-state work
 * registered here has ended. Client code registers the asynchronous work that puts its first state
 * on screen (a late stylesheet before the UI it styles, the search a shared link opens), so tests,
 * journeys and the bench can wait for a state the page declares instead of a moment in time.
 */
type SettleWindow = Window & { ttSettle?: Promise<unknown>[] };

/** Registers `work` as part of the page's first state; returns it unchanged. */
export function settling<T>(work: Promise<T>): Promise<T> {
  ((window as SettleWindow).ttSettle ??= []).push(work);
  return work;
}
