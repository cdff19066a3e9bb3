/** Internals of the compatibility kit; not API, may change at any time. */
package io.adalab.testkit.internal;
