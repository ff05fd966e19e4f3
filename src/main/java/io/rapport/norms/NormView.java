package io.rapport.norms;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Local norms as the API and the norms page show them.
 *
 * @param inUse whether trends use them: the version has at least {@code minPairs} pairs and an SEM could be computed
 * @param status "in use", or why not, e.g. "not enough data yet: 12 of 30 pairs"
 * @param reliableChangeThreshold95 Jacobson–Truax 1.96 · √2 · SEM, or null
 */
public record NormView(@JsonUnwrapped LocalNorm norm, int minPairs, boolean inUse, String status,
        Double reliableChangeThreshold95) {

    static NormView of(LocalNorm n, int minPairs) {
        boolean enough = n.pairs() >= minPairs;
        boolean computable = n.sem() != null && n.noiseSd() != null;
        String status = !enough ? "not enough data yet: " + n.pairs() + " of " + minPairs + " pairs"
                : !computable ? "not computable: too few complete responses or no variance" : "in use";
        return new NormView(n, minPairs, enough && computable, status,
                n.sem() == null ? null : 1.96 * Math.sqrt(2) * n.sem());
    }
}
