package dev.gatehouse.core.model;

import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.SshSession;

/** A session with the certainty the model gave it and the sentence that explains why. */
record Graded(SshSession session, ConnSummary conn, Certainty certainty, String reason) {}
