/**
 * Schema of the `study` collection: one file in content/study/ = one study session. The same file
 * gives the reading page, the slide deck (with presenter notes) and the printable handout, so the
 * facts a trainer needs (objectives, duration, audience, preparation, agenda, discussion questions)
 * live here as data and every output reads them from one place.
 */
import { z } from 'astro/zod';
import { isoDate, slug, text } from './shared.ts';

/** One line of the cell-meeting agenda. */
export const agendaItemSchema = z
  .object({
    /** What happens, e.g. "Thảo luận, liên hệ thực tiễn". */
    title: text,
    /** Minutes planned for it. */
    minutes: z.number({ error: 'số phút phải là một số' }).int().positive().max(240),
  })
  .strict();

/** Front matter of a study session. */
export const studySchema = z
  .object({
    /** Title of the session, with diacritics. Also the deck's title slide. */
    title: text,
    /** One-line description for lists, search results and link previews. */
    description: text,
    /** Order of the session in the course (1, 2, 3…); shown as "Chuyên đề n". */
    order: z.number().int().positive(),
    /** Id of the quiz (content/quizzes/<id>.yaml, page /kiem-tra/<id>/) that checks this session; by convention the session's own id. */
    quiz: slug,
    /** Date (YYYY-MM-DD) the session was published on the site; orders and dates it in the RSS feed. */
    publishedOn: isoDate.optional(),
    /** Planned length of the session in minutes ("thời lượng"). */
    duration: z.number().int().positive().max(480),
    /** Who the session is for ("đối tượng"). */
    audience: text,
    /** Learning objectives ("mục tiêu"), one sentence each. */
    objectives: z.array(text).min(1, { message: 'cần ít nhất một mục tiêu' }),
    /** What the trainer prepares ("chuẩn bị"). */
    preparation: z.array(text).min(1, { message: 'cần ít nhất một việc chuẩn bị' }),
    /** Agenda of the cell meeting; the minutes should add up to `duration`. */
    agenda: z.array(agendaItemSchema).min(1, { message: 'cần ít nhất một mục chương trình' }),
    /** Discussion questions ("câu hỏi thảo luận"), shown on the reading page, the deck and the meeting kit. */
    discussion: z.array(text).min(1, { message: 'cần ít nhất một câu hỏi thảo luận' }),
  })
  .strict()
  .refine((d) => d.agenda.reduce((s, a) => s + a.minutes, 0) === d.duration, {
    message: 'tổng số phút trong chương trình (agenda) phải bằng thời lượng (duration)',
    path: ['agenda'],
  });

/** Validated front matter of a study session. */
export type StudyData = z.infer<typeof studySchema>;
/** One agenda line. */
export type AgendaItem = z.infer<typeof agendaItemSchema>;
