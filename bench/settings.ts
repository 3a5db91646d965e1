import * as path from "path";

export interface BenchSettings {
  /** Fewer epochs and rounds: the whole bench in well under a minute. */
  quick: boolean;
  /** The kit's root folder. */
  root: string;
}

export const KIT_ROOT = path.resolve(__dirname, "..");
