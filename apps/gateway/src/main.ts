import 'reflect-metadata';

import { run } from '@paxscreen/http';

import { startGateway } from './gateway.app';

run(() => startGateway());
