import 'reflect-metadata';

import { run } from '@paxscreen/http';

import { startRecords } from './records.app';

run(() => startRecords());
