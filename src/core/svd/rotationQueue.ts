/**
 * Delayed application of plane rotations to the rows of a matrix. The bidiagonal QR iteration
 * produces long sequences of rotations on neighbouring rows (j, j+1); applying each one at once
 * streams the whole n x width matrix through memory per sweep. Recording them and applying the whole
 * batch column-chunk by column-chunk keeps one chunk of all rows in cache for every rotation of the
 * batch. Rotations act on rows and leave columns independent, so the result is exactly the same.
 */

/** Columns per chunk: n rows x 64 columns x 8 bytes is 512 KB at n = 1024, inside this machine's 1 MB L2. */
const CHUNK = 64;

/**
 * A queue of rotations x' = c x + s y, y' = c y - s x on rows (j, j+1) of a row-major matrix with
 * `width` columns, applied in recording order when flushed.
 *
 * @example
 * const q = new RotationQueue(vt, n, 4 * n);
 * q.push(0, 0.6, 0.8); // rotate rows 0 and 1
 * q.flush();           // now applied
 */
export class RotationQueue {
  private readonly index: Int32Array;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private count = 0;

  constructor(
    private readonly target: Float64Array,
    private readonly width: number,
    capacity: number,
  ) {
    const cap = Math.max(capacity, 1);
    this.index = new Int32Array(cap);
    this.cos = new Float64Array(cap);
    this.sin = new Float64Array(cap);
  }

  /** Records a rotation of rows j and j+1; flushes first when the buffer is full. */
  push(j: number, c: number, s: number): void {
    if (c === 1 && s === 0) return;
    if (this.count === this.index.length) this.flush();
    this.index[this.count] = j;
    this.cos[this.count] = c;
    this.sin[this.count] = s;
    this.count++;
  }

  /**
   * Applies every recorded rotation, chunk of columns by chunk of columns, and empties the queue.
   * Two consecutive rotations that share a row (a sweep moving down, (j, j+1) then (j+1, j+2), or
   * up, (j, j+1) then (j-1, j)) are applied in one pass over their three rows, so the shared row is
   * loaded and stored once instead of twice.
   */
  flush(): void {
    const { target, width, index, cos, sin } = this;
    const count = this.count;
    if (count === 0) return;
    for (let c0 = 0; c0 < width; c0 += CHUNK) {
      const len = Math.min(CHUNK, width - c0);
      let r = 0;
      while (r < count) {
        const j = index[r];
        const c1 = cos[r];
        const s1 = sin[r];
        if (r + 1 < count && index[r + 1] === j + 1) {
          // Down: rows (j, j+1) then (j+1, j+2).
          const c2 = cos[r + 1];
          const s2 = sin[r + 1];
          const ox = j * width + c0;
          const oy = ox + width;
          const oz = oy + width;
          for (let i = 0; i < len; i++) {
            const x = target[ox + i];
            const y = target[oy + i];
            const z = target[oz + i];
            const y1 = c1 * y - s1 * x;
            target[ox + i] = c1 * x + s1 * y;
            target[oy + i] = c2 * y1 + s2 * z;
            target[oz + i] = c2 * z - s2 * y1;
          }
          r += 2;
        } else if (r + 1 < count && index[r + 1] === j - 1) {
          // Up: rows (j, j+1) then (j-1, j).
          const c2 = cos[r + 1];
          const s2 = sin[r + 1];
          const ow = (j - 1) * width + c0;
          const ox = ow + width;
          const oy = ox + width;
          for (let i = 0; i < len; i++) {
            const wv = target[ow + i];
            const x = target[ox + i];
            const y = target[oy + i];
            const x1 = c1 * x + s1 * y;
            target[oy + i] = c1 * y - s1 * x;
            target[ow + i] = c2 * wv + s2 * x1;
            target[ox + i] = c2 * x1 - s2 * wv;
          }
          r += 2;
        } else {
          const ox = j * width + c0;
          const oy = ox + width;
          for (let i = 0; i < len; i++) {
            const x = target[ox + i];
            const y = target[oy + i];
            target[ox + i] = c1 * x + s1 * y;
            target[oy + i] = c1 * y - s1 * x;
          }
          r += 1;
        }
      }
    }
    this.count = 0;
  }

}
