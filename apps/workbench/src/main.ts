import 'reflect-metadata';

import { run } from '@paxscreen/http';

import { startWorkbench } from './workbench.app';

run(() => startWorkbench());
