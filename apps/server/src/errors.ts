import type { ErrorCode } from '@suocha/contract';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ZodType } from 'zod';

/** An error meant for the client: a stable code, an HTTP status and a message in Chinese and English. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly problems?: readonly {
      code: string;
      message: string;
      file?: string;
      sheet?: string;
      line?: number;
      column?: string;
    }[],
  ) {
    super(message);
  }
}

export function sendError(reply: FastifyReply, e: HttpError): FastifyReply {
  return reply
    .status(e.status)
    .send({ error: { code: e.code, message: e.message, ...(e.problems ? { problems: e.problems } : {}) } });
}

/** Parses request input with a zod schema; failure is a 400 naming each bad field. */
export function parseInput<T>(schema: ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => ({
    code: i.code,
    column: i.path.join('.'),
    message: i.message,
  }));
  throw new HttpError(
    400,
    'BAD_REQUEST',
    `请求参数有误 invalid ${what}: ${problems.map((p) => `${p.column}: ${p.message}`).join('; ')}`,
    problems,
  );
}

/** JSON errors everywhere; unexpected failures are logged with their stack and answered without it. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | Error, request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error);
    const fe = error as FastifyError;
    if (fe.statusCode === 413 || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, new HttpError(413, 'PAYLOAD_TOO_LARGE', '请求体过大 (request body too large)'));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendError(
        reply,
        new HttpError(fe.statusCode, 'BAD_REQUEST', `请求无效 (bad request): ${fe.message}`),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(
      reply,
      new HttpError(
        500,
        'INTERNAL',
        '服务器内部错误 (internal server error); the details are in the server log',
      ),
    );
  });
}
