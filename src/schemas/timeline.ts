/**
 * Schema of the `timeline` collection (content/data/dong-thoi-gian/<id>.yaml): a later document of the
 * line that we know only from public sources (number, date, issuer, what it is about) and that has no
 * page of its own. Shown on /van-ban/dong-thoi-gian/ among the documents, with its sources.
 */
import { z } from 'astro/zod';
import { DOCUMENT_KINDS, parseDocumentNumber } from '../lib/documents/number.ts';
import { isoDate, slug, text } from './shared.ts';

/** One metadata-only entry. */
export const timelineEntrySchema = z
  .object({
    /** Display title, e.g. "Hướng dẫn số 145-HD/BTGTW". */
    title: text,
    /** Document number, e.g. `145-HD/BTGTW`, `2711/QĐ-TTg`. */
    number: text.refine((s) => parseDocumentNumber(s) !== null, { message: 'số ký hiệu không đúng dạng, ví dụ 145-HD/BTGTW' }),
    /** Kind of document (labels in src/i18n). */
    kind: z.enum(DOCUMENT_KINDS, { message: `loại văn bản phải là một trong: ${DOCUMENT_KINDS.join(', ')}` }),
    /** Issuing body as the sources name it. */
    issuer: text,
    /** Date of issue as the sources report it, `YYYY-MM-DD`. */
    issuedOn: isoDate,
    /** What it is about, in our words, worded as the sources report it ("theo tin của …"). */
    abstract: text,
    /** Ids of the public sources (content/data/nguon/) the entry rests on; at least one. */
    sources: z.array(slug).min(1, { message: 'cần ít nhất một nguồn' }),
    /** Id of the document on the site it relates to (e.g. the resolution it guides), if any. */
    relatesTo: slug.optional(),
  })
  .strict();

/** Validated timeline entry. */
export type TimelineEntryData = z.infer<typeof timelineEntrySchema>;
