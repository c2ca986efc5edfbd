/**
 * Semantic steps on top of the driver: find controls the way a user does (a button or link by its name,
 * a field by its label), so the journeys do not depend on class names. Each step tags the element it found
 * with `data-j` in the page and hands a CSS selector for it to the engine's own click/type.
 */
import type { Driver } from './driver.ts';

type Kind = 'button' | 'link' | 'field';

/** Finds the first visible control of `kind` whose accessible-ish name is `name` (or matches /name/ when `name` is a RegExp). */
async function mark(d: Driver, kind: Kind, name: string | RegExp, scope = 'body'): Promise<string> {
  const pattern = typeof name === 'string' ? null : { source: name.source, flags: name.flags };
  const text = typeof name === 'string' ? name : '';
  const id = await d.waitFor(
    `${kind} "${String(name)}" in ${scope}`,
    (kind: Kind, text: string, pattern: { source: string; flags: string } | null, scope: string) => {
      const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
      const fits = (s: string) => (pattern ? new RegExp(pattern.source, pattern.flags).test(s) : s === text);
      const visible = (el: Element) => el.getClientRects().length > 0;
      const root = document.querySelector(scope) ?? document.body;
      let found: Element | undefined;
      if (kind === 'field') {
        for (const label of root.querySelectorAll('label')) {
          if (!fits(clean(label.textContent))) continue;
          const ctl = label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector('input, textarea, select');
          if (ctl && visible(ctl)) found = ctl;
          if (found) break;
        }
        found ??= [...root.querySelectorAll('[aria-label]')].find((el) => fits(clean(el.getAttribute('aria-label'))) && visible(el));
      } else {
        const css = kind === 'button' ? 'button, [role=button], input[type=submit]' : 'a[href]';
        found = [...root.querySelectorAll(css)].find(
          (el) => visible(el) && (fits(clean(el.getAttribute('aria-label'))) || fits(clean(el.textContent)) || fits(clean((el as HTMLInputElement).value))),
        );
      }
      if (!found) return '';
      const tag = String(Math.random()).slice(2);
      found.setAttribute('data-j', tag);
      return tag;
    },
    kind,
    text,
    pattern,
    scope,
  );
  return `[data-j="${id}"]`;
}

export const clickButton = async (d: Driver, name: string | RegExp, scope?: string) => d.click(await mark(d, 'button', name, scope));
export const clickLink = async (d: Driver, name: string | RegExp, scope?: string) => d.click(await mark(d, 'link', name, scope));
export const typeInto = async (d: Driver, label: string | RegExp, text: string, scope?: string) => d.type(await mark(d, 'field', label, scope), text);

/** Text of the first element matching `css`, once it has some. */
export const textOf = (d: Driver, css: string) =>
  d.waitFor(`text of ${css}`, (css: string) => (document.querySelector(css)?.textContent ?? '').replace(/\s+/g, ' ').trim(), css);
