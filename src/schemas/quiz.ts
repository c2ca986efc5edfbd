/**
 * Schema of the `quizzes` collection: one YAML file in content/quizzes/ per study session.
 *
 * A bank holds more questions than one attempt draws (`draw`); each attempt draws and shuffles
 * them with a seeded RNG (src/lib/quiz). Four question types, told apart by `type`:
 * - `single`: one right option (`correct: true` on exactly one option);
 * - `multiple`: one or more right options;
 * - `true-false`: a statement with `answer: true` or `answer: false`;
 * - `ordering`: `items` written in the right order; the page shows them shuffled.
 * Citations are checked against the documents' anchors by src/lib/content/checks/quiz.ts.
 */
import { z } from 'astro/zod';
import { anchor, slug, text } from './shared.ts';

/** Difficulty codes; Vietnamese labels live in src/i18n/vi/quiz.ts. */
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

/** A short ASCII id for a question or an option, unique inside its bank or question. */
const localId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  message: 'mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ q01 hoặc a',
});

/** Where the answer is written: a document and one of its provision anchors. */
export const citationSchema = z.strictObject({
  /** Id of the document in content/documents/, e.g. `ke-hoach-83-kh-tu`. */
  document: slug,
  /** Anchor inside that document, e.g. `phan-ii-muc-3`; must exist in the document. */
  anchor,
});

/** An answer option of a `single` or `multiple` question. */
export const optionSchema = z.strictObject({
  /** Option id, unique inside its question, e.g. `a`. */
  id: localId,
  /** Option text shown to the learner. */
  text,
  /** True on the right option(s). */
  correct: z.boolean().default(false),
});

/** An item of an `ordering` question. */
export const itemSchema = z.strictObject({
  /** Item id, unique inside its question. */
  id: localId,
  /** Item text. */
  text,
});

/** Fields every question has. */
const questionBase = {
  /** Question id, unique inside the bank, e.g. `q01`. Never reuse an id for a different question. */
  id: localId,
  /** The question (or, for `true-false`, the statement) shown to the learner. */
  question: text,
  /** Why the answer is right, in our own words or quoting the plan verbatim. */
  explanation: text,
  /** The provision that holds the answer; the review screen links to it ("đọc lại đoạn này"). */
  citation: citationSchema,
  /**
   * Ids of public sources (content/data/nguon/) the explanation rests on. Required (at least one)
   * when `citation` points at a summary page, whose official text we do not hold.
   */
  sources: z.array(slug).default([]),
  /** How hard the question is: `easy`, `medium` or `hard`. */
  difficulty: z.enum(DIFFICULTIES, { message: `độ khó phải là một trong: ${DIFFICULTIES.join(', ')}` }),
};

const hasUniqueIds = (list: readonly { id: string }[]) => new Set(list.map((o) => o.id)).size === list.length;
const hasUniqueTexts = (list: readonly { text: string }[]) =>
  new Set(list.map((o) => o.text.normalize('NFC').toLowerCase())).size === list.length;

const optionList = z
  .array(optionSchema)
  .min(2, { message: 'cần ít nhất 2 phương án' })
  .max(6, { message: 'tối đa 6 phương án' })
  .refine(hasUniqueIds, { message: 'mã phương án bị trùng' })
  .refine(hasUniqueTexts, { message: 'nội dung phương án bị trùng' });

/** A question with exactly one right option. */
export const singleQuestionSchema = z.strictObject({
  ...questionBase,
  /** One right answer. */
  type: z.literal('single'),
  /** 2 to 6 options; exactly one has `correct: true`. */
  options: optionList.refine((opts) => opts.filter((o) => o.correct).length === 1, {
    message: 'câu một đáp án phải có đúng một phương án correct: true',
  }),
});

/** A question with one or more right options. */
export const multipleQuestionSchema = z.strictObject({
  ...questionBase,
  /** Several answers may be right. */
  type: z.literal('multiple'),
  /** 2 to 6 options; at least one has `correct: true`. */
  options: optionList.refine((opts) => opts.some((o) => o.correct), {
    message: 'câu nhiều đáp án phải có ít nhất một phương án correct: true',
  }),
});

/** A statement to judge true or false. */
export const trueFalseQuestionSchema = z.strictObject({
  ...questionBase,
  /** Đúng hay sai. */
  type: z.literal('true-false'),
  /** True when the statement is right. */
  answer: z.boolean({ message: 'answer phải là true hoặc false' }),
});

/** Items to put in order. */
export const orderingQuestionSchema = z.strictObject({
  ...questionBase,
  /** Put the items in order. */
  type: z.literal('ordering'),
  /** 3 to 6 items, written in the RIGHT order (the page shuffles them). */
  items: z
    .array(itemSchema)
    .min(3, { message: 'câu sắp xếp cần ít nhất 3 mục' })
    .max(6, { message: 'câu sắp xếp có tối đa 6 mục' })
    .refine(hasUniqueIds, { message: 'mã mục bị trùng' })
    .refine(hasUniqueTexts, { message: 'nội dung mục bị trùng' }),
});

/** One question of any type. */
export const questionSchema = z.discriminatedUnion('type', [
  singleQuestionSchema,
  multipleQuestionSchema,
  trueFalseQuestionSchema,
  orderingQuestionSchema,
]);

/**
 * Retry rules of a quiz: a study aid (read the explanations before trying again), not a control. They count on one
 * device only; the quiz page says so.
 */
export const attemptPolicySchema = z.strictObject({
  /** Most attempts allowed in one calendar day on one device. */
  maxPerDay: z.number().int().min(1).max(50).default(3),
  /** Minutes to wait after finishing an attempt before starting the next one. */
  spacingMinutes: z.number().int().min(0).max(1440).default(10),
});

/** A quiz bank. */
export const quizSchema = z
  .strictObject({
    /** Title shown on the quiz page, e.g. "Kiểm tra: Kế hoạch 83-KH/TU". */
    title: text,
    /** One-line description for the quiz index. */
    description: text,
    /** Id of the study session this quiz checks (content/study/<id>.mdx). */
    study: slug,
    /** Number 1–31 that identifies this quiz inside receipt codes; unique across banks, never reused. */
    code: z.number().int().min(1).max(31),
    /** Questions drawn for one attempt (at most the bank size). */
    draw: z.number().int().min(1).default(10),
    /** Pass mark in percent. */
    passPercent: z.number().int().min(1).max(100).default(80),
    /** Retry rules. */
    attempts: attemptPolicySchema.default({ maxPerDay: 3, spacingMinutes: 10 }),
    /** The bank. */
    questions: z
      .array(questionSchema)
      .min(1)
      .superRefine((qs, ctx) => {
        const seen = new Set<string>();
        qs.forEach((q, i) => {
          if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `mã câu hỏi bị trùng: ${q.id}` });
          seen.add(q.id);
        });
      }),
  })
  .refine((q) => q.draw <= q.questions.length, { message: 'draw lớn hơn số câu trong ngân hàng', path: ['draw'] });

/** Validated quiz bank. */
export type QuizData = z.infer<typeof quizSchema>;
/** One validated question. */
export type QuestionData = z.infer<typeof questionSchema>;
