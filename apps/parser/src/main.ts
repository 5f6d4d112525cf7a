import 'reflect-metadata';

import { run } from '@paxscreen/http';

import { startParser } from './parser.app';

run(() => startParser());
