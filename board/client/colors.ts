/** Run colours (TensorBoard's palette), assigned by the run's position in the sorted run list. */
const PALETTE = ["#ff7043", "#0077bb", "#cc3311", "#33bbee", "#ee3377", "#009988", "#7f7f7f", "#8e6cbf"];

export function runColor(index: number): string {
  return PALETTE[index % PALETTE.length];
}

/** The same colour, see-through: raw (unsmoothed) lines are drawn faint behind the smoothed ones. */
export function faded(hex: string, alpha = 0.25): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
