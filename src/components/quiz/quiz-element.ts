/**
 * <tt-quiz>: the interactive quiz (component: ./Quiz.astro). Without JavaScript the page shows the
 * self-study list (slot); with it, the element hides that list and runs one attempt at a time through
 * src/lib/quiz: learner form (once) → start screen (retry rules) → one question per screen → result
 * and review. Every change is saved to the device record, so a reload resumes exactly where the
 * learner was.
 *
 * Session mode: a URL fragment `#buoi=1&…` (the QR a trainer shows, src/lib/receipt/session.ts) binds
 * the quiz to that study session. The session is saved in the record (`joined`) and the fragment is
 * removed from the address bar, so the secret is not left in a URL the learner might share; a pass
 * then gives a session-bound (v3) code. The page says which session, and offers to leave it.
 */
import { h, loadRecord, makeTr, readJson, saveRecord, storeProblemPanel, formatWhen } from './client.ts';
import type { Tr } from './client.ts';
import {
  TRUE_ID,
  answer,
  answeredCount,
  createAttempt,
  findQuestion,
  finish,
  fitsQuiz,
  goTo,
  grade,
} from '../../lib/quiz/engine.ts';
import type { AttemptState, GradeResult } from '../../lib/quiz/engine.ts';
import { attemptGate, vnDate } from '../../lib/quiz/attempts.ts';
import { recordResult } from '../../lib/quiz/store.ts';
import type { Completion, DeviceRecord } from '../../lib/quiz/store.ts';
import { checkName, checkUnit, MAX_NAME, MAX_UNIT } from '../../lib/quiz/learner.ts';
import { canMac, encodeReceipt, encodeSessionReceipt, holderHashFor, SELF_STUDY_VERSION, SESSION_VERSION } from '../../lib/receipt/code.ts';
import { parseSessionLink, secretOf } from '../../lib/receipt/session.ts';
import type { SessionLink } from '../../lib/receipt/session.ts';
import { formatDate } from './client.ts';
import type { ClientQuiz, ClientQuestion } from '../../lib/quiz/client-data.ts';

class TtQuiz extends HTMLElement {
  private quiz!: ClientQuiz;
  private tr!: Tr;
  private urls!: { certificate: string };
  private app!: HTMLElement;
  private live!: HTMLElement;
  private record!: DeviceRecord;
  private attempt: AttemptState | null = null;
  private confirmSubmit = false;
  private timer = 0;
  /** True while the first state replaces the one in the HTML: no focus move then (the page must not jump, #19). */
  private first = true;

  connectedCallback() {
    this.quiz = readJson(this, 'quiz');
    this.tr = makeTr(readJson(this, 'strings'));
    this.urls = readJson(this, 'urls');
    this.app = this.querySelector('[data-app]')!;
    this.live = this.querySelector('[data-live]')!;
    this.querySelector('[data-static]')?.setAttribute('hidden', '');
    this.boot();
    this.first = false;
  }

  disconnectedCallback() {
    clearInterval(this.timer);
  }

  private boot() {
    const loaded = loadRecord();
    if (!loaded.ok) {
      this.show(storeProblemPanel(loaded.problem, this.tr, () => this.boot()));
      return;
    }
    this.record = loaded.record;
    const children: HTMLElement[] = [];
    const note = this.joinFromFragment();
    if (note) children.push(note);
    if (!loaded.persistent) children.push(h('p', { class: 'notice', role: 'note' }, this.tr('store.unavailable')));
    const saved = this.record.inProgress[this.quiz.id];
    if (saved && !saved.finishedAt && fitsQuiz(this.quiz, saved)) this.attempt = saved;
    else if (saved) {
      this.attempt = null;
      this.mutate((r) => {
        const inProgress = { ...r.inProgress };
        delete inProgress[this.quiz.id];
        return { ...r, inProgress };
      });
      children.push(h('p', { class: 'notice', role: 'note' }, this.tr('store.staleAttempt')));
    }
    if (!this.record.learner) this.renderLearner(children);
    else if (this.attempt) this.renderQuestion(false);
    else this.renderStart(children);
  }

  /** Reads a session link from the fragment into the record; returns a notice when it cannot be used. */
  private joinFromFragment(): HTMLElement | null {
    const link = parseSessionLink(location.hash);
    if (!link.ok && link.problem === 'none') return null;
    // The secret leaves the address bar either way (it is in the record when it was usable).
    history.replaceState(history.state, '', location.pathname + location.search);
    if (!link.ok) return h('p', { class: 'notice', role: 'alert', 'data-join-problem': link.problem }, this.tr('join.bad', { reason: this.tr(`join.reason.${link.problem}`) }));
    if (link.session.quiz !== this.quiz.id) return h('p', { class: 'notice', role: 'alert', 'data-join-problem': 'other-quiz' }, this.tr('join.otherQuiz'));
    const s = link.session;
    this.mutate((r) => ({ ...r, joined: { ...r.joined, [this.quiz.id]: s } }));
    return null;
  }

  // Without Web Crypto (a page served over plain http) a session code cannot be made: the attempt is self-study.
  private joined(): SessionLink | undefined {
    return canMac() ? this.record.joined?.[this.quiz.id] : undefined;
  }

  /** The banner saying whether this attempt counts for a study session or as self-study. */
  private sessionBanner(): HTMLElement {
    const s = this.joined();
    if (!s) {
      const text = this.record.joined?.[this.quiz.id] ? this.tr('join.noCrypto') : this.tr('join.selfStudy');
      return h('p', { class: 'session-mode session-mode--self', 'data-session-mode': 'self-study' }, text);
    }
    const leave = h('button', { type: 'button', class: 'btn btn--link' }, this.tr('join.leave'));
    leave.addEventListener('click', () => {
      this.mutate((r) => {
        const joined = { ...r.joined };
        delete joined[this.quiz.id];
        return { ...r, joined };
      });
      this.boot();
    });
    return h(
      'section',
      { class: 'session-mode session-mode--joined', 'data-session-mode': 'session', 'aria-labelledby': 'buoi-hoc' },
      h('p', { id: 'buoi-hoc', class: 'session-mode__title' }, h('strong', {}, this.tr('join.title', { unit: s.unit, date: formatDate(s.date) }))),
      h('p', {}, this.tr('join.lead')),
      leave,
    );
  }

  private mutate(f: (r: DeviceRecord) => DeviceRecord) {
    this.record = f(this.record);
    saveRecord(this.record);
  }

  private saveAttempt() {
    const a = this.attempt;
    if (!a) return;
    this.mutate((r) => ({ ...r, inProgress: { ...r.inProgress, [this.quiz.id]: a } }));
  }

  private show(...nodes: Node[]) {
    clearInterval(this.timer);
    this.app.replaceChildren(...nodes);
  }

  private focusHeading() {
    if (this.first) return;
    const hd = this.app.querySelector<HTMLElement>('[data-focus]');
    hd?.focus();
  }

  private announce(text: string) {
    // Clear first so the same message is announced again.
    this.live.textContent = '';
    setTimeout(() => (this.live.textContent = text), 50);
  }

  // ---- learner form ------------------------------------------------------------------------
  private renderLearner(prefix: HTMLElement[] = []) {
    const tr = this.tr;
    // The learner form in the HTML (Quiz.astro) may have been typed into before this script ran: keep that.
    const typed = (id: string) => this.app.querySelector<HTMLInputElement>(`input#${id}`)?.value ?? '';
    const focused = this.app.contains(document.activeElement) ? document.activeElement?.id : undefined;
    const field = (id: string, label: string, value: string, max: number) => {
      const input = h('input', { id, name: id, type: 'text', autocomplete: id === 'ho-ten' ? 'name' : 'organization', maxlength: max * 2, value, required: true, 'aria-describedby': `${id}-loi` }) as HTMLInputElement;
      return h('div', { class: 'field' }, h('label', { for: id }, label), input, h('p', { id: `${id}-loi`, class: 'field__error' }));
    };
    const form = h(
      'form',
      { class: 'learner', novalidate: true },
      h('h2', { tabindex: -1, 'data-focus': true }, tr('learner.title')),
      h('p', {}, tr('learner.lead')),
      field('ho-ten', tr('learner.name'), this.record.learner?.name ?? typed('ho-ten'), MAX_NAME),
      field('don-vi', tr('learner.unit'), this.record.learner?.unit ?? typed('don-vi'), MAX_UNIT),
      h('button', { type: 'submit', class: 'btn btn--primary' }, tr('learner.save')),
    ) as HTMLFormElement;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const checks = [
        { id: 'ho-ten', res: checkName((form.elements.namedItem('ho-ten') as HTMLInputElement).value), label: tr('learner.field.name'), max: MAX_NAME },
        { id: 'don-vi', res: checkUnit((form.elements.namedItem('don-vi') as HTMLInputElement).value), label: tr('learner.field.unit'), max: MAX_UNIT },
      ];
      let firstBad: HTMLInputElement | null = null;
      for (const c of checks) {
        const input = form.querySelector<HTMLInputElement>(`#${c.id}`)!;
        const err = form.querySelector<HTMLElement>(`#${c.id}-loi`)!;
        if (c.res.ok) {
          input.removeAttribute('aria-invalid');
          err.textContent = '';
        } else {
          input.setAttribute('aria-invalid', 'true');
          err.textContent = tr(`learner.error.${c.res.problem}`, { field: c.label, max: c.max });
          firstBad ??= input;
        }
      }
      if (firstBad) {
        firstBad.focus();
        return;
      }
      const [n, u] = checks.map((c) => (c.res.ok ? c.res.value : ''));
      this.mutate((r) => ({ ...r, learner: { name: n!, unit: u! } }));
      this.boot();
    });
    this.show(...prefix, this.sessionBanner(), form);
    if (focused) form.querySelector<HTMLElement>(`#${focused}`)?.focus();
    else this.focusHeading();
  }

  // ---- start screen ------------------------------------------------------------------------
  private renderStart(prefix: HTMLElement[] = [], result?: GradeResult) {
    const tr = this.tr;
    const q = this.quiz;
    const learner = this.record.learner!;
    const change = h('button', { type: 'button', class: 'btn btn--link' }, tr('learner.change'));
    change.addEventListener('click', () => this.renderLearner());
    const now = new Date();
    const gate = attemptGate(this.record.history, q.id, q.attempts, now);
    const start = h('button', { type: 'button', class: 'btn btn--primary', disabled: !gate.allowed }, tr(result || this.record.history.some((x) => x.quizId === q.id) ? 'attempt.retry' : 'attempt.start'));
    start.addEventListener('click', () => this.begin());
    const gateText = gate.allowed
      ? tr('attempt.usedToday', { used: gate.usedToday, max: q.attempts.maxPerDay })
      : gate.reason === 'spacing'
        ? tr('attempt.waitSpacing', { time: formatWhen(gate.nextAt) })
        : tr('attempt.waitDay', { max: q.attempts.maxPerDay, time: formatWhen(gate.nextAt) });
    const done = this.record.completions[q.id];
    const nodes: Node[] = [
      ...prefix,
      h('p', { class: 'learner-line' }, tr('learner.who', { name: learner.name, unit: learner.unit }), ' ', change),
    ];
    if (result) nodes.push(...this.resultNodes(result));
    else nodes.push(h('h2', { tabindex: -1, 'data-focus': true }, q.title));
    if (!result) nodes.push(this.sessionBanner());
    if (done && !result) nodes.push(this.completionNode(done.percent, done.code));
    nodes.push(
      h('p', {}, tr('quiz.rules')),
      h('p', {}, tr('quiz.policy', { max: q.attempts.maxPerDay, minutes: q.attempts.spacingMinutes })),
      h('p', { class: 'gate', 'data-gate': gate.allowed ? 'open' : gate.reason }, gateText),
      start,
    );
    if (result) nodes.push(this.reviewNode(result));
    this.show(...nodes);
    if (!gate.allowed) {
      // Re-check now and then so the button enables itself when the wait is over.
      this.timer = window.setInterval(() => {
        if (attemptGate(this.record.history, q.id, q.attempts, new Date()).allowed) this.renderStart(prefix, result);
      }, 15_000);
    }
    this.focusHeading();
  }

  private completionNode(percent: number, code: string) {
    const tr = this.tr;
    const session = this.record.completions[this.quiz.id]?.session;
    return h(
      'div',
      { class: 'completion' },
      h('p', {}, tr('result.passed'), ' ', tr('result.code'), ' ', h('strong', { class: 'code', 'data-code': true }, code), ` (${percent}%)`),
      h('p', { 'data-code-kind': session ? 'session' : 'self-study' }, session ? tr('result.sessionCode', { unit: session.unit, date: formatDate(session.date) }) : tr('result.selfStudyCode')),
      h('p', {}, h('a', { href: `${this.urls.certificate}?bai=${encodeURIComponent(this.quiz.id)}` }, tr('result.certificate'))),
    );
  }

  private begin() {
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
    this.attempt = createAttempt(this.quiz, seed, new Date());
    this.saveAttempt();
    this.renderQuestion(true);
  }

  // ---- one question ------------------------------------------------------------------------
  private renderQuestion(focus: boolean) {
    const tr = this.tr;
    const a = this.attempt!;
    const total = a.questionIds.length;
    const qid = a.questionIds[a.current]!;
    const q = findQuestion(this.quiz, qid) as ClientQuestion;
    const order = a.optionOrder[qid]!;
    const given = a.answers[qid] ?? [];
    const n = a.current + 1;
    const legend = h('legend', {}, h('span', { class: 'q-num', tabindex: -1, 'data-focus': true }, tr('attempt.progress', { n, total })), ' ', q.question);
    const fieldset = h('fieldset', { class: 'question', 'data-qid': qid }, legend, h('p', { class: 'q-hint', id: 'q-hint' }, `${tr(`quiz.type.${q.type}`)} · ${tr('quiz.difficulty.label', { level: tr(`quiz.difficulty.${q.difficulty}`) })}`));
    fieldset.setAttribute('aria-describedby', 'q-hint');
    const textOf = (id: string) =>
      q.type === 'true-false' ? tr(id === TRUE_ID ? 'quiz.true' : 'quiz.false') : q.type === 'ordering' ? q.items.find((i) => i.id === id)!.text : q.options.find((o) => o.id === id)!.text;

    if (q.type === 'ordering') {
      const current = given.length ? given : order;
      fieldset.append(h('p', { class: 'q-hint' }, tr('attempt.orderHint')));
      const list = h('ol', { class: 'order-list' });
      current.forEach((id, i) => {
        const up = h('button', { type: 'button', class: 'btn btn--small', disabled: i === 0, 'aria-label': `${tr('attempt.moveUp')}: ${textOf(id)}` }, '↑');
        const down = h('button', { type: 'button', class: 'btn btn--small', disabled: i === current.length - 1, 'aria-label': `${tr('attempt.moveDown')}: ${textOf(id)}` }, '↓');
        const move = (to: number) => {
          const next = [...current];
          next.splice(i, 1);
          next.splice(to, 0, id);
          this.attempt = answer(this.quiz, this.attempt!, qid, next);
          this.saveAttempt();
          this.renderQuestion(false);
          this.announce(tr('attempt.moved', { item: textOf(id), n: to + 1 }));
          // Keep focus on the moved item so keyboard users can keep moving it.
          const btns = [...(this.app.querySelectorAll('.order-list li')[to]?.querySelectorAll('button') ?? [])] as HTMLButtonElement[];
          const preferred = to < i ? btns[0] : btns[1];
          (preferred && !preferred.disabled ? preferred : btns.find((b) => !b.disabled))?.focus();
        };
        up.addEventListener('click', () => move(i - 1));
        down.addEventListener('click', () => move(i + 1));
        list.append(h('li', { 'data-id': id }, h('span', { class: 'order-text' }, textOf(id)), h('span', { class: 'order-btns' }, up, down)));
      });
      fieldset.append(list);
    } else {
      const multi = q.type === 'multiple';
      const opts = h('div', { class: 'options' });
      order.forEach((id, i) => {
        const inputId = `o-${qid}-${i}`;
        const input = h('input', { type: multi ? 'checkbox' : 'radio', name: `q-${qid}`, id: inputId, value: id, checked: given.includes(id) }) as HTMLInputElement;
        input.addEventListener('change', () => {
          const chosen = [...opts.querySelectorAll<HTMLInputElement>('input:checked')].map((x) => x.value);
          this.attempt = answer(this.quiz, this.attempt!, qid, chosen);
          this.confirmSubmit = false;
          this.saveAttempt();
          this.updateCount();
        });
        opts.append(h('div', { class: 'option' }, input, h('label', { for: inputId }, textOf(id))));
      });
      fieldset.append(opts);
    }

    const prev = h('button', { type: 'button', class: 'btn', disabled: a.current === 0 }, tr('attempt.prev'));
    prev.addEventListener('click', () => this.move(-1));
    const last = a.current === total - 1;
    const next = h('button', { type: 'button', class: `btn ${last ? '' : 'btn--primary'}` }, tr('attempt.next'));
    next.hidden = last;
    next.addEventListener('click', () => this.move(1));
    const submit = h('button', { type: 'button', class: `btn ${last ? 'btn--primary' : ''}` }, tr('attempt.submit'));
    submit.addEventListener('click', () => void this.submit());
    const progress = h('progress', { max: total, value: n, 'aria-hidden': 'true' });
    this.show(
      h('p', { class: 'learner-line' }, tr('learner.who', { name: this.record.learner!.name, unit: this.record.learner!.unit })),
      h('div', { class: 'q-progress' }, progress, h('span', { 'data-count': true }, tr('attempt.answered', { n: answeredCount(a), total }))),
      fieldset,
      h('div', { class: 'q-nav' }, prev, next, submit),
      h('p', { class: 'q-warn', role: 'alert', 'data-warn': true }),
    );
    if (focus) this.focusHeading();
  }

  private updateCount() {
    const a = this.attempt!;
    const el = this.app.querySelector('[data-count]');
    if (el) el.textContent = this.tr('attempt.answered', { n: answeredCount(a), total: a.questionIds.length });
  }

  // An ordering question counts as answered once shown and left: its displayed order is the answer.
  private keepOrdering() {
    const a = this.attempt!;
    const qid = a.questionIds[a.current]!;
    const q = findQuestion(this.quiz, qid);
    if (q?.type === 'ordering' && !a.answers[qid]) {
      this.attempt = answer(this.quiz, a, qid, a.optionOrder[qid]!);
      this.saveAttempt();
    }
  }

  private move(delta: number) {
    this.keepOrdering();
    this.confirmSubmit = false;
    this.attempt = goTo(this.attempt!, this.attempt!.current + delta);
    this.saveAttempt();
    this.renderQuestion(true);
  }

  private async submit() {
    this.keepOrdering();
    const a = this.attempt!;
    const missing = a.questionIds.length - answeredCount(a);
    if (missing > 0 && !this.confirmSubmit) {
      this.confirmSubmit = true;
      const warn = this.app.querySelector('[data-warn]');
      if (warn) warn.textContent = this.tr('attempt.confirmUnanswered', { n: missing });
      return;
    }
    const now = new Date();
    const done = finish(a, now);
    const result = grade(this.quiz, done);
    const learner = this.record.learner!;
    const session = this.joined();
    let completion: Completion | null = null;
    if (result.passed) {
      const fields = { quiz: this.quiz.code, date: vnDate(now), percent: result.percent, holder: holderHashFor(session ? SESSION_VERSION : SELF_STUDY_VERSION, learner.name, learner.unit) };
      const code = session ? await encodeSessionReceipt(fields, { id: session.id, secret: secretOf(session) }) : encodeReceipt(fields);
      completion = { percent: result.percent, date: fields.date, code, finishedAt: done.finishedAt!, name: learner.name, unit: learner.unit };
      if (session) completion.session = { id: session.id, unit: session.unit, date: session.date };
    }
    this.mutate((r) =>
      recordResult(r, { quizId: this.quiz.id, startedAt: done.startedAt, finishedAt: done.finishedAt!, percent: result.percent, passed: result.passed }, completion),
    );
    this.attempt = null;
    this.renderStart([], result);
    this.announce(`${this.tr('result.score', { percent: result.percent, points: fmt(result.points), max: result.max, pass: result.passPercent })}`);
  }

  // ---- result and review -------------------------------------------------------------------
  private resultNodes(r: GradeResult): Node[] {
    const tr = this.tr;
    const nodes: Node[] = [
      h('h2', { tabindex: -1, 'data-focus': true }, tr('result.title')),
      h('p', { class: 'score', 'data-score': r.percent }, tr('result.score', { percent: r.percent, points: fmt(r.points), max: r.max, pass: r.passPercent })),
    ];
    const done = this.record.completions[this.quiz.id];
    if (r.passed && done) nodes.push(this.completionNode(done.percent, done.code));
    else if (!r.passed) nodes.push(h('p', { class: 'failed' }, tr('result.failed')));
    return nodes;
  }

  private reviewNode(r: GradeResult): HTMLElement {
    const tr = this.tr;
    const list = h('ol', { class: 'review' });
    for (const res of r.questions) {
      const q = findQuestion(this.quiz, res.id) as ClientQuestion | undefined;
      if (!q) continue;
      const label = (id: string) =>
        q.type === 'true-false' ? tr(id === TRUE_ID ? 'quiz.true' : 'quiz.false') : q.type === 'ordering' ? q.items.find((i) => i.id === id)?.text ?? id : q.options.find((o) => o.id === id)?.text ?? id;
      const join = (ids: string[]) => (ids.length ? ids.map(label).join(q.type === 'ordering' ? ' → ' : '; ') : tr('result.none'));
      const status = res.correct ? tr('result.correct') : res.points > 0 ? tr('result.partial', { points: fmt(res.points) }) : tr('result.wrong');
      list.append(
        h(
          'li',
          { class: `review__item review__item--${res.correct ? 'ok' : res.points > 0 ? 'partial' : 'bad'}` },
          h('p', { class: 'review__q' }, q.question),
          h('p', {}, h('strong', {}, status)),
          h('p', {}, tr('result.yourAnswer'), ' ', join(res.given)),
          h('p', {}, tr('result.rightAnswer'), ' ', join(res.expected)),
          h('p', {}, tr('quiz.why'), ' ', q.explanation),
          h('p', {}, h('a', { href: q.cite.href }, `${tr('quiz.reread')} (${q.cite.label})`)),
        ),
      );
    }
    return h('section', { class: 'review-wrap', 'aria-label': tr('result.review') }, h('h3', {}, tr('result.review')), list);
  }
}

// Points print with at most two decimals and a Vietnamese decimal comma.
function fmt(x: number): string {
  return String(Math.round(x * 100) / 100).replace('.', ',');
}

customElements.define('tt-quiz', TtQuiz);
