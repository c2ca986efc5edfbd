/**
 * The search UI in the browser. This module (and Pagefind) loads only when the user focuses a
 * search box, or opens /tim-kiem/ with a query. It wires the DOM to src/lib/search/engine.ts and
 * renders the results; everything shown comes escaped from the library, which adds only <mark>.
 *
 * Two controllers share it:
 * - `enhanceBox`: the header box as an ARIA 1.2 combobox with a listbox popup of the best links.
 * - `enhancePage`: the search page, with the URL (?q=, &loai=, &van_ban=) reflecting the query.
 */
import { preloadQuery, search, warmUp } from '../../lib/search/engine.ts';
import { fragmentLoader } from '../../lib/search/fragment-file.ts';
import type { PagefindApi, RankedPage, SearchOptions, SearchOutcome } from '../../lib/search/engine.ts';
import { latestOnly } from '../../lib/search/latest.ts';
import { escapeHtml } from '../../lib/search/excerpt.ts';
import { sectionTitleHtml } from '../../lib/search/titles.ts';
import { readQueryParam } from '../../lib/search/query.ts';
import { DOC_FILTER, KIND_FILTER } from '../../lib/search/attributes.ts';

/** UI strings handed over by the component (data-strings), keyed without the "search." prefix. */
export type Strings = Record<string, string>;

const fill = (s: string | undefined, vars: Record<string, string | number>): string =>
  (s ?? '').replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

let pagefind: Promise<PagefindApi> | null = null;

/**
 * Loads Pagefind once (main thread: one fewer download than its worker, and our index is small).
 * `tag` identifies the build: Pagefind otherwise fetches its entry file with `?ts=<now>`, a new URL
 * every time, which no cache (the service worker's included) can answer offline.
 * Fragments are read from their files directly (fragment-file.ts; `data()` stays the fallback), and
 * the lookup every first query needs starts at once (`warmUp`), while the user types.
 */
export function loadPagefind(tag?: string): Promise<PagefindApi> {
  if (!pagefind) {
    const site = import.meta.env.BASE_URL.replace(/\/?$/, '/');
    const url = `${site}pagefind/pagefind.js`;
    pagefind = import(/* @vite-ignore */ url).then(async (pf: PagefindApi & { options(o: object): Promise<void>; init(): Promise<void> }) => {
      await pf.options({ noWorker: true, excerptLength: 0, ...(tag ? { metaCacheTag: tag } : {}) });
      await pf.init();
      const api: PagefindApi = {
        search: (term, options) => pf.search(term, options),
        filters: () => pf.filters(),
        preload: (term, options) => pf.preload!(term, options),
        fragment: fragmentLoader(`${site}pagefind/`, site),
      };
      void warmUp(api);
      return api;
    });
    // A failed load (offline before the files were cached) may be retried on the next keystroke.
    pagefind.catch(() => (pagefind = null));
  }
  return pagefind;
}

function labelsFrom(strings: Strings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(strings)) if (k.startsWith('anchor.')) out[k.slice(7)] = v;
  return out;
}

function sectionUrl(page: RankedPage, id: string | null): string {
  return id ? `${page.url}#${encodeURIComponent(id)}` : page.url;
}

function kindLabel(kind: string | undefined, strings: Strings): string {
  if (kind === 'văn bản') return strings['kind.document'] ?? kind;
  if (kind === 'tài liệu học tập') return strings['kind.study'] ?? kind;
  if (kind === 'trang') return strings['kind.page'] ?? kind;
  return kind ?? '';
}

/**
 * The search of one box: only the last keystroke's answer is returned (null for superseded ones),
 * typing bursts wait for a pause, and each keystroke starts loading the index chunks it needs.
 */
function latest(tag: string | undefined) {
  const run = latestOnly(async (signal, q: string, opts: SearchOptions) => search(await loadPagefind(tag), q, { ...opts, signal }));
  return {
    run,
    /** Call on every input event, before `run`: index chunks start loading at once. */
    preload(q: string) {
      loadPagefind(tag)
        .then((pf) => preloadQuery(pf, q))
        .catch(() => {});
    },
  };
}

/* ------------------------------------------------------------------------------------------------
 * Header box: combobox + listbox.
 * --------------------------------------------------------------------------------------------- */

/** Enhances the header search box inside `root` (a <tt-search-box>). */
export function enhanceBox(root: HTMLElement): void {
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const labels = labelsFrom(strings);
  const input = root.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  const popup = root.querySelector<HTMLElement>('.sb-popup')!;
  const list = root.querySelector<HTMLElement>('[role="listbox"]')!;
  // The live region is made when search starts, so pages that never search carry no extra status.
  const status = root.querySelector<HTMLElement>('[role="status"]') ?? document.createElement('p');
  if (!status.isConnected) {
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    root.append(status);
  }
  const searchPage = root.dataset.searchPage ?? '/tim-kiem/';
  const expandD = root.dataset.expandD !== 'false';
  const searcher = latest(root.dataset.indexTag);
  // Focus brought this module: fetch Pagefind, its wasm and index entry while the user starts typing.
  loadPagefind(root.dataset.indexTag).catch(() => {});
  let options: HTMLElement[] = [];
  let active = -1;

  const open = (on: boolean) => {
    popup.hidden = !on;
    input.setAttribute('aria-expanded', String(on));
    if (!on) setActive(-1);
  };
  const setActive = (i: number) => {
    options.forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
    active = i;
    if (i >= 0 && options[i]) {
      input.setAttribute('aria-activedescendant', options[i]!.id);
      options[i]!.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const go = (i: number) => {
    const href = options[i]?.dataset.href;
    if (href) window.location.assign(href);
  };

  const update = async () => {
    const q = input.value;
    if (!q.trim()) {
      searcher.run.cancel();
      list.innerHTML = '';
      options = [];
      status.textContent = '';
      open(false);
      return;
    }
    let out: SearchOutcome | null;
    try {
      out = await searcher.run(q, { limit: 5, labels, expandD });
    } catch {
      status.textContent = strings.loadError ?? '';
      return;
    }
    if (!out) return;
    const allHref = `${searchPage}?q=${encodeURIComponent(out.query.text)}`;
    const qh = escapeHtml(out.query.text);
    let html = out.pages
      .map((p, i) => {
        const s = p.sections[0]!;
        return `<li role="option" id="${input.id}-opt-${i}" aria-selected="false" data-href="${escapeHtml(sectionUrl(p, s.id))}">
<span class="sb-title">${sectionTitleHtml(s, p.title)}</span><span class="sb-doc">${escapeHtml(p.title)}</span></li>`;
      })
      .join('');
    const summary = fill(escapeHtml((out.pages.length ? strings.all : strings.none) ?? ''), { q: qh });
    html += `<li role="option" id="${input.id}-opt-all" aria-selected="false" class="sb-all" data-href="${escapeHtml(allHref)}">${summary}</li>`;
    list.innerHTML = html;
    options = [...list.querySelectorAll<HTMLElement>('[role="option"]')];
    status.textContent = out.pages.length ? countText(out, strings, false) : fill(strings.none, { q: out.query.text });
    setActive(-1);
    open(document.activeElement === input);
  };

  input.addEventListener('input', () => {
    searcher.preload(input.value);
    void update();
  });
  input.addEventListener('focus', () => options.length && input.value.trim() && open(true));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!options.length) return;
      e.preventDefault();
      if (popup.hidden) open(true);
      const n = options.length;
      setActive(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === 'Enter' && active >= 0 && !popup.hidden) {
      e.preventDefault();
      go(active);
    } else if (e.key === 'Escape') {
      if (!popup.hidden) {
        e.preventDefault();
        open(false);
      } else input.value = '';
    }
  });
  // Keep focus in the input while clicking an option.
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const li = (e.target as Element).closest<HTMLElement>('[role="option"]');
    if (li) go(options.indexOf(li));
  });
  root.addEventListener('focusout', (e) => {
    if (!root.contains(e.relatedTarget as Node | null)) open(false);
  });
  if (input.value.trim()) void update();
}

/* ------------------------------------------------------------------------------------------------
 * Search page.
 * --------------------------------------------------------------------------------------------- */

function renderPage(p: RankedPage, strings: Strings, index: number): string {
  const [first, ...rest] = p.sections;
  const also = rest
    .filter((s) => s.score > 0)
    .slice(0, 3)
    .map((s) => `<a href="${escapeHtml(sectionUrl(p, s.id))}">${sectionTitleHtml(s, p.title)}</a>`)
    .join(', ');
  return `<li class="sr-result" data-rank="${index + 1}">
<p class="sr-doc">${p.kind ? `<span class="sr-kind">${escapeHtml(kindLabel(p.kind, strings))}</span> ` : ''}${escapeHtml(p.title)}</p>
<h2 class="sr-title"><a href="${escapeHtml(sectionUrl(p, first?.id ?? null))}">${first ? sectionTitleHtml(first, p.title) : escapeHtml(p.title)}</a></h2>
${first?.excerptHtml ? `<p class="sr-excerpt">${first.excerptHtml}</p>` : ''}
${also ? `<p class="sr-also">${escapeHtml(strings.alsoIn ?? '')} ${also}</p>` : ''}
${p.lacking?.length ? `<p class="sr-lacking">${fill(escapeHtml(strings.lacking ?? ''), { words: `<strong>${escapeHtml(p.lacking.join(', '))}</strong>` })}</p>` : ''}
</li>`;
}

/**
 * "Tìm thấy N trang …": pages a widened search added lack a word of the query, so they are not
 * counted as found ("Tìm thấy 2 trang cho «…». Thêm 5 trang gần đúng.").
 */
function countText(out: SearchOutcome, strings: Strings, filtered: boolean): string {
  const found = fill((filtered ? strings.countFiltered : strings.count) ?? '', { n: out.total - (out.near ?? 0), q: out.query.text });
  return out.near ? `${found} ${fill(strings.near ?? '', { m: out.near })}` : found;
}

function renderEmpty(out: SearchOutcome, strings: Strings, filtered: boolean, searchPage: string): string {
  const q = escapeHtml(out.query.text);
  const link = (text: string) => `<a href="${escapeHtml(`${searchPage}?q=${encodeURIComponent(text)}`)}">${escapeHtml(text)}</a>`;
  let html = `<div class="sr-empty"><p class="sr-empty__title">${fill(escapeHtml(strings.none ?? ''), { q })}</p>`;
  if (out.missing.length) {
    html += `<p>${fill(escapeHtml(strings.missing ?? ''), { words: escapeHtml(out.missing.join(', ')) })}</p>`;
    if (out.suggestion) html += `<p>${fill(escapeHtml(strings.tryWithout ?? ''), { q: link(out.suggestion) })}</p>`;
  }
  const tips = [strings.tipFewer, strings.tipAccents, strings.tipNumber, ...(filtered ? [strings.tipFilters] : [])];
  html += `<h2 class="sr-empty__tips">${escapeHtml(strings.tipsTitle ?? '')}</h2><ul>${tips.map((t) => `<li>${escapeHtml(t ?? '')}</li>`).join('')}</ul>`;
  const examples = (strings.exampleQueries ?? '').split('|').filter(Boolean);
  if (examples.length) html += `<p>${escapeHtml(strings.examples ?? '')} ${examples.map(link).join(', ')}</p>`;
  return `${html}</div>`;
}

/**
 * What was searched instead of what was typed: "Đã tìm: trí thức" (abbreviations spelt out, a
 * Telex/VNI keyboard decoded) or "Có phải bạn muốn tìm «…»?" (words found nowhere replaced).
 */
function noteHtml(out: SearchOutcome, strings: Strings, searchPage: string): string {
  if (out.didYouMean) {
    const link = `<a href="${escapeHtml(`${searchPage}?q=${encodeURIComponent(out.didYouMean)}`)}">${escapeHtml(out.didYouMean)}</a>`;
    const text = out.missing.length ? strings.didYouMeanMissing : strings.didYouMean;
    return `<p class="sr-note">${fill(escapeHtml(text ?? ''), { q: link, words: escapeHtml(out.missing.join(', ')) })}</p>`;
  }
  if (out.searchedAs) return `<p class="sr-note">${fill(escapeHtml(strings.searchedAs ?? ''), { q: `<strong>${escapeHtml(out.searchedAs)}</strong>` })}</p>`;
  return '';
}

/** Enhances the search page inside `root` (a <tt-search-page>). */
export function enhancePage(root: HTMLElement): Promise<void> {
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const labels = labelsFrom(strings);
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const kinds = [...form.querySelectorAll<HTMLInputElement>(`input[name="${KIND_FILTER}"]`)];
  const doc = form.querySelector<HTMLSelectElement>(`select[name="${DOC_FILTER}"]`);
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const results = root.querySelector<HTMLElement>('.sr-results')!;
  const more = root.querySelector<HTMLButtonElement>('.sr-more')!;
  const searchPage = form.getAttribute('action') ?? '/tim-kiem/';
  // data-expand-d="false" only exists to benchmark the other đ strategy (scripts/bench-search.ts).
  const expandD = root.dataset.expandD !== 'false';
  const searcher = latest(root.dataset.indexTag);
  loadPagefind(root.dataset.indexTag).catch(() => {});
  const PAGE = 10;
  let limit = PAGE;

  const fromUrl = () => {
    const params = new URLSearchParams(window.location.search);
    input.value = readQueryParam(window.location.search);
    const wanted = params.getAll(KIND_FILTER);
    for (const k of kinds) k.checked = wanted.includes(k.value);
    if (doc) doc.value = [...doc.options].some((o) => o.value === params.get(DOC_FILTER)) ? (params.get(DOC_FILTER) ?? '') : '';
  };

  const filters = (): Record<string, string[]> => {
    const f: Record<string, string[]> = {};
    const k = kinds.filter((x) => x.checked).map((x) => x.value);
    // Both kinds ticked is the same as none: Pagefind filters are AND within a name by default.
    if (k.length === 1) f[KIND_FILTER] = k;
    if (doc?.value) f[DOC_FILTER] = [doc.value];
    return f;
  };

  const toUrl = (push: boolean) => {
    const u = new URL(window.location.href);
    u.search = '';
    if (input.value.trim()) u.searchParams.set('q', input.value.trim());
    for (const k of kinds) if (k.checked) u.searchParams.append(KIND_FILTER, k.value);
    if (doc?.value) u.searchParams.set(DOC_FILTER, doc.value);
    if (u.href !== window.location.href) history[push ? 'pushState' : 'replaceState'](null, '', u);
  };

  const update = async () => {
    const q = input.value;
    if (!q.trim()) {
      searcher.run.cancel();
      root.removeAttribute('aria-busy');
      results.innerHTML = '';
      more.hidden = true;
      // The page's HTML already says it (#19): leave that node alone rather than replace it with the same words.
      if (status.textContent !== (strings.empty ?? '')) status.textContent = strings.empty ?? '';
      return;
    }
    root.setAttribute('aria-busy', 'true');
    const f = filters();
    let out: SearchOutcome | null;
    try {
      out = await searcher.run(q, { limit, labels, filters: f, expandD });
    } catch {
      root.removeAttribute('aria-busy');
      status.textContent = strings.loadError ?? '';
      return;
    }
    if (!out) return;
    root.removeAttribute('aria-busy');
    const filtered = Object.keys(f).length > 0;
    if (out.pages.length) {
      results.innerHTML = `${noteHtml(out, strings, searchPage)}<ol class="sr-list" aria-label="${escapeHtml(strings.listLabel ?? '')}">${out.pages.map((p, i) => renderPage(p, strings, i)).join('')}</ol>`;
      status.textContent = countText(out, strings, filtered);
    } else {
      results.innerHTML = renderEmpty(out, strings, filtered, searchPage);
      status.textContent = fill(strings.none, { q: out.query.text }) + (out.missing.length ? ` ${fill(strings.missing, { words: out.missing.join(', ') })}` : '');
    }
    more.hidden = out.total <= out.pages.length;
  };

  input.addEventListener('input', () => {
    limit = PAGE;
    searcher.preload(input.value);
    // The address follows once the results are shown: a new URL makes Chromium fetch the page's icon
    // again, a request that would otherwise compete with the search's own.
    void update().then(() => toUrl(false));
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    limit = PAGE;
    toUrl(true);
    void update();
  });
  form.addEventListener('change', (e) => {
    if (e.target === input) return;
    limit = PAGE;
    toUrl(false);
    void update();
  });
  more.addEventListener('click', () => {
    limit += PAGE;
    void update();
  });
  window.addEventListener('popstate', () => {
    fromUrl();
    void update();
  });
  // Opened from a link: the URL decides. Opened by focusing the box: keep what was typed meanwhile.
  if (new URLSearchParams(window.location.search).has('q')) fromUrl();
  if (input.value.trim()) toUrl(false);
  // The first results (or the empty state): the caller may wait for them (src/components/layout/settled.ts).
  return update();
}
