/** inspectCheckpoint: the kit's friendly checkpoint reader. */
import * as path from "path";
import { NDArray } from "../../src/base/ndarray/ndarray";
import { NotFoundError } from "../../src/base/errors";
import { formatCheckpoint, inspectCheckpoint, updateCheckpointState, writeCheckpoint } from "../../src/io";
import { TF_CHECKPOINTS, tempDir } from "./helpers";

test("lists a TF checkpoint's tensors with values", () => {
  const inspected = inspectCheckpoint(path.join(TF_CHECKPOINTS, "variables_variables"));
  expect(inspected.tensors.map((t) => [t.key, t.dtype.name, t.shape, t.value.item()])).toEqual([
    ["a", "float32", [], 0.5],
    ["b", "float32", [], 2],
    ["c", "float32", [], 3],
  ]);
  expect(formatCheckpoint(inspected)).toBe(
    "tensor_name:  a\n0.5\ntensor_name:  b\n2.0\ntensor_name:  c\n3.0\n",
  );
});

test("a directory resolves to its latest checkpoint", () => {
  const dir = tempDir();
  const prefix = path.join(dir, "my_model_final.ckpt");
  writeCheckpoint(prefix, [{ key: "theta", value: NDArray.from([[1], [2]]) }]);
  updateCheckpointState(dir, prefix);
  const inspected = inspectCheckpoint(dir);
  expect(inspected.prefix).toBe(prefix);
  expect(inspected.tensors[0].value.toArray()).toEqual([[1], [2]]);
});

test("a directory without a checkpoint is a NotFoundError", () => {
  expect(() => inspectCheckpoint(tempDir())).toThrow(NotFoundError);
});
