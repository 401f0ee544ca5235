/** Evaluation: the GOP-level simulator, the offline-optimal ceiling, the QoE score and benchmarks. */
package org.adaptivestream.evaluation;
