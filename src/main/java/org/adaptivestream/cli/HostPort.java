package org.adaptivestream.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine;

/** Parses {@code HOST:PORT} (IPv6 hosts in brackets) for command-line options. */
final class HostPort {

    private HostPort() {
    }

    static InetSocketAddress parse(String text, CommandLine commandLine) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new CommandLine.ParameterException(commandLine, "'" + text + "' is not HOST:PORT");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(commandLine, "'" + text + "': port is not a number");
        }
        if (port < 1 || port > 65_535) {
            throw new CommandLine.ParameterException(commandLine, "'" + text + "': port " + port + " is outside 1..65535");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new CommandLine.ParameterException(commandLine, "'" + text + "': unknown host " + host);
        }
        return address;
    }
}
