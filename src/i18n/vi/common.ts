/** Site chrome strings: header, footer, navigation, home page, 404. */
export const common = {
  'site.title': 'Trí thức Điện Biên',
  'site.tagline': 'Học tập và thực hiện Kết luận 52-KL/TW về xây dựng đội ngũ trí thức',
  'site.description':
    'Trang học tập của tỉnh Điện Biên về Kết luận số 52-KL/TW và Nghị quyết số 27-NQ/TW: văn bản, tài liệu học tập, bài kiểm tra và tra cứu.',
  'nav.label': 'Điều hướng chính',
  'nav.documents': 'Văn bản',
  'nav.study': 'Học tập',
  'nav.quiz': 'Kiểm tra',
  'nav.search': 'Tìm kiếm',
  'nav.home': 'Trang chủ',
  'skip.toContent': 'Bỏ qua, đến nội dung chính',
  'footer.text': 'Trang học tập do Tỉnh ủy Điện Biên tổ chức. Văn bản chính thức được đăng nguyên văn; các bản tóm lược được ghi rõ.',
  'footer.noTracking': 'Trang không dùng dịch vụ theo dõi và không tải gì từ máy chủ khác.',
  'footer.source': 'Mã nguồn và nội dung: xem README của dự án.',
  'notFound.title': 'Không tìm thấy trang',
  'notFound.body': 'Địa chỉ bạn mở không có trên trang này. Có thể đường dẫn đã sai hoặc trang đã được chuyển.',
  'notFound.home': 'Về trang chủ',
  'notFound.search': 'Tìm kiếm văn bản',
  'breadcrumb.label': 'Vị trí trang',
  'print.url': 'Địa chỉ trang:',
} as const;
