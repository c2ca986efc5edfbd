/**
 * Citations in content: which public sources (`<Nguon id="…" />`, declared in content/data/nguon/)
 * and which provisions of official texts we hold (links to `/van-ban/<full-text doc>/#anchor`) a
 * piece of text rests on. Pure and line-based, so content validation can name file and line.
 *
 * A "summary section" is what a reader sees under one `##` heading (or `<h2 …>` element) of a
 * `textKind: summary` document, up to the next one: each must carry at least one citation.
 * Text before the first heading (imports, notices) is not a section.
 */

/** `<Nguon id="…" />` as written in MDX (self-closing, id in double or single quotes). */
export const NGUON_TAG = /<Nguon\s+id=(?:"([^"]*)"|'([^']*)')\s*\/>/g;

/** A link to a provision of a document page: `/van-ban/<doc>/#<anchor>` (markdown or JSX). */
const PROVISION_LINK = /\/van-ban\/([a-z0-9-]+)\/#([a-z0-9-]+)/g;

/** What a piece of text cites. */
export interface Citations {
  /** Source ids, in order of appearance (duplicates kept). */
  sources: string[];
  /** Provision links to full-text documents, in order. */
  provisions: { doc: string; anchor: string }[];
}

/** Source ids cited in `text`, in order. */
export function sourceIds(text: string): string[] {
  return [...text.matchAll(NGUON_TAG)].map((m) => m[1] ?? m[2] ?? '');
}

/**
 * The citations in `text`. Only links into documents whose official text we hold count as
 * provision citations (`fullText` holds their ids): a link to our own summary is not a source.
 */
export function citationsIn(text: string, fullText: ReadonlySet<string>): Citations {
  const provisions = [...text.matchAll(PROVISION_LINK)]
    .filter((m) => fullText.has(m[1]!))
    .map((m) => ({ doc: m[1]!, anchor: m[2]! }));
  return { sources: sourceIds(text), provisions };
}

/** True when `c` cites anything. */
export const hasCitation = (c: Citations): boolean => c.sources.length > 0 || c.provisions.length > 0;

/** One summary section of an MDX body. */
export interface SummarySection {
  /** Heading text, plain. */
  title: string;
  /** 1-based line of the heading in the body. */
  line: number;
  /** Body text of the section, heading excluded. */
  text: string;
}

const H2_MD = /^##\s+(.*?)\s*#*\s*$/;
const H2_JSX = /^<h2\b[^>]*>(.*?)<\/h2>\s*$/;
const FENCE = /^\s*(```|~~~)/;

/** The `##` / `<h2>` sections of an MDX body, in order. */
export function summarySections(body: string): SummarySection[] {
  const out: { title: string; line: number; lines: string[] }[] = [];
  let inFence = false;
  body.split(/\r?\n/).forEach((line, i) => {
    if (FENCE.test(line)) inFence = !inFence;
    const h = inFence ? null : (H2_MD.exec(line) ?? H2_JSX.exec(line));
    if (h) out.push({ title: h[1]!.replace(/<[^>]+>/g, '').trim(), line: i + 1, lines: [] });
    else out[out.length - 1]?.lines.push(line);
  });
  return out.map((s) => ({ title: s.title, line: s.line, text: s.lines.join('\n') }));
}

/** 1-based line (in `body`) of each `<Nguon>` tag, with its id. */
export function sourceTagLines(body: string): { id: string; line: number }[] {
  const out: { id: string; line: number }[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    for (const id of sourceIds(line)) out.push({ id, line: i + 1 });
  });
  return out;
}

/**
 * For the deck (plain markdown, not MDX): replaces each `<Nguon>` with a numbered mark `[n]`
 * (one number per distinct source, in order) and returns the ids, so the slide can list them.
 */
export function numberSourceTags(markdown: string): { markdown: string; ids: string[] } {
  const ids: string[] = [];
  const out = markdown.replace(NGUON_TAG, (_m, a?: string, b?: string) => {
    const id = a ?? b ?? '';
    let n = ids.indexOf(id) + 1;
    if (n === 0) n = ids.push(id);
    return `<sup class="nguon-ref">[${n}]</sup>`;
  });
  return { markdown: out, ids };
}

/** Replaces each `<Nguon>` with text from `label(id)` (speaker notes, handouts). */
export function inlineSourceTags(markdown: string, label: (id: string) => string): string {
  return markdown.replace(NGUON_TAG, (_m, a?: string, b?: string) => label(a ?? b ?? ''));
}
