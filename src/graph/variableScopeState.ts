import type { DType } from "../base/dtypes";

/**
 * The reuse mode that makes {@link getVariable} create the variable if missing and share it otherwise.
 * Mirrors TF 1.x `tf.AUTO_REUSE` (tensorflow/python/ops/variable_scope.py, `AUTO_REUSE`).
 * @example
 * ```ts
 * const w = () => tf.variableScope("w", { reuse: tf.AUTO_REUSE }, () => tf.getVariable("v", [1]));
 * const same = w() === w(); // true
 * ```
 */
export const AUTO_REUSE = "AUTO_REUSE" as const;
/** A scope's reuse mode: `true` (share only), {@link AUTO_REUSE} (share or create), or null (create only). */
export type Reuse = true | typeof AUTO_REUSE | null;

/**
 * A variable scope object, what Python's `with tf.variable_scope(...) as scope` binds: pass it back to
 * {@link variableScope} to re-enter the scope.
 * Mirrors TF 1.x `tf.VariableScope` (tensorflow/python/ops/variable_scope.py, class `VariableScope`).
 * @example
 * ```ts
 * const scope = tf.variableScope("layer", (s) => s);
 * tf.variableScope(scope, { reuse: true }, () => tf.getVariableScope().name); // "layer"
 * ```
 */
export class VariableScope {
  /**
   * @param name - the scope's full name
   * @param reuse - its reuse mode
   * @param originalNameScope - the name scope it opened
   * @param initializer - default initializer for `getVariable`
   * @param dtype - default dtype for `getVariable`
   */
  constructor(
    /** The full name (`"outer/inner"`; "" for the root). */
    public name: string,
    /** The reuse mode {@link getVariable} obeys inside it. */
    public reuse: Reuse,
    /** The name scope it opened ("relu_1/"), used when re-entering by object. */
    public originalNameScope: string,
    /** The default initializer of {@link getVariable} inside it. */
    public initializer?: unknown,
    /** The default dtype of {@link getVariable} inside it. */
    public dtype?: DType,
  ) {}

  /**
   * `scope.reuse_variables()`: reuse for the rest of this scope.
   * @example
   * ```ts
   * tf.variableScope("shared", (scope) => {
   *   const a = tf.getVariable("w", [1]);
   *   scope.reuseVariables();
   *   const b = tf.getVariable("w", [1]); // the same variable as a
   * });
   * ```
   */
  reuseVariables(): void {
    this.reuse = true;
  }
  /** A short description: `<tf.VariableScope 'layer'>`. */
  toString(): string {
    return `<tf.VariableScope '${this.name}'>`;
  }
}

/**
 * @internal Per-graph variable-scope bookkeeping: the current scope and how often each scope name was opened.
 */
export class VariableScopeState {
  current = new VariableScope("", null, "");
  readonly openCounts = new Map<string, number>();
}
