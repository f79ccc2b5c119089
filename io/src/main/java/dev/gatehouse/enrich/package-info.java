/**
 * Loading of the data sources that enrich detections, and of the novelty state file.
 *
 * <p>{@link dev.gatehouse.enrich.EnrichmentSources} opens what the site file names: MaxMind
 * GeoIP databases (City or Country, and ASN) through MaxMind's GeoIP2 reader, threat lists in
 * text or CSV, and the asset inventory in CSV. Malformed lines are recorded as {@link
 * dev.gatehouse.enrich.FileProblem}s with their line numbers and skipped, and the rest of each
 * file is used. {@link dev.gatehouse.enrich.DnsNames} collects names of internal addresses from
 * dns.log rows. {@link dev.gatehouse.enrich.NoveltyStateFile} keeps the history of logins between
 * runs and writes it atomically.
 *
 * <p>The loaded data goes to {@link dev.gatehouse.core.assess.Assessor} in core, which reads no
 * file itself.
 */
package dev.gatehouse.enrich;
