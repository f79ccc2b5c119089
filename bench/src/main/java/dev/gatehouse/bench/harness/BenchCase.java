package dev.gatehouse.bench.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * One benchmark case: an input and the tools run over it.
 *
 * @param id a short name such as tsv or gzip
 * @param title the description in the report
 * @param inputBytes uncompressed bytes of the input
 * @param storedBytes bytes of the input files on disk, smaller when compressed
 * @param rows ssh.log and conn.log rows in the input
 * @param inputs the files to read into the page cache before the case
 * @param expected expected.jsonl of the case's data set
 * @param tools the tools, gatehouse first
 */
record BenchCase(String id, String title, long inputBytes, long storedBytes, long rows,
    List<Path> inputs, Path expected, List<Tool> tools) {}
