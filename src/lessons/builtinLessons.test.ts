import { describe, expect, it } from 'vitest';
import { BUILTIN_LESSONS, builtinLesson } from './builtinLessons';
import { parseLesson } from './lessonTypes';
import { splitCaption } from './captionParts';
import { expectLinkOpens } from './links.testkit';

describe('built-in lessons', () => {
  it('are at least the six of the issue, with unique ids', () => {
    const ids = BUILTIN_LESSONS.map((l) => l.id);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ids).size).toBe(ids.length);
    expect(builtinLesson(ids[0])).toBe(BUILTIN_LESSONS[0]);
    expect(builtinLesson('no-such-lesson')).toBeUndefined();
  });

  it.each(BUILTIN_LESSONS.map((l) => [l.id, l] as const))('%s passes parseLesson unchanged', (_id, lesson) => {
    const parsed = parseLesson(JSON.parse(JSON.stringify(lesson)));
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    expect(parsed.lesson).toEqual(lesson);
  });

  it.each(BUILTIN_LESSONS.map((l) => [l.id, l] as const))('%s has 4 to 8 steps, each link opening what it says', (_id, lesson) => {
    expect(lesson.steps.length).toBeGreaterThanOrEqual(4);
    expect(lesson.steps.length).toBeLessThanOrEqual(8);
    lesson.steps.forEach((step, i) => expectLinkOpens(step.link, `${lesson.id} step ${i + 1}`));
  });

  it('captions have balanced $…$ (no dollar shown as text by accident)', () => {
    for (const lesson of BUILTIN_LESSONS) {
      for (const step of lesson.steps) {
        const text = splitCaption(step.caption).filter((p) => p.kind === 'text').map((p) => (p.kind === 'text' ? p.text : ''));
        expect(text.join(''), `${lesson.id}: ${step.title}`).not.toContain('$');
      }
    }
  });

  it('lesson 1 plays the SVD map 0 → 1 → 2 → 3, and each lesson uses the workspace it is about', () => {
    const steps = BUILTIN_LESSONS[0].steps.filter((s) => s.animate?.param === 'step').map((s) => [s.animate!.from, s.animate!.to]);
    expect(steps.slice(0, 3)).toEqual([[0, 1], [1, 2], [2, 3]]);
    const workspaces = (id: string) => new Set(builtinLesson(id)!.steps.map((s) => /(?:^|&)w=([a-z]+)/.exec(s.link)?.[1] ?? 'svd'));
    expect(workspaces('weighted-low-rank')).toEqual(new Set(['weighted']));
    expect(workspaces('tensor-train-embeddings')).toEqual(new Set(['tensor']));
    expect(workspaces('attention-low-rank-bilinear')).toEqual(new Set(['attention']));
    expect(builtinLesson('weighted-low-rank')!.steps.some((s) => s.link.includes('wts=block,1,1,2,2,20') && s.link.includes('em+als'))).toBe(true);
    expect(builtinLesson('truncation-is-projection')!.steps.every((s) => s.link.startsWith('p=embeddings'))).toBe(true);
  });
});
