/**
 * What one entry of the list of link keys (workspaceKeys.ts) holds: its fields of LinkState with
 * the zod schemas that bound them, and its human-form keys with their decoder and encoder. The
 * entries build on this module and on linkRef.ts only, so none imports another's.
 */
import { z } from 'zod';
import './zodSetup';
import { SEED_MAX, type LinkRef } from './linkRef';

/** What an entry's decoder gets from the human form. */
export interface HumanKeyReader {
  params: Map<string, string>;
  problems: string[];
  /** The raw values of a reference written with key prefix `prefix` (`gsrc`, `gentry`, …), or undefined after a problem. */
  ref(prefix: string): Record<string, unknown> | undefined;
  /** The text of a key, which must match `pattern`; else a problem naming the key and what it must be. */
  text(key: string, pattern: RegExp, expected: string): string | undefined;
}

/** The human-form keys of a reference with a key prefix (humanForm.ts writes them). */
export type RefParts = (ref: LinkRef, prefix: string) => string[];

export interface WorkspaceKeyCodec<Shape extends z.ZodRawShape = z.ZodRawShape> {
  /** Its fields of LinkState, each optional, in the order the compact form writes them. */
  shape: Shape;
  /**
   * The human-form key that holds each field or part of one, by path (`tensor.eps` is in `eps`; the
   * longest path that matches wins), so that a problem with a value names the key it was read from.
   */
  keys: Record<string, string>;
  /** Where the reference written with each key prefix sits (`g`: `weighted.weights.file`). */
  refs?: Record<string, string>;
  /** The paths of values the link counts from 1 and the schema from 0, so their bounds are told in the link's terms. */
  countedFromOne?: string[];
  /** Raw values of its fields for the schema to check (bounds are the schema's); a field is left out when its keys are absent or had a problem. */
  decode(reader: HumanKeyReader): Record<string, unknown>;
  /** The text of its keys, in the order the link writes them. */
  encode(value: z.infer<z.ZodObject<Shape>>, refParts: RefParts): string[];
}

/** An entry of the list, its types inferred from its shape. */
export function defineKeys<Shape extends z.ZodRawShape>(codec: WorkspaceKeyCodec<Shape>): WorkspaceKeyCodec<Shape> {
  return codec;
}

/** A seed of the app's generators. */
export const seedSchema = z.number().int().min(0).max(SEED_MAX);
/** A whole number from 1 to `max`. */
export const countSchema = (max: number) => z.number().int().min(1).max(max);

/** A number as the human form writes it (no anchors, to build patterns from). */
export const NUM = '[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[+-]?\\d+)?';
/** A key's whole text is a number (an exponent may be written E). */
export const NUMBER = new RegExp(`^${NUM}$`, 'i');

/** Numbers in the shortest text that reads back to exactly the same float64. */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}
