/**
 * Adapters from Deeplearning4j networks to {@link io.adalab.api.TrainableModel}. Model plugins that
 * build DL4J networks use {@link io.adalab.api.dl4j.Dl4jModel}; the host provides DL4J at run time,
 * so declare it {@code provided}.
 */
package io.adalab.api.dl4j;
