package io.adalab.server.live;

/**
 * One step of one run, already rendered as a JSON object (shared by every client that receives it).
 *
 * @param run  run id
 * @param step optimizer step
 * @param json the point as a JSON object
 */
record Point(long run, long step, String json) {
}
