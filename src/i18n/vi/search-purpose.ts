/**
 * What each kind of purpose page is for, in the words people use for it. Indexed with the page's
 * title and description (scripts/lib/pagefind.ts, PURPOSE_PAGES), so "slide", "tài liệu in" or
 * "tra mã" find the page that does it; shown as its excerpt in the results.
 */
export const searchPurpose = {
  'purpose.deck': 'Trang chiếu (slide, bài giảng PowerPoint) để báo cáo viên trình chiếu chuyên đề lên màn hình trong buổi học.',
  'purpose.presenter': 'Chế độ người trình bày (người dẫn, báo cáo viên): ghi chú, lời dẫn, trang chiếu tiếp theo và đồng hồ bấm giờ trong khi trình chiếu.',
  'purpose.handout': 'Tài liệu in (bản in, tài liệu phát tay) cho buổi học tập, sinh hoạt chi bộ: in nhiều trang chiếu trên một tờ A4, tải bản Word.',
  'purpose.quiz': 'Bài kiểm tra trắc nghiệm, câu hỏi ôn tập sau buổi học; làm bài đạt để nhận mã xác nhận.',
  'purpose.quizIndex': 'Danh sách các bài kiểm tra, bài trắc nghiệm sau mỗi chuyên đề học tập.',
  'purpose.progress': 'Tiến độ học tập: đã học tới đâu, đã học xong mấy bài, kết quả các bài kiểm tra đã làm trên máy này.',
  'purpose.certificate': 'In giấy tự xác nhận hoàn thành sau khi làm đạt bài kiểm tra.',
  'purpose.trainer': 'Dành cho giảng viên: mở buổi học có mã QR, chuyển buổi học sang máy khác; tra mã, đối chiếu mã xác nhận học viên nộp, gộp tệp CSV của giảng viên khác; tổng hợp, thống kê học viên hoàn thành theo từng đơn vị, xuất báo cáo Word.',
  'purpose.matrix': 'Bảng phân công: cơ quan, đơn vị nào làm việc gì, thời hạn và chế độ báo cáo.',
  'purpose.timeline': 'Dòng thời gian: mốc thời gian, thứ tự ra đời của các văn bản, xếp theo năm ban hành.',
  'purpose.studyIndex': 'Danh sách các chuyên đề học tập: bài đọc, trang chiếu, tài liệu in.',
  'purpose.documentIndex': 'Danh mục tất cả các văn bản: toàn văn và tóm lược; theo dõi, nhận tin văn bản mới qua RSS.',
  'purpose.poster': 'Áp phích (poster) khổ A4 để in, dán ở bảng tin: tóm tắt và mã QR mở trang trên điện thoại.',
  'purpose.home': 'Trang chủ: lưu toàn bộ trang về máy để đọc offline khi không có mạng, mất mạng.',
  'purpose.search': 'Tìm kiếm trong văn bản và tài liệu học tập, gõ có dấu hay không dấu; lọc kết quả theo loại, theo văn bản.',
} as const;
