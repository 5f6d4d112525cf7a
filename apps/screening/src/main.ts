import 'reflect-metadata';

import { run } from '@paxscreen/http';

import { startScreening } from './screening.app';

run(() => startScreening());
