/**
 * Turns a NodeDef (the engine's GraphDefLike form) into the short, JSON-ready description the
 * graph view and the terminal tree show: op, inputs, dtype, output shapes, other attrs.
 */
import type { AttrValueLike, NodeDefLike, ShapeLike } from "../../src/graph/graphdef";
import type { NodeInfo } from "./apiTypes";

/** Attrs that name a node's element type, in the order they are looked for. */
const DTYPE_ATTRS = ["T", "dtype", "DstT", "out_type"];
const MAX_TEXT = 80;

export function describeNode(node: NodeDefLike): NodeInfo {
  const info: NodeInfo = { name: node.name, op: node.op, inputs: [...node.inputs], attrs: {} };
  if (node.device) info.device = node.device;
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
