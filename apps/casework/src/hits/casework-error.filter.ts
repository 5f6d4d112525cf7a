import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { CaseworkError } from '@paxscreen/casework';

/** A refused casework action: `{ code, message, requestId, current? }` (409s carry the hit as it is now). */
@Catch(CaseworkError)
export class CaseworkErrorFilter implements ExceptionFilter {
  catch(err: CaseworkError, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply
      .status(err.status)
      .header('content-type', 'application/json; charset=utf-8')
      .send({
        code: err.code,
        message: err.message,
        requestId: String(request.id),
        ...(err.current ? { current: err.current } : {}),
      });
  }
}
