package dev.gatehouse.ingest;

/**
 * The counters of reading one source.
 *
 * @param source the source's name, as in {@link InputSource#name()}
 * @param lines the lines read, counting header, blank and skipped lines
 * @param bytes the decompressed bytes read
 * @param sshRecords the ssh.log rows passed to the sink
 * @param connRecords the conn.log rows passed to the sink
 * @param otherRecords the rows of other log types (dns, notice, ...) that were counted and not
 *     read further
 * @param skippedRecords the data rows that were not passed to the sink because of an error
 *     diagnostic: a malformed value, a short row, a missing required column or no header
 * @param truncated whether the source ended early: a compressed stream that broke off or was
 *     corrupt, or a last line cut off mid-row
 */
public record SourceStats(
    String source,
    long lines,
    long bytes,
    long sshRecords,
    long connRecords,
    long otherRecords,
    long skippedRecords,
    boolean truncated) {}
