/** Media library: preparing keyframe-aligned rendition ladders, manifests, preloading compressed packets, decoding. */
package org.adaptivestream.media;
