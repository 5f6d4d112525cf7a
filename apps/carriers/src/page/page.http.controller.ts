import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { ApiError, PAGE_CSP } from '@paxscreen/http';

import { PAGE_ASSETS } from '../tokens';
import type { PageAsset } from './page-assets';

/** The page's policy: paxscreen's strict page CSP (its own script, style and API only). */
export const CARRIERS_CSP: Record<string, string[] | null> = { ...PAGE_CSP };

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
