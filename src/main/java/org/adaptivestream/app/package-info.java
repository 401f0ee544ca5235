/** The JavaFX desktop application; the only package that touches JavaFX. */
package org.adaptivestream.app;
