/**
 * Site paths of the office files under /tai-ve/ that belong to documents (the study sessions' files are in
 * sessionPaths, src/components/study/sessions.ts). Kept apart from downloads.ts so pages can link to the files
 * without loading the builders.
 */
import type { DocumentEntry } from '../../collections/documents.ts';

/** Site path of a document's Word file, or null when we hold no official text for it. */
export function documentDocxPath(entry: DocumentEntry): string | null {
  return entry.data.textKind === 'full' && entry.data.sourceFile ? `/tai-ve/${entry.id}.docx` : null;
}

/** Site path of the unit's plan template under a full-text plan, or null. */
export function templateDocxPath(entry: DocumentEntry): string | null {
  return entry.data.kind === 'plan' && documentDocxPath(entry) ? `/tai-ve/mau-ke-hoach-don-vi-${entry.id}.docx` : null;
}
