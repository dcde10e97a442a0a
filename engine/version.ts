/** Bumped whenever a rule change could alter any result: replays compare it with the stored run's. */
export const ENGINE_VERSION = '1.0.0';
