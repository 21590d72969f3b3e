package io.followup.sla.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What Linux's {@code /proc} says about another process: resident memory and CPU time. CPU time
 * comes from each thread's {@code schedstat} (nanoseconds on the CPU), because {@code stat} counts
 * in 10 ms ticks, too coarse for an idle thread's few milliseconds a second.
 */
final class ProcFs {

  private static final Path PROC = Path.of("/proc");

  private ProcFs() {}

  /** True where the figures can be read at all (Linux with schedstat). */
  static boolean available() {
    return Files.isReadable(PROC.resolve("self/status"))
        && Files.isReadable(PROC.resolve("self/schedstat"));
  }

  /** The one-minute load average, as /proc/loadavg says it: how busy the machine was. */
  static String loadAverage() {
    try {
      return Files.readString(PROC.resolve("loadavg"), StandardCharsets.UTF_8).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Resident set size now (VmRSS), in bytes. */
  static long residentBytes(long pid) {
    return statusKilobytes(pid, "VmRSS:").orElseThrow(() -> gone(pid)) * 1024;
  }

  /** The largest resident set size so far (VmHWM), in bytes; empty once the process is gone. */
  static OptionalLong peakResidentBytes(long pid) {
    OptionalLong kb = statusKilobytes(pid, "VmHWM:");
    return kb.isPresent() ? OptionalLong.of(kb.getAsLong() * 1024) : OptionalLong.empty();
  }

  /** CPU time of every live thread of the process, in nanoseconds. */
  static long cpuNanos(long pid) {
    return threadsCpuNanos(pid, null);
  }

  /**
   * CPU time of the threads whose name contains {@code nameFragment}, in nanoseconds. Linux keeps
   * the first 15 characters of a Java thread's name.
   */
  static long threadCpuNanos(long pid, String nameFragment) {
    return threadsCpuNanos(pid, nameFragment);
  }

  private static long threadsCpuNanos(long pid, String nameFragment) {
    long total = 0;
    boolean matched = false;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve(pid + "/task"))) {
      for (Path task : tasks) {
        try {
          if (nameFragment != null
              && !Files.readString(task.resolve("comm"), StandardCharsets.UTF_8)
                  .contains(nameFragment)) {
            continue;
          }
          String schedstat = Files.readString(task.resolve("schedstat"), StandardCharsets.UTF_8);
          total += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
          matched = true;
        } catch (NoSuchFileException e) {
          // The thread ended between the listing and the read: its time is gone with it.
        }
      }
    } catch (IOException e) {
      throw gone(pid);
    }
    if (nameFragment != null && !matched) {
      throw new IllegalStateException(
          "process " + pid + " has no thread named like " + nameFragment);
    }
    return total;
  }

  private static OptionalLong statusKilobytes(long pid, String field) {
    try {
      for (String line : Files.readAllLines(PROC.resolve(pid + "/status"))) {
        if (line.startsWith(field)) {
          String value = line.substring(field.length()).trim();
          return OptionalLong.of(Long.parseLong(value.substring(0, value.indexOf(' '))));
        }
      }
      return OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  private static IllegalStateException gone(long pid) {
    return new IllegalStateException("process " + pid + " is gone");
  }
}
