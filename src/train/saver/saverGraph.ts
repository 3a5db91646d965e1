/**
 * The ops `tf.train.Saver()` adds (`BaseSaverBuilder._build_internal`,
 * tensorflow/python/training/saver.py), in TF's order, under the `save` scope:
 * `save/Const` (the filename, fed at save and restore time), `save/SaveV2/tensor_names`,
 * `save/SaveV2/shape_and_slices`, `save/SaveV2`, `save/control_dependency`,
 * `save/RestoreV2/tensor_names`, `save/RestoreV2/shape_and_slices`, `save/RestoreV2`,
 * `save/Assign`, `save/Assign_1`, ..., `save/restore_all`.
 */
import { isFullyDefined } from "../../base/shape";
import { nameScope } from "../../graph/nameScope";
import { SaverDefVersion, type SaverDefProto } from "../../io";
import { constant } from "../../ops/array/constant";
import { attr } from "../../ops/attrs";
import { group, withDependencies } from "../../ops/control/controlFlow";
import { restoreV2, saveV2 } from "../../ops/io";
import { assignRef } from "../../ops/state/variableOps";
import type { Saveable } from "./saveables";

export interface SaverGraphOptions {
  /** Scope name (default `save`, uniquified). */
  name?: string;
  /** Value of the filename constant (default `model`). */
  filename?: string;
  maxToKeep: number;
  keepCheckpointEveryNHours: number;
}

/** Build the save and restore ops for `saveables` (not empty) and describe them as a SaverDef. */
export function buildSaverGraph(saveables: readonly Saveable[], options: SaverGraphOptions): SaverDefProto {
  const variables = saveables.map((s) => s.variable);
  return nameScope(options.name ?? null, { defaultName: "save", values: variables }, () => {
    const filename = constant(options.filename ?? "model", { name: "Const" });
    const keys = saveables.map((s) => s.key);
    const slices = keys.map(() => "");

    const save = saveV2(filename, keys, slices, variables);
    const saveTensor = withDependencies([save], filename);
    saveTensor.op.attrs._class = attr.strs([`loc:@${filename.op.name}`]);

    const restored = restoreV2(
      filename,
      keys,
      slices,
      variables.map((v) => v.dtype),
    );
    const assigns = variables.map(
      (v, i) => assignRef(v, restored[i], { validateShape: isFullyDefined(v.shape) }).op,
    );
    const restoreAll = group(assigns, { name: "restore_all" });

    return {
      filenameTensorName: filename.name,
      saveTensorName: saveTensor.name,
      restoreOpName: restoreAll.name,
      maxToKeep: options.maxToKeep,
      sharded: false,
      keepCheckpointEveryNHours: options.keepCheckpointEveryNHours,
      version: SaverDefVersion.V2,
    };
  });
}
