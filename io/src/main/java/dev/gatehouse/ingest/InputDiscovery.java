package dev.gatehouse.ingest;

import dev.gatehouse.core.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands command-line arguments into the inputs to read.
 *
 * <p>A file is read whatever its name. A directory is searched recursively, following symbolic
 * links, for the file names Zeek gives ssh and conn logs (see {@link #isZeekLogName}), and its
 * files are read in path order. {@code -} is standard input. A path that cannot be read is
 * reported and the other arguments are still expanded.
 */
public final class InputDiscovery {

  /** Diagnostic reason of an argument or directory entry that cannot be read. */
  public static final String UNREADABLE_INPUT = "unreadable-input";

  /** Diagnostic reason of an input named twice, which is read once. */
  public static final String DUPLICATE_INPUT = "duplicate-input";

  /** Diagnostic reason of a directory without ssh or conn logs. */
  public static final String NO_LOG_FILES = "no-log-files";

  /** Diagnostic reason of a symbolic link that leads back into a directory being searched. */
  public static final String LINK_LOOP = "link-loop";

  private static final List<String> LOG_STEMS = List.of("ssh.", "conn.");
  private static final List<String> FORMAT_SUFFIXES = List.of(".log", ".json");
  private static final List<String> COMPRESSION_SUFFIXES = List.of(".gz", ".zst", ".zstd");

  private InputDiscovery() {}

  /**
   * Returns the inputs named by {@code arguments}, in argument order, with each directory
   * replaced by its log files in path order. Problems go to {@code diagnostics}; a path that
   * cannot be read is an error with reason {@link #UNREADABLE_INPUT}.
   */
  public static List<InputSource> expand(List<String> arguments, Diagnostics diagnostics) {
    List<InputSource> sources = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    boolean stdinSeen = false;
    for (String argument : arguments) {
      if (argument.equals(InputSource.STDIN_NAME)) {
        if (stdinSeen) {
          diagnostics.warning(argument, 0, DUPLICATE_INPUT,
              "standard input ('-') is named more than once and is read once");
        } else {
          stdinSeen = true;
          sources.add(InputSource.stdin());
        }
        continue;
      }
      Path path;
      try {
        path = Path.of(argument);
      } catch (InvalidPathException e) {
        diagnostics.error(argument, 0, UNREADABLE_INPUT,
            "cannot read the input: the path is invalid (" + e.getReason() + ")");
        continue;
      }
      if (Files.isDirectory(path)) {
        List<Path> files = findLogFiles(path, argument, diagnostics);
        if (files.isEmpty()) {
          diagnostics.warning(argument, 0, NO_LOG_FILES,
              "the directory contains no files named like Zeek ssh or conn logs, such as ssh.log,"
                  + " conn.log.gz, ssh.2024-04-19-01-00-00.log.gz or conn.json");
        }
        int repeated = 0;
        for (Path file : files) {
          if (seen.add(file.toAbsolutePath().normalize())) {
            sources.add(InputSource.file(file));
          } else {
            repeated++;
          }
        }
        if (repeated > 0) {
          diagnostics.warning(argument, 0, DUPLICATE_INPUT,
              repeated + " of the directory's log files were named before and are read once");
        }
      } else if (!Files.exists(path)) {
        diagnostics.error(argument, 0, UNREADABLE_INPUT,
            "cannot read the input: no such file or directory; check the path");
      } else if (!Files.isReadable(path)) {
        diagnostics.error(argument, 0, UNREADABLE_INPUT,
            "cannot read the input: permission denied; check the file's permissions");
      } else {
        addOnce(InputSource.file(path), seen, sources, diagnostics);
      }
    }
    return sources;
  }

  /** Returns the number of {@link #UNREADABLE_INPUT} errors in {@code diagnostics}. */
  public static long unreadableCount(Diagnostics diagnostics) {
    return diagnostics.countsByReason().getOrDefault(UNREADABLE_INPUT, 0L);
  }

  /**
   * Returns whether a file name is one Zeek gives an ssh or conn log: the name starts with
   * {@code ssh} or {@code conn} followed by a dot or an underscore, and ends with {@code .log} or
   * {@code .json}, optionally followed by logrotate's number ({@code .1}) and by {@code .gz},
   * {@code .zst} or {@code .zstd}. Rotation stamps between stem and suffix are allowed, as in
   * {@code ssh.2024-04-19-01-00-00.log.gz}, {@code conn.01:00:00-02:00:00.log.gz},
   * Corelight's {@code ssh_20240419_01:00:00-02:00:00-0000.log.gz} and {@code ssh.log.2.gz}.
   */
  public static boolean isZeekLogName(String fileName) {
    String stemmed = null;
    for (String stem : LOG_STEMS) {
      String bare = stem.substring(0, stem.length() - 1);
      if (fileName.startsWith(stem) || fileName.startsWith(bare + "_")) {
        stemmed = fileName.substring(bare.length());
      }
    }
    if (stemmed == null) {
      return false;
    }
    String uncompressed = stemmed;
    for (String suffix : COMPRESSION_SUFFIXES) {
      if (stemmed.endsWith(suffix)) {
        uncompressed = stemmed.substring(0, stemmed.length() - suffix.length());
      }
    }
    uncompressed = withoutRotationNumber(uncompressed);
    for (String suffix : FORMAT_SUFFIXES) {
      if (uncompressed.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** Returns {@code name} without the {@code .1}, {@code .2} ... that logrotate appends. */
  private static String withoutRotationNumber(String name) {
    int end = name.length();
    int digits = end;
    while (digits > 0 && Character.isDigit(name.charAt(digits - 1)) && name.charAt(digits - 1) < 128) {
      digits--;
    }
    if (digits < end && digits > 0 && name.charAt(digits - 1) == '.') {
      return name.substring(0, digits - 1);
    }
    return name;
  }

  private static void addOnce(InputSource source, Set<Path> seen, List<InputSource> sources,
      Diagnostics diagnostics) {
    if (seen.add(source.path().toAbsolutePath().normalize())) {
      sources.add(source);
    } else {
      diagnostics.warning(source.name(), 0, DUPLICATE_INPUT,
          "the file was named before and is read once");
    }
  }

  private static List<Path> findLogFiles(Path directory, String argument, Diagnostics diagnostics) {
    List<Path> files = new ArrayList<>();
    SimpleFileVisitor<Path> visitor = new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory() || !isZeekLogName(file.getFileName().toString())) {
          return FileVisitResult.CONTINUE;
        }
        if (Files.isReadable(file)) {
          files.add(file);
        } else {
          diagnostics.error(file.toString(), 0, UNREADABLE_INPUT,
              "cannot read the input: permission denied; check the file's permissions");
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException failure) {
        if (failure instanceof FileSystemLoopException) {
          diagnostics.warning(file.toString(), 0, LINK_LOOP,
              "the symbolic link leads back into a directory being searched and is not followed");
        } else {
          diagnostics.error(file.toString(), 0, UNREADABLE_INPUT,
              "cannot read the input while searching " + argument + ": " + describe(failure));
        }
        return FileVisitResult.CONTINUE;
      }
    };
    try {
      Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          visitor);
    } catch (IOException e) {
      diagnostics.error(argument, 0, UNREADABLE_INPUT,
          "cannot search the directory: " + describe(e));
    }
    Collections.sort(files);
    return files;
  }

  private static String describe(IOException failure) {
    if (failure instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (failure instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }
}
