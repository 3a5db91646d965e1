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
