/**
 * Tools for plugin authors and for Adalab's own tests: the optimizer compatibility kit and the
 * replay of {@code optimizer-reference/1} trajectory files.
 */
package io.adalab.testkit;
