/** Adaptation policies: pure functions from measured network and buffer state to a rung, with a reason. */
package org.adaptivestream.adaptation;
