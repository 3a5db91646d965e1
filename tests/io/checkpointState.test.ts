/** The `checkpoint` state file (checkpoint_management.py) and latestCheckpoint. */
import * as fs from "fs";
import * as path from "path";
import { NDArray } from "../../src/base/ndarray/ndarray";
import { RuntimeError, ValueError } from "../../src/base/errors";
import {
  formatCheckpointState,
  generateCheckpointState,
  getCheckpointState,
  latestCheckpoint,
  parseCheckpointState,
  updateCheckpointState,
  writeCheckpoint,
} from "../../src/io";
import { tempDir } from "./helpers";

describe("text format", () => {
  test("matches the spec's example", () => {
    const text = formatCheckpointState({
      modelCheckpointPath: "/tmp/my_model_final.ckpt",
      allModelCheckpointPaths: ["/tmp/my_model.ckpt", "/tmp/my_model_final.ckpt"],
    });
    expect(text).toBe(
      'model_checkpoint_path: "/tmp/my_model_final.ckpt"\n' +
        'all_model_checkpoint_paths: "/tmp/my_model.ckpt"\n' +
        'all_model_checkpoint_paths: "/tmp/my_model_final.ckpt"\n',
    );
  });

  test("escapes like protobuf's text format and parses back", () => {
    const state = { modelCheckpointPath: "a\"b\\c\nd'é", allModelCheckpointPaths: ["a\"b\\c\nd'é"] };
    const text = formatCheckpointState(state);
    expect(text.split("\n")[0]).toBe('model_checkpoint_path: "a\\"b\\\\c\\nd\\\'\\303\\251"');
    expect(parseCheckpointState(text)).toEqual(state);
  });

  test("parses timestamps and rejects garbage", () => {
    const text =
      'model_checkpoint_path: "m-2"\nall_model_checkpoint_paths: "m-1"\nall_model_checkpoint_paths: "m-2"\nall_model_checkpoint_timestamps: 1616665937.5\nall_model_checkpoint_timestamps: 1616665938.0\nlast_preserved_timestamp: 1616665900.25\n';
    expect(parseCheckpointState(text)).toEqual({
      modelCheckpointPath: "m-2",
      allModelCheckpointPaths: ["m-1", "m-2"],
      allModelCheckpointTimestamps: [1616665937.5, 1616665938],
      lastPreservedTimestamp: 1616665900.25,
    });
    expect(formatCheckpointState(parseCheckpointState(text)!)).toBe(text);
    expect(parseCheckpointState("model_checkpoint_path: unquoted")).toBeNull();
    expect(parseCheckpointState('bogus_field: "x"')).toBeNull();
  });
});

describe("paths as TF rewrites them", () => {
  test("relative save dirs make relative paths relative to them", () => {
    expect(generateCheckpointState(".", "./my_logreg_model")).toEqual({
      modelCheckpointPath: "my_logreg_model",
      allModelCheckpointPaths: ["my_logreg_model"],
    });
    expect(
      generateCheckpointState("models/run", "models/run/m-10", {
        allModelCheckpointPaths: ["models/run/m-5"],
      }),
    ).toEqual({
      modelCheckpointPath: "m-10",
      allModelCheckpointPaths: ["m-5", "m-10"],
    });
  });

  test("absolute paths are kept, and the latest is appended only when not already last", () => {
    expect(
      generateCheckpointState("/tmp", "/tmp/my_model_final.ckpt", {
        allModelCheckpointPaths: ["/tmp/my_model.ckpt", "/tmp/my_model_final.ckpt"],
      }),
    ).toEqual({
      modelCheckpointPath: "/tmp/my_model_final.ckpt",
      allModelCheckpointPaths: ["/tmp/my_model.ckpt", "/tmp/my_model_final.ckpt"],
    });
  });

  test("save_relative_paths stores absolute paths relative to the directory", () => {
    const dir = tempDir();
    const state = updateCheckpointState(dir, path.join(dir, "m-2"), {
      allModelCheckpointPaths: [path.join(dir, "m-1"), path.join(dir, "m-2")],
      saveRelativePaths: true,
    });
    expect(state).toEqual({ modelCheckpointPath: "m-2", allModelCheckpointPaths: ["m-1", "m-2"] });
  });

  test("a save path equal to the state file is refused as in TF", () => {
    const dir = tempDir();
    expect(() => updateCheckpointState(dir, path.join(dir, "checkpoint"))).toThrow(RuntimeError);
    expect(() => updateCheckpointState(dir, path.join(dir, "checkpoint"))).toThrow(
      /conflicts with path used for checkpoint state/,
    );
  });
});

describe("latestCheckpoint", () => {
  test("returns the prefix only once its index exists", () => {
    const dir = tempDir();
    const prefix = path.join(dir, "my_model.ckpt");
    expect(latestCheckpoint(dir)).toBeNull();
    updateCheckpointState(dir, prefix);
    expect(fs.readFileSync(path.join(dir, "checkpoint"), "utf8")).toBe(
      `model_checkpoint_path: "${prefix}"\nall_model_checkpoint_paths: "${prefix}"\n`,
    );
    expect(latestCheckpoint(dir)).toBeNull(); // the state names a checkpoint that is not there
    writeCheckpoint(prefix, [{ key: "theta", value: NDArray.from([1, 2]) }]);
    expect(latestCheckpoint(dir)).toBe(prefix);
    expect(fs.readdirSync(dir).filter((f) => f.includes("tempstate"))).toEqual([]);
  });

  test("relative entries are joined to the directory, Python style", () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, "checkpoint"),
      'model_checkpoint_path: "m-3"\nall_model_checkpoint_paths: "m-1"\nall_model_checkpoint_paths: "m-3"\n',
    );
    writeCheckpoint(path.join(dir, "m-3"), [{ key: "x", value: NDArray.from(1) }]);
    expect(getCheckpointState(dir)?.allModelCheckpointPaths).toEqual([`${dir}/m-1`, `${dir}/m-3`]);
    expect(latestCheckpoint(dir)).toBe(`${dir}/m-3`);
    expect(latestCheckpoint(dir + "/")).toBe(`${dir}/m-3`);
  });

  test("an empty model path is TF's ValueError; an unparsable file is ignored", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "checkpoint"), 'all_model_checkpoint_paths: "m-1"\n');
    expect(() => getCheckpointState(dir)).toThrow(
      new ValueError(`Invalid checkpoint state loaded from ${dir}`),
    );
    fs.writeFileSync(path.join(dir, "checkpoint"), "\u0000garbage");
    expect(latestCheckpoint(dir)).toBeNull();
  });
});
