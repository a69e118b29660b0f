/**
 * Reader for NumPy .npz archives: a zip of .npy members (np.savez stores them, np.savez_compressed
 * deflates them). Listing inflates only each member's header; loading decodes one member.
 */
import { npyDataOffset, npyEntry, readNpy, readNpyHeader, type NpyHeader } from './npy-read';
import { DEFAULT_MAX_ELEMENTS, FormatError, fmtInt, type ArrayEntry, type NdArray, type ReadOptions } from './types';
import { extractZipMember, extractZipPrefix, listZipMembers, type ZipMember } from './zip';

const FORMAT = 'npz';

/** A listed archive: its arrays, notes about skipped members, and a loader by name. */
export interface NpzArchive {
  entries: ArrayEntry[];
  warnings: string[];
  /** Decodes one array by entry name; throws FormatError for an unknown name or bad data. */
  load(name: string): NdArray;
}

/**
 * Lists the arrays of an .npz file from the zip directory and each member's .npy header.
 * @example readNpz(bytes).entries // [{ name: 'weights', shape: [3, 4], dtype: 'float32', byteLength: 48 }]
 */
export function readNpz(bytes: Uint8Array, options: ReadOptions = {}): NpzArchive {
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const warnings: string[] = [];
  const found = new Map<string, { member: ZipMember; header: NpyHeader }>();
  for (const member of listZipMembers(bytes, FORMAT)) {
    if (member.name.endsWith('/')) continue; // a folder entry
    if (!member.name.endsWith('.npy')) {
      warnings.push(`npz: member '${member.name}' is not a .npy file and was skipped`);
      continue;
    }
    const name = member.name.slice(0, -'.npy'.length);
    found.set(name, { member, header: memberHeader(bytes, member, maxElements) });
  }
  return {
    entries: [...found.entries()].map(([name, { header }]) => npyEntry(name, header)),
    warnings,
    load(name: string): NdArray {
      const item = found.get(name);
      if (!item) {
        const names = [...found.keys()].map((n) => `'${n}'`).join(', ') || 'none';
        throw new FormatError(FORMAT, `no array named '${name}' (the archive has ${names})`);
      }
      const { uncompressedSize, compressedSize } = item.member;
      if (options.maxBytes !== undefined && uncompressedSize > options.maxBytes) {
        throw new FormatError(
          FORMAT,
          `member '${item.member.name}' would inflate from ${fmtInt(compressedSize)} to ${fmtInt(uncompressedSize)} bytes, over the bound of ${fmtInt(options.maxBytes)}; it was not inflated`,
        );
      }
      return readNpy(extractZipMember(bytes, item.member, FORMAT), { maxElements });
    },
  };
}

/** Reads a member's .npy header and checks the member's size agrees with it. */
function memberHeader(bytes: Uint8Array, member: ZipMember, maxElements: number): NpyHeader {
  try {
    const dataOffset = npyDataOffset(extractZipPrefix(bytes, member, 12, FORMAT));
    const header = readNpyHeader(extractZipPrefix(bytes, member, dataOffset, FORMAT), { maxElements });
    const expected = header.dataOffset + header.byteLength;
    // The size check also bounds what loading will allocate, whatever the directory claims.
    if (member.uncompressedSize !== expected) {
      throw new FormatError(
        FORMAT,
        `its header promises ${fmtInt(expected)} bytes (shape [${header.shape.join(', ')}] of ${header.dtype}) but the member has ${fmtInt(member.uncompressedSize)}`,
      );
    }
    return header;
  } catch (error) {
    if (error instanceof FormatError) {
      // Say which member broke; the inner message already names the problem.
      if (error.message.includes(`member '${member.name}'`)) throw error;
      throw new FormatError(FORMAT, `member '${member.name}': ${error.message.replace(/^npz: /, '')}`);
    }
    throw error;
  }
}
