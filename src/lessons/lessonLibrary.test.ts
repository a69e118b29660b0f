import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { BUILTIN_LESSONS } from './builtinLessons';
import { decodeLessonData, encodeLessonData, findLesson, openSharedLesson, sharedData } from './lessonLibrary';
import { deleteStep, draftAsLesson, getDraft, moveStep, MY_LESSON_ID, recordStep, setDraft, updateStep } from './myLesson';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('shared lessons', () => {
  it('travel in a link and come back the same, under an id that never hides a built-in lesson', () => {
    const lesson = BUILTIN_LESSONS[0];
    const data = encodeLessonData(lesson);
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = decodeLessonData(data);
    expect(decoded).toEqual({ ok: true, lesson });
    const id = openSharedLesson(lesson, data);
    expect(id).toBe(`shared-${lesson.id}`);
    expect(findLesson(id)?.steps).toEqual(lesson.steps);
    expect(findLesson(lesson.id)).toBe(lesson);
    expect(sharedData(id)).toBe(data);
    expect(sharedData(lesson.id)).toBeNull();
  });

  it('refuses damaged, foreign and oversized data with a sentence, never throwing', () => {
    expect(decodeLessonData('not base64!')).toEqual({ ok: false, problems: [expect.stringContaining('not base64url')] });
    expect(decodeLessonData('AAAA')).toEqual({ ok: false, problems: [expect.stringContaining('could not be unpacked')] });
    const script = b64url(deflateSync(strToU8(JSON.stringify({ ...BUILTIN_LESSONS[0], run: 'alert(1)' }))));
    const refused = decodeLessonData(script);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.join(' ')).toContain('unknown field "run"');
    // 40 MB of spaces deflate to a few tens of kilobytes: refused after a few megabytes of inflating.
    const bomb = b64url(deflateSync(new Uint8Array(40_000_000).fill(32), { level: 9 }));
    expect(bomb.length).toBeLessThan(200_000);
    expect(decodeLessonData(bomb)).toEqual({ ok: false, problems: ['The lesson in the link is too long.'] });
  });
});

describe('my lesson', () => {
  it('records views as steps, edits, reorders and deletes them, and becomes a lesson the schema accepts once captioned', () => {
    setDraft({ title: 'Week 3: low rank', summary: 'Truncation and weights.', steps: [] });
    expect(findLesson(MY_LESSON_ID)).toBeUndefined();
    recordStep('m=3,0;4,5', 'Matrix / SVD: 2 × 2');
    recordStep('p=embeddings&view=cloud&r=2', 'Matrix / SVD: GloVe');
    expect(findLesson(MY_LESSON_ID)?.steps.map((s) => s.title)).toEqual(['Matrix / SVD: 2 × 2', 'Matrix / SVD: GloVe']);
    moveStep(1, -1);
    expect(getDraft().steps.map((s) => s.link)).toEqual(['p=embeddings&view=cloud&r=2', 'm=3,0;4,5']);
    moveStep(0, -1); // already first: unchanged
    expect(getDraft().steps[0].link).toBe('p=embeddings&view=cloud&r=2');
    updateStep(0, { caption: 'Rows are words; $k = 2$ keeps a plane.' });
    updateStep(1, { caption: 'The circle becomes an ellipse.' });
    const lesson = draftAsLesson();
    expect(lesson.id).toBe('week-3-low-rank');
    expect(decodeLessonData(encodeLessonData(lesson))).toEqual({ ok: true, lesson });
    deleteStep(0);
    expect(getDraft().steps.map((s) => s.link)).toEqual(['m=3,0;4,5']);
  });
});
