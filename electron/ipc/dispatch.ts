import type { z } from 'zod';

import { type ErrorCode, type Handlers, listChannels, type Result } from '../../common/contract.ts';
import { describeIssues, excerpt } from '../../common/input-issues.ts';

/** An expected failure a handler reports to the caller, with a code and a message a user can read. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

/** Calls one channel by wire name: validates the raw input, runs the handler, and wraps the outcome in a Result. */
export type Dispatch = (channelName: string, rawInput: unknown) => Promise<Result<unknown>>;

/**
 * Builds the dispatcher shared by Electron's ipcMain wiring and the test harness, so both run the same validation.
 * Unexpected errors are reported as `internal` and given to `log` (the caller's logger); they are never swallowed.
 */
export function createDispatch(handlers: Handlers, log: (error: unknown) => void): Dispatch {
  const routes = new Map<string, { schema: z.ZodType; run: (input: unknown) => unknown }>();
  for (const { group, verb, spec } of listChannels()) {
    const handler = (handlers as unknown as Record<string, Record<string, (input: unknown) => unknown>>)[group]?.[verb];
    if (!handler) throw new Error(`no handler for channel ${spec.name}`);
    routes.set(spec.name, { schema: spec.input, run: handler });
  }
  return async (channelName, rawInput) => {
    const route = typeof channelName === 'string' ? routes.get(channelName) : undefined;
    if (!route) return failure('invalid-input', `unknown channel ${excerpt(String(channelName))}`);
    const parsed = route.schema.safeParse(rawInput);
    if (!parsed.success) return failure('invalid-input', describeIssues(parsed.error));
    try {
      return { ok: true, value: await route.run(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return failure(error.code, error.message);
      // A bug or an unforeseen failure: the details go to the log for whoever fixes it; the user gets words they can
      // act on. Data calls run in transactions, so "nothing was changed" is true.
      log(error);
      return failure('internal', 'Something went wrong, and nothing was changed. The details are in Marginalia’s log.');
    }
  };
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
