/**
 * Certificates and TLS: the server's key and certificate, TLS 1.3 sockets, and how a client
 * decides to trust a server. Never trust-all.
 *
 * <ul>
 *   <li>server: {@link org.adaptivestream.security.ServerIdentity#loadOrCreate(java.nio.file.Path)},
 *       {@link org.adaptivestream.security.TlsListener#open}, then
 *       {@link org.adaptivestream.security.TlsHandshake#complete} on each accepted socket, and a
 *       {@link org.adaptivestream.security.RecordBatch} around each message written;</li>
 *   <li>client: a {@link org.adaptivestream.security.ServerVerifier} (pinned fingerprint, trust on
 *       first use with {@link org.adaptivestream.security.KnownServers} and a
 *       {@link org.adaptivestream.security.FirstContactPrompt}, or CA-signed), then
 *       {@link org.adaptivestream.security.TlsClient#connect};</li>
 *   <li>refusals: {@link org.adaptivestream.security.UntrustedServerException} (with a reason and
 *       the presented fingerprint) and {@link org.adaptivestream.security.ServerCertificateChangedException};
 *       unusable key files: {@link org.adaptivestream.security.IdentityStoreException};</li>
 *   <li>{@link org.adaptivestream.security.TlsPolicy}: TLS 1.3, AEAD suites, x25519/P-256/P-384.</li>
 * </ul>
 */
package org.adaptivestream.security;
