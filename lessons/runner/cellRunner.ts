/**
 * Runs the cells of one lesson, in order, in one shared vm context, and captures what each prints
 * (console.*, process.stdout.write, process.stderr.write).
 */
import { Console } from "node:console";
import { Writable } from "node:stream";
import * as vm from "node:vm";
import { createSandbox, Sandbox } from "./sandbox";
import { DEFAULT_HELPER, IMPORT_HELPER, transpileCell } from "./transpileCell";
import { describeError, ErrorSummary } from "./errors";

/** Time a cell may run unless its fence says otherwise (```ts timeout=SECONDS). */
export const DEFAULT_CELL_TIMEOUT_MS = 60_000;

export type OutputStream = "stdout" | "stderr";

export interface RunnableCell {
  number: number;
  code: string;
  flags: { timeoutSeconds?: number };
}

export interface CellResult {
  /** Everything the cell printed, in order; when it threw, `Name: message` is the last line. */
  output: string;
  error?: ErrorSummary;
  timedOut: boolean;
  durationMs: number;
}

export interface LessonContextOptions {
  kitRoot: string;
  /** The lesson's Markdown file: cells' relative imports resolve from its folder. */
  lessonFile: string;
  defaultTimeoutMs?: number;
  /** Receives output as it is printed, to show it live. */
  onOutput?: (text: string, stream: OutputStream) => void;
  /** Let Ctrl-C stop a running cell (interactive use). */
  breakOnSigint?: boolean;
}

export class CellTimeoutError extends Error {
  constructor(cellNumber: number, seconds: number) {
    super(
      `cell ${cellNumber} was still running after ${seconds} s and was stopped; if it really needs longer, mark it \`\`\`ts timeout=${seconds * 2}`,
    );
    this.name = "CellTimeoutError";
  }
}

export class LessonContext {
  private readonly sandbox: Sandbox;
  private capture: string[] | undefined;
  private echoing = false;
  private readonly scripts = new Map<string, { script: vm.Script; isAsync: boolean }>();

  constructor(private readonly options: LessonContextOptions) {
    const sink = (stream: OutputStream) =>
      new Writable({
        write: (chunk: Buffer | string, _encoding, done) => {
          this.emit(chunk.toString(), stream);
          done();
        },
      });
    const console = new Console({ stdout: sink("stdout"), stderr: sink("stderr"), colorMode: false });
    this.sandbox = createSandbox({ kitRoot: options.kitRoot, cellFile: options.lessonFile, console });
    const req = this.sandbox.require;
    Object.assign(this.sandbox.context, {
      [IMPORT_HELPER]: (id: string) => req(id),
      [DEFAULT_HELPER]: (m: { __esModule?: boolean; default?: unknown } | undefined) =>
        m && m.__esModule ? m.default : m,
    });
  }

  async run(cell: RunnableCell): Promise<CellResult> {
    const started = Date.now();
    const timeoutMs =
      cell.flags.timeoutSeconds !== undefined
        ? cell.flags.timeoutSeconds * 1000
        : (this.options.defaultTimeoutMs ?? DEFAULT_CELL_TIMEOUT_MS);
    const printed: string[] = [];
    this.capture = printed;
    const echoing = () => this.echoing;
    const restore = [
      redirect(process.stdout, (t) => this.emit(t, "stdout"), echoing),
      redirect(process.stderr, (t) => this.emit(t, "stderr"), echoing),
    ];
    let error: ErrorSummary | undefined;
    let timedOut = false;
    try {
      const { script, isAsync } = this.compile(cell);
      const value = script.runInContext(this.sandbox.context, {
        timeout: timeoutMs,
        breakOnSigint: this.options.breakOnSigint ?? false,
      });
      if (isAsync)
        await settleWithin(
          value as Promise<unknown>,
          timeoutMs - (Date.now() - started),
          () => new CellTimeoutError(cell.number, timeoutMs / 1000),
        );
    } catch (e) {
      const code = (e as NodeJS.ErrnoException | undefined)?.code;
      timedOut = e instanceof CellTimeoutError || code === "ERR_SCRIPT_EXECUTION_TIMEOUT";
      if (timedOut) error = describeError(new CellTimeoutError(cell.number, timeoutMs / 1000));
      else if (code === "ERR_SCRIPT_EXECUTION_INTERRUPTED")
        error = { name: "Interrupted", message: `cell ${cell.number} was stopped by Ctrl-C` };
      else error = describeError(e);
    } finally {
      for (const undo of restore) undo();
      this.capture = undefined;
    }
    let output = printed.join("");
    if (error) {
      const line = `${error.name}: ${error.message}\n`;
      output += (output === "" || output.endsWith("\n") ? "" : "\n") + line;
    }
    return { output, error, timedOut, durationMs: Date.now() - started };
  }

  /** Stops what the lesson left running (timers); the context is not used afterwards. */
  dispose(): void {
    this.sandbox.dispose();
  }

  private compile(cell: RunnableCell) {
    let compiled = this.scripts.get(cell.code);
    if (!compiled) {
      const { code, isAsync } = transpileCell(cell.code);
      compiled = { script: new vm.Script(code, { filename: `cell-${cell.number}.ts` }), isAsync };
      this.scripts.set(cell.code, compiled);
    }
    return compiled;
  }

  private emit(text: string, stream: OutputStream) {
    this.capture?.push(text);
    // While output is shown live, writes to stdout are the runner's own, not the cell's.
    this.echoing = true;
    try {
      this.options.onOutput?.(text, stream);
    } finally {
      this.echoing = false;
    }
  }
}

/**
 * Sends a stream's writes to `sink` until the returned function is called. Writes made while the
 * sink itself runs (the runner showing output live on this very stream) go through unchanged.
 */
function redirect(
  stream: NodeJS.WriteStream,
  sink: (text: string) => void,
  passThrough: () => boolean,
): () => void {
  const own = Object.getOwnPropertyDescriptor(stream, "write");
  const original = stream.write;
  stream.write = function (this: NodeJS.WriteStream, chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (passThrough())
      return (original as (...args: unknown[]) => boolean).call(stream, chunk, encoding, callback);
    sink(
      typeof chunk === "string"
        ? chunk
        : Buffer.from(chunk as Uint8Array).toString(
            typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8",
          ),
    );
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") process.nextTick(done as () => void);
    return true;
  } as typeof stream.write;
  return () => {
    if (own) Object.defineProperty(stream, "write", own);
    else delete (stream as { write?: unknown }).write;
  };
}

function settleWithin(promise: Promise<unknown>, ms: number, timeoutError: () => Error): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), Math.max(ms, 0));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
