package io.adalab.server.live;

/**
 * One step of one run, already rendered as a JSON object in UTF-8 (shared by every client that
 * receives it; never modified).
 *
 * @param run  run id
 * @param step optimizer step
 * @param json the point as a JSON object, UTF-8
 */
record Point(long run, long step, byte[] json) {
}
