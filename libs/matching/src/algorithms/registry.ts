import { MatchAlgorithm } from './algorithm';
import { PAXSCREEN_V1 } from './paxscreen-v1';

/** Every algorithm by name; the default is the one screening uses. */
export const ALGORITHMS: Readonly<Record<string, MatchAlgorithm>> = { [PAXSCREEN_V1.name]: PAXSCREEN_V1 };
export const DEFAULT_ALGORITHM = PAXSCREEN_V1;
