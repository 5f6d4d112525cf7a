import 'reflect-metadata';

import { run } from '@paxscreen/http';

import { startDashboard } from './dashboard.app';

run(() => startDashboard());
