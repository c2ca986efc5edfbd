/**
 * Schema of the `sources` collection (content/data/nguon/<id>.yaml): one public source a summary,
 * a study session, a slide or a quiz explanation rests on. Declared once here, cited inline from MDX
 * with `<Nguon id="<id>" />` (compiled by src/markdown/rehype-nguon.ts) and from quiz questions with
 * `sources: [<id>]`. The id is the file name. The build fails on a citation of an unknown id.
 */
import { z } from 'astro/zod';
import { httpUrl, isoDate, text } from './shared.ts';

/** What kind of publication a source is; shown in words under each section (src/i18n/vi/sources.ts). */
export const SOURCE_KINDS = ['full-text-republication', 'news', 'teaching-material', 'official-portal'] as const;

/** One public source. */
export const sourceSchema = z
  .object({
    /** Title of the page or article as it is published, e.g. "Nghị quyết 27-NQ/TW năm 2008 về xây dựng đội ngũ trí thức…". */
    title: text,
    /** Who publishes it (site, newspaper or body), e.g. "Luật Minh Khuê", "Báo Hòa Bình". */
    publisher: text,
    /** Address of the page, exactly as read. */
    url: httpUrl,
    /** Date the page was read (`YYYY-MM-DD`): what we cite is what it said on that day. */
    dateRead: isoDate,
    /**
     * `full-text-republication`: a site republishing the full text (not the official portal);
     * `news`: a news report; `teaching-material`: slides, lectures, Q&A or propaganda material;
     * `official-portal`: the official publication portal of the issuing body.
     */
    kind: z.enum(SOURCE_KINDS, { message: `loại nguồn phải là một trong: ${SOURCE_KINDS.join(', ')}` }),
    /** Optional editor's note: what part of the page was readable, or a caveat about it. */
    note: z.string().optional(),
  })
  .strict();

/** Validated source. */
export type SourceData = z.infer<typeof sourceSchema>;
/** A source kind. */
export type SourceKind = (typeof SOURCE_KINDS)[number];
