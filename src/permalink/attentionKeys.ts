/**
 * The attention workspace's keys: `att=d_model,seed,head size,head,xw|wx` (a synthetic head), or
 * `att=file,head size,head,xw|wx` with the query and key projections of files in the `q…` and `k…`
 * reference keys. Heads are counted from 1 in the link.
 */
import { z } from 'zod';
import { linkRefSchema } from './linkRef';
import { countSchema, defineKeys, seedSchema } from './keyCodec';

const layoutSchema = z.enum(['x-times-w', 'w-times-x']);
const headSchema = {
  headSize: countSchema(4096),
  /** 0-based. */
  head: z.number().int().min(0).max(4096),
  layout: layoutSchema,
};

/** The attention view's synthetic head: model width, seed, head size, head, layout. */
export const linkAttentionSchema = z.object({ dModel: z.number().int().min(2).max(4096), seed: seedSchema, ...headSchema }).strict();
/** The attention view on weights of files: the query and key projections by reference. */
export const linkAttentionFilesSchema = z.object({ ...headSchema, query: linkRefSchema, key: linkRefSchema }).strict();

const SYNTHETIC_HEAD = /^(\d{1,5}),(\d{1,10}),(\d{1,5}),(\d{1,5}),(xw|wx)$/;
const FILE_HEAD = /^file,(\d{1,5}),(\d{1,5}),(xw|wx)$/;
const HEAD = new RegExp(`${SYNTHETIC_HEAD.source}|${FILE_HEAD.source}`);

type Layout = z.infer<typeof layoutSchema>;
const layoutOf = (text: string): Layout => (text === 'xw' ? 'x-times-w' : 'w-times-x');
const layoutText = (layout: Layout) => (layout === 'x-times-w' ? 'xw' : 'wx');

export const attentionKeys = defineKeys({
  shape: { attention: linkAttentionSchema.optional(), attentionFiles: linkAttentionFilesSchema.optional() },
  keys: { attention: 'att', attentionFiles: 'att' },
  refs: { q: 'attentionFiles.query', k: 'attentionFiles.key' },
  countedFromOne: ['attention.head', 'attentionFiles.head'],
  decode({ text, ref }) {
    const att = text('att', HEAD, 'd_model,seed,head size,head,xw|wx (a synthetic head) or file,head size,head,xw|wx (the attention settings)');
    if (att === undefined) return {};
    const synthetic = SYNTHETIC_HEAD.exec(att);
    if (synthetic) {
      const [, dModel, seed, headSize, head, layout] = synthetic;
      return { attention: { dModel: Number(dModel), seed: Number(seed), headSize: Number(headSize), head: Number(head) - 1, layout: layoutOf(layout) } };
    }
    const [, headSize, head, layout] = FILE_HEAD.exec(att)!;
    return { attentionFiles: { headSize: Number(headSize), head: Number(head) - 1, layout: layoutOf(layout), query: ref('q'), key: ref('k') } };
  },
  encode({ attention: a, attentionFiles: files }, refParts) {
    if (a !== undefined) return [`att=${a.dModel},${a.seed},${a.headSize},${a.head + 1},${layoutText(a.layout)}`];
    if (files !== undefined) return [`att=file,${files.headSize},${files.head + 1},${layoutText(files.layout)}`, ...refParts(files.query, 'q'), ...refParts(files.key, 'k')];
    return [];
  },
});
