/**
 * Delayed application of plane rotations to the rows of a matrix. The bidiagonal QR iteration
 * produces long sequences of rotations on neighbouring rows (j, j+1); applying each one at once
 * streams the whole n x width matrix through memory per sweep. Recording them and applying the whole
 * batch column-chunk by column-chunk keeps one chunk of all rows in cache for every rotation of the
 * batch. Rotations act on rows and leave columns independent, so the result is exactly the same.
 */

/** Columns per chunk: n rows x 32 columns x 8 bytes stays inside L2 up to n ~ 2000. */
const CHUNK = 32;

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

  /** Applies every recorded rotation, chunk of columns by chunk of columns, and empties the queue. */
  flush(): void {
    const { target, width, index, cos, sin } = this;
    const count = this.count;
    if (count === 0) return;
    for (let c0 = 0; c0 < width; c0 += CHUNK) {
      const len = Math.min(CHUNK, width - c0);
      for (let r = 0; r < count; r++) {
        const c = cos[r];
        const s = sin[r];
        const ox = index[r] * width + c0;
        const oy = ox + width;
        for (let i = 0; i < len; i++) {
          const x = target[ox + i];
          const y = target[oy + i];
          target[ox + i] = c * x + s * y;
          target[oy + i] = c * y - s * x;
        }
      }
    }
    this.count = 0;
  }
}
