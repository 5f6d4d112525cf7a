import 'reflect-metadata';

import { run } from '@paxscreen/http';

import { startCasework } from './casework.app';

run(() => startCasework());
