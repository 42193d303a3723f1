/** Request validation with valibot: a 400 that names the offending field. */
import type { NextFunction, Request, Response } from 'express';
import * as v from 'valibot';

/** A client error the API answers with its status and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Parse `input` with `schema`, or throw a 400 naming the first bad field. */
export function validate<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  where: 'query' | 'body',
): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue ? (v.getDotPath(issue) ?? undefined) : undefined;
  // A query parameter is named as a whole, even when one item of its list is wrong.
  const field = where === 'query' ? path?.split('.')[0] : path;
  const message =
    issue?.type === 'strict_object' ? 'is not a known field' : (issue?.message ?? 'is invalid');
  throw new ApiError(
    400,
    field ? `${where} field ${field}: ${message}` : `${where}: ${message}`,
    field,
  );
}

/** Express error handler: ApiError → its status, anything else → 500 without details. */
export function errorHandler(
  err: Error & { status?: number; type?: string },
  _req: Request,
  res: Response,
  _next: NextFunction,
): void {
  if (err instanceof ApiError) {
    res.status(err.status).json({ error: err.message, ...(err.field ? { field: err.field } : {}) });
  } else if (err.type === 'entity.parse.failed') {
    res.status(400).json({ error: 'body: not valid JSON' });
  } else if (err.status && err.status < 500) {
    res.status(err.status).json({ error: err.message });
  } else {
    res.status(500).json({ error: 'internal error' });
  }
}
