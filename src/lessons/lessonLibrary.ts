/**
 * Every lesson the app can show, by id: the built-in ones, the lecturer's own draft (kept in this
 * browser), and lessons opened from a link or a file (kept for this visit, with the text their
 * links carry). Shared lessons travel inside their addresses (`&data=…`: the JSON, deflated and
 * base64url-encoded), so a lesson link opens anywhere; what comes in is checked like any link.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { builtinLesson } from './builtinLessons';
import { LESSON_LIMITS, parseLessonText, type Lesson, type ParsedLesson } from './lessonTypes';
import { draftLesson, MY_LESSON_ID } from './myLesson';

/** Lessons opened from a link or a file during this visit, by id, with their encoded text. */
const opened = new Map<string, { lesson: Lesson; data: string }>();

/** The prefix of a shared lesson's id, so it never takes the place of a built-in one. */
const SHARED = 'shared-';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** A lesson as the text of its link's `data=`. */
export function encodeLessonData(lesson: Lesson): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(lesson)), { level: 9 }));
}

/** The lesson of a link's `data=`, checked; never throws. */
export function decodeLessonData(data: string): ParsedLesson {
  if (!/^[A-Za-z0-9_-]{1,200000}$/.test(data)) return { ok: false, problems: ['The lesson in the link is not base64url text (or is longer than 200,000 characters).'] };
  // Inflated in pieces and stopped past the size of the longest lesson file, so a small link that
  // would inflate to gigabytes is refused after a few megabytes.
  const limit = 4 * LESSON_LIMITS.fileLength;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLong = false;
  try {
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > limit) {
        tooLong = true;
        throw new Error('too long');
      }
      chunks.push(chunk);
    });
    inflater.push(fromBase64Url(data), true);
  } catch {
    return { ok: false, problems: [tooLong ? 'The lesson in the link is too long.' : 'The lesson in the link could not be unpacked: the link is damaged or cut short.'] };
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return parseLessonText(strFromU8(bytes));
}

/** Keeps a lesson opened from a link or file for this visit; returns the id it is shown under. */
export function openSharedLesson(lesson: Lesson, data = encodeLessonData(lesson)): string {
  const id = lesson.id.startsWith(SHARED) ? lesson.id : `${SHARED}${lesson.id}`.slice(0, LESSON_LIMITS.idLength);
  opened.set(id, { lesson: { ...lesson, id }, data });
  return id;
}

/** The lesson shown under `id`, or undefined. */
export function findLesson(id: string): Lesson | undefined {
  if (id === MY_LESSON_ID) return draftLesson() ?? undefined;
  return opened.get(id)?.lesson ?? builtinLesson(id);
}

/** The `data=` an address of this lesson must carry (shared lessons), or null. */
export function sharedData(id: string): string | null {
  return opened.get(id)?.data ?? null;
}
