/** Listen mode ("Nghe đọc"): reading a page aloud with the device's Vietnamese voice. */
export const listen = {
  'listen.start': 'Nghe đọc',
  'listen.one': 'Nghe đoạn này',
  'listen.oneLabel': 'Nghe đoạn này: {label}',
  'listen.none': 'Nghe đọc cần giọng đọc tiếng Việt của máy; máy này chưa có (có thể cài trong phần cài đặt giọng nói của máy).',
  'listen.controls': 'Điều khiển nghe đọc',
  'listen.pause': 'Tạm dừng',
  'listen.resume': 'Đọc tiếp',
  'listen.next': 'Đoạn sau',
  'listen.stop': 'Dừng đọc',
  'listen.rate': 'Tốc độ',
  'listen.reading': 'Đang đọc {n}/{total}: {label}',
  'listen.paused': 'Đã tạm dừng: {label}',
  'listen.done': 'Đã đọc xong.',
  'listen.stopped': 'Đã dừng đọc.',
} as const;
