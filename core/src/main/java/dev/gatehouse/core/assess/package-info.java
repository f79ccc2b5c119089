/**
 * The assessment stage that follows a detection model: enrichment, scoring and triage of each
 * {@link dev.gatehouse.core.model.Detection}, producing an {@link dev.gatehouse.core.assess.Alert}.
 *
 * <p>{@link dev.gatehouse.core.assess.Assessor} runs the stage on the detections that a model's
 * {@code finish()} returns, in this order:
 *
 * <ol>
 *   <li>Enrichment: the source's country, city and autonomous system ({@link
 *       dev.gatehouse.core.assess.GeoLookup}), the threat lists that contain the source ({@link
 *       dev.gatehouse.core.assess.ThreatIntel}), the destination's inventory entry ({@link
 *       dev.gatehouse.core.assess.AssetInventory}) and its names from DNS answers ({@link
 *       dev.gatehouse.core.assess.HostNames}).
 *   <li>Novelty: whether the source address, its network, its autonomous system or its country
 *       logged in to the destination before ({@link dev.gatehouse.core.assess.NoveltyHistory}).
 *   <li>Scoring: a {@link dev.gatehouse.core.assess.Score} with a severity, a risk score, a
 *       certainty and the {@link dev.gatehouse.core.assess.Factor}s that produced them.
 *   <li>Triage: the site's {@link dev.gatehouse.core.assess.TriageRule}s suppress or downgrade
 *       matching detections, and the {@link dev.gatehouse.core.assess.TriageOutcome} names the rule.
 * </ol>
 *
 * <p>The package reads no file and takes no clock: lookups arrive as interfaces or plain data,
 * and the date that decides whether a rule has expired is passed in. Readers of GeoIP databases,
 * threat lists, inventories and the novelty state file live in the io module.
 */
package dev.gatehouse.core.assess;
