package io.rapport.architecture.cycle.b;

import io.rapport.architecture.cycle.a.Left;

/** The other half of the deliberate package cycle. */
public class Right {
    Left left;
}
