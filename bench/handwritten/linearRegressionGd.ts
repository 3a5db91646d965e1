/**
 * Lesson 5's batch gradient descent written by hand over Float32Arrays: the yardstick of row 2.
 *
 * It does the arithmetic of the lesson's graph in the same order (float64 sums, float32 storage):
 * predictions X·θ, error, gradient 2/m · Xᵀ·error computed as TF's gradient graph does
 * (error · 2, then · 1/m), and the update θ ← θ − η·∇. So it must end on the very same θ as the
 * engine, which the bench checks. Two plain passes over X per epoch, no unrolling: the loop a
 * careful programmer would write for any number of features.
 */
export interface LinearGdResult {
  theta: Float32Array;
  /** MSE before the epochs that are multiples of 100. */
  mse: number[];
}

export function linearRegressionGd(
  X: Float32Array,
  y: Float32Array,
  m: number,
  n: number,
  theta0: Float32Array,
  epochs: number,
  learningRate: number,
): LinearGdResult {
  const theta = Float32Array.from(theta0);
  const error = new Float32Array(m);
  const scaled = new Float32Array(m);
  const grad = new Float64Array(n);
  const lr = Math.fround(learningRate);
  const invM = Math.fround(1 / m);
  const mse: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    // Pass 1: error = X·θ − y, and the per-row gradient factor (error · 2) · (1/m).
    let squares = 0;
    for (let i = 0; i < m; i++) {
      let p = 0;
      for (let j = 0; j < n; j++) p += X[i * n + j] * theta[j];
      error[i] = Math.fround(p) - y[i];
      squares += Math.fround(error[i] * error[i]);
      scaled[i] = invM * Math.fround(error[i] * 2);
    }
    if (epoch % 100 === 0) mse.push(Math.fround(squares / m));
    // Pass 2: ∇ = Xᵀ · scaled, then the step.
    grad.fill(0);
    for (let i = 0; i < m; i++) {
      const s = scaled[i];
      for (let j = 0; j < n; j++) grad[j] += X[i * n + j] * s;
    }
    for (let j = 0; j < n; j++) theta[j] = theta[j] - Math.fround(Math.fround(grad[j]) * lr);
  }
  return { theta, mse };
}

/**
 * The same arithmetic in one pass per epoch with the 9 columns unrolled by hand: about the fastest
 * plain JavaScript gets on one core (about 0.2 ms per epoch when measured). Shown for
 * reference; only valid for n = 9.
 */
export function linearRegressionGdUnrolled9(
  X: Float32Array,
  y: Float32Array,
  m: number,
  theta0: Float32Array,
  epochs: number,
  learningRate: number,
): LinearGdResult {
  const theta = Float32Array.from(theta0);
  const lr = Math.fround(learningRate);
  const invM = Math.fround(1 / m);
  const mse: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const [t0, t1, t2, t3, t4, t5, t6, t7, t8] = theta;
    let g0 = 0,
      g1 = 0,
      g2 = 0,
      g3 = 0,
      g4 = 0,
      g5 = 0,
      g6 = 0,
      g7 = 0,
      g8 = 0;
    let squares = 0;
    for (let i = 0, o = 0; i < m; i++, o += 9) {
      let p = 0;
      p += X[o] * t0;
      p += X[o + 1] * t1;
      p += X[o + 2] * t2;
      p += X[o + 3] * t3;
      p += X[o + 4] * t4;
      p += X[o + 5] * t5;
      p += X[o + 6] * t6;
      p += X[o + 7] * t7;
      p += X[o + 8] * t8;
      const e = Math.fround(Math.fround(p) - y[i]);
      squares += Math.fround(e * e);
      const s = Math.fround(invM * Math.fround(e * 2));
      g0 += X[o] * s;
      g1 += X[o + 1] * s;
      g2 += X[o + 2] * s;
      g3 += X[o + 3] * s;
      g4 += X[o + 4] * s;
      g5 += X[o + 5] * s;
      g6 += X[o + 6] * s;
      g7 += X[o + 7] * s;
      g8 += X[o + 8] * s;
    }
    if (epoch % 100 === 0) mse.push(Math.fround(squares / m));
    const g = [g0, g1, g2, g3, g4, g5, g6, g7, g8];
    for (let j = 0; j < 9; j++) theta[j] = theta[j] - Math.fround(Math.fround(g[j]) * lr);
  }
  return { theta, mse };
}
