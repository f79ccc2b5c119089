/** The {@code gatehouse} command line: one picocli command class per subcommand. */
package dev.gatehouse.cli;
