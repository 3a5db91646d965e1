import type { DType } from "../base/dtypes";

/** TF's `tf.AUTO_REUSE`: create the variable if missing, reuse it otherwise. */
export const AUTO_REUSE = "AUTO_REUSE" as const;
export type Reuse = true | typeof AUTO_REUSE | null;

/** A variable scope object, what Python's `with tf.variable_scope(...) as scope` binds. */
export class VariableScope {
  constructor(
    public name: string,
    public reuse: Reuse,
    /** The name scope it opened ("relu_1/"), used when re-entering by object. */
    public originalNameScope: string,
    public initializer?: unknown,
    public dtype?: DType,
  ) {}

  /** `scope.reuse_variables()`: reuse for the rest of this scope. */
  reuseVariables(): void {
    this.reuse = true;
  }
  toString(): string {
    return `<tf.VariableScope '${this.name}'>`;
  }
}

/** Per-graph variable-scope bookkeeping: the current scope and how often each scope name was opened. */
export class VariableScopeState {
  current = new VariableScope("", null, "");
  readonly openCounts = new Map<string, number>();
}
