import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { ApiError } from '../api-error';
import { CarrierKeyLookup } from './carrier-keys';

export interface CarrierRequest extends FastifyRequest {
  carrier?: string;
}

/** Carrier endpoints: `x-api-key` must be a known key; the request then acts for its carrier only. */
@Injectable()
export class CarrierAuthGuard implements CanActivate {
  constructor(@Inject(CarrierKeyLookup) private readonly keys: CarrierKeyLookup) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CarrierRequest>();
    const header = request.headers['x-api-key'];
    const carrier = await this.keys.carrierFor(typeof header === 'string' ? header : undefined);
    if (!carrier)
      throw new ApiError(401, 'UNAUTHENTICATED', 'a valid carrier API key is required (x-api-key)');
    request.carrier = carrier;
    return true;
  }
}
