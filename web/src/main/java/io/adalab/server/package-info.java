/** The Adalab host process: command line ({@code cli}), web server ({@code http}, {@code live}), metrics. */
package io.adalab.server;
