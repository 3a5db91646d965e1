/**
 * TF's error classes. `OpError` subclasses carry TF's canonical codes; plain Python exceptions
 * (ValueError, TypeError, KeyError, RuntimeError) map to classes of the same name so learners
 * can match on the names the book shows.
 */

export class OpError extends Error {
  constructor(
    message: string,
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

export class CancelledError extends opError(1) {}
export class UnknownError extends opError(2) {}
export class InvalidArgumentError extends opError(3) {}
export class DeadlineExceededError extends opError(4) {}
export class NotFoundError extends opError(5) {}
export class AlreadyExistsError extends opError(6) {}
export class PermissionDeniedError extends opError(7) {}
export class ResourceExhaustedError extends opError(8) {}
export class FailedPreconditionError extends opError(9) {}
export class AbortedError extends opError(10) {}
export class OutOfRangeError extends opError(11) {}
export class UnimplementedError extends opError(12) {}
export class InternalError extends opError(13) {}
export class UnavailableError extends opError(14) {}
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
