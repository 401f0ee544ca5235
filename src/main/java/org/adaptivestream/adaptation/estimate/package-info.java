/** Estimators of throughput, round-trip time and delay trend; they measure, policies decide. */
package org.adaptivestream.adaptation.estimate;
