/**
 * Schema of the `canCu` collection (content/data/can-cu/<document>.yaml): for one document, which
 * point of a higher document each of its provisions carries out ("căn cứ"). Declared once here;
 * the plan's page shows "Căn cứ: …" under each provision and the target section links back.
 */
import { z } from 'astro/zod';
import { anchor, slug, text } from './shared.ts';

/** One target of a căn cứ link: a section of another document's page. */
export const canCuTargetSchema = z
  .object({
    /** Id of the target document in content/documents/, e.g. `ket-luan-52-kl-tw`. */
    doc: slug,
    /** Anchor id on the target page, e.g. `trien-khai-noi-dung-1`; it must exist (checked at build). */
    anchor,
    /** Short Vietnamese label of the target section, in our own words (shown as the link text). */
    label: text,
  })
  .strict();

/** One provision of the source document and what it carries out. */
export const canCuLinkSchema = z
  .object({
    /** Provision anchor in the source document, e.g. `phan-ii-muc-1`; it must exist (checked at build). */
    from: anchor,
    /** The sections it carries out, most direct first. */
    to: z.array(canCuTargetSchema).min(1, { message: 'cần ít nhất một căn cứ' }),
  })
  .strict();

/** The whole file. */
export const canCuSchema = z
  .object({
    /** Id of the source document (whose provisions carry out the targets), e.g. `ke-hoach-83-kh-tu`. */
    document: slug,
    /** One entry per provision, in the source document's order. */
    links: z.array(canCuLinkSchema).min(1, { message: 'cần ít nhất một liên kết căn cứ' }),
  })
  .strict();

/** Validated căn cứ data of one document. */
export type CanCuData = z.infer<typeof canCuSchema>;
/** One provision's căn cứ. */
export type CanCuLink = z.infer<typeof canCuLinkSchema>;
