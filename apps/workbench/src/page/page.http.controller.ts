import { Controller, Get, Headers, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { ApiError } from '@paxscreen/http';

import { UI_ASSETS } from '../tokens';
import type { UiAsset } from './ui-assets';

/**
 * The page and its files load without a token: they hold no data (every call they make carries the
 * user's bearer token). Hashed files are cached for good; the page itself is revalidated.
 */
@ApiExcludeController()
@Controller()
export class PageHttpController {
  constructor(@Inject(UI_ASSETS) private readonly assets: Map<string, UiAsset>) {}

  @Get()
  page(@Headers('if-none-match') etag: string | undefined, @Res() reply: FastifyReply): void {
    this.send('index.html', etag, reply, 'no-cache');
  }

  @Get('assets/:name')
  asset(
    @Param('name') name: string,
    @Headers('if-none-match') etag: string | undefined,
    @Res() reply: FastifyReply,
  ): void {
    if (name === 'index.html' || !this.assets.has(name))
      throw new ApiError(404, 'NOT_FOUND', 'no such asset');
    this.send(name, etag, reply, 'public, max-age=31536000, immutable');
  }

  private send(name: string, etag: string | undefined, reply: FastifyReply, cache: string): void {
    const asset = this.assets.get(name)!;
    void reply.header('etag', asset.etag).header('cache-control', cache);
    if (etag === asset.etag) {
      void reply.status(304).send();
      return;
    }
    void reply.status(200).type(asset.contentType).send(asset.body);
  }
}
