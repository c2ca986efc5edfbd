/** Strings of offline reading: saving, cached-page notice, update announcement. */
export const offline = {
  'offline.title': 'Lưu để đọc offline',
  'offline.body':
    'Tải toàn bộ văn bản, tài liệu học tập, bài trình chiếu, bài kiểm tra và chỉ mục tìm kiếm về máy này để dùng khi không có mạng (ví dụ khi trình bày ở hội trường xã).',
  'offline.size': 'Dung lượng: khoảng {size} ({n} tệp).',
  'offline.save': 'Lưu để đọc offline',
  'offline.resave': 'Cập nhật bản lưu',
  'offline.progress': 'Đang lưu {done}/{n} tệp…',
  'offline.done': 'Đã lưu {n} tệp ({size}). Bạn có thể đọc, tìm kiếm, trình chiếu và làm bài kiểm tra khi mất mạng.',
  'offline.savedOn': 'Đã lưu trên máy này lúc {when}.',
  'offline.failed': 'Chưa lưu được {n} tệp do mất kết nối. Hãy thử lại khi có mạng.',
  'offline.unsupported': 'Trình duyệt này không hỗ trợ lưu để đọc offline.',
  'offline.needJs': 'Cần bật JavaScript để lưu trang về máy.',
  'offline.fromCache': 'Bạn đang xem bản đã lưu trên máy (không có kết nối mạng). Nội dung có thể chưa phải bản mới nhất.',
  'offline.updated': 'Trang vừa có nội dung mới.',
  'offline.reload': 'Tải lại trang',
} as const;
