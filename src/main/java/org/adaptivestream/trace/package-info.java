/** Network capacity traces: parsing recorded traces and built-in profiles into capacity over time. */
package org.adaptivestream.trace;
