/**
 * `SaveV2` and `RestoreV2`: the ops a Saver builds (`BaseSaverBuilder.save_op` / `restore_op`,
 * tensorflow/python/training/saver.py). Their kernels write and read checkpoint V2 files through the
 * crash-safe protocol of src/io/checkpointFiles.ts. Only whole tensors are supported: a non-empty
 * shape-and-slice spec is refused.
 */
import * as fs from "fs";
import { DType, string } from "../../base/dtypes";
import type { Operation } from "../../graph/operation";
import type { Tensor } from "../../graph/tensor";
import { InvalidArgumentError, NotFoundError, UnimplementedError } from "../../base/errors";
import type { NDArray } from "../../base/ndarray/ndarray";
import { indexFileName } from "../../io";
import { readCheckpointSafely, writeCheckpointSafely } from "../../io/checkpointFiles";
import { convertToTensor } from "../array/constant";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { registerOp } from "../registry";

const utf8 = new TextDecoder();

function dtypesAttr(op: Operation): DType[] {
  const a = op.attrs.dtypes;
  return a?.kind === "list" ? (a.value.type ?? []) : [];
}

function strings(t: NDArray): string[] {
  return (t.data as Uint8Array[]).map((b) => utf8.decode(b));
}

/** The checks TF's save/restore kernels share (`ValidateInputs` in save_restore_v2_ops.cc). */
function validateInputs(prefix: NDArray, names: NDArray, slices: NDArray, tensorCount?: number): void {
  if (prefix.size !== 1) {
    throw new InvalidArgumentError(`Input prefix should have a single element, got ${prefix.size} instead.`);
  }
  if (names.rank !== 1 || slices.rank !== 1) {
    throw new InvalidArgumentError(
      `Input tensor_names and shape_and_slices should be an 1-D tensors, got [${names.shape.join(",")}] and [${slices.shape.join(",")}] instead.`,
    );
  }
  if (names.size !== slices.size) {
    throw new InvalidArgumentError(
      `tensor_names and shape_and_slices have different number of elements: ${names.size} vs. ${slices.size}`,
    );
  }
  if (tensorCount !== undefined && tensorCount !== names.size) {
    throw new InvalidArgumentError(`Got ${names.size} tensor names but ${tensorCount} tensors.`);
  }
  const sliced = strings(slices).findIndex((s) => s !== "");
  if (sliced >= 0) {
    throw new UnimplementedError(
      `Partitioned (sliced) tensors are not supported: '${strings(names)[sliced]}' has shape_and_slice '${strings(slices)[sliced]}'`,
    );
  }
}

registerOp({
  type: "SaveV2",
  outputs: () => [],
  stateful: true,
  gradient: null,
  kernel: () => (inputs) => {
    const [prefix, names, slices, ...tensors] = inputs;
    validateInputs(prefix, names, slices, tensors.length);
    const keys = strings(names);
    writeCheckpointSafely(
      strings(prefix)[0],
      keys.map((key, i) => ({ key, value: tensors[i] })),
    );
    return [];
  },
});

registerOp({
  type: "RestoreV2",
  // Every output has an unknown shape when the slice specs are empty, as in TF's shape function.
  outputs: (_inputs, attrs) => {
    const a = attrs.dtypes;
    const dtypes = a?.kind === "list" ? (a.value.type ?? []) : [];
    return dtypes.map((dtype) => ({ dtype, shape: null }));
  },
  stateful: true,
  gradient: null,
  kernel: (op) => {
    const dtypes = dtypesAttr(op);
    return ([prefix, names, slices]) => {
      validateInputs(prefix, names, slices);
      if (names.size !== dtypes.length) {
        throw new InvalidArgumentError(
          `Expected ${dtypes.length} tensor names for the ${dtypes.length} dtypes, got ${names.size}`,
        );
      }
      const path = strings(prefix)[0];
      if (!fs.existsSync(indexFileName(path))) {
        throw new NotFoundError(
          `Unsuccessful TensorSliceReader constructor: Failed to find any matching files for ${path}`,
        );
      }
      return readCheckpointSafely(
        path,
        strings(names).map((key, i) => ({ key, dtype: dtypes[i] })),
      );
    };
  },
});

/** Const string vectors converted inside the op's scope, named after the op's inputs. */
function stringList(values: readonly string[], name: string): Tensor {
  return convertToTensor(values.length ? [...values] : [], { name, dtype: string });
}

/** `io_ops.save_v2(prefix, tensor_names, shape_and_slices, tensors)`: ops `SaveV2/tensor_names`, `SaveV2/shape_and_slices`, `SaveV2`. */
export function saveV2(
  prefix: Tensor,
  tensorNames: readonly string[],
  shapeAndSlices: readonly string[],
  tensors: readonly Tensor[],
  options: { name?: string } = {},
): Operation {
  return inOpScope(options.name ?? "SaveV2", [prefix, ...tensors], (opName, graph) => {
    const names = stringList(tensorNames, "tensor_names");
    const slices = stringList(shapeAndSlices, "shape_and_slices");
    return createOp(graph, "SaveV2", opName, [prefix, names, slices, ...tensors], {
      dtypes: attr.types(tensors.map((t) => t.dtype)),
    });
  });
}

/** `io_ops.restore_v2(prefix, tensor_names, shape_and_slices, dtypes)`: one output per tensor. */
export function restoreV2(
  prefix: Tensor,
  tensorNames: readonly string[],
  shapeAndSlices: readonly string[],
  dtypes: readonly DType[],
  options: { name?: string } = {},
): Tensor[] {
  return inOpScope(options.name ?? "RestoreV2", [prefix], (opName, graph) => {
    const names = stringList(tensorNames, "tensor_names");
    const slices = stringList(shapeAndSlices, "shape_and_slices");
    return createOp(graph, "RestoreV2", opName, [prefix, names, slices], {
      dtypes: attr.types([...dtypes]),
    }).outputs;
  });
}
