import type { DType } from "../base/dtypes";
import type { AttrValueLike, ShapeLike } from "../base/graphdef";
import type { NDArray } from "../base/ndarray/ndarray";

/** Small constructors for node attrs, named as TF's AttrValue fields. */
export const attr = {
  type: (value: DType): AttrValueLike => ({ kind: "type", value }),
  int: (value: number): AttrValueLike => ({ kind: "i", value }),
  float: (value: number): AttrValueLike => ({ kind: "f", value }),
  bool: (value: boolean): AttrValueLike => ({ kind: "b", value }),
  str: (value: string): AttrValueLike => ({ kind: "s", value: new TextEncoder().encode(value) }),
  shape: (value: ShapeLike): AttrValueLike => ({ kind: "shape", value }),
  tensor: (value: NDArray): AttrValueLike => ({ kind: "tensor", value }),
  ints: (value: number[]): AttrValueLike => ({ kind: "list", value: { i: value } }),
  types: (value: DType[]): AttrValueLike => ({ kind: "list", value: { type: value } }),
  strs: (value: string[]): AttrValueLike => ({ kind: "list", value: { s: value.map((s) => new TextEncoder().encode(s)) } }),
};
