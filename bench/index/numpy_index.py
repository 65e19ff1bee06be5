"""NumPy baseline for bench/index: the same computation as suocha's index on the same synthetic data.

Min-max normalisation (direction-aware, constant column -> 50), two-level arithmetic aggregation with
weights renormalised over available values, competition ranks (1 = best), and a Monte Carlo of 1,000
weight perturbations w*(1+u), u ~ U(-0.25, 0.25) at both levels, reporting nearest-rank 5/50/95th
percentile ranks per unit. Plain NumPy, vectorised over samples; NumPy's own RNG (so draws differ from
suocha's mulberry32, the work is the same).

usage: python3 numpy_index.py <dir with meta.json and data.bin>  -> JSON on stdout
"""
import json
import sys
import time

import numpy as np


def normalise(x, up):
    mn = np.nanmin(x, axis=0)
    mx = np.nanmax(x, axis=0)
    rng = mx - mn
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(up, (x - mn) / rng, (mx - x) / rng) * 100.0
    const = ~(rng > 0)
    z[:, const] = np.where(np.isnan(x[:, const]), np.nan, 50.0)
    return z


def domain_scores(z, w, starts):
    """z: n x m; w: m x S -> list of n x S domain scores (NaN where nothing available)."""
    avail = ~np.isnan(z)
    zf = np.where(avail, z, 0.0)
    out = []
    for k in range(len(starts) - 1):
        sl = slice(starts[k], starts[k + 1])
        num = zf[:, sl] @ w[sl]
        den = avail[:, sl].astype(np.float64) @ w[sl]
        with np.errstate(invalid="ignore", divide="ignore"):
            out.append(np.where(den > 0, num / den, np.nan))
    return out


def totals(ds, dw):
    """ds: list of n x S; dw: d x S -> n x S totals."""
    num = 0.0
    den = 0.0
    for k, d in enumerate(ds):
        a = ~np.isnan(d)
        num = num + np.where(a, d, 0.0) * dw[k]
        den = den + a * dw[k]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / den, np.nan)


def ranks(scores):
    """Competition ranks of one column: 1 + number of strictly higher scores."""
    srt = np.sort(scores)
    return 1 + len(scores) - np.searchsorted(srt, scores, side="right")


def run_once(x, up, w, dw, starts):
    z = normalise(x, up)
    t = totals(domain_scores(z, w[:, None], starts), dw[:, None])[:, 0]
    return t, ranks(t)


def monte_carlo(x, up, w, dw, starts, samples, spread, seed):
    gen = np.random.default_rng(seed)
    z = normalise(x, up)
    ws = w[:, None] * (1 + gen.uniform(-spread, spread, size=(len(w), samples)))
    dws = dw[:, None] * (1 + gen.uniform(-spread, spread, size=(len(dw), samples)))
    t = totals(domain_scores(z, ws, starts), dws)
    r = np.empty(t.shape, dtype=np.int32)
    for s in range(samples):
        r[:, s] = ranks(t[:, s])
    r.sort(axis=1)
    pick = lambda p: r[:, max(int(np.ceil(p / 100 * samples)), 1) - 1]
    return pick(5), pick(50), pick(95)


def timed(fn, repeats):
    fn()  # warm-up
    ms = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t) * 1000)
    return ms


def main():
    d = sys.argv[1]
    meta = json.load(open(f"{d}/meta.json"))
    n, m = meta["n"], meta["m"]
    x = np.fromfile(f"{d}/data.bin", dtype="<f8").reshape(n, m)
    up = np.array(meta["up"], dtype=bool)
    w = np.array(meta["indicatorWeights"], dtype=np.float64)
    dw = np.array(meta["domainWeights"], dtype=np.float64)
    starts = meta["domainStart"]
    scores, rk = run_once(x, up, w, dw, starts)
    run_ms = timed(lambda: run_once(x, up, w, dw, starts), meta["runRepeats"])
    mc_ms = timed(
        lambda: monte_carlo(x, up, w, dw, starts, meta["samples"], meta["spread"], 1), meta["mcRepeats"]
    )
    json.dump(
        {
            "numpy": np.__version__,
            "run_ms": run_ms,
            "mc_ms": mc_ms,
            "scores": [None if np.isnan(s) else float(s) for s in scores],
            "ranks": [int(r) for r in rk],
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
