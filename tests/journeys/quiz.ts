/**
 * The quiz journey's steps, kept in one place so a change to the quiz or roster UI is adapted here only:
 * fill in the learner, answer every question rightly from the bank embedded in the page, submit, read the
 * receipt code, and check it on the trainer page. Controls are found by their labels and names.
 */
import type { ClientQuiz } from '../../src/lib/quiz/client-data.ts';
import type { Driver } from './driver.ts';
import { clickButton, textOf, typeInto } from './steps.ts';

export const QUIZ_ID = '01-ke-hoach-83-kh-tu';

/** Takes the quiz to a pass; returns the receipt code shown to the learner. */
export async function passQuiz(d: Driver, base: string, name: string, unit: string): Promise<string> {
  await d.goto(`${base}kiem-tra/${QUIZ_ID}/`);
  const quiz = await d.run(() => JSON.parse(document.querySelector('script[data-json="quiz"]')?.textContent ?? 'null')) as ClientQuiz;
  await typeInto(d, 'Họ và tên', name);
  await typeInto(d, 'Đơn vị (chi bộ, cơ quan, xã…)', unit);
  await clickButton(d, 'Lưu và tiếp tục');
  await clickButton(d, 'Bắt đầu làm bài');
  for (let i = 0; i < quiz.draw; i++) {
    await d.waitFor(`question ${i + 1}`, (want: string) => document.querySelector('.q-num')?.textContent?.trim() === want, `Câu ${i + 1}/${quiz.draw}`);
    const qid = await d.run(() => document.querySelector('fieldset[data-qid]')?.getAttribute('data-qid') ?? '');
    const q = quiz.questions.find((x) => x.id === qid)!;
    if (q.type === 'true-false') await d.click(`fieldset[data-qid] input[value="${q.answer ? 'dung' : 'sai'}"]`);
    else if (q.type === 'single' || q.type === 'multiple') {
      for (const o of q.options.filter((o) => o.correct)) await d.click(`fieldset[data-qid] input[value="${o.id}"]`);
    } else {
      // Ordering: move each item up into place with its buttons, as a keyboard user would.
      const target = q.items.map((it) => it.id);
      for (let pos = 0; pos < target.length; pos++) {
        for (;;) {
          const order = await d.run(() => [...document.querySelectorAll<HTMLElement>('.order-list li')].map((li) => li.dataset.id ?? ''));
          if (order.indexOf(target[pos]!) === pos) break;
          await d.click(`.order-list li[data-id="${target[pos]}"] button`);
        }
      }
    }
    await clickButton(d, i < quiz.draw - 1 ? 'Câu tiếp' : 'Nộp bài');
  }
  await d.waitFor('a score of 100', () => document.querySelector('.score')?.getAttribute('data-score') === '100');
  return textOf(d, '[data-code]');
}

/** Pastes the code on the trainer page; returns the roster's summary line. */
export async function verifyOnTrainerPage(d: Driver, base: string, line: string): Promise<string> {
  await d.goto(`${base}giang-vien/`);
  await typeInto(d, 'Mã xác nhận', line);
  await clickButton(d, 'Kiểm tra và thêm vào danh sách');
  return textOf(d, '[data-summary]');
}
