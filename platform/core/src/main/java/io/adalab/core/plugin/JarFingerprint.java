package io.adalab.core.plugin;

/** What identifies a version of a file cheaply (a change makes the scan look again). */
record JarFingerprint(long size, long modified, Object key) {
}
