/**
 * Finding and opening log inputs: expanding command-line arguments into files, recognising
 * compression by its magic bytes, and the per-source counters a reader returns.
 *
 * <p>Format-specific readers live in subpackages, such as {@link dev.gatehouse.ingest.zeek} for
 * Zeek's ssh.log and conn.log.
 */
package dev.gatehouse.ingest;
