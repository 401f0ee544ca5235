package org.adaptivestream.protocol;

/** Asks the server for its {@link CatalogReply}. Empty payload. */
public record CatalogRequest() implements Message {

    @Override
    public MessageType type() {
        return MessageType.CATALOG_REQUEST;
    }
}
