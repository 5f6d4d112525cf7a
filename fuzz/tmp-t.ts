import { readFileSync } from 'node:fs';
import { check } from './lib/check';
const b = readFileSync(process.argv[2]);
const t = process.threadCpuUsage();
const v = check(b);
const u = process.threadCpuUsage(t);
console.log(b.length, JSON.stringify(v), ((u.user + u.system) / 1000).toFixed(0), 'ms CPU');
