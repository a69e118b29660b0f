import { describe, expect, it } from 'vitest';
import { LESSON_LIMITS, parseLesson, parseLessonText } from './lessonTypes';

const step = { title: 'A step', link: 'm=3,0;4,5', caption: 'Rank $r$.' };
const lesson = (patch: Record<string, unknown> = {}, stepPatch: Record<string, unknown> = {}) => ({
  id: 'a-lesson',
  title: 'A lesson',
  summary: 'What it shows.',
  steps: [{ ...step, ...stepPatch }],
  ...patch,
});

function problemsOf(json: unknown): string {
  const parsed = parseLesson(json);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? '' : parsed.problems.join('\n');
}

describe('parseLesson', () => {
  it('accepts a minimal lesson and keeps it as it was', () => {
    const parsed = parseLesson(lesson());
    expect(parsed).toEqual({ ok: true, lesson: lesson() });
  });

  it('accepts every optional field', () => {
    const full = lesson({}, { link: 'm=3,0;4,5&step=0', formulas: ['A=U\\Sigma V^\\top'], notes: 'Say it slowly.', animate: { param: 'step', from: 0, to: 3, seconds: 4 } });
    expect(parseLesson(full).ok).toBe(true);
  });

  const refused: [string, unknown, RegExp][] = [
    ['a lesson that is not an object', 42, /The lesson must be an object/],
    ['a missing title', { ...lesson(), title: undefined }, /The lesson's "title" is missing/],
    ['an unknown field of the lesson', lesson({ author: 'x' }), /The lesson has an unknown field "author"/],
    ['an unknown field of a step', lesson({}, { onclick: 'alert(1)' }), /Step 1 has an unknown field "onclick"/],
    ['an unknown field of animate', lesson({}, { link: 'm=3,0;4,5&step=0', animate: { param: 'step', from: 0, to: 1, seconds: 1, easing: 'in' } }), /Step 1's "animate" has an unknown field "easing"/],
    ['an id that is not kebab-case', lesson({ id: 'My Lesson' }), /"id" must be kebab-case/],
    ['no steps', lesson({ steps: [] }), /The lesson's steps must not be empty/],
    ['too many steps', lesson({ steps: Array.from({ length: LESSON_LIMITS.steps + 1 }, () => step) }), /has more than 60 steps/],
    ['a long caption', lesson({}, { caption: 'x'.repeat(601) }), /Step 1's "caption" has more than 600 characters/],
    ['a long step title', lesson({}, { title: 'x'.repeat(81) }), /Step 1's "title" has more than 80 characters/],
    ['five formulas', lesson({}, { formulas: ['a', 'b', 'c', 'd', 'e'] }), /Step 1's "formulas" has more than 4 items/],
    ['a formula that is not text', lesson({}, { formulas: [{ toString: 'x' }] }), /Step 1's formula 1 must be text/],
    ['long notes', lesson({}, { notes: 'x'.repeat(1501) }), /"notes" has more than 1500 characters/],
    ['a control character', lesson({}, { caption: 'a\u0007b' }), /"caption" contains a control character/],
    ['a link with #', lesson({}, { link: '#m=3,0;4,5' }), /"link" starts with "#"/],
    ['a compact link', lesson({}, { link: 'v1.AAAA' }), /"link" is a compact link/],
    ['a link that does not decode', lesson({}, { link: 'm=3,0;4,5&r=0' }), /Step 1's "link" does not open: The link's "r=0" must be at least 1/],
    ['a javascript: link', lesson({}, { link: 'javascript:alert(1)' }), /"link" does not open: .*has no matrix/],
    ['an animation of an unknown parameter', lesson({}, { animate: { param: 'camera', from: 0, to: 1, seconds: 1 } }), /"animate.param" must be one of "step", "rank"/],
    ['an animation too long', lesson({}, { link: 'm=3,0;4,5&step=0', animate: { param: 'step', from: 0, to: 1, seconds: 60 } }), /"animate.seconds" must be at most 20/],
    ['an animation too short', lesson({}, { link: 'm=3,0;4,5&step=0', animate: { param: 'step', from: 0, to: 1, seconds: 0 } }), /"animate.seconds" must be at least 0.2/],
    ['a step beyond 3', lesson({}, { link: 'm=3,0;4,5&step=0', animate: { param: 'step', from: 0, to: 4, seconds: 1 } }), /"animate.to" must be from 0 to 3/],
    ['a fractional rank', lesson({}, { link: 'm=3,0;4,5&r=1', animate: { param: 'rank', from: 1, to: 1.5, seconds: 1 } }), /"animate.to" must be a whole number/],
    ['an animation that moves nothing', lesson({}, { link: 'm=3,0;4,5&step=1', animate: { param: 'step', from: 1, to: 1, seconds: 1 } }), /nothing would move/],
    ['an animation that starts elsewhere than its link', lesson({}, { link: 'm=3,0;4,5&step=1', animate: { param: 'step', from: 0, to: 1, seconds: 1 } }), /"animate.from" is 0, but the link opens at step 1/],
    ['a step animation without step= (which means 3)', lesson({}, { animate: { param: 'step', from: 0, to: 1, seconds: 1 } }), /no step= means 3/],
    ['a rank animation without r=', lesson({}, { animate: { param: 'rank', from: 1, to: 2, seconds: 1 } }), /the link has no r=: write r=1/],
    ['a step animation in another workspace', lesson({}, { link: 'w=attention&att=96,1,16,1,xw', animate: { param: 'step', from: 0, to: 1, seconds: 1 } }), /only the matrix \(SVD\) workspace has, but the link opens w=attention/],
    ['a step animation off the map view', lesson({}, { link: 'm=3,0;4,5&step=0&view=cloud', animate: { param: 'step', from: 0, to: 1, seconds: 1 } }), /the link opens view=cloud/],
  ];
  it.each(refused)('refuses %s with a readable problem', (_what, json, message) => {
    expect(problemsOf(json)).toMatch(message);
  });

  it('keeps script-like text as plain text (it is never run or parsed as HTML)', () => {
    const script = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const parsed = parseLesson(lesson({ title: script }, { title: script.slice(0, 80), caption: `${script} $x$`, notes: 'javascript:alert(1)' }));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.lesson.title).toBe(script);
      expect(parsed.lesson.steps[0].caption).toBe(`${script} $x$`);
    }
  });

  it('refuses a __proto__ field rather than merging it', () => {
    const json: unknown = JSON.parse('{"id":"a","title":"t","summary":"s","steps":[{"title":"t","link":"m=1","caption":"c","__proto__":{"polluted":true}}]}');
    expect(problemsOf(json)).toMatch(/unknown field "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the step and lists several problems at once, but not hundreds', () => {
    const bad = lesson({ steps: Array.from({ length: 30 }, () => ({ ...step, caption: '', extra: 1 })) });
    const parsed = parseLesson(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems[0]).toMatch(/^Step 1/);
      expect(parsed.problems.length).toBeLessThanOrEqual(13);
      expect(parsed.problems.at(-1)).toMatch(/^…and \d+ more\.$/);
    }
  });
});

describe('parseLessonText', () => {
  it('reads JSON text', () => {
    expect(parseLessonText(JSON.stringify(lesson())).ok).toBe(true);
  });

  it('refuses text that is not JSON, and text too long, before parsing', () => {
    expect(parseLessonText('{id:')).toEqual({ ok: false, problems: [expect.stringMatching(/^The lesson file is not JSON/)] });
    expect(parseLessonText(' '.repeat(LESSON_LIMITS.fileLength + 1))).toEqual({ ok: false, problems: [expect.stringMatching(/characters long; at most 1000000 are read/)] });
  });
});
