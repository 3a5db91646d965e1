/**
 * The scan's rules, by id: apart from the scanner (grader/engine/scan.ts) so that the manifest can
 * check `scanAllow` without loading the TypeScript compiler the scanner parses with.
 */
export interface Rule {
  id: string;
  message: string;
}

export const RULES = {
  childProcess: { id: "child-process", message: "starts processes or threads" },
  network: { id: "network", message: "uses the network" },
  fsWrite: { id: "fs-write", message: "writes, moves or deletes files" },
  fsPatch: { id: "fs-patch", message: "replaces a function of a core module" },
  processExit: { id: "process-exit", message: "ends or signals the process" },
  internals: { id: "node-internals", message: "reaches into Node or module internals" },
  framework: { id: "test-framework", message: "touches the test framework" },
  dynamicCode: { id: "dynamic-code", message: "builds code from strings or escapes its context" },
  dynamicRequire: { id: "dynamic-require", message: "loads a module whose name is computed" },
  graderFiles: { id: "grader-files", message: "names grader, suite or solution files" },
} satisfies Record<string, Rule>;

/** Every rule id the scan reports; a manifest's `scanAllow` names some of them. */
export const SCAN_RULE_IDS: readonly string[] = [...Object.values(RULES).map((r) => r.id), "scan-skipped"];
