import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { ApiError } from '@paxscreen/http';

import { PAGE_ASSETS } from '../tokens';
import type { PageAsset } from './page-assets';

/** The page's policy: its own script, style and API only; no inline code, no other origin, no framing. */
export const CARRIERS_CSP: Record<string, string[] | null> = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** The staff page and its files load without a token: they hold no data (the API calls need one). */
@ApiExcludeController()
@Controller()
export class PageHttpController {
  constructor(@Inject(PAGE_ASSETS) private readonly assets: Map<string, PageAsset>) {}

  @Get()
  page(@Res() reply: FastifyReply): void {
    this.send('index.html', reply);
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() reply: FastifyReply): void {
    if (name === 'index.html' || !this.assets.has(name))
      throw new ApiError(404, 'NOT_FOUND', 'no such asset');
    this.send(name, reply);
  }

  private send(name: string, reply: FastifyReply): void {
    const asset = this.assets.get(name)!;
    void reply
      .header('etag', asset.etag)
      .header('cache-control', 'no-cache')
      .status(200)
      .type(asset.contentType)
      .send(asset.body);
  }
}
