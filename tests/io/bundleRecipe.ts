/** The deterministic tensors of tests/fixtures/io/gen_bundle_vectors.py (`recipe_key`, `recipe_tensor`), mirrored. */
import { DType, bool, float32, float64, int32, int64, string } from "../../src/base/dtypes";
import { NDArray, shapeSize } from "../../src/base/ndarray/ndarray";
import type { NamedTensor } from "../../src/io";

const DTYPES: DType[] = [float32, float64, int32, int64, bool, string];
const SHAPES: number[][] = [[], [2], [2, 3], [0]];

export type KeyStyle = "layered" | "long";

export function recipeKey(i: number, style: KeyStyle = "layered"): string {
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  if (style === "long") return `${pad(i * 3, 5)}/${"w".repeat(200)}`;
  if (i % 50 === 7) return `unicod\u00e9/v${pad(i, 5)}`;
  return `layer_${pad(i % 97, 2)}/var_${pad(i, 5)}`;
}

export function recipeTensor(i: number): NDArray {
  const dtype = DTYPES[i % 6];
  const shape = SHAPES[i % 4];
  const n = shapeSize(shape);
  const js = Array.from({ length: n }, (_, j) => j);
  switch (dtype) {
    case float32:
      return new NDArray(
        dtype,
        shape,
        Float32Array.from(js, (j) => i * 0.5 + j),
      );
    case float64:
      return new NDArray(
        dtype,
        shape,
        Float64Array.from(js, (j) => i / 3 + j),
      );
    case int32:
      return new NDArray(
        dtype,
        shape,
        Int32Array.from(js, (j) => i * 7 - j * 1000),
      );
    case int64:
      return new NDArray(
        dtype,
        shape,
        Float64Array.from(js, (j) => (i * 2 ** 33 + j) * (i % 2 ? -1 : 1)),
      );
    case bool:
      return new NDArray(
        dtype,
        shape,
        Uint8Array.from(js, (j) => ((i + j) % 2 === 0 ? 1 : 0)),
      );
    default:
      return new NDArray(
        dtype,
        shape,
        js.map((j) => new TextEncoder().encode(`s${i}`.repeat(j))),
      );
  }
}

export function recipeTensors(
  count: number,
  extraKeys: [number, string][] = [],
  style: KeyStyle = "layered",
): NamedTensor[] {
  const out: NamedTensor[] = [];
  for (let i = 0; i < count; i++) out.push({ key: recipeKey(i, style), value: recipeTensor(i) });
  for (const [i, key] of extraKeys) out.push({ key, value: recipeTensor(i) });
  return out;
}
