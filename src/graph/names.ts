import { ValueError } from "../base/errors";

/**
 * TF's `Graph.unique_name` (tensorflow/python/framework/ops.py) on a names-in-use table: case-insensitive
 * keys, `_N` suffixes, and generated names marked as used so an explicit `a_1` later becomes `a_1_1`.
 */
export function uniqueName(namesInUse: Map<string, number>, name: string, markAsUsed = true): string {
  const key = name.toLowerCase();
  let i = namesInUse.get(key) ?? 0;
  if (markAsUsed) namesInUse.set(key, i + 1);
  if (i === 0) return name;
  let candidate = `${key}_${i}`;
  while (namesInUse.has(candidate)) {
    i++;
    candidate = `${key}_${i}`;
  }
  if (markAsUsed) namesInUse.set(candidate, 1);
  return `${name}_${i}`;
}

const ROOT_SCOPE = /^[A-Za-z0-9.][A-Za-z0-9_.\-/]*$/;
const NESTED_SCOPE = /^[A-Za-z0-9_.\-/]*$/;

/** TF validates scope names (and op names) with these patterns. */
export function checkScopeName(name: string, atRoot: boolean): void {
  if (!(atRoot ? ROOT_SCOPE : NESTED_SCOPE).test(name)) {
    throw new ValueError(`'${name}' is not a valid scope name`);
  }
}
