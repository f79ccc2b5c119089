/**
 * Sinks that write detections: JSON lines for machines and a table for people. Every sink
 * escapes attacker-controlled text (banners, host keys) for its format.
 */
package dev.gatehouse.output;
