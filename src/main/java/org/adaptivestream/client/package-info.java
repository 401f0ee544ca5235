/** The streaming client: connects over verified TLS, receives, decodes and plays out, drives adaptation. */
package org.adaptivestream.client;
