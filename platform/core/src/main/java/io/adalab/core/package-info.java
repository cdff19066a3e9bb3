/**
 * The Adalab platform: experiment specs and planning ({@code spec}), the plugin host
 * ({@code plugin}), the training engine ({@code train}), run events ({@code events}) and the run
 * store ({@code store}). Nothing here is API for plugins; plugins see only {@code io.adalab.api}.
 */
package io.adalab.core;
