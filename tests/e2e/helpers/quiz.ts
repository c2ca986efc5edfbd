/** Driving a quiz page from its embedded bank: shared by the quiz and offline e2e tests. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ClientQuiz } from '../../../src/lib/quiz/client-data.ts';

// The machine is shared and slow: a single Playwright call after a navigation can exceed vitest's 1 s default.
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });

export async function quizData(page: Page): Promise<ClientQuiz> {
  return JSON.parse((await page.locator('script[data-json="quiz"]').textContent()) ?? 'null');
}

/** Answers the question on screen, rightly or wrongly, using the bank embedded in the page. */
export async function answerCurrent(page: Page, quiz: ClientQuiz, right: boolean): Promise<string> {
  const qid = (await page.locator('fieldset[data-qid]').getAttribute('data-qid'))!;
  const q = quiz.questions.find((x) => x.id === qid)!;
  if (q.type === 'true-false') {
    const value = q.answer === right ? 'dung' : 'sai';
    await page.locator(`input[value="${value}"]`).check();
  } else if (q.type === 'single' || q.type === 'multiple') {
    const ids = q.options.filter((o) => (right ? o.correct : !o.correct)).map((o) => o.id);
    for (const id of ids.slice(0, q.type === 'single' ? 1 : ids.length)) await page.locator(`input[value="${id}"]`).check();
  } else {
    // Sort the items with the "move up" buttons, as a keyboard user would. Wrong = the right order
    // rotated by one, so no item is in its place (a reversal keeps the middle item of an odd list right,
    // which earns partial credit).
    const ids = q.items.map((i) => i.id);
    const target = right ? ids : [...ids.slice(1), ids[0]!];
    for (let pos = 0; pos < target.length; pos++) {
      for (;;) {
        const order = await page.locator('.order-list li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id!));
        const at = order.indexOf(target[pos]!);
        if (at === pos) break;
        await page.locator(`.order-list li[data-id="${target[pos]}"] button`).first().click();
      }
    }
  }
  return qid;
}

export async function fillLearner(page: Page, name: string, unit: string) {
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('Đơn vị (chi bộ, cơ quan, xã…)').fill(unit);
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
}

export async function takeAttempt(page: Page, quiz: ClientQuiz, right: (index: number) => boolean, stopAfter?: number) {
  const total = quiz.draw;
  for (let i = 0; i < total; i++) {
    if (stopAfter !== undefined && i === stopAfter) return;
    await poll(() => page.locator('.q-num').textContent()).toBe(`Câu ${i + 1}/${total}`);
    await answerCurrent(page, quiz, right(i));
    if (i < total - 1) await page.getByRole('button', { name: 'Câu tiếp' }).click();
  }
  await page.getByRole('button', { name: 'Nộp bài' }).click();
}

