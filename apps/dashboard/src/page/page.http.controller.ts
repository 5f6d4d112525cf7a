import { Controller, Get, Headers, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { ApiError } from '@paxscreen/http';

import { PAGE_ASSETS } from '../tokens';
import type { PageAsset } from './page-assets';

/**
 * The page and its scripts load without a token: they hold no data. The data stream itself needs
 * an operator token (LiveHttpController).
 */
@ApiExcludeController()
@Controller()
export class PageHttpController {
  constructor(@Inject(PAGE_ASSETS) private readonly assets: Map<string, PageAsset>) {}

  @Get()
  page(@Headers('if-none-match') etag: string | undefined, @Res() reply: FastifyReply): void {
    this.send('index.html', etag, reply);
  }

  @Get('assets/:name')
  asset(
    @Param('name') name: string,
    @Headers('if-none-match') etag: string | undefined,
    @Res() reply: FastifyReply,
  ): void {
    if (name === 'index.html' || !this.assets.has(name))
      throw new ApiError(404, 'NOT_FOUND', 'no such asset');
    this.send(name, etag, reply);
  }

  private send(name: string, etag: string | undefined, reply: FastifyReply): void {
    const asset = this.assets.get(name)!;
    void reply.header('etag', asset.etag).header('cache-control', 'no-cache');
    if (etag === asset.etag) {
      void reply.status(304).send();
      return;
    }
    void reply.status(200).type(asset.contentType).send(asset.body);
  }
}
