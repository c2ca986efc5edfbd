/**
 * Schema of the `canCu` collection (content/data/can-cu/<document>.yaml): for one document, which
 * higher documents each of its provisions takes as căn cứ or mentions. Declared once here; the plan's
 * page shows "Căn cứ: …" or "Văn bản được nhắc tới: …" under each provision and the target links back.
 */
import { z } from 'astro/zod';
import { anchor, slug, text } from './shared.ts';

/**
 * One target of a căn cứ link. Two modes, chosen by what we hold of the target:
 * - the target's official text is on the site (`textKind: full`): `anchor` + `label` point at the
 *   provision it carries out (provision to provision);
 * - only a summary (`textKind: summary`): no `anchor` (we do not know its sections), the link goes to
 *   the document as a whole, and `wording` quotes what the source provision itself says it carries out.
 * The build checks which mode fits each target.
 */
export const canCuTargetSchema = z
  .object({
    /** Id of the target document in content/documents/, e.g. `ket-luan-52-kl-tw`. */
    doc: slug,
    /**
     * What the source provision does with the target, in its own words: `can-cu` when it takes the
     * target as its căn cứ (the word "căn cứ" is in `wording`, checked at build), `nhac-toi` when it
     * only mentions the target (e.g. "để Nghị quyết … được triển khai"). Shown as "Căn cứ:" or
     * "Văn bản được nhắc tới:".
     */
    relation: z.enum(['can-cu', 'nhac-toi']),
    /** Provision anchor on the target page, e.g. `phan-ii-muc-1`; only when the target is a full text (checked at build). */
    anchor: anchor.optional(),
    /** Short Vietnamese label of the target provision, in our own words (link text); with `anchor` only. */
    label: text.optional(),
    /** Words of the source provision, verbatim, that name what it carries out; required without `anchor` (checked against the text). */
    wording: text.optional(),
  })
  .strict()
  .refine((t) => (t.anchor ? Boolean(t.label) : Boolean(t.wording)), {
    message: 'căn cứ tới một điều khoản cần anchor và label; căn cứ tới cả văn bản cần wording (nguyên văn của điều khoản nguồn)',
  });

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
