/** The single error type of use cases; the HTTP error handler maps each code to a status and a page. */
export type AppErrorCode =
  | 'not_found'
  | 'validation'
  | 'bad_request'
  | 'forbidden'
  | 'csrf'
  | 'conflict'
  | 'rate_limited'
  | 'unsupported_media_type';

export const statusByCode: Record<AppErrorCode, number> = {
  not_found: 404,
  validation: 400,
  bad_request: 400,
  forbidden: 403,
  csrf: 403,
  conflict: 409,
  rate_limited: 429,
  unsupported_media_type: 415,
};

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
