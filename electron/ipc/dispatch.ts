import type { z } from 'zod';

import { type ErrorCode, type Handlers, listChannels, type Result } from './contract.ts';

/** An expected failure a handler reports to the caller, with a code and a message a user can read. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Turns a schema failure into one readable sentence, naming the field at fault. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Calls one channel by wire name: validates the raw input, runs the handler, and wraps the outcome in a Result. */
export type Dispatch = (channelName: string, rawInput: unknown) => Promise<Result<unknown>>;

/**
 * Builds the dispatcher shared by Electron's ipcMain wiring and the test harness, so both run the same validation.
 * Unexpected errors are reported as `internal` and logged; they are never swallowed.
 */
export function createDispatch(handlers: Handlers, log: (error: unknown) => void = console.error): Dispatch {
  const routes = new Map<string, { schema: z.ZodType; run: (input: unknown) => unknown }>();
  for (const { group, verb, spec } of listChannels()) {
    const handler = (handlers as unknown as Record<string, Record<string, (input: unknown) => unknown>>)[group]?.[verb];
    if (!handler) throw new Error(`no handler for channel ${spec.name}`);
    routes.set(spec.name, { schema: spec.input, run: handler });
  }
  return async (channelName, rawInput) => {
    const route = routes.get(channelName);
    if (!route) return failure('invalid-input', `unknown channel ${String(channelName)}`);
    const parsed = route.schema.safeParse(rawInput);
    if (!parsed.success) return failure('invalid-input', `invalid input for ${channelName}: ${describeIssues(parsed.error)}`);
    try {
      return { ok: true, value: await route.run(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return failure(error.code, error.message);
      log(error);
      return failure('internal', `${channelName} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
