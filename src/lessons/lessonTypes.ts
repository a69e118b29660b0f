/**
 * What a lesson is, as a zod schema and the types it infers. The same schema checks the built-in
 * lessons (in a test) and every lesson a lecturer opens from a file or a link, which is untrusted
 * input: objects are strict (an unknown field is refused, never carried along), every string and
 * list is bounded, and a step's link must decode with the app's own link decoder. A lesson is only
 * data: nothing in it is ever run, and its text is shown as text (TeX through KaTeX, which does not
 * follow links or run scripts without `trust`). See docs/lessons.md.
 */
// Zod without code generation, as the app's Content-Security-Policy needs: before any schema is built.
import '../permalink/zodSetup';
import { z } from 'zod';
import { decodeHumanHash, type LinkState } from '../permalink/humanForm';

export const LESSON_LIMITS = {
  idLength: 60,
  titleLength: 120,
  summaryLength: 400,
  steps: 60,
  stepTitleLength: 80,
  linkLength: 4000,
  captionLength: 600,
  formulas: 4,
  formulaLength: 400,
  notesLength: 1500,
  seconds: [0.2, 20] as const,
  /** A lesson file longer than this is refused before JSON.parse. */
  fileLength: 1_000_000,
} as const;

/** The animation step of the SVD map: 0 is x, 1 is Vᵀx, 2 is ΣVᵀx, 3 is UΣVᵀx. */
export const LAST_ANIMATION_STEP = 3;

/** C0 and C1 control characters other than tab, newline and carriage return: invisible, never needed. */
function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

function text(max: number, options: { nonEmpty?: boolean } = {}) {
  let schema = z.string().max(max);
  if (options.nonEmpty) schema = schema.min(1);
  return schema.refine((s) => !hasControlCharacter(s), { error: 'contains a control character' });
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Decodes a step's link. Its problems are phrases about the link ("does not open: The link's
 * "r=0" must be at least 1.") so that a lesson's problem reads `Step 3's "link" does not open: …`.
 */
export function decodeStepLink(link: string): { ok: true; value: LinkState } | { ok: false; problems: string[] } {
  if (link.startsWith('#')) return { ok: false, problems: ['starts with "#": write the fragment without it (m=3,0;4,5, not #m=3,0;4,5)'] };
  if (link.startsWith('v1.')) return { ok: false, problems: ['is a compact link (v1.…): lessons use the human form (m=…, p=…, w=…)'] };
  const decoded = decodeHumanHash(link);
  if (decoded === null) return { ok: false, problems: ['is empty'] };
  return decoded.ok ? decoded : { ok: false, problems: decoded.problems.map((problem) => `does not open: ${problem}`) };
}

const linkSchema = text(LESSON_LIMITS.linkLength, { nonEmpty: true }).superRefine((link, ctx) => {
  const decoded = decodeStepLink(link);
  if (!decoded.ok) for (const message of decoded.problems) ctx.addIssue({ code: 'custom', message });
});

export const lessonAnimationSchema = z
  .strictObject({
    /** 'step': the SVD map's animation (0..3); 'rank': the truncation rank k. */
    param: z.enum(['step', 'rank']),
    from: z.number().finite(),
    to: z.number().finite(),
    seconds: z.number().min(LESSON_LIMITS.seconds[0]).max(LESSON_LIMITS.seconds[1]),
  })
  .superRefine((a, ctx) => {
    if (a.from === a.to) ctx.addIssue({ code: 'custom', message: 'has "from" equal to "to": nothing would move' });
    if (a.param === 'step') {
      for (const key of ['from', 'to'] as const) {
        if (a[key] < 0 || a[key] > LAST_ANIMATION_STEP) ctx.addIssue({ code: 'custom', path: [key], message: `must be from 0 to ${LAST_ANIMATION_STEP} for the animation step` });
      }
    } else {
      for (const key of ['from', 'to'] as const) {
        if (!Number.isInteger(a[key]) || a[key] < 1 || a[key] > 65535) ctx.addIssue({ code: 'custom', path: [key], message: 'must be a whole number from 1 to 65535 for the rank' });
      }
    }
  });

/**
 * An animation plays from the state the link opens, so the link must hold its start: the map's
 * step (absent means the last, 3) or the rank. Both live in the matrix workspace only.
 */
function checkAnimationStart(step: { link: string; animate?: LessonAnimation }, ctx: z.RefinementCtx): void {
  const { animate } = step;
  if (!animate) return;
  const decoded = decodeStepLink(step.link);
  if (!decoded.ok) return;
  const link = decoded.value;
  if (link.workspace !== undefined && link.workspace !== 'svd') {
    ctx.addIssue({ code: 'custom', path: ['animate'], message: `animates "${animate.param}", which only the matrix (SVD) workspace has, but the link opens w=${link.workspace}` });
    return;
  }
  if (animate.param === 'step') {
    if ((link.view ?? 'map') !== 'map') ctx.addIssue({ code: 'custom', path: ['animate'], message: `animates the step, which the map view shows, but the link opens view=${link.view}` });
    const start = link.step ?? LAST_ANIMATION_STEP;
    if (start !== animate.from) ctx.addIssue({ code: 'custom', path: ['animate', 'from'], message: `is ${animate.from}, but the link opens at step ${start}${link.step === undefined ? ' (no step= means 3)' : ''}` });
  } else if (link.rank !== animate.from) {
    ctx.addIssue({ code: 'custom', path: ['animate', 'from'], message: link.rank === undefined ? `is ${animate.from}, but the link has no r=: write r=${animate.from}` : `is ${animate.from}, but the link opens at rank ${link.rank}` });
  }
}

export const lessonStepSchema = z
  .strictObject({
    title: text(LESSON_LIMITS.stepTitleLength, { nonEmpty: true }),
    /** A human-form link fragment without the '#': the state this step opens. */
    link: linkSchema,
    /** Text with inline TeX between $…$ (\$ for a dollar sign). */
    caption: text(LESSON_LIMITS.captionLength, { nonEmpty: true }),
    /** Display formulas (TeX). */
    formulas: z.array(text(LESSON_LIMITS.formulaLength, { nonEmpty: true })).max(LESSON_LIMITS.formulas).optional(),
    /** Speaker notes: shown to the presenter only. */
    notes: text(LESSON_LIMITS.notesLength).optional(),
    animate: lessonAnimationSchema.optional(),
  })
  .superRefine(checkAnimationStart);

export const lessonSchema = z.strictObject({
  id: z.string().max(LESSON_LIMITS.idLength).regex(KEBAB, { error: 'must be kebab-case: lowercase letters and digits joined by single hyphens (svd-rotate-scale-rotate)' }),
  title: text(LESSON_LIMITS.titleLength, { nonEmpty: true }),
  summary: text(LESSON_LIMITS.summaryLength, { nonEmpty: true }),
  steps: z.array(lessonStepSchema).min(1).max(LESSON_LIMITS.steps),
});

export type LessonAnimation = z.infer<typeof lessonAnimationSchema>;
export type LessonStep = z.infer<typeof lessonStepSchema>;
export type Lesson = z.infer<typeof lessonSchema>;

export type ParsedLesson = { ok: true; lesson: Lesson } | { ok: false; problems: string[] };

/** At most this many problems are listed: the first ones are enough to fix a file. */
const MAX_PROBLEMS = 12;

const NOUNS: Record<string, string> = { string: 'text', number: 'a number', array: 'a list', object: 'an object', boolean: 'true or false' };

/** Who the problem is about, in the lesson's own terms: `Step 3's "caption"`. */
function subject(path: readonly PropertyKey[]): { name: string; field: boolean } {
  if (path.length === 0) return { name: 'The lesson', field: false };
  if (path[0] !== 'steps') return { name: `The lesson's "${path.map(String).join('.')}"`, field: true };
  if (path.length === 1) return { name: "The lesson's steps", field: true };
  const step = `Step ${Number(path[1]) + 1}`;
  if (path.length === 2) return { name: step, field: false };
  if (path[2] === 'formulas' && path.length === 4) return { name: `${step}'s formula ${Number(path[3]) + 1}`, field: true };
  return { name: `${step}'s "${path.slice(2).map(String).join('.')}"`, field: true };
}

function sizeUnit(origin: string, count: number, path: readonly PropertyKey[]): string {
  if (origin === 'string') return ` character${count === 1 ? '' : 's'}`;
  if (origin === 'array') return path.at(-1) === 'steps' ? ` step${count === 1 ? '' : 's'}` : ` item${count === 1 ? '' : 's'}`;
  return '';
}

/** What is wrong, as the end of a sentence. */
function phrase(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is missing' : `must be ${NOUNS[issue.expected] ?? issue.expected}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `has more than ${issue.maximum}${sizeUnit(issue.origin, Number(issue.maximum), issue.path)}`
        : `must be at most ${issue.maximum}`;
    case 'too_small':
      if ((issue.origin === 'string' || issue.origin === 'array') && Number(issue.minimum) === 1) return 'must not be empty';
      return issue.origin === 'string' || issue.origin === 'array'
        ? `needs at least ${issue.minimum}${sizeUnit(issue.origin, Number(issue.minimum), issue.path)}`
        : `must be at least ${issue.minimum}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'} ${issue.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ')} (lessons are checked strictly: see docs/lessons.md)`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      // Our own messages (regex, refinements) are already phrases.
      return issue.message.replace(/\.$/, '');
  }
}

function describe(issue: z.core.$ZodIssue): string {
  const { name } = subject(issue.path);
  return `${name} ${phrase(issue)}.`;
}

/** Checks a lesson (parsed JSON of a file or a link); never throws. */
export function parseLesson(json: unknown): ParsedLesson {
  const parsed = lessonSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return { ok: true, lesson: parsed.data };
  const problems = [...new Set(parsed.error.issues.map(describe))];
  const more = problems.length - MAX_PROBLEMS;
  return { ok: false, problems: more > 0 ? [...problems.slice(0, MAX_PROBLEMS), `…and ${more} more.`] : problems };
}

/** Checks the text of a lesson file: its length before JSON.parse, then parseLesson. */
export function parseLessonText(textOfFile: string): ParsedLesson {
  if (textOfFile.length > LESSON_LIMITS.fileLength) return { ok: false, problems: [`The lesson file is ${textOfFile.length} characters long; at most ${LESSON_LIMITS.fileLength} are read.`] };
  let json: unknown;
  try {
    json = JSON.parse(textOfFile);
  } catch (error) {
    return { ok: false, problems: [`The lesson file is not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return parseLesson(json);
}
