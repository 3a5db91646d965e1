/** Saving and restoring as the book does (TF's saver.py and checkpoint_management.py; the notebook's
 * save/restore cells), rotation, paths and TF's errors. */
import * as fs from "fs";
import * as path from "path";
import * as tf from "tensorlings";
import { Saver, getCheckpointState, latestCheckpoint } from "../../src/train/saver";
import { readCheckpoint } from "../../src/io";
import { scalar } from "../../src/summary";
import { pbDecode } from "../io/protoDecoder";
import { Variable } from "../../src/ops/state/variable";
import { buildRegression, captureStderr, tempDir, valuesOf } from "./helpers";

const stderr = captureStderr();
const readState = (dir: string) => fs.readFileSync(path.join(dir, "checkpoint"), "utf8");

describe("the book's flow", () => {
  test("save every N epochs, save at the end, restore in a new session", () => {
    const dir = tempDir();
    const { theta, mse, trainingOp, init } = buildRegression();
    const saver = Saver();
    const sess = tf.Session();
    sess.run(init);
    const saved: number[][] = [];
    const firstMse = sess.run(mse).item();
    for (let epoch = 0; epoch < 30; epoch++) {
      if (epoch % 10 === 0) {
        expect(saver.save(sess, path.join(dir, "my_model.ckpt"))).toBe(path.join(dir, "my_model.ckpt"));
        saved.push(valuesOf(sess.run(theta)));
      }
      sess.run(trainingOp);
    }
    const bestTheta = valuesOf(sess.run(theta));
    const bestMse = sess.run(mse).item();
    const finalPath = saver.save(sess, path.join(dir, "my_model_final.ckpt"));
    expect(finalPath).toBe(path.join(dir, "my_model_final.ckpt"));
    expect(valuesOf(readCheckpoint(finalPath!).get("theta")!)).toEqual(bestTheta);
    expect(valuesOf(readCheckpoint(path.join(dir, "my_model.ckpt")).get("theta")!)).toEqual(saved[2]);
    expect(readState(dir)).toBe(
      `model_checkpoint_path: "${dir}/my_model_final.ckpt"\n` +
        `all_model_checkpoint_paths: "${dir}/my_model.ckpt"\n` +
        `all_model_checkpoint_paths: "${dir}/my_model_final.ckpt"\n`,
    );
    sess.close();

    stderr.clear();
    const restored = tf.withSession(tf.Session(), (s) => {
      saver.restore(s, finalPath);
      return { theta: valuesOf(s.run(theta)), mse: s.run(mse).item() };
    });
    expect(stderr.lines()).toEqual([`INFO:tensorflow:Restoring parameters from ${finalPath}`]);
    expect(restored.theta).toEqual(bestTheta);
    expect(restored.mse).toBe(bestMse);
    expect(restored.mse).toBeLessThan(firstMse / 2); // it did train
    for (const ext of [".index", ".data-00000-of-00001", ".meta"])
      expect(fs.existsSync(finalPath + ext)).toBe(true);
    // no backup or temporary file is left once a save is done
    expect(fs.readdirSync(dir).filter((f) => /\.prev\.|tempstate/.test(f))).toEqual([]);
  });

  test("Saver({ weights: theta }) stores theta under 'weights' and restores it", () => {
    const dir = tempDir();
    const { theta, init } = buildRegression();
    const saver = Saver({ weights: theta });
    const prefix = tf.withSession(tf.Session(), (s) => {
      s.run(init);
      return saver.save(s, path.join(dir, "w.ckpt"))!;
    });
    const stored = readCheckpoint(prefix);
    expect([...stored.keys()]).toEqual(["weights"]);
    tf.withSession(tf.Session(), (s) => {
      saver.restore(s, prefix);
      expect(valuesOf(s.run(theta))).toEqual(valuesOf(stored.get("weights")!));
    });
  });

  test("the .meta holds the graph with shapes, the SaverDef and the collections", () => {
    const dir = tempDir();
    const { init } = buildRegression();
    const mse = tf.getDefaultGraph().getTensorByName("loss/mse:0");
    scalar("MSE", mse);
    const saver = Saver();
    const prefix = tf.withSession(tf.Session(), (s) => {
      s.run(init);
      return saver.save(s, path.join(dir, "m.ckpt"))!;
    });
    // decoded with protobufjs from the repository's .proto files
    const meta = pbDecode("MetaGraphDef", fs.readFileSync(`${prefix}.meta`));
    expect(meta.metaInfoDef.tensorflowVersion).toBe("1.12.0");
    expect(meta.saverDef).toEqual({
      filenameTensorName: "save/Const:0",
      saveTensorName: "save/control_dependency:0",
      restoreOpName: "save/restore_all",
      maxToKeep: 5,
      keepCheckpointEveryNHours: 10000,
      version: 2,
    });
    const nodes = meta.graphDef.node as { name: string; attr: Record<string, any> }[];
    expect(nodes.map((n) => n.name)).toEqual(tf.getDefaultGraph().operations.map((op) => op.name));
    const thetaNode = nodes.find((n) => n.name === "theta")!;
    expect(thetaNode.attr._output_shapes.list.shape).toEqual([{ dim: [{ size: 3 }, { size: 1 }] }]);
    expect(meta.graphDef.versions.producer).toBe(27);
    const coll = meta.collectionDef;
    expect(Object.keys(coll).sort()).toEqual(["summaries", "train_op", "trainable_variables", "variables"]);
    const varDef = pbDecode("VariableDef", Uint8Array.from(coll.variables.bytesList.value[0]));
    expect(varDef).toEqual({
      variableName: "theta:0",
      initializerName: "theta/Assign",
      snapshotName: "theta/read:0",
      initialValueName: "random_uniform:0",
    });
    expect(coll.trainable_variables).toEqual(coll.variables);
    expect(coll.train_op.nodeList.value).toEqual(["GradientDescent"]);
    expect(coll.summaries.nodeList.value).toEqual(["MSE:0"]);
  });
});

describe("checkpoint names, rotation and the state file", () => {
  test("globalStep appends -<step>; maxToKeep deletes the oldest files", () => {
    const dir = tempDir();
    const { init } = buildRegression();
    const saver = Saver(null, { maxToKeep: 2 });
    const base = path.join(dir, "model.ckpt");
    tf.withSession(tf.Session(), (s) => {
      s.run(init);
      for (let step = 0; step < 5; step++)
        expect(saver.save(s, base, { globalStep: step * 10 })).toBe(`${base}-${step * 10}`);
    });
    expect(saver.lastCheckpoints).toEqual([`${base}-30`, `${base}-40`]);
    expect(fs.readdirSync(dir).sort()).toEqual([
      "checkpoint",
      "model.ckpt-30.data-00000-of-00001",
      "model.ckpt-30.index",
      "model.ckpt-30.meta",
      "model.ckpt-40.data-00000-of-00001",
      "model.ckpt-40.index",
      "model.ckpt-40.meta",
    ]);
    expect(readState(dir)).toBe(
      `model_checkpoint_path: "${base}-40"\nall_model_checkpoint_paths: "${base}-30"\nall_model_checkpoint_paths: "${base}-40"\n`,
    );
    expect(latestCheckpoint(dir)).toBe(`${base}-40`);
    expect(getCheckpointState(dir)).toEqual({
      modelCheckpointPath: `${base}-40`,
      allModelCheckpointPaths: [`${base}-30`, `${base}-40`],
    });
  });

  test("saving the same prefix again moves it to the end instead of counting it twice", () => {
    const dir = tempDir();
    const { init } = buildRegression();
    const saver = Saver(null, { maxToKeep: 2 });
    tf.withSession(tf.Session(), (s) => {
      s.run(init);
      for (const name of ["a", "b", "a", "c"]) saver.save(s, path.join(dir, name));
    });
    expect(saver.lastCheckpoints).toEqual([path.join(dir, "a"), path.join(dir, "c")]);
    expect(fs.existsSync(path.join(dir, "b.index"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "a.index"))).toBe(true);
  });

  test("maxToKeep null keeps everything; keepCheckpointEveryNHours spares checkpoints on its marks", async () => {
    const dir = tempDir();
    const { init } = buildRegression();
    const keepAll = Saver(null, { maxToKeep: null });
    const hourly = Saver(null, { maxToKeep: 1, keepCheckpointEveryNHours: 1e-9 });
    const sess = tf.Session();
    sess.run(init);
    for (let step = 0; step < 3; step++) {
      keepAll.save(sess, path.join(dir, "all"), { globalStep: step });
      await new Promise((r) => setTimeout(r, 5));
      hourly.save(sess, path.join(dir, "hourly"), { globalStep: step });
    }
    for (let step = 0; step < 3; step++) {
      expect(fs.existsSync(path.join(dir, `all-${step}.index`))).toBe(true);
      expect(fs.existsSync(path.join(dir, `hourly-${step}.index`))).toBe(true);
    }
    expect(keepAll.lastCheckpoints).toEqual([]);
    expect(hourly.lastCheckpoints).toEqual([path.join(dir, "hourly-2")]);
  });

  test("globalStep may be a variable; padStepNumber pads to 8 digits", () => {
    const dir = tempDir();
    buildRegression();
    const step = tf.train.createGlobalStep();
    const saver = Saver(null, { padStepNumber: true });
    tf.withSession(tf.Session(), (s) => {
      s.run(tf.globalVariablesInitializer());
      s.run(step.assign(1234));
      expect(saver.save(s, path.join(dir, "m"), { globalStep: step })).toBe(path.join(dir, "m-00001234"));
    });
  });

  test("relative save paths are stored relative to the save directory, absolute ones as they are", () => {
    const dir = tempDir();
    const { init } = buildRegression();
    const saver = Saver();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      tf.withSession(tf.Session(), (s) => {
        s.run(init);
        expect(saver.save(s, "./my_logreg_model")).toBe("./my_logreg_model");
        expect(readState(".")).toBe(
          'model_checkpoint_path: "my_logreg_model"\nall_model_checkpoint_paths: "my_logreg_model"\n',
        );
        expect(saver.save(s, "models/m", { globalStep: 1 })).toBe("models/m-1"); // one missing level is created
        expect(readState("models")).toBe(
          'model_checkpoint_path: "m-1"\nall_model_checkpoint_paths: "../my_logreg_model"\nall_model_checkpoint_paths: "m-1"\n',
        );
        expect(latestCheckpoint("models")).toBe("models/m-1");
      });
    } finally {
      process.chdir(cwd);
    }
    const relative = Saver(null, { saveRelativePaths: true });
    const abs = path.join(dir, "abs");
    fs.mkdirSync(abs);
    tf.withSession(tf.Session(), (s) => {
      s.run(init);
      relative.save(s, path.join(abs, "r"));
      saver.save(s, path.join(abs, "a"));
    });
    expect(readState(abs)).toContain(`model_checkpoint_path: "${abs}/a"`);
    expect(latestCheckpoint(abs)).toBe(`${abs}/a`);
    const sess = tf.Session();
    sess.run(init);
    relative.save(sess, path.join(abs, "r2"));
    expect(readState(abs)).toBe(
      'model_checkpoint_path: "r2"\nall_model_checkpoint_paths: "r"\nall_model_checkpoint_paths: "r2"\n',
    );
    expect(latestCheckpoint(abs)).toBe(`${abs}/r2`);
  });

  test("writeState: false and writeMetaGraph: false leave only the pair", () => {
    const dir = tempDir();
    const { init } = buildRegression();
    tf.withSession(tf.Session(), (s) => {
      s.run(init);
      Saver().save(s, path.join(dir, "m"), {
        writeState: false,
        writeMetaGraph: false,
        latestFilename: "other",
      });
    });
    expect(fs.readdirSync(dir).sort()).toEqual(["m.data-00000-of-00001", "m.index"]);
  });
});

describe("TF's errors", () => {
  test("restore without a checkpoint", () => {
    buildRegression();
    const saver = Saver();
    const sess = tf.Session();
    expect(() => saver.restore(sess, null)).toThrow(
      new tf.ValueError("Can't load save_path when it is None."),
    );
    expect(() => saver.restore(sess, "/no/such/model.ckpt")).toThrow(
      new tf.ValueError("The passed save_path is not a valid checkpoint: /no/such/model.ckpt"),
    );
  });

  test("a key missing from the checkpoint: NotFoundError in TF 1.12's words", () => {
    const dir = tempDir();
    const { theta, init } = buildRegression();
    const prefix = tf.withSession(tf.Session(), (s) => (s.run(init), Saver().save(s, path.join(dir, "m"))!));
    const saver = Saver({ weights: theta });
    const err = tf.withSession(tf.Session(), (s) => {
      try {
        saver.restore(s, prefix);
      } catch (e) {
        return e as tf.OpError;
      }
      throw new Error("restore did not fail");
    });
    expect(err).toBeInstanceOf(tf.NotFoundError);
    expect(err.message.split("\n\t")[0]).toBe(
      "Restoring from checkpoint failed. This is most likely due to a Variable name or other graph key that is " +
        "missing from the checkpoint. Please ensure that you have not altered the graph expected based on the " +
        "checkpoint. Original error:\n\nKey weights not found in checkpoint",
    );
    expect(err.message).toContain("[[{{node save_1/RestoreV2}}]]");
  });

  test("a shape mismatch: InvalidArgumentError from Assign", () => {
    const dir = tempDir();
    const { init } = buildRegression(); // theta is [3, 1]
    const prefix = tf.withSession(tf.Session(), (s) => (s.run(init), Saver().save(s, path.join(dir, "m"))!));
    tf.resetDefaultGraph();
    tf.Variable(tf.zeros([9, 1]), { name: "theta" });
    const saver = Saver();
    const sess = tf.Session();
    const run = () => saver.restore(sess, prefix);
    expect(run).toThrow(tf.InvalidArgumentError);
    expect(run).toThrow(
      "Restoring from checkpoint failed. This is most likely due to a mismatch between the current graph and the " +
        "graph from the checkpoint. Please ensure that you have not altered the graph expected based on the " +
        "checkpoint. Original error:\n\nAssign requires shapes of both tensors to match. lhs shape= [9,1] rhs shape= [3,1]",
    );
  });

  test("a dtype mismatch is refused by RestoreV2", () => {
    const dir = tempDir();
    tf.resetDefaultGraph();
    tf.Variable(tf.zeros([2], tf.int32), { name: "v" });
    const prefix = tf.withSession(
      tf.Session(),
      (s) => (s.run(tf.globalVariablesInitializer()), Saver().save(s, path.join(dir, "m"))!),
    );
    tf.resetDefaultGraph();
    tf.Variable(tf.zeros([2]), { name: "v" });
    const saver = Saver();
    expect(() => saver.restore(tf.Session(), prefix)).toThrow(
      "Original error:\n\ntensor_name = v; expected dtype float does not equal original dtype int32",
    );
  });

  test("save: missing parent directory, uninitialized variables, bad latestFilename", () => {
    const dir = tempDir();
    buildRegression();
    const saver = Saver();
    const sess = tf.Session();
    const deep = path.join(dir, "a", "b", "model");
    expect(() => saver.save(sess, deep)).toThrow(
      new tf.ValueError(`Parent directory of ${deep} doesn't exist, can't save.`),
    );
    expect(() => saver.save(sess, path.join(dir, "m"))).toThrow(tf.FailedPreconditionError);
    expect(() => saver.save(sess, path.join(dir, "m"))).toThrow(
      "Attempting to use uninitialized value theta",
    );
    expect(() => saver.save(sess, path.join(dir, "m"), { latestFilename: "x/checkpoint" })).toThrow(
      new tf.ValueError("'latest_filename' must not contain path components"),
    );
    expect(() => saver.save(sess, path.join(dir, "checkpoint"))).toThrow(
      new tf.ValueError(
        `'latest_filename' collides with 'save_path': 'checkpoint' and '${path.join(dir, "checkpoint")}'`,
      ),
    );
  });
});

describe("importMetaGraph in the same process", () => {
  test("rebuilds ops, collections and variables; the imported saver restores and training continues", () => {
    const dir = tempDir();
    const { theta, mse, trainingOp, init } = buildRegression();
    scalar("MSE", mse);
    const saver = Saver();
    const sess = tf.Session();
    sess.run(init);
    for (let i = 0; i < 5; i++) sess.run(trainingOp);
    const savedMse = sess.run(mse).item();
    const prefix = saver.save(sess, path.join(dir, "my_model_final.ckpt"))!;
    const savedTheta = valuesOf(sess.run(theta));
    sess.run(trainingOp);
    const oneMoreStep = valuesOf(sess.run(theta));
    const opNames = tf.getDefaultGraph().operations.map((op) => op.name);

    tf.resetDefaultGraph();
    const imported = tf.train.importMetaGraph(`${prefix}.meta`)!;
    const graph = tf.getDefaultGraph();
    expect(graph.operations.map((op) => op.name)).toEqual(opNames);
    const importedTheta = graph.getTensorByName("theta:0");
    // TF's get_tensor_by_name gives the variable's ref tensor; the collections hold the Variable.
    expect(importedTheta).not.toBeInstanceOf(Variable);
    expect(importedTheta.repr()).toBe("<tf.Tensor 'theta:0' shape=(3, 1) dtype=float32_ref>");
    const [importedVar] = tf.globalVariables();
    expect(importedVar).toBeInstanceOf(Variable);
    expect(tf.trainableVariables()).toEqual([importedVar]);
    expect(String(importedVar)).toBe("<tf.Variable 'theta:0' shape=(3, 1) dtype=float32_ref>");
    expect(importedVar.asGraphElement()).toBe(importedTheta);
    expect(imported.saverDef).toEqual(saver.saverDef);
    const [train] = graph.getCollection<tf.Operation>("train_op");
    expect(train.name).toBe("GradientDescent");

    const [summary] = graph.getCollection<tf.Tensor>("summaries");
    expect(summary.name).toBe("MSE:0");

    tf.withSession(tf.Session(), (s) => {
      imported.restore(s, prefix);
      expect(valuesOf(s.run(importedTheta))).toEqual(savedTheta);
      const summaryBytes = ((s.run(summary) as tf.NDArray).data as Uint8Array[])[0];
      expect(pbDecode("Summary", summaryBytes)).toEqual({ value: [{ tag: "MSE", simpleValue: savedMse }] });
      s.run(train);
      expect(valuesOf(s.run(importedTheta))).toEqual(oneMoreStep);
      // the imported saver saves too, and new ops get fresh names around the imported ones
      expect(imported.save(s, path.join(dir, "again"))).toBe(path.join(dir, "again"));
      expect(Saver().saverDef.restoreOpName).toBe("save_1/restore_all");
    });
  });

  test("a missing or unreadable .meta file", () => {
    const dir = tempDir();
    tf.resetDefaultGraph();
    expect(() => tf.train.importMetaGraph(path.join(dir, "nope.meta"))).toThrow(
      `File ${dir}/nope.meta does not exist.`,
    );
    fs.writeFileSync(path.join(dir, "bad.meta"), Buffer.from([0x0a, 0xff, 0x01]));
    expect(() => tf.train.importMetaGraph(path.join(dir, "bad.meta"))).toThrow(
      /^Cannot parse file .*bad\.meta: /,
    );
  });

  test("exportMetaGraph writes what importMetaGraph reads; without a SaverDef a new Saver is made", () => {
    const dir = tempDir();
    buildRegression();
    const file = path.join(dir, "sub", "graph.meta");
    const meta = tf.train.exportMetaGraph(file);
    expect(meta.saverDef).toBeUndefined();
    expect(fs.existsSync(file)).toBe(true);
    tf.resetDefaultGraph();
    const saver = tf.train.importMetaGraph(file)!;
    expect(saver.saverDef.restoreOpName).toBe("save/restore_all");
    expect(tf.getDefaultGraph().getOperationByName("save/SaveV2").type).toBe("SaveV2");
  });
});
