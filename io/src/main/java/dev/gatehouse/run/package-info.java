/**
 * Drivers that run the detection models over inputs. The batch driver reads files and
 * directories once and returns the detections with the run's counters.
 */
package dev.gatehouse.run;
