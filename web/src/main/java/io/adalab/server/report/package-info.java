/** Experiment reports as a self-contained HTML page (charts inlined) and as CSV. */
package io.adalab.server.report;
