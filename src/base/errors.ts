/**
 * TF's error classes. `OpError` subclasses carry TF's canonical codes; plain Python exceptions
 * (ValueError, TypeError, KeyError, RuntimeError) map to classes of the same name so learners
 * can match on the names the book shows.
 */

/**
 * Base class of the errors a running op raises, each with TF's canonical error code.
 * Mirrors TF 1.x `tf.errors.OpError` (tensorflow/python/framework/errors_impl.py, class `OpError`).
 * @example
 * ```ts
 * const x = tf.placeholder(tf.float32, [], { name: "x" });
 * try {
 *   tf.withSession(tf.Session(), (sess) => sess.run(x));
 * } catch (e) {
 *   if (e instanceof tf.OpError) console.log(e.code, e.nodeName); // 3 "x"
 * }
 * ```
 */
export class OpError extends Error {
  /**
   * @param message - TF's message text.
   * @param code - The canonical code (see the subclasses).
   * @param nodeName - Name of the node that failed, when known.
   */
  constructor(
    message: string,
    /**
     * TF's canonical error code (`error_codes.proto`): 3 for INVALID_ARGUMENT, 9 for
     * FAILED_PRECONDITION...
     */
    readonly code: number,
    /** Name of the node that failed, when known. */
    readonly nodeName?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

const opError = (code: number) =>
  class extends OpError {
    constructor(message: string, nodeName?: string) {
      super(message, code, nodeName);
    }
  };

/**
 * TF's `tf.errors.CancelledError`, code CANCELLED (1): an operation was cancelled.
 * Mirrors tensorflow/python/framework/errors_impl.py, class `CancelledError`.
 */
export class CancelledError extends opError(1) {}
/**
 * TF's `tf.errors.UnknownError`, code UNKNOWN (2): an error with no better class.
 * Mirrors tensorflow/python/framework/errors_impl.py, class `UnknownError`.
 */
export class UnknownError extends opError(2) {}
/**
 * TF's `tf.errors.InvalidArgumentError`, code INVALID_ARGUMENT (3): an op received a bad value, e.g. a
 * placeholder that was not fed or a shape that does not fit.
 * Mirrors tensorflow/python/framework/errors_impl.py, class `InvalidArgumentError`.
 */
export class InvalidArgumentError extends opError(3) {}
/**
 * TF's `tf.errors.DeadlineExceededError`, code DEADLINE_EXCEEDED (4): a deadline passed before the
 * operation finished.
 * Mirrors tensorflow/python/framework/errors_impl.py, class `DeadlineExceededError`.
 */
export class DeadlineExceededError extends opError(4) {}
/**
 * TF's `tf.errors.NotFoundError`, code NOT_FOUND (5): a file, or a tensor in a checkpoint, does not exist.
 * Mirrors tensorflow/python/framework/errors_impl.py, class `NotFoundError`.
 */
export class NotFoundError extends opError(5) {}
/**
 * TF's `tf.errors.AlreadyExistsError`, code ALREADY_EXISTS (6): something to create already exists.
 * Mirrors tensorflow/python/framework/errors_impl.py, class `AlreadyExistsError`.
 */
export class AlreadyExistsError extends opError(6) {}
/**
 * TF's `tf.errors.PermissionDeniedError`, code PERMISSION_DENIED (7): the caller may not do the operation
 * (e.g. a file it cannot write).
 * Mirrors tensorflow/python/framework/errors_impl.py, class `PermissionDeniedError`.
 */
export class PermissionDeniedError extends opError(7) {}
/**
 * TF's `tf.errors.ResourceExhaustedError`, code RESOURCE_EXHAUSTED (8): memory or another resource ran out.
 * Mirrors tensorflow/python/framework/errors_impl.py, class `ResourceExhaustedError`.
 */
export class ResourceExhaustedError extends opError(8) {}
/**
 * TF's `tf.errors.FailedPreconditionError`, code FAILED_PRECONDITION (9): the system is not in the state
 * the op needs, e.g. a variable used before it is initialized.
 * Mirrors tensorflow/python/framework/errors_impl.py, class `FailedPreconditionError`.
 */
export class FailedPreconditionError extends opError(9) {}
/**
 * TF's `tf.errors.AbortedError`, code ABORTED (10): an operation was aborted.
 * Mirrors tensorflow/python/framework/errors_impl.py, class `AbortedError`.
 */
export class AbortedError extends opError(10) {}
/**
 * TF's `tf.errors.OutOfRangeError`, code OUT_OF_RANGE (11): an iteration went past its end.
 * Mirrors tensorflow/python/framework/errors_impl.py, class `OutOfRangeError`.
 */
export class OutOfRangeError extends opError(11) {}
/**
 * TF's `tf.errors.UnimplementedError`, code UNIMPLEMENTED (12): the engine (or TF) does not support the
 * operation, e.g. a compressed checkpoint block.
 * Mirrors tensorflow/python/framework/errors_impl.py, class `UnimplementedError`.
 */
export class UnimplementedError extends opError(12) {}
/**
 * TF's `tf.errors.InternalError`, code INTERNAL (13): an invariant of the engine itself broke.
 * Mirrors tensorflow/python/framework/errors_impl.py, class `InternalError`.
 */
export class InternalError extends opError(13) {}
/**
 * TF's `tf.errors.UnavailableError`, code UNAVAILABLE (14): a service is not available for now.
 * Mirrors tensorflow/python/framework/errors_impl.py, class `UnavailableError`.
 */
export class UnavailableError extends opError(14) {}
/**
 * TF's `tf.errors.DataLossError`, code DATA_LOSS (15): a file is corrupt or truncated (bad CRC, bad table
 * footer, short record).
 * Mirrors tensorflow/python/framework/errors_impl.py, class `DataLossError`.
 */
export class DataLossError extends opError(15) {}

/** A Python exception class: its `name` is the Python class name, so it prints as TF's does. */
const pythonError = (pyName: string) =>
  class extends Error {
    constructor(message: string) {
      super(message);
      this.name = pyName;
    }
  };

/** Python's ValueError: bad arguments caught while building or before running. */
export class ValueError extends pythonError("ValueError") {}
/** Python's KeyError (graph lookups by name). */
export class KeyError extends pythonError("KeyError") {}
/** Python's RuntimeError (closed or empty sessions, finalized graphs). */
export class RuntimeError extends pythonError("RuntimeError") {}
/** Python's LookupError (an op type with no gradient registered). */
export class LookupError extends pythonError("LookupError") {}
/** Python's AssertionError (`reset_default_graph` inside a nested graph). */
export class AssertionError extends pythonError("AssertionError") {}
/** Python's IOError, printed as OSError (a meta graph file that is missing or unreadable). */
export class OSError extends pythonError("OSError") {}

/** Python's TypeError is JavaScript's own `TypeError`; re-exported so all error classes live in one place. */
export const PyTypeError = TypeError;
