/** The JSON the board's server sends and its page reads. */

/** `GET /api/runs` */
export interface RunsResponse {
  logdir: string;
  /** Set when the log directory cannot be read (missing, not a directory...). */
  error?: string;
  runs: RunInfo[];
}

export interface RunInfo {
  /** Path relative to the log directory ("." for the log directory itself). */
  name: string;
  tags: TagInfo[];
  /** Changes whenever a new graph event is read, so the page knows to fetch it again. */
  graphVersion: number;
  /** Set when one of the run's files is corrupted; what was read before the damage is kept. */
  error?: string;
}

export interface TagInfo {
  tag: string;
  /** Number of points so far; the page refetches a series when this grows. */
  points: number;
  lastStep: number;
}

/** `GET /api/scalars?run=&tag=`: `[wallTime, step, value]` triples, in file order (as TensorBoard). */
export interface ScalarsResponse {
  run: string;
  tag: string;
  points: [number, number, number][];
}

/** `GET /api/graph?run=` */
export interface GraphResponse {
  run: string;
  nodes: NodeInfo[];
}

/** What the graph view shows about one node. */
export interface NodeInfo {
  name: string;
  op: string;
  inputs: string[];
  device?: string;
  /** The node's type attr (`T`, `dtype`, ...), e.g. `float32`. */
  dtype?: string;
  /** One per output, from `_output_shapes`: `[?,7]`, `[]` for a scalar, `<unknown>` for unknown rank. */
  shapes?: string[];
  /** Other attributes, printed short. */
  attrs: Record<string, string>;
}
