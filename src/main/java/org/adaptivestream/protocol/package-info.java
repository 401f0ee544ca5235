/** Wire protocol: length-prefixed binary frames and the messages they carry. No JavaFX, no sockets. */
package org.adaptivestream.protocol;
