package org.adaptivestream.protocol;

/**
 * A frame arrived whole but its payload breaks the message's layout: a payload length the type
 * does not allow, a string over its cap or not UTF-8, an unknown rung or code, a value out of
 * range, bytes left over. Framing is intact; the frame has been consumed.
 */
public final class MalformedPayloadException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String message) {
        super(message);
    }

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean framingIntact() {
        return true;
    }
}
