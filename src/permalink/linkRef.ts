/**
 * A reference to data too big to inline in a link: an array (or 2-D slice, unfolding or reshape)
 * of a file. Its own module so that the workspaces' link keys (workspaceKeys.ts) and the shared
 * schema (linkState.ts) both build on it without importing each other.
 */
import { z } from 'zod';
import './zodSetup';

export const SEED_MAX = 2 ** 32 - 1;

/**
 * Data too big to inline: an array (or 2-D slice) of a file at a URL, or of a local file the person
 * must open, identified by the SHA-256 of its float64 entries so that changed data is noticed.
 * `fused` marks a fused query-key-value projection (attention weights only).
 */
export const linkRefSchema = z
  .object({
    url: z.string().regex(/^https?:\/\/\S{1,2000}$/i, { error: 'is not an http or https URL' }).optional(),
    file: z.string().min(1, { error: 'is an empty file name' }).max(255, { error: 'is longer than 255 characters' }).regex(/^[^\\/]*$/, { error: 'is a path, not a file name' }).optional(),
    size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    entry: z.string().min(1, { error: 'names no array of the file' }).max(300, { error: 'is longer than 300 characters' }),
    slice: z.array(z.number().int().min(0).max(1e9)).max(8, { error: 'has more than 8 indices' }),
    /** The array's mode-(unfold + 1) unfolding (0-based), instead of a slice. */
    unfold: z.number().int().min(0).max(31).optional(),
    /** The array reshaped (C order) to this many rows, instead of a slice. */
    reshape: z.number().int().min(1).max(2 ** 31).optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'is not a SHA-256 (64 hexadecimal digits)' }),
    fused: z.boolean().optional(),
    /** The array's NaN entries (missing values) are read as 0. */
    missingAsZero: z.literal(true).optional(),
  })
  .strict()
  .refine((ref) => ref.url !== undefined || ref.file !== undefined, { error: 'names neither a URL nor a file' })
  .refine((ref) => [ref.slice.length > 0, ref.unfold !== undefined, ref.reshape !== undefined].filter(Boolean).length <= 1, {
    error: 'takes one of a slice, an unfolding or a reshape',
  });
export type LinkRef = z.infer<typeof linkRefSchema>;
