/**
 * The tensor's shape and its truncation: a reshape chosen among the factorizations of its number
 * of entries (a 768-vector has many: 8 × 8 × 12, 4 × 8 × 4 × 6, …), then ε (the relative accuracy
 * of TT-SVD) and a rank cap per bond, and the CP rank of the comparison.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { factorizations, ttRankBounds } from '../../core';
import { useAppState } from '../../state/store';
import type { AppState } from '../../state/store';
import { defaultRowShape, tableWidth } from '../../state/tensorEffect';

const PRESET_SHAPES: Record<string, number[]> = { sine: [8, 8, 12], 'low-rank': [8, 8, 12], video: [40, 48, 64], hyperspectral: [48, 48, 64] };

/** The shape the data has before any reshape: a tensor's own, or a table row's width. */
export function naturalShape(state: AppState): number[] | null {
  const { settings, result } = state.tensor;
  const s = settings.source;
  if (settings.mode === 'rows' || s.kind === 'table') {
    const width = tableWidth(settings);
    return width ? [width] : null;
  }
  if (s.kind === 'preset') return PRESET_SHAPES[s.preset];
  if (s.kind === 'file') return s.shape;
  return result?.originalShape ?? null;
}

/** The shape in use: the chosen reshape, else the default one. */
export function shapeInUse(state: AppState): number[] | null {
  const natural = naturalShape(state);
  if (state.tensor.settings.shape) return state.tensor.settings.shape;
  if (natural && natural.length === 1) return defaultRowShape(natural[0]);
  return natural;
}

const MAX_OPTIONS = 300;
const spread = (f: number[]) => Math.max(...f) / Math.min(...f);

function ShapeField() {
  const natural = useAppState(useShallow(naturalShape));
  const shape = useAppState(useShallow(shapeInUse));
  const set = useAppState((s) => s.setTensorSettings);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const count = natural ? natural.reduce((a, b) => a * b, 1) : 0;
  const options = useMemo(() => {
    if (count < 4) return [] as number[][];
    const all = factorizations(count, { minFactors: 2, maxFactors: 6 });
    return all.slice().sort((a, b) => a.length - b.length || spread(a) - spread(b)).slice(0, MAX_OPTIONS);
  }, [count]);
  if (!natural || !shape) return null;
  const key = (f: number[]) => f.join('x');
  const current = key(shape);
  const listed = options.some((f) => key(f) === current) || key(natural) === current;
  return (
    <div className="shape-field">
      <label className="field">
        <span>Shape ({count.toLocaleString('en')} entries{natural.length > 1 ? `, as given ${natural.join(' × ')}` : ''})</span>
        <select value={current} data-testid="tensor-shape" onChange={(e) => set({ shape: e.target.value.split('x').map(Number), maxRank: null, bond: 1, sliceIndex: 0 })}>
          {natural.length > 1 && <option value={key(natural)}>{natural.join(' × ')} (as given)</option>}
          {!listed && <option value={current}>{shape.join(' × ')}</option>}
          {options.filter((f) => key(f) !== key(natural)).map((f) => <option key={key(f)} value={key(f)}>{f.join(' × ')}</option>)}
        </select>
      </label>
      {options.length >= MAX_OPTIONS && <p className="hint">The first {MAX_OPTIONS} factorizations (fewest factors, most balanced first) are listed; type any other.</p>}
      <form
        className="fields"
        onSubmit={(e) => {
          e.preventDefault();
          const sizes = text.split(/[x×,\s]+/).filter(Boolean).map(Number);
          if (sizes.length < 1 || sizes.some((n) => !Number.isInteger(n) || n < 1)) return setProblem('Write whole sizes separated by x, like 4x8x4x6.');
          const product = sizes.reduce((a, b) => a * b, 1);
          if (product !== count) return setProblem(`${sizes.join(' × ')} holds ${product.toLocaleString('en')} entries; the sizes must multiply to ${count.toLocaleString('en')}.`);
          setProblem(null);
          set({ shape: sizes, maxRank: null, bond: 1, sliceIndex: 0 });
        }}
      >
        <label className="field"><span>Or type a shape</span><input value={text} placeholder="4x8x4x6" aria-describedby="shape-problem" onChange={(e) => setText(e.target.value)} /></label>
        <button type="submit">Reshape</button>
      </form>
      {problem && <p id="shape-problem" className="field-error" role="alert">{problem}</p>}
    </div>
  );
}

/** ε on a log scale from 10⁻⁴ to 0.9, with 0 (exact) at the left end. */
const EPS_STEPS = 60;
const epsOf = (p: number) => (p <= 0 ? 0 : 10 ** (-4 + (p / EPS_STEPS) * (Math.log10(0.9) + 4)));
const stepOf = (eps: number) => (eps <= 0 ? 0 : Math.round(((Math.log10(eps) + 4) / (Math.log10(0.9) + 4)) * EPS_STEPS));

function TruncationFields() {
  const settings = useAppState((s) => s.tensor.settings);
  const ranks = useAppState((s) => (s.tensor.settings.mode === 'rows' ? s.tensor.rows.result?.maxRanks : s.tensor.result?.tt.ranks) ?? null);
  const shape = useAppState(useShallow(shapeInUse));
  const set = useAppState((s) => s.setTensorSettings);
  if (!shape || shape.length < 2) return null;
  const bounds = ttRankBounds(shape);
  const caps = bounds.map((bound, k) => Math.min(bound, settings.maxRank?.[Math.min(k, (settings.maxRank?.length ?? 1) - 1)] ?? bound));
  const setCap = (k: number, value: number) => {
    const next = caps.slice();
    next[k] = value;
    set({ maxRank: next.every((c, i) => c >= bounds[i]) ? null : next });
  };
  return (
    <div className="truncation">
      <div className="rank-row">
        <label htmlFor="tt-eps">ε <span className="rank-value">{settings.eps === 0 ? '0 (exact)' : settings.eps.toPrecision(2)}</span></label>
        <input id="tt-eps" type="range" min={0} max={EPS_STEPS} step={1} value={stepOf(settings.eps)} aria-valuetext={settings.eps === 0 ? 'exact' : `epsilon ${settings.eps.toPrecision(2)}`} onChange={(e) => set({ eps: Number(epsOf(Number(e.target.value)).toPrecision(2)) })} />
      </div>
      <p className="hint">TT-SVD keeps the fewest ranks with ‖A − TT‖<sub>F</sub> ≤ ε‖A‖<sub>F</sub> (Oseledets; ttpy's eps), then applies the caps (TensorLy's rank, t3f's max_tt_rank).</p>
      {bounds.map((bound, k) => (
        <div className="rank-row" key={k}>
          <label htmlFor={`tt-cap-${k}`}>r<sub>{k + 1}</sub> ≤ <span className="rank-value" data-testid={`tt-cap-${k + 1}`}>{caps[k]}</span></label>
          <input id={`tt-cap-${k}`} type="range" min={1} max={bound} step={1} value={caps[k]} aria-valuetext={`rank cap ${caps[k]} of ${bound} for bond ${k + 1}${ranks ? `, rank used ${ranks[k + 1]}` : ''}`} onChange={(e) => setCap(k, Number(e.target.value))} />
          <span className="rank-max">{ranks ? `uses ${ranks[k + 1]}` : ''} of {bound}</span>
        </div>
      ))}
      {settings.mode === 'tensor' && (
        <label className="field">
          <span>CP rank R (the comparison)</span>
          <input type="number" min={1} max={64} value={settings.cpRank} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && e.target.valueAsNumber >= 1 && e.target.valueAsNumber <= 64 && set({ cpRank: e.target.valueAsNumber })} />
        </label>
      )}
    </div>
  );
}

export function ShapeAndTruncation() {
  return (
    <section className="panel shape-truncation" aria-labelledby="shape-heading">
      <h2 id="shape-heading">Shape and truncation</h2>
      <ShapeField />
      <TruncationFields />
    </section>
  );
}
