package org.carecourse.treatment.course.api;

import org.carecourse.instruments.Instrument;

/** A pre-treatment total the course judges later scores of the same instrument against. */
public record BaselineScore(Instrument instrument, int total) {
}
