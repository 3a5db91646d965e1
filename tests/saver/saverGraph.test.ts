/** The ops a Saver adds (TF's saver.py, `BaseSaverBuilder._build_internal`), its SaverDef, and how it reads
 * its variable list (`Saver.__init__`). */
import * as tf from "tensorlings";
import { Saver } from "../../src/train/saver";
import { buildRegression } from "./helpers";

const names = () => tf.getDefaultGraph().operations.map((op) => op.name);
const node = (name: string) => tf.getDefaultGraph().getOperationByName(name);
const listS = (op: tf.Operation, key: string) => {
  const a = op.attrs[key];
  return a?.kind === "list" ? (a.value.s ?? []).map((b) => new TextDecoder().decode(b)) : undefined;
};

describe("ops under the save scope", () => {
  test("TF's names, in TF's order, after the model's ops", () => {
    buildRegression();
    const before = names().length;
    const saver = Saver();
    expect(names().slice(before)).toEqual([
      "save/Const",
      "save/SaveV2/tensor_names",
      "save/SaveV2/shape_and_slices",
      "save/SaveV2",
      "save/control_dependency",
      "save/RestoreV2/tensor_names",
      "save/RestoreV2/shape_and_slices",
      "save/RestoreV2",
      "save/Assign",
      "save/restore_all",
    ]);
    expect(saver.saverDef).toEqual({
      filenameTensorName: "save/Const:0",
      saveTensorName: "save/control_dependency:0",
      restoreOpName: "save/restore_all",
      maxToKeep: 5,
      sharded: false,
      keepCheckpointEveryNHours: 10000,
      version: 2,
    });
  });

  test("op types, inputs and attrs of a two-variable saver", () => {
    tf.resetDefaultGraph();
    const b = tf.Variable(tf.zeros([2]), { name: "b" });
    const a = tf.Variable([[1, 2]], { name: "a" });
    Saver([b, a]);
    const save = node("save/SaveV2");
    expect(save.type).toBe("SaveV2");
    // keys sorted: a before b, whatever the list order
    expect(save.nodeDefInputs).toEqual([
      "save/Const",
      "save/SaveV2/tensor_names",
      "save/SaveV2/shape_and_slices",
      "a",
      "b",
    ]);
    const names = node("save/SaveV2/tensor_names").attrs.value;
    expect(names.kind === "tensor" && names.value.toArray()).toEqual(["a", "b"]);
    const slices = node("save/SaveV2/shape_and_slices").attrs.value;
    expect(slices.kind === "tensor" && slices.value.toArray()).toEqual(["", ""]);
    const filename = node("save/Const").attrs.value;
    expect(filename.kind === "tensor" && filename.value.toArray()).toBe("model");

    const dep = node("save/control_dependency");
    expect(dep.type).toBe("Identity");
    expect(dep.nodeDefInputs).toEqual(["save/Const", "^save/SaveV2"]);
    expect(listS(dep, "_class")).toEqual(["loc:@save/Const"]);

    const restore = node("save/RestoreV2");
    expect(restore.type).toBe("RestoreV2");
    expect(restore.outputs.map((t) => t.shape)).toEqual([null, null]);
    expect(node("save/Assign").nodeDefInputs).toEqual(["a", "save/RestoreV2"]);
    expect(node("save/Assign_1").nodeDefInputs).toEqual(["b", "save/RestoreV2:1"]);
    expect(listS(node("save/Assign_1"), "_class")).toEqual(["loc:@b"]);
    expect(node("save/Assign").attrBool("validate_shape")).toBe(true);
    expect(node("save/restore_all").type).toBe("NoOp");
    expect(node("save/restore_all").nodeDefInputs).toEqual(["^save/Assign", "^save/Assign_1"]);
  });

  test("a second saver gets save_1; a name or an enclosing scope changes the prefix", () => {
    buildRegression();
    Saver();
    const second = Saver();
    expect(second.saverDef.restoreOpName).toBe("save_1/restore_all");
    const named = Saver(null, { name: "my_saver" });
    expect(named.saverDef.saveTensorName).toBe("my_saver/control_dependency:0");
    const nested = tf.nameScope("logistic_regression", () => tf.nameScope("save", () => Saver()));
    expect(nested.saverDef.filenameTensorName).toBe("logistic_regression/save/save/Const:0");
  });
});

describe("variable lists", () => {
  test("a map stores the variable under its key", () => {
    const { theta } = buildRegression();
    Saver({ weights: theta });
    const keys = node("save/SaveV2/tensor_names").attrs.value;
    expect(keys.kind === "tensor" && keys.value.toArray()).toEqual(["weights"]);
    expect(node("save/SaveV2").nodeDefInputs[3]).toBe("theta");
  });

  test("by default every global variable, keyed by op name (optimizer slots included)", () => {
    tf.resetDefaultGraph();
    const theta = tf.Variable(tf.ones([3, 1]), { name: "theta" });
    const loss = tf.reduceSum(tf.square(theta));
    tf.train.MomentumOptimizer({ learningRate: 0.1, momentum: 0.9 }).minimize(loss);
    Saver();
    const keys = node("save/SaveV2/tensor_names").attrs.value;
    expect(keys.kind === "tensor" && keys.value.toArray()).toEqual(["theta", "theta/Momentum"]);
  });

  test("options alone, or after null", () => {
    buildRegression();
    expect(Saver({ maxToKeep: 2 }).saverDef.maxToKeep).toBe(2);
    expect(Saver(null, { maxToKeep: null, keepCheckpointEveryNHours: 1 }).saverDef).toMatchObject({
      maxToKeep: 0,
      keepCheckpointEveryNHours: 1,
    });
  });

  test("TF's errors", () => {
    tf.resetDefaultGraph();
    expect(() => Saver()).toThrow(new tf.ValueError("No variables to save"));
    expect(Saver(null, { allowEmpty: true }).lastCheckpoints).toEqual([]);
    const theta = tf.Variable(tf.ones([2]), { name: "theta" });
    expect(() => Saver({ a: theta, b: theta })).toThrow(
      new tf.ValueError("The same saveable will be restored with two names: b"),
    );
    expect(() => Saver([theta, theta])).toThrow(
      new tf.ValueError("At least two variables have the same name: theta"),
    );
    expect(() => Saver([theta, tf.constant(1) as never])).toThrow(
      /^names_to_saveables must be a dict mapping string names to Tensors\/Variables\. Not a variable: Tensor\("Const/,
    );
    expect(() => Saver("theta" as never)).toThrow(
      new TypeError("Variables to save should be passed in a dict or a list: 'theta'"),
    );
  });
});
