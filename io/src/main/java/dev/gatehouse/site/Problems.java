package dev.gatehouse.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one site file while it is read and validated. */
final class Problems {

  private final List<SiteProblem> problems = new ArrayList<>();

  void error(int line, int column, String message) {
    problems.add(new SiteProblem(line, column, SiteProblem.ERROR, message));
  }

  void warning(int line, int column, String message) {
    problems.add(new SiteProblem(line, column, SiteProblem.WARNING, message));
  }

  void error(YamlNode node, String message) {
    error(node.line(), node.column(), message);
  }

  void warning(YamlNode node, String message) {
    warning(node.line(), node.column(), message);
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(SiteProblem::isError);
  }

  /** Returns the number of errors so far, so a reader can tell whether a part of the file added any. */
  int errorCount() {
    return (int) problems.stream().filter(SiteProblem::isError).count();
  }

  /** Returns the problems sorted by line and column. Problems of the whole file come first. */
  List<SiteProblem> sorted() {
    List<SiteProblem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(SiteProblem::line).thenComparingInt(SiteProblem::column));
    return List.copyOf(sorted);
  }
}
