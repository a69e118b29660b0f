/**
 * The lessons that ship with the app, in teaching order: each is data in its own file under
 * builtin/, checked by builtinLessons.test.ts with the same schema as a lecturer's own file.
 */
import type { Lesson } from './lessonTypes';
import { svdRotateScaleRotate } from './builtin/svdRotateScaleRotate';
import { fourSubspaces } from './builtin/fourSubspaces';
import { truncationProjection } from './builtin/truncationProjection';
import { weightedLowRank } from './builtin/weightedLowRank';
import { tensorTrainEmbeddings } from './builtin/tensorTrainEmbeddings';
import { attentionSubspaces } from './builtin/attentionSubspaces';

export const BUILTIN_LESSONS: readonly Lesson[] = [
  svdRotateScaleRotate,
  fourSubspaces,
  truncationProjection,
  weightedLowRank,
  tensorTrainEmbeddings,
  attentionSubspaces,
];

/** A built-in lesson by id, or undefined. */
export function builtinLesson(id: string): Lesson | undefined {
  return BUILTIN_LESSONS.find((lesson) => lesson.id === id);
}
