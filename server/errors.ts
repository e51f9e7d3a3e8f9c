/** An error with an HTTP status, a stable code for scripts, and a locale key for people. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
  }
}

type Params = Record<string, string | number>;

/** 400: the request is malformed or a field is invalid. */
export const badRequest = (code: string, messageKey = 'badRequest', params: Params = {}) =>
  new AppError(400, code, messageKey, params);
/** 400 naming the offending field. */
export const invalidField = (field: string) => new AppError(400, 'invalid_field', 'invalidField', { field });
/** 401: not signed in, or bad credentials. */
export const unauthenticated = (messageKey = 'unauthenticated') => new AppError(401, 'unauthenticated', messageKey);
/** 403: signed in but not permitted. */
export const forbidden = (messageKey = 'forbidden') => new AppError(403, 'forbidden', messageKey);
/** 404: unknown thing. */
export const notFound = (code = 'not_found', messageKey = 'notFound', params: Params = {}) =>
  new AppError(404, code, messageKey, params);
/** 405. */
export const methodNotAllowed = () => new AppError(405, 'method_not_allowed', 'methodNotAllowed');
/** 413: body too large. */
export const tooLarge = (limit: number) => new AppError(413, 'too_large', 'bodyTooLarge', { limit });
/** 413: one field of the body is larger than its limit (`messageKey` says in what unit). */
export const fieldTooLarge = (field: string, limit: number, messageKey = 'fieldTooLong') =>
  new AppError(413, 'field_too_large', messageKey, { field, limit });
/** 415: the body is not JSON. */
export const unsupportedMediaType = () => new AppError(415, 'unsupported_media_type', 'jsonRequired');
/** 429: slow down (sign-in attempts by default). */
export const tooManyRequests = (seconds: number, messageKey = 'tooManyAttempts') =>
  new AppError(429, 'too_many_requests', messageKey, { seconds });
