import type { ErrorCode, Result } from '../../common/contract.ts';

/** A failed call, carrying the main process's code and its user-readable message. */
class ApiError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** The value of a Result, or an ApiError with its message; call sites then use plain try/catch. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message);
}

/** A sentence for the status area from anything a call may have thrown (a Result error or a broken bridge). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Whether main's refusal stands however often the call is sent again: what it needs is gone (not-found), a newer
 * change is in the way (conflict), or it is not allowed at all. A full disk or a storage error may pass.
 */
export function isLastingRefusal(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'not-found' ||
      error.code === 'conflict' ||
      error.code === 'forbidden' ||
      error.code === 'invalid-input')
  );
}
