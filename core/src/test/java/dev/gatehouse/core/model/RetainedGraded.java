package dev.gatehouse.core.model;

import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.SshSession;

/** A session kept by {@link RetainingModel} with its certainty and reason. */
record RetainedGraded(SshSession session, ConnSummary conn, Certainty certainty, String reason) {}
