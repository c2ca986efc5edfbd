/**
 * Reads a `_headers` file the way Netlify and Cloudflare Pages document it, to test what each path gets:
 * a line starting with `/` opens a rule for that path pattern; indented `Name: value` lines under it are its
 * headers (`! Name` removes a header an earlier rule set, Cloudflare's syntax); `#` starts a comment. In a
 * pattern `*` matches any rest of the path (slashes included) and `:name` one path segment. A request gets the
 * headers of every rule whose pattern matches, in file order; a name set by two rules gets both values joined
 * with ", " (which is why `/*` must not set what a narrower rule sets too).
 */

/** One rule: a path pattern and its header lines, in order. */
export interface HeaderRule {
  /** Path pattern as written, e.g. `/_astro/*`. */
  path: string;
  /** `[name, value]` pairs; a null value removes the header (`! Name`). */
  headers: [name: string, value: string | null][];
  /** 1-based line of the pattern, for messages. */
  line: number;
}

/** Parses the file; throws with the line number on anything a host would not read. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim() || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      if (!line.startsWith('/')) throw new Error(`_headers line ${i + 1}: a rule must start with a path beginning with "/": ${line}`);
      rules.push({ path: line.trim(), headers: [], line: i + 1 });
      return;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers line ${i + 1}: header before any path: ${line.trim()}`);
    const detach = /^\s+!\s*([\w-]+)$/.exec(line);
    if (detach) return void rule.headers.push([detach[1]!.toLowerCase(), null]);
    const m = /^\s+([\w-]+):\s*(.*)$/.exec(line);
    if (!m || !m[2]) throw new Error(`_headers line ${i + 1}: expected "Name: value": ${line.trim()}`);
    rule.headers.push([m[1]!.toLowerCase(), m[2]]);
  });
  return rules;
}

/** The pattern as a regular expression over the URL path. */
function patternRegex(pattern: string): RegExp {
  const src = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${src}$`);
}

/** Headers a request for `path` gets (lower-case names). */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!patternRegex(rule.path).test(path)) continue;
    for (const [name, value] of rule.headers) {
      if (value === null) delete out[name];
      else out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
    }
  }
  return out;
}
