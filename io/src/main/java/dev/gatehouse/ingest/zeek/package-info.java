/**
 * Reading Zeek's ssh.log and conn.log into {@link dev.gatehouse.core.record.SshSession} and
 * {@link dev.gatehouse.core.record.ConnSummary} records.
 *
 * <p>The pipeline runs in this order: {@link dev.gatehouse.ingest.Decompression} undoes gzip or
 * zstd, {@code LineReader} splits bytes into lines, {@code TsvLines} or {@code JsonLines} turns a
 * line into a {@code Row} of the columns read here, and {@code RecordDecoder} turns the row into
 * a record. {@link dev.gatehouse.ingest.zeek.ZeekReader} drives the pipeline for one source.
 *
 * <p>Formats read:
 *
 * <ul>
 *   <li>Zeek TSV with every header block Zeek's ASCII writer emits. Several blocks may follow one
 *       another in one input, as in concatenated logs or a schema change.
 *   <li>zeek-cut output that starts with a plain line of tab-separated column names.
 *   <li>Zeek JSON lines, including the envelope of Zeek's Kafka writer.
 * </ul>
 *
 * <p>Malformed content is recorded, not thrown: only a failed read of the underlying file or
 * stream throws. Every problem goes to {@link dev.gatehouse.core.diag.Diagnostics} with the
 * source, the 1-based line and a reason code:
 *
 * <ul>
 *   <li>Errors skip the row: {@code bad-timestamp}, {@code bad-address}, {@code bad-port}, {@code
 *       bad-auth-success}, {@code short-row}, {@code bad-json}, {@code missing-field} (a JSON row
 *       without a required key), {@code line-too-long}.
 *   <li>Errors skip a block or a file: {@code missing-column} (a TSV header without ts or one of
 *       the four endpoint columns, reported once per header block) and {@code no-header}.
 *   <li>Warnings keep the row: {@code extra-fields}, {@code bad-count}, {@code bad-duration} and
 *       {@code bad-bool}, where the malformed value is read as unset.
 *   <li>Warnings about the input: {@code missing-separator}, {@code unknown-log-type}, {@code
 *       truncated-input} and {@code corrupt-input}.
 * </ul>
 *
 * <p>An ssh header block without {@code auth_success}, as in Bro 2.2 logs that have {@code
 * status} instead, is read with every outcome {@link dev.gatehouse.core.record.AuthOutcome#UNSET}
 * and one {@code missing-column} warning per block. The {@code status} values are not mapped.
 */
package dev.gatehouse.ingest.zeek;
