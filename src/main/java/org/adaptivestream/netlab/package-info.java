/** Network lab: a local TCP relay that emulates a bottleneck link (bandwidth, delay, queue, jitter). */
package org.adaptivestream.netlab;
