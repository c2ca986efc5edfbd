import { describe, expect, it } from 'vitest';
import { namesDocument, theOneNamed } from '../../../src/lib/search/name-fit.ts';
import { termInfos } from '../../../src/lib/search/rank.ts';

const NQ27 = ['Nghị quyết số 27-NQ/TW', 'Về xây dựng đội ngũ trí thức trong thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước'] as const;
const KL52 = ['Kết luận số 52-KL/TW', 'Về tiếp tục thực hiện Nghị quyết Trung ương 7 khóa X về xây dựng đội ngũ trí thức trong thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước'] as const;
const NQ45 = ['Nghị quyết số 45-NQ/TW', 'Về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền vững trong giai đoạn mới'] as const;
const words = (q: string) => termInfos(q.split(' '));

describe('a document named by the words of its name', () => {
  it('is named when its title and abstract hold every subject word in order, three or more', () => {
    expect(namesDocument(...NQ45, words('tiep tuc xay dung va phat huy vai tro cua doi ngu tri thuc'))).toBe(true);
    expect(namesDocument(...NQ45, words('nghi quyet phat huy vai tro tri thuc giai doan moi'))).toBe(true);
  });

  it('is not named by words it lacks, words out of order, two words, or without an abstract', () => {
    expect(namesDocument(...NQ27, words('phat huy vai tro tri thuc'))).toBe(false);
    // "trọng dụng đội ngũ trí thức" typed without marks: "trong" stands after the others in the name.
    expect(namesDocument(...NQ27, words('trong dung doi ngu tri thuc'))).toBe(false);
    expect(namesDocument(...NQ27, words('tri thuc'))).toBe(false);
    expect(namesDocument(NQ27[0], '', words('xay dung doi ngu tri thuc'))).toBe(false);
  });

  it('names none when the words stand in more than one name', () => {
    const q = words('cong nghiep hoa hien dai hoa');
    const docs = [NQ27, KL52, NQ45];
    expect(theOneNamed(docs, (d) => namesDocument(d[0], d[1], q))).toBeUndefined();
    expect(theOneNamed(docs, (d) => namesDocument(d[0], d[1], words('tiep tuc xay dung va phat huy vai tro cua doi ngu tri thuc')))).toBe(NQ45);
  });
});

describe('a phrase of a name', () => {
  it('is not the name: the query must make up a third of it', () => {
    expect(namesDocument(...NQ45, words('phat trien nhanh va ben vung'))).toBe(false);
  });
});
