/**
 * How summary ops are named (`summary_scope` and `clean_tag`, tensorflow/python/ops/summary_op_util.py): the
 * name is cleaned, a name scope is opened with it, and the tag is that scope without its trailing slash, so
 * it carries the enclosing scopes and any `_1` suffix (`logistic_regression/train/log_loss`). With a
 * `family`, scope and tag both start with it (the tag twice over: `family/family/name`, which TensorBoard
 * groups under `family`).
 */
import { nameScope } from "../graph/nameScope";
import { Tensor } from "../graph/tensor";
import { logInfo } from "../base/logging";

/** Python's `[^-/\w.]` with Unicode `\w`: letters, digits and `_`. */
const INVALID_TAG_CHARACTERS = /[^-/\p{L}\p{N}_.]/gu;

/**
 * Makes a summary name acceptable to TensorBoard: illegal characters become `_`, leading slashes go, and
 * an INFO line is logged when anything changed. Mirrors TF 1.x `summary_op_util.clean_tag`
 * (tensorflow/python/ops/summary_op_util.py, `clean_tag`).
 * @param name - The requested name.
 * @returns The cleaned name.
 * @example
 * ```ts
 * const tag = tf.summary.cleanTag("loss (train)"); // "loss__train_"
 * ```
 */
export function cleanTag(name: string): string {
  const cleaned = name.replace(INVALID_TAG_CHARACTERS, "_").replace(/^\/+/, "");
  if (cleaned !== name) logInfo(`Summary name ${name} is illegal; using ${cleaned} instead.`);
  return cleaned;
}

/** `summary_op_util.summary_scope`: run `fn(tag, scope)` inside the summary's name scope. */
export function summaryScope<T>(
  name: string,
  family: string | undefined,
  defaultName: string | undefined,
  values: unknown[],
  fn: (tag: string, scope: string) => T,
): T {
  const cleanName = cleanTag(name);
  const cleanFamily = family === undefined ? undefined : cleanTag(family);
  const base = cleanFamily === undefined ? cleanName : `${cleanFamily}/${cleanName}`;
  const tensors = values.filter((v): v is Tensor => v instanceof Tensor);
  return nameScope(base, { defaultName, values: tensors }, (scope) => {
    const stripped = scope.replace(/\/+$/, "");
    const tag = cleanFamily === undefined ? stripped : `${cleanFamily}/${stripped}`;
    return fn(tag, scope);
  });
}
