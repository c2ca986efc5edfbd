/** Vietnamese wording for Zod's generic issues, so every build message reads the same way. */
import type { z } from 'astro/zod';

/** Per-parse error map: schema-level messages still win; this covers the generic cases. */
export const viErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'thiếu trường bắt buộc';
  if (issue.code === 'invalid_type') return `sai kiểu dữ liệu: cần ${issue.expected}`;
  if (issue.code === 'unrecognized_keys') return `trường không được hỗ trợ: ${issue.keys.join(', ')}`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'không được để trống';
  if (issue.code === 'too_small' && issue.origin === 'array') return `cần ít nhất ${String(issue.minimum)} phần tử`;
  return undefined;
};
