import * as path from "node:path";
import * as vm from "node:vm";
import { LessonContext, OutputStream } from "../../lessons/runner/cellRunner";

const kitRoot = path.resolve(__dirname, "..", "..");
const lessonFile = path.join(kitRoot, "tests/fixtures/lessons/shared-state.md");
const cell = (number: number, code: string, timeoutSeconds?: number) => ({
  number,
  code,
  flags: { timeoutSeconds },
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("output reaches the live listener as it is printed, tagged by stream", async () => {
  const seen: [string, OutputStream][] = [];
  const context = new LessonContext({
    kitRoot,
    lessonFile,
    onOutput: (text, stream) => seen.push([text, stream]),
  });
  const result = await context.run(
    cell(1, 'console.log("a"); console.warn("b"); process.stdout.write("c");'),
  );
  expect(seen).toEqual([
    ["a\n", "stdout"],
    ["b\n", "stderr"],
    ["c", "stdout"],
  ]);
  expect(result).toMatchObject({ output: "a\nb\nc", timedOut: false });
  context.dispose();
});

test("the runner's own writes to stdout while showing output are not captured as the cell's", async () => {
  const terminal = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    const context = new LessonContext({
      kitRoot,
      lessonFile,
      onOutput: (text) => process.stdout.write(`[shown] ${text}`),
    });
    const result = await context.run(cell(1, 'console.log("once")'));
    context.dispose();
    expect(result.output).toBe("once\n");
    expect(terminal.mock.calls.map((c) => c[0])).toEqual(["[shown] once\n"]);
  } finally {
    terminal.mockRestore();
  }
});

test("a thrown non-Error value is still shown", async () => {
  const context = new LessonContext({ kitRoot, lessonFile });
  const result = await context.run(cell(1, 'throw "plain string";'));
  expect(result.error).toEqual({ name: "Thrown value", message: '"plain string"' });
  context.dispose();
});

test("timeout=SECONDS on the cell overrides the default limit", async () => {
  const context = new LessonContext({ kitRoot, lessonFile, defaultTimeoutMs: 50 });
  const busy = (ms: number) => `const until = Date.now() + ${ms}; while (Date.now() < until) {}`;
  expect((await context.run(cell(1, busy(200)))).timedOut).toBe(true);
  expect((await context.run(cell(2, busy(200), 5))).timedOut).toBe(false);
  context.dispose();
});

test("dispose cancels timers a lesson left running", async () => {
  const context = new LessonContext({ kitRoot, lessonFile });
  await context.run(
    cell(1, "var ticks = 0; setInterval(() => ticks++, 2); setTimeout(() => (ticks += 1000), 40);"),
  );
  await sleep(20);
  context.dispose();
  const ticks = () =>
    vm.runInContext("ticks", (context as unknown as { sandbox: { context: vm.Context } }).sandbox.context);
  const atDispose = ticks();
  expect(atDispose).toBeGreaterThan(0);
  await sleep(60);
  expect(ticks()).toBe(atDispose);
});

test("each lesson run starts from fresh module state", async () => {
  const first = new LessonContext({ kitRoot, lessonFile });
  const second = new LessonContext({ kitRoot, lessonFile });
  const code =
    'import { triple } from "./helpers/triple"; const m = require("./helpers/triple"); m.runs = (m.runs ?? 0) + 1; console.log(m.runs, triple(1));';
  expect((await first.run(cell(1, code))).output).toBe("1 3\n");
  expect((await first.run(cell(1, code))).output).toBe("2 3\n");
  expect((await second.run(cell(1, code))).output).toBe("1 3\n");
  first.dispose();
  second.dispose();
});
