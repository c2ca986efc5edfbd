/**
 * Schema of the `documents` collection: one file in content/documents/ = one văn bản.
 * Every key is documented because editors see these comments on hover.
 */
import { z } from 'astro/zod';
import { DOCUMENT_KINDS } from '../lib/documents/number.ts';
import { parseDocumentNumber } from '../lib/documents/number.ts';
import { RELATION_TYPES } from '../lib/documents/relations.ts';
import { httpUrl, isoDate, slug, text } from './shared.ts';

/** A relation from this document to another one, declared once on the source side. */
export const relationSchema = z.object({
  /** What this document does to the target: `implements` (triển khai), `continues` (tiếp tục thực hiện), `replacedBy` (được thay thế bởi), `reviews` (sơ kết/tổng kết). */
  type: z.enum(RELATION_TYPES, { message: `loại quan hệ phải là một trong: ${RELATION_TYPES.join(', ')}` }),
  /** Id (file name without extension) of the related document in content/documents/. */
  target: slug,
  /** Optional note shown beside the relation, in Vietnamese. */
  note: z.string().optional(),
});

/** The person who signed a document. */
export const signerSchema = z.object({
  /** Full name, e.g. "Lò Văn Muôn". */
  name: text,
  /** Position or signing authority (T/M, K/T…), only when known from the document itself. */
  position: z.string().optional(),
});

/** A recorded check of a document's status: when, what was consulted, what was found. */
export const statusCheckSchema = z
  .object({
    /** Date of the check, `YYYY-MM-DD`. */
    checkedOn: isoDate,
    /** Ids of the public sources consulted (content/data/nguon/). */
    sources: z.array(slug).min(1, { message: 'cần ít nhất một nguồn đã tra' }),
    /** What was found, in Vietnamese, worded as the sources report it. */
    found: text,
  })
  .strict();

/** Front matter of a document. */
export const documentSchema = z
  .object({
    /** Short display title, e.g. "Kế hoạch số 83-KH/TU". */
    title: text,
    /** Document number ("số ký hiệu"), e.g. `83-KH/TU`, `27-NQ/TW`. */
    number: text.refine((s) => parseDocumentNumber(s) !== null, {
      message: 'số ký hiệu phải có dạng số-loại/cơ quan, ví dụ 83-KH/TU',
    }),
    /** Kind of document ("loại văn bản"): resolution, conclusion, plan, … (labels in src/i18n). */
    kind: z.enum(DOCUMENT_KINDS, { message: `loại văn bản phải là một trong: ${DOCUMENT_KINDS.join(', ')}` }),
    /** Issuing body ("cơ quan ban hành") as named in the header, e.g. "Tỉnh ủy Điện Biên". */
    issuer: text,
    /**
     * A body the text itself names besides the header's issuer, with its role in the text's own words
     * and where it says so, e.g. "Ban Thường vụ Tỉnh ủy xây dựng kế hoạch (đoạn mở đầu)". Shown in its
     * own row, "Chủ thể nêu trong văn bản", never as the issuing body: only the header says who issues.
     */
    issuingBody: z.string().optional(),
    /** Place of issue ("nơi ban hành"), e.g. "Điện Biên". */
    place: z.string().optional(),
    /** Date of issue ("ngày ban hành"), `YYYY-MM-DD`. */
    issuedOn: isoDate,
    /**
     * Signer ("người ký"), only when read in the text or in an official portal's metadata. A signer known
     * only from news is written in the text, worded as reported, not here (the panel cannot say "theo tin").
     */
    signer: signerSchema.optional(),
    /** Abstract ("trích yếu"): what the document is about, as written on it. */
    abstract: text,
    /** Recipients ("nơi nhận") as listed on the document. */
    recipients: z.array(text).default([]),
    /** `full`: the page carries the official text verbatim; `summary`: our own study summary. */
    textKind: z.enum(['full', 'summary'], { message: 'textKind phải là full hoặc summary' }),
    /** Official publication of the full text (preferably tulieuvankien.dangcongsan.vn). */
    officialUrl: httpUrl.optional(),
    /** Repo path of the text as received, for `full` documents, e.g. content/sources/ke-hoach-83-kh-tu.txt. */
    sourceFile: z.string().optional(),
    /**
     * Where the text we hold comes from and what it lacks (e.g. no signing-authority line), in
     * Vietnamese; shown next to the "toàn văn" label so a reader knows what "verbatim" is verbatim to.
     */
    provenance: z.string().trim().min(1).optional(),
    /** Relations to other documents, declared once here and shown on both pages. */
    relations: z.array(relationSchema).default([]),
    /** One-line description for lists, search results and link previews. */
    description: text,
    /**
     * The last recorded check of this document's status (in force, replaced, what came later). Only
     * with one does the page say "Thông tin tính đến ngày …"; without, it says the status is unchecked.
     */
    statusCheck: statusCheckSchema.optional(),
    /** Subject tags, ASCII slugs. */
    tags: z.array(slug).default([]),
  })
  .strict()
  .refine((d) => d.textKind !== 'full' || Boolean(d.sourceFile), {
    message: 'văn bản toàn văn (textKind: full) cần sourceFile trỏ tới bản gốc trong content/sources/',
    path: ['sourceFile'],
  });

/** Validated front matter of a document. */
export type DocumentData = z.infer<typeof documentSchema>;
/** One relation entry. */
export type Relation = z.infer<typeof relationSchema>;
