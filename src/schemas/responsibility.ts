/**
 * Schema of the `responsibilities` collection (content/data/trach-nhiem/<document>.yaml): the
 * responsibility matrix of a plan's "Tổ chức thực hiện" section: cơ quan/đơn vị → nhiệm vụ →
 * thời hạn or chu kỳ báo cáo → provision anchor. Rendered at /van-ban/phan-cong/.
 */
import { z } from 'astro/zod';
import { anchor, slug, text } from './shared.ts';

/** When a task is due: a fixed vocabulary so the timeline can order and label it. */
export const dueSchema = z.discriminatedUnion('kind', [
  /** Within a month, e.g. tháng 10/2019. */
  z.object({ kind: z.literal('month'), year: z.number().int().min(1945).max(2100), month: z.number().int().min(1).max(12) }).strict(),
  /** Within a quarter, e.g. quý IV/2019. */
  z.object({ kind: z.literal('quarter'), year: z.number().int().min(1945).max(2100), quarter: z.number().int().min(1).max(4) }).strict(),
  /** Within a year, e.g. năm 2020. */
  z.object({ kind: z.literal('year'), year: z.number().int().min(1945).max(2100) }).strict(),
  /** Every six months ("định kỳ 06 tháng"). */
  z.object({ kind: z.literal('every6Months') }).strict(),
  /** Every year ("hằng năm"). */
  z.object({ kind: z.literal('yearly') }).strict(),
  /** No deadline: a standing duty ("thường xuyên"). */
  z.object({ kind: z.literal('ongoing') }).strict(),
], { error: 'thời hạn (due.kind) phải là month, quarter, year, every6Months, yearly hoặc ongoing' });

/** One task of a body. */
export const taskSchema = z
  .object({
    /** The task in our own short words (Vietnamese). */
    task: text,
    /** A clause copied verbatim from the plan that states this task or its deadline (checked against the text). */
    quote: text,
    /** Deadline or reporting cycle. */
    due: dueSchema,
    /** Bodies this one reports to, as named in the plan. */
    reportTo: z.array(text).default([]),
    /** Bodies it works with ("phối hợp"), as named in the plan. */
    partners: z.array(text).default([]),
    /** Bodies it leads or instructs ("lãnh đạo", "chỉ đạo"), as named in the plan. */
    directs: z.array(text).default([]),
  })
  .strict();

/** One responsible body (cơ quan/đơn vị) and its tasks. */
export const bodySchema = z
  .object({
    /** The body's name exactly as the plan's item heading writes it. */
    name: text,
    /** Anchor of the plan's item that assigns these tasks, e.g. `phan-iii-muc-4`. */
    anchor,
    /** Tasks in the plan's order. */
    tasks: z.array(taskSchema).min(1, { message: 'mỗi cơ quan cần ít nhất một nhiệm vụ' }),
  })
  .strict();

/** The whole file. */
export const responsibilitySchema = z
  .object({
    /** Id of the plan in content/documents/, e.g. `ke-hoach-83-kh-tu`. */
    document: slug,
    /** Anchor of the plan's section the matrix comes from, e.g. `phan-iii`. */
    section: anchor,
    /** Responsible bodies in the plan's order. */
    bodies: z.array(bodySchema).min(1, { message: 'cần ít nhất một cơ quan' }),
  })
  .strict();

/** Validated matrix of one plan. */
export type ResponsibilityData = z.infer<typeof responsibilitySchema>;
/** One task's deadline. */
export type Due = z.infer<typeof dueSchema>;
