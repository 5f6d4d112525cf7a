import 'reflect-metadata';

import { run } from '@paxscreen/http';

import { startCarriers } from './carriers.app';

run(() => startCarriers());
