/** The name-scope hierarchy and the collapsed view built from it (board/shared/scopeTree). */
import { ancestorsOf, buildScopeTree, inputNodeName, opTypeCounts, visibleGraph, visibleOwner } from "../../board/shared/scopeTree";

/** The chapter's linear regression with a `loss` scope, plus a tiny `gradients` scope and init. */
const nodes = [
  { name: "X", op: "Const", inputs: [] },
  { name: "y", op: "Const", inputs: [] },
  { name: "theta/initial_value", op: "Const", inputs: [] },
  { name: "theta", op: "VariableV2", inputs: [] },
  { name: "theta/Assign", op: "Assign", inputs: ["theta", "theta/initial_value"] },
  { name: "theta/read", op: "Identity", inputs: ["theta"] },
  { name: "predictions", op: "MatMul", inputs: ["X", "theta/read"] },
  { name: "loss/sub", op: "Sub", inputs: ["predictions", "y"] },
  { name: "loss/Square", op: "Square", inputs: ["loss/sub"] },
  { name: "loss/Const", op: "Const", inputs: [] },
  { name: "loss/mse", op: "Mean", inputs: ["loss/Square", "loss/Const"] },
  { name: "gradients/Fill", op: "Fill", inputs: [] },
  { name: "gradients/loss/mse_grad/Tile", op: "Tile", inputs: ["gradients/Fill", "loss/Const"] },
  { name: "gradients/loss/Square_grad/Mul", op: "Mul", inputs: ["gradients/loss/mse_grad/Tile", "loss/sub:0"] },
  { name: "init", op: "NoOp", inputs: ["^theta/Assign"] },
  { name: "orphan_user", op: "Identity", inputs: ["not_in_graph"] },
];

describe("inputNodeName", () => {
  test.each([
    ["a", "a"],
    ["a/b:1", "a/b"],
    ["^a/b", "a/b"],
    ["a:0", "a"],
    ["scope:x/op", "scope:x/op"], // only a trailing `:<digits>` is an output index
  ])("%s -> %s", (input, name) => expect(inputNodeName(input)).toBe(name));
});

describe("buildScopeTree", () => {
  const tree = buildScopeTree(nodes);

  test("every `/` prefix is a scope; scopes come before ops, each in name order", () => {
    expect(tree.root.children.map((c) => `${c.kind}:${c.id}`)).toEqual([
      "scope:gradients",
      "scope:loss",
      "scope:theta",
      "op:X",
      "op:init",
      "op:orphan_user",
      "op:predictions",
      "op:y",
    ]);
    expect(tree.byId.get("gradients")!.children.map((c) => c.id)).toEqual(["gradients/loss", "gradients/Fill"]);
    expect(tree.byId.get("gradients/loss")!.children.map((c) => c.id)).toEqual(["gradients/loss/Square_grad", "gradients/loss/mse_grad"]);
  });

  test("an op named like a scope moves inside it as `(name)`, as in TensorBoard", () => {
    const theta = tree.byId.get("theta")!;
    expect(theta.kind).toBe("scope");
    expect(theta.children.map((c) => c.label)).toEqual(["(theta)", "Assign", "initial_value", "read"]);
    const variable = tree.byNodeName.get("theta")!;
    expect(variable).toMatchObject({ id: "theta/(theta)", kind: "op", op: "VariableV2", nodeName: "theta" });
    expect(variable.parent).toBe(theta);
  });

  test("op counts add up through the hierarchy", () => {
    expect(tree.root.opCount).toBe(nodes.length);
    expect(tree.byId.get("theta")!.opCount).toBe(4);
    expect(tree.byId.get("gradients")!.opCount).toBe(3);
    expect(tree.byId.get("gradients/loss")!.opCount).toBe(2);
    expect(opTypeCounts(tree.byId.get("loss")!)).toEqual([
      ["Const", 1],
      ["Mean", 1],
      ["Square", 1],
      ["Sub", 1],
    ]);
  });

  test("edges: one per input, control inputs flagged, inputs missing from the graph left out", () => {
    expect(tree.edges).toHaveLength(15); // 16 inputs, one naming a node that is not there
    expect(tree.edges).toContainEqual({ from: "theta/Assign", to: "init", control: true });
    expect(tree.edges).toContainEqual({ from: "loss/sub", to: "gradients/loss/Square_grad/Mul", control: false });
    expect(tree.edges.some((e) => e.to === "orphan_user")).toBe(false);
  });
});

describe("visibleGraph", () => {
  const tree = buildScopeTree(nodes);
  const key = (e: { from: string; to: string; count: number; control: boolean }) => `${e.from} -> ${e.to} x${e.count}${e.control ? " ctrl" : ""}`;

  test("all scopes closed: top-level boxes, edges merged between them, inner edges gone", () => {
    const v = visibleGraph(tree, new Set());
    expect(v.clusters).toEqual([]);
    expect(v.units.map((u) => u.node.id)).toEqual(tree.root.children.map((c) => c.id));
    expect(v.edges.map(key).sort()).toEqual([
      "X -> predictions x1",
      "loss -> gradients x2", // loss/Const -> Tile and loss/sub -> Mul merge into one edge
      "predictions -> loss x1",
      "theta -> init x1 ctrl",
      "theta -> predictions x1",
      "y -> loss x1",
    ]);
  });

  test("opening a scope shows its contents inside a frame and reroutes the edges", () => {
    const v = visibleGraph(tree, new Set(["loss"]));
    expect(v.clusters.map((c) => c.node.id)).toEqual(["loss"]);
    expect(v.units.filter((u) => u.cluster === "loss").map((u) => u.node.id)).toEqual(["loss/Const", "loss/Square", "loss/mse", "loss/sub"]);
    expect(v.edges.map(key).sort()).toEqual([
      "X -> predictions x1",
      "loss/Const -> gradients x1",
      "loss/Const -> loss/mse x1",
      "loss/Square -> loss/mse x1",
      "loss/sub -> gradients x1",
      "loss/sub -> loss/Square x1",
      "predictions -> loss/sub x1",
      "theta -> init x1 ctrl",
      "theta -> predictions x1",
      "y -> loss/sub x1",
    ]);
  });

  test("a scope inside a closed scope stays hidden even when it is marked open", () => {
    const v = visibleGraph(tree, new Set(["gradients/loss"]));
    expect(v.clusters).toEqual([]);
    expect(v.units.some((u) => u.node.id.startsWith("gradients/"))).toBe(false);
  });

  test("nested frames list their parent frame", () => {
    const v = visibleGraph(tree, new Set(["gradients", "gradients/loss"]));
    expect(v.clusters.map((c) => [c.node.id, c.cluster])).toEqual([
      ["gradients", null],
      ["gradients/loss", "gradients"],
    ]);
    expect(v.units.find((u) => u.node.id === "gradients/loss/mse_grad")!.cluster).toBe("gradients/loss");
  });

  test("visibleOwner and ancestorsOf", () => {
    expect(visibleOwner(tree, "gradients/loss/mse_grad/Tile", new Set())).toBe("gradients");
    expect(visibleOwner(tree, "gradients/loss/mse_grad/Tile", new Set(["gradients"]))).toBe("gradients/loss");
    expect(visibleOwner(tree, "theta", new Set(["theta"]))).toBe("theta/(theta)");
    expect(() => visibleOwner(tree, "nope", new Set())).toThrow("no node named 'nope'");
    expect(ancestorsOf(tree, "gradients/loss/mse_grad/Tile")).toEqual(["gradients", "gradients/loss", "gradients/loss/mse_grad"]);
    expect(ancestorsOf(tree, "X")).toEqual([]);
  });
});
