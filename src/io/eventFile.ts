/**
 * Appends Event records to a TensorBoard event file (`EventsWriter`,
 * tensorflow/core/util/events_writer.cc):
 * `<logdir>/events.out.tfevents.<10-digit seconds>.<hostname><suffix>`, whose first record is
 * `Event{wall_time: <whole seconds>, file_version: "brain.Event:2"}`.
 *
 * Each framed record goes to the file in one write call, straight to the operating system, so
 * another process (TensorBoard, the curve viewer) sees only whole records, and a process killed
 * between two writes leaves a file every reader accepts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeAll } from "./atomicWrite";
import { encodeEvent } from "./proto/event";
import { encodeRecord } from "./tfrecord";

/**
 * The `file_version` of the first Event of every event file (TF's `kVersionPrefix` + 2, events_writer.cc).
 */
export const FILE_VERSION = "brain.Event:2";

/** Options of {@link EventFileWriter}. */
export interface EventFileWriterOptions {
  /** Appended to the file name; as in TF, giving one opens the file at once. */
  filenameSuffix?: string;
}

/**
 * `events.out.tfevents.<T>.<host><suffix>` with T zero-padded to 10 digits, as TF's
 * `EventsWriter::InitIfNeeded` names the file (tensorflow/core/util/events_writer.cc).
 * @param seconds - The creation time in seconds since the epoch.
 * @param hostname - The host name (this machine's by default).
 * @param suffix - Appended at the end.
 * @returns The file name (no directory).
 * @example
 * ```ts
 * import { eventFileName } from "tensorlings/io";
 * const name = eventFileName(1599759586, "laptop"); // "events.out.tfevents.1599759586.laptop"
 * ```
 */
export function eventFileName(seconds: number, hostname = os.hostname(), suffix = ""): string {
  return `events.out.tfevents.${String(Math.floor(seconds)).padStart(10, "0")}.${hostname}${suffix}`;
}

/**
 * Appends serialized Events to one event file, each as a whole TFRecord in a single write. Mirrors TF's
 * `EventsWriter` (tensorflow/core/util/events_writer.cc); `tf.summary.FileWriter` builds on it.
 * @example
 * ```ts
 * import { EventFileWriter, encodeEvent } from "tensorlings/io";
 * const writer = new EventFileWriter("tf_logs/run-1");
 * const summary = { value: [{ tag: "MSE", simpleValue: 0.5 }] };
 * writer.addEvent(encodeEvent({ wallTime: Date.now() / 1000, step: 1, summary }));
 * writer.close();
 * ```
 */
export class EventFileWriter {
  private fd: number | null = null;
  private filePath: string | null = null;
  private closed = false;
  private readonly suffix: string;

  /**
   * Creates `logdir` if needed. The file itself is created on the first event (or now, with a suffix).
   * @param logdir - The log directory.
   * @param options.filenameSuffix - Appended to the file name.
   * @throws Error (a Node.js system error) when `logdir` cannot be created.
   */
  constructor(
    /** The log directory. */
    readonly logdir: string,
    options: EventFileWriterOptions = {},
  ) {
    this.suffix = options.filenameSuffix ?? "";
    fs.mkdirSync(logdir, { recursive: true });
    if (this.suffix) this.open();
  }

  /** Path of the event file (null until it is created). */
  get path(): string | null {
    return this.filePath;
  }

  /**
   * Appends one serialized Event (see `encodeEvent`) as a TFRecord. Mirrors TF's `EventsWriter::WriteEvent`.
   * @param eventBytes - The serialized Event.
   * @throws Error when the writer is closed.
   */
  addEvent(eventBytes: Uint8Array): void {
    if (this.closed) throw new Error(`EventFileWriter for ${this.logdir} is closed`);
    writeAll(this.open(), encodeRecord(eventBytes));
  }

  /**
   * Nothing to do: records reach the OS as they are added, so other processes already see them.
   * Kept for the FileWriter API; like TF, it neither creates a file nor fsyncs one.
   */
  flush(): void {}

  /** Closes the file; later `addEvent` calls throw. Closing twice is harmless. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  /** Open the file and write the version record, once. */
  private open(): number {
    if (this.fd !== null) return this.fd;
    const seconds = Math.floor(Date.now() / 1000);
    const base = path.join(this.logdir, eventFileName(seconds, os.hostname(), this.suffix));
    // Two writers opened in the same second would get the same name; TF would truncate the other
    // writer's file. Here the second one gets a `.1`, `.2`, ... ending (still a `tfevents` file).
    for (let n = 0; this.fd === null; n++) {
      const candidate = n === 0 ? base : `${base}.${n}`;
      try {
        this.fd = fs.openSync(candidate, "wx");
        this.filePath = candidate;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
    }
    writeAll(this.fd, encodeRecord(encodeEvent({ wallTime: seconds, fileVersion: FILE_VERSION })));
    return this.fd;
  }
}
