/**
 * One vm context per lesson run, with its own CommonJS loader.
 *
 * The kit (and the packages it uses) are loaded *inside* the lesson's context rather than taken
 * from the runner's: arrays and typed arrays a cell creates then come from the same realm as the
 * engine code that checks them (a `[1, 2]` written in a cell is an `Array` to the engine), and each
 * lesson run starts with fresh engine state (default graph, name counters). This is the set-up Jest
 * gives the kit's own tests, so a lesson behaves like a test of the same code.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { createRequire, isBuiltin } from "node:module";
import { transpileModule } from "./transpileModule";

export interface SandboxOptions {
  /** Folder holding the kit's package.json; "tensorlings" and its subpaths resolve from there. */
  kitRoot: string;
  /** File cells are treated as living in: their relative imports resolve from its folder. */
  cellFile: string;
  /** The console cells (and everything loaded into the context) see. */
  console: Console;
}

export interface Sandbox {
  context: vm.Context;
  /** `require` as seen from a cell. */
  require: (id: string) => unknown;
  /** Cancels the timers the lesson left running, so a finished lesson does not keep the process alive. */
  dispose(): void;
}

type ModuleRecord = { exports: unknown; loaded: boolean; id: string; filename: string; children: unknown[] };

// Same choice as jest-environment-node: Buffers from Node's APIs must pass `instanceof Uint8Array`.
const SHARED_INTRINSICS = ["ArrayBuffer", "Uint8Array", "Buffer"] as const;

export function createSandbox(options: SandboxOptions): Sandbox {
  const context = vm.createContext({}, { name: `lesson ${path.basename(options.cellFile)}` });
  installHostGlobals(context);
  // Node defines Symbol.dispose/asyncDispose on the host realm only; `using` and the engine's
  // `[Symbol.dispose]` methods need the same symbols inside the lesson's context.
  const contextSymbol = vm.runInContext("Symbol", context) as Record<string, symbol>;
  for (const key of ["dispose", "asyncDispose"] as const) {
    const sym = (Symbol as unknown as Record<string, symbol>)[key];
    if (sym && !contextSymbol[key]) Object.defineProperty(contextSymbol, key, { value: sym });
  }
  const aliases = packageAliases(options.kitRoot);
  const contextJsonParse = vm.runInContext("JSON.parse", context) as (text: string) => unknown;
  const newModule = vm.runInContext(
    "(id, filename) => ({ id, filename, exports: {}, loaded: false, children: [] })",
    context,
  ) as (id: string, filename: string) => ModuleRecord;
  const cache = new Map<string, ModuleRecord>();

  const resolve = (id: string, parentFile: string): string => {
    const alias = aliases.get(id);
    if (alias) return alias;
    if (id.startsWith("./") || id.startsWith("../") || path.isAbsolute(id) || id === "." || id === "..") {
      const found = probeFile(path.resolve(path.dirname(parentFile), id));
      if (!found) throw moduleNotFound(id, parentFile);
      return found;
    }
    try {
      return createRequire(parentFile).resolve(id);
    } catch {
      throw moduleNotFound(id, parentFile);
    }
  };

  const load = (id: string, parentFile: string): unknown => {
    if (id.startsWith("node:") || isBuiltin(id)) return require(id);
    const filename = resolve(id, parentFile);
    const cached = cache.get(filename);
    if (cached) return cached.exports;
    const ext = path.extname(filename);
    // Native addons and ES modules cannot be evaluated by this loader; the runner's Node loads them.
    if (ext === ".node" || ext === ".mjs") return require(filename);
    const record = newModule(filename, filename);
    cache.set(filename, record);
    try {
      if (ext === ".json") record.exports = contextJsonParse(fs.readFileSync(filename, "utf8"));
      else evaluate(filename, record);
    } catch (e) {
      cache.delete(filename);
      throw e;
    }
    record.loaded = true;
    return record.exports;
  };

  const requireFrom = (parentFile: string) => {
    const req = (id: string) => load(id, parentFile);
    req.resolve = (id: string) => resolve(id, parentFile);
    req.cache = cache;
    return req;
  };

  const evaluate = (filename: string, record: ModuleRecord) => {
    const source = fs.readFileSync(filename, "utf8");
    const code = /\.[cm]?tsx?$/.test(filename)
      ? transpileModule(source, filename)
      : source.replace(/^#!.*/, "");
    const wrapper = vm.compileFunction(code, ["exports", "require", "module", "__filename", "__dirname"], {
      filename,
      parsingContext: context,
    });
    wrapper.call(
      record.exports,
      record.exports,
      requireFrom(filename),
      record,
      filename,
      path.dirname(filename),
    );
  };

  const cellRequire = requireFrom(options.cellFile);
  Object.assign(context, { console: options.console, require: cellRequire });
  return { context, require: cellRequire, dispose: trackTimers(context) };
}

/** Replaces the context's timer functions with ones that remember what is pending. */
function trackTimers(context: vm.Context): () => void {
  const pending = new Set<NodeJS.Timeout | NodeJS.Immediate>();
  const track =
    <A extends unknown[], H extends NodeJS.Timeout | NodeJS.Immediate>(
      start: (callback: (...args: A) => void, ...rest: any[]) => H,
      once: boolean,
    ) =>
    (callback: (...args: A) => void, ...rest: unknown[]) => {
      const handle: H = start(
        (...args: A) => {
          if (once) pending.delete(handle);
          callback(...args);
        },
        ...rest,
      );
      pending.add(handle);
      return handle;
    };
  const untrack =
    <H>(stop: (handle: H) => void) =>
    (handle: H) => {
      pending.delete(handle as NodeJS.Timeout);
      stop(handle);
    };
  Object.assign(context, {
    setTimeout: track(setTimeout, true),
    setInterval: track(setInterval, false),
    setImmediate: track(setImmediate, true),
    clearTimeout: untrack(clearTimeout),
    clearInterval: untrack(clearInterval),
    clearImmediate: untrack(clearImmediate),
  });
  return () => {
    for (const handle of pending) {
      clearTimeout(handle as NodeJS.Timeout);
      clearInterval(handle as NodeJS.Timeout);
      clearImmediate(handle as NodeJS.Immediate);
    }
    pending.clear();
  };
}

/** Node's globals (process, timers, TextEncoder, …) that a fresh context lacks, read from the runner's realm. */
function installHostGlobals(context: vm.Context): void {
  const host = globalThis as Record<string, unknown>;
  const own = new Set(vm.runInContext("Object.getOwnPropertyNames(globalThis)", context) as string[]);
  for (const name of Object.getOwnPropertyNames(host)) {
    if (own.has(name) || name === "global" || name === "globalThis" || name === "console") continue;
    const descriptor = Object.getOwnPropertyDescriptor(host, name)!;
    // Read lazily: several of Node's globals are getters that load their module on first use.
    Object.defineProperty(context, name, {
      configurable: true,
      enumerable: descriptor.enumerable,
      get: () => host[name],
      set(value) {
        Object.defineProperty(context, name, {
          configurable: true,
          enumerable: descriptor.enumerable,
          writable: true,
          value,
        });
      },
    });
  }
  for (const name of SHARED_INTRINSICS) (context as Record<string, unknown>)[name] = host[name];
  vm.runInContext("globalThis.global = globalThis;", context);
}

/** "tensorlings" → src/index.ts and friends, read from the `exports` map of the kit's package.json. */
function packageAliases(kitRoot: string): Map<string, string> {
  const pkg = JSON.parse(fs.readFileSync(path.join(kitRoot, "package.json"), "utf8")) as {
    name: string;
    exports?: Record<string, unknown>;
  };
  const aliases = new Map<string, string>();
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target !== "string") continue;
    aliases.set(
      subpath === "." ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, "")}`,
      path.join(kitRoot, target),
    );
  }
  return aliases;
}

const PROBE_SUFFIXES = ["", ".ts", ".tsx", ".js", ".cjs", ".json", "/index.ts", "/index.js"];

function probeFile(base: string): string | undefined {
  const candidates = PROBE_SUFFIXES.map((s) => base + s);
  // `./ops.js` written the ES-module way may name a TypeScript source.
  if (/\.[cm]?js$/.test(base)) candidates.push(base.replace(/\.([cm]?)js$/, ".$1ts"));
  return candidates.find((file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile());
}

function moduleNotFound(id: string, parentFile: string): Error {
  const error = new Error(
    `Cannot find module '${id}' (imported from ${path.relative(process.cwd(), parentFile) || parentFile})`,
  );
  (error as NodeJS.ErrnoException).code = "MODULE_NOT_FOUND";
  return error;
}
