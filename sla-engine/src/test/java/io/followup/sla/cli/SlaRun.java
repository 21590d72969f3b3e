package io.followup.sla.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One run of the {@code sla} command line in this JVM: its exit code and what it printed. */
record SlaRun(int exitCode, String out, String err) {

  static SlaRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SlaCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new SlaRun(code, out.toString(), err.toString());
  }

  List<String> errLines() {
    return err.lines().toList();
  }
}
