/** Finds the line of a field in a YAML file, so build messages can say where to look. */
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';

/**
 * 1-based line of the node at dotted `field` (e.g. `questions.3.explanation`) in `source`, or of its
 * deepest existing ancestor; undefined for whole-file problems or unparsable YAML.
 */
export function yamlLineOf(source: string, field: string): number | undefined {
  if (!field || field.startsWith('(')) return undefined;
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter });
  if (doc.errors.length) return undefined;
  let node: unknown = doc.contents;
  let at: number | undefined;
  for (const key of field.split('.')) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (pair) {
        const k = pair.key as Node | null;
        if (k?.range) at = counter.linePos(k.range[0]).line;
        next = pair.value;
      }
    } else if (isSeq(node) && /^\d+$/.test(key)) {
      next = node.items[Number(key)];
      const r = (next as Node | undefined)?.range;
      if (r) at = counter.linePos(r[0]).line;
    }
    if (next === undefined) break;
    node = next;
  }
  return at;
}
