/**
 * What a Saver saves: (checkpoint key, variable) pairs sorted by key. A list keys each variable by
 * its op name (`theta`, `theta/Momentum`); an object maps keys to variables, as in
 * `Saver({ weights: theta })`. Errors carry TF's texts.
 */
import { GraphKeys, type GraphImpl } from "../../graph/graph";
import { ValueError } from "../../base/errors";
import { Variable } from "../../ops/state/variable";

export interface Saveable {
  key: string;
  variable: Variable;
}

/** A list of variables, or checkpoint keys mapped to variables. */
export type VarList = readonly Variable[] | Readonly<Record<string, Variable>>;

function describe(v: unknown): string {
  return v instanceof Variable ? v.toString() : typeof v === "string" ? `'${v}'` : String(v);
}

function listToMap(list: readonly unknown[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const sorted = [...list].sort((a, b) => {
    const [x, y] = [(a as { name?: string }).name ?? "", (b as { name?: string }).name ?? ""];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (const v of sorted) {
    if (!(v instanceof Variable)) {
      throw new TypeError(
        `names_to_saveables must be a dict mapping string names to Tensors/Variables. Not a variable: ${describe(v)}`,
      );
    }
    const key = v.op.name;
    if (out.has(key)) throw new ValueError(`At least two variables have the same name: ${key}`);
    out.set(key, v);
  }
  return out;
}

/** Normalize `varList` (null: the graph's global variables) into sorted saveables. */
export function saveablesFrom(varList: VarList | null | undefined, graph: GraphImpl): Saveable[] {
  let byKey: Map<string, unknown>;
  if (varList === null || varList === undefined) {
    byKey = listToMap(graph.getCollection(GraphKeys.GLOBAL_VARIABLES));
  } else if (Array.isArray(varList)) {
    byKey = listToMap(varList);
  } else if (typeof varList === "object" && !(varList instanceof Variable)) {
    byKey = new Map(Object.entries(varList));
  } else {
    throw new TypeError(`Variables to save should be passed in a dict or a list: ${describe(varList)}`);
  }
  const seen = new Set<Variable>();
  const saveables: Saveable[] = [];
  for (const key of [...byKey.keys()].sort()) {
    const variable = byKey.get(key);
    if (!(variable instanceof Variable)) {
      throw new TypeError(
        `names_to_saveables must be a dict mapping string names to Tensors/Variables. Not a variable: ${describe(variable)}`,
      );
    }
    if (seen.has(variable)) throw new ValueError(`The same saveable will be restored with two names: ${key}`);
    seen.add(variable);
    saveables.push({ key, variable });
  }
  return saveables;
}
