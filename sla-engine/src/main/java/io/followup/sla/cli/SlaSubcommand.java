package io.followup.sla.cli;

/**
 * A subcommand that lives in another module, found with {@link java.util.ServiceLoader}: the
 * implementing class is a picocli {@code @Command} with a public no-argument constructor, named in
 * its jar's {@code META-INF/services/io.followup.sla.cli.SlaSubcommand}. The CLI adds whichever are
 * on the classpath, so a module built on the engine (the benchmark) adds a command without the
 * engine depending on it.
 */
public interface SlaSubcommand {}
