/** Strings of public-source citations: the numbered list under each section and the kinds in words. */
export const sources = {
  'sources.title': 'Nguồn của mục này',
  'sources.kind.full-text-republication': 'bản đăng lại toàn văn',
  'sources.kind.news': 'tin báo',
  'sources.kind.teaching-material': 'bài giảng, bản tin hoặc hỏi - đáp',
  'sources.kind.official-portal': 'cổng thông tin chính thức',
  'sources.read': 'đọc ngày {date}',
  'sources.ref': 'Nguồn {n}',
  'sources.slide': 'Nguồn:',
} as const;
