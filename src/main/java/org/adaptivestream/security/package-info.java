/** Certificates and TLS: key and certificate creation, TLS 1.3 contexts, server verification and trust. */
package org.adaptivestream.security;
