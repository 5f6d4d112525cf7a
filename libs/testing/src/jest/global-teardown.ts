import { deleteRunTopics, deleteRunKeys } from '../cleanup';

export default async function globalTeardown(): Promise<void> {
  const run = process.env.PAXSCREEN_TEST_RUN;
  if (run && !process.env.PAXSCREEN_KEEP_TEST_DATA) {
    await deleteRunTopics(run).catch(() => undefined);
    await deleteRunKeys(run).catch(() => undefined);
  }
  await globalThis.__PAXSCREEN_TEST_SERVICES__?.stop();
}
