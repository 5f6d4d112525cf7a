import 'reflect-metadata';

import { run } from '@paxscreen/http';

import { startWatchlist } from './watchlist.app';

run(() => startWatchlist());
