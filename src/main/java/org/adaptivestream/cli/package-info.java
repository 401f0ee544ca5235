/** The command line: subcommands for server, client, prepare, library and bench. */
package org.adaptivestream.cli;
