import * as path from "path";

/** A log directory that is itself one run is named after its folder, not ".". */
export function oneRunName(logdir: string): string {
  return path.basename(path.resolve(logdir)) || "run";
}
