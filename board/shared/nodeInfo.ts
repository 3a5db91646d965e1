/**
 * Turns a NodeDef (the engine's GraphDefLike form) into the short, JSON-ready description the
 * graph view and the terminal tree show: op, inputs, dtype, output shapes, other attrs.
 */
import type { AttrValueLike, NodeDefLike, ShapeLike } from "../../src/base/graphdef";
import type { NodeInfo } from "./apiTypes";

/**
 * Attrs that name the type of a node's output, in the order they are looked for. `T` comes last:
 * on ops such as RandomStandardNormal (T: the shape's int32) or Shape (T: the input's type) it
 * describes an input, while `dtype`, `DstT`, `out_type` and `output_type` name what the op makes.
 */
const DTYPE_ATTRS = ["dtype", "DstT", "out_type", "output_type", "Tout", "T"];

/** Ops whose output type is fixed by their definition rather than by an attr. */
const FIXED_OUTPUT: Record<string, string> = {
  ...Object.fromEntries(
    ["Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual", "LogicalAnd", "LogicalOr", "LogicalNot", "IsFinite", "IsInf", "IsNan", "InTopK", "InTopKV2", "IsVariableInitialized"].map((op) => [op, "bool"]),
  ),
  Rank: "int32",
  StringJoin: "string",
  AsString: "string",
};
const MAX_TEXT = 80;

export function describeNode(node: NodeDefLike): NodeInfo {
  const info: NodeInfo = { name: node.name, op: node.op, inputs: [...node.inputs], attrs: {} };
  if (node.device) info.device = node.device;
  const fixed = FIXED_OUTPUT[node.op];
  if (fixed) info.dtype = fixed;
  else
    for (const key of DTYPE_ATTRS) {
      const a = node.attrs[key];
      if (a?.kind === "type") {
        info.dtype = a.value.name;
        break;
      }
    }
  const shapes = node.attrs._output_shapes;
  if (shapes?.kind === "list" && shapes.value.shape) info.shapes = shapes.value.shape.map(formatShape);
  for (const key of Object.keys(node.attrs).sort()) {
    if (key === "_output_shapes") continue;
    info.attrs[key] = formatAttr(node.attrs[key]);
  }
  return info;
}

/** `[?,7]`; `[]` for a scalar; `<unknown>` when even the rank is unknown. */
export function formatShape(shape: ShapeLike): string {
  if (shape === null) return "<unknown>";
  return `[${shape.map((d) => (d === null || d < 0 ? "?" : String(d))).join(",")}]`;
}

export function formatAttr(a: AttrValueLike): string {
  switch (a.kind) {
    case "type":
      return a.value.name;
    case "i":
    case "f":
      return String(a.value);
    case "b":
      return a.value ? "true" : "false";
    case "s":
      return clip(JSON.stringify(decodeText(a.value)));
    case "shape":
      return formatShape(a.value);
    case "tensor": {
      const t = a.value;
      const values = t.dtype.name === "string" ? "" : ` ${clip(Array.from(t.data.slice(0, 6) as ArrayLike<number>).join(", "))}${t.data.length > 6 ? ", …" : ""}`;
      return `${t.dtype.name} ${formatShape(t.shape)}${values}`;
    }
    case "list": {
      const l = a.value;
      const items: string[] = [
        ...(l.s ?? []).map((s) => JSON.stringify(decodeText(s))),
        ...(l.i ?? []).map(String),
        ...(l.f ?? []).map(String),
        ...(l.b ?? []).map(String),
        ...(l.type ?? []).map((t) => t.name),
        ...(l.shape ?? []).map(formatShape),
        ...(l.tensor ?? []).map((t) => `${t.dtype.name} ${formatShape(t.shape)}`),
      ];
      return clip(`[${items.join(", ")}]`);
    }
  }
}

function decodeText(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}
