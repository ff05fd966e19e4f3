package io.rapport.architecture.cycle.a;

import io.rapport.architecture.cycle.b.Right;

/** Half of a deliberate package cycle: proves the cycle rule can fail. */
public class Left {
    Right right;
}
